#include "command.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <ctime>

#include "core/diagnostic.hpp"
#include "io/files.hpp"
#include "checks/report.hpp"
#include "core/version.hpp"

namespace tthc::cli {

void add_common_options(CLI::App& sub, CommonOptions& options, const std::vector<std::string>& formats)
{
    options.format = formats.front();
    sub.add_option("--format", options.format, "Output format")
        ->check(CLI::IsMember(formats))
        ->capture_default_str();
    sub.add_option("--color", options.color, "Colour: auto (on a terminal), always or never; NO_COLOR disables it")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    sub.add_flag("-q,--quiet", options.quiet, "No summary or progress on standard error");
    sub.set_version_flag("--version", std::string("tthc ") + tthc::version);
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
    throw CLI::ValidationError(option, "'" + value + "' is not a date in the form YYYY-MM-DD");
}

LoadResult load_whole(const std::string& path, std::string_view undone, bool (*also)(const Diagnostic&))
{
    LoadResult r = load_catalog(path);
    bool fatal = false;
    for (const auto& d : r.diagnostics)
        if (is_unreadable(d.rule) || (also && also(d))) {
            std::cerr << format_diagnostic(d, false);
            fatal = true;
        }
    if (fatal)
        throw Error("'" + path + "' cannot be read whole; nothing was " + std::string(undone),
                    "run 'tthc lint " + path + "'");
    return r;
}

void emit(const std::string& bytes, const std::string& out_path, bool binary)
{
    if (!out_path.empty() && out_path != "-") {
        write_file_atomic(out_path, bytes);
        return;
    }
    if (binary && isatty(STDOUT_FILENO) == 1)
        throw Error("will not write a binary document to the terminal", "use -o FILE.docx");
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() || std::fflush(stdout) != 0)
        throw Error("cannot write to standard output");
}

}  // namespace tthc::cli
