// What every command file shares: the options common to all commands, the exit
// code contract and how a command registers itself with the program.
#pragma once

#include <unistd.h>

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "catalog/loader.hpp"
#include "core/values.hpp"
#include "util/i18n.hpp"

namespace tthc::cli {

// One contract for every command (diff(1) style).
enum Exit : int { exit_ok = 0, exit_findings = 1, exit_trouble = 2 };

struct CommonOptions {
    std::string format;
    std::string color = "auto";
    bool quiet = false;
};

// Adds --format (from `formats`, the first is the default), --color, -q and --version.
void add_common_options(CLI::App& sub, CommonOptions& options, const std::vector<std::string>& formats);

// Adds --version ("tthc VERSION"), its description in the language of the messages.
void add_version_flag(CLI::App& sub);

// "tthc: error: MESSAGE\n" in the language of the messages ("tthc: lỗi: ...").
std::string error_line(const std::string& message);

// The lines of an Error that stops a command: error_line(), then its hint, if
// any, as "tthc: HINT" ("tthc: gợi ý: HINT" in Vietnamese).
std::string error_line(const Error& e);

// Colour only on a terminal (or when asked), never when NO_COLOR is set.
bool use_color(const CommonOptions& options, int fd = STDOUT_FILENO);

// Today's date: SOURCE_DATE_EPOCH when set (reproducible runs), else the system clock (UTC).
Date today();

// Parses a --today / --date option value; throws CLI::ValidationError.
Date parse_date_option(const std::string& value, const std::string& option);

// Writes the product: atomically to `out_path`, or to standard output when it
// is empty (refusing binary output to a terminal).
void emit(const std::string& bytes, const std::string& out_path, bool binary);

// Loads the catalog at `path` for a command that needs it whole: findings
// that mean a file could not be read (is_unreadable() in lib/core/rules.hpp, and any
// `also` accepts) are printed on standard error and stop the run with the
// error `refusal` (an N_ format string, {0} the path: "'{0}' cannot be read
// whole; nothing was listed"), translated.
LoadResult load_whole(const std::string& path, const char* refusal, bool (*also)(const Diagnostic&) = nullptr);

// Each command file defines one of these; the result is the command's exit code.
struct Command {
    int exit_code = exit_ok;
};

}  // namespace tthc::cli
