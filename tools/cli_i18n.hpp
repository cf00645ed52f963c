// CLI11 in the language of the messages (util/i18n.hpp): its own words in
// --help ("Usage:", "Options:", "REQUIRED" ...) through a formatter, the names
// of values in the help of a translated run, and its parse errors. Under the C
// locale every one of these is CLI11's own text, byte for byte: the golden
// tests, the man page test and the completion scripts read it.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace tthc::cli {

// The formatter of every command's --help: set on the program before the
// commands are registered (they inherit it). In a translated run it says
// CLI11's words in the language of the messages, shows the arguments by their
// translated names (CATALOG → DANH_MỤC) and aligns the columns by characters,
// not bytes.
class HelpFormatter : public CLI::Formatter {
public:
    HelpFormatter();
    std::string make_group(std::string group, bool is_positional, std::vector<const CLI::Option*> opts) const override;
    std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override;
    std::string make_option(const CLI::Option* opt, bool is_positional) const override;
    std::string make_option_name(const CLI::Option* opt, bool is_positional) const override;
    std::string make_option_opts(const CLI::Option* opt) const override;

private:
    bool translated_;
};

// Names the value an option takes in the help of a translated run: the
// translation of `name` (an N_ string such as "FILE") replaces CLI11's type
// name ("TEXT"); under C nothing changes. Returns `opt`.
CLI::Option* value_name(CLI::Option* opt, const char* name);

// The translated name of a positional argument as the help shows it
// ("CATALOG" → "DANH_MỤC"); the name itself when it has none.
std::string argument_name(const std::string& name);

// The text of a parse error in the language of the messages: CLI11's English
// sentence when nothing is translated, else its translation (the values it
// names kept as they are).
std::string parse_error_text(const CLI::ParseError& e);

}  // namespace tthc::cli
