#include "command.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <ctime>

#include "core/diagnostic.hpp"
#include "io/files.hpp"
#include "checks/report.hpp"
#include "cli_i18n.hpp"
#include "core/version.hpp"
#include "util/i18n.hpp"

namespace tthc::cli {

void add_common_options(CLI::App& sub, CommonOptions& options, const std::vector<std::string>& formats)
{
    options.format = formats.front();
    value_name(sub.add_option("--format", options.format, tr("Output format")), N_("FORMAT"))
        ->check(CLI::IsMember(formats))
        ->capture_default_str();
    value_name(sub.add_option("--color", options.color,
                              tr("Colour: auto (on a terminal), always or never; NO_COLOR disables it")),
               N_("WHEN"))
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    sub.add_flag("-q,--quiet", options.quiet, tr("No summary or progress on standard error"));
    add_version_flag(sub);
}

void add_version_flag(CLI::App& sub)
{
    sub.set_version_flag("--version", std::string("tthc ") + tthc::version,
                         tr("Display program version information and exit"));
}

std::string error_line(const std::string& message) { return tr("tthc: error: {0}", message) + "\n"; }

std::string error_line(const Error& e)
{
    std::string out = error_line(e.what());
    // TRANSLATORS: the line after an error that says what to do next; {0} is that advice.
    if (!e.hint().empty()) out += fmt::format(fmt::runtime(trc("hint", "tthc: {0}")), e.hint()) + "\n";
    return out;
}

bool use_color(const CommonOptions& options, int fd)
{
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    if (options.color == "always") return true;
    if (options.color == "never") return false;
    return isatty(fd) == 1;
}

Date today()
{
    std::time_t now = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) now = std::strtoll(epoch, nullptr, 10);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

Date parse_date_option(const std::string& value, const std::string& option)
{
    if (auto d = parse_date(value)) return *d;
    throw CLI::ValidationError(option, tr("'{0}' is not a date in the form YYYY-MM-DD", value));
}

LoadResult load_whole(const std::string& path, const char* refusal, bool (*also)(const Diagnostic&))
{
    LoadResult r = load_catalog(path);
    bool fatal = false;
    for (const auto& d : r.diagnostics)
        if (is_unreadable(d.rule) || (also && also(d))) {
            std::cerr << format_diagnostic(d, false);
            fatal = true;
        }
    if (fatal)
        throw Error(tr(refusal, path),
                    tr("run 'tthc lint {0}'", path));
    return r;
}

void emit(const std::string& bytes, const std::string& out_path, bool binary)
{
    if (!out_path.empty() && out_path != "-") {
        write_file_atomic(out_path, bytes);
        return;
    }
    if (binary && isatty(STDOUT_FILENO) == 1)
        throw Error(tr("will not write a binary document to the terminal"), tr("use -o FILE.docx"));
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() || std::fflush(stdout) != 0)
        throw Error(tr("cannot write to standard output"));
}

}  // namespace tthc::cli
