// tthc diff: what changed between two versions of a catalog, procedure by
// procedure, classified as an announcement needs it.
#include <spdlog/spdlog.h>

#include <iostream>

#include "command.hpp"
#include "diff/diff.hpp"
#include "diff/diff_report.hpp"
#include "checks/report.hpp"

namespace tthc::cli {

namespace {

struct DiffArgs {
    CommonOptions common;
    std::string old_path, new_path;
    bool stat = false;
};

int run_diff(const DiffArgs& args)
{
    const DiffResult r = diff_catalogs(args.old_path, args.new_path);
    const bool color = use_color(args.common);
    if (r.has_errors()) {
        for (const auto& d : r.diagnostics)
            if (d.severity == Severity::error) std::cerr << format_diagnostic(d, false);
        throw Error("the catalogs have errors; nothing was compared", "run 'tthc lint' on them for every finding");
    }
    const DiffFormat format = args.stat ? DiffFormat::stat : *parse_diff_format(args.common.format);
    write_diff(std::cout, format, r.diff, color && format == DiffFormat::text);
    std::cout.flush();
    if (!args.common.quiet)
        spdlog::info("diff: {} ({} files read, the others identical)", diff_summary(r.diff), r.files_parsed);
    return r.diff.empty() ? exit_ok : exit_findings;
}

}  // namespace

void register_diff(CLI::App& app, Command& command)
{
    auto args = std::make_shared<DiffArgs>();
    CLI::App* sub = app.add_subcommand("diff", "Show which procedures a catalog version adds, amends, replaces or abolishes");
    sub->add_option("OLD", args->old_path, "The catalog in force (directory or single file)")->required();
    sub->add_option("NEW", args->new_path, "The draft catalog (directory or single file)")->required();
    add_common_options(*sub, args->common, {"text", "json", "markdown"});
    sub->add_flag("--stat", args->stat, "Print only the counts of each classification");
    sub->callback([args, &command] { command.exit_code = run_diff(*args); });
}

}  // namespace tthc::cli
