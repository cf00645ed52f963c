// tthc diff: what changed between two versions of a catalog, procedure by
// procedure, classified as an announcement needs it.
#include <spdlog/spdlog.h>

#include <iostream>
#include <sstream>

#include "cli_i18n.hpp"
#include "command.hpp"
#include "diff/diff.hpp"
#include "diff/diff_report.hpp"
#include "checks/report.hpp"
#include "io/xlsx_writer.hpp"

namespace tthc::cli {

namespace {

struct DiffArgs {
    CommonOptions common;
    std::string old_path, new_path, out;
    bool stat = false;
};

int run_diff(const DiffArgs& args)
{
    const DiffResult r = diff_catalogs(args.old_path, args.new_path);
    const bool color = use_color(args.common);
    if (r.has_errors()) {
        for (const auto& d : r.diagnostics)
            if (d.severity == Severity::error) std::cerr << format_diagnostic(d, false);
        throw Error(tr("the catalogs have errors; nothing was compared"), tr("run 'tthc lint' on them for every finding"));
    }
    if (args.common.format == "xlsx" && !args.stat) {
        if ((args.out.empty() || args.out == "-") && isatty(STDOUT_FILENO) == 1)
            throw Error(tr("will not write an XLSX file to the terminal"), tr("use --out FILE.xlsx, or redirect the output"));
        emit(xlsx_bytes(diff_sheets(r.diff), xlsx_created_time()), args.out, true);
    } else {
        const DiffFormat format = args.stat ? DiffFormat::stat : *parse_diff_format(args.common.format);
        std::ostringstream text;
        write_diff(text, format, r.diff, color && format == DiffFormat::text && args.out.empty());
        emit(text.str(), args.out, false);
    }
    if (!args.common.quiet)
        // TRANSLATORS: {0} is what changed ("2 new, 1 amended"), {1} how many files were read.
        spdlog::info(tr("diff: {0} ({1} files read, the others identical)", diff_summary(r.diff), r.files_parsed));
    return r.diff.empty() ? exit_ok : exit_findings;
}

}  // namespace

void register_diff(CLI::App& app, Command& command)
{
    auto args = std::make_shared<DiffArgs>();
    CLI::App* sub =
        app.add_subcommand("diff", tr("Show which procedures a catalog version adds, amends, replaces or abolishes"));
    sub->add_option("OLD", args->old_path, tr("The catalog in force (directory or single file)"))->required();
    sub->add_option("NEW", args->new_path, tr("The draft catalog (directory or single file)"))->required();
    add_common_options(*sub, args->common, {"text", "json", "markdown", "xlsx"});
    value_name(sub->add_option("-o,--out", args->out,
                               tr("Write to FILE atomically instead of standard output (for --format xlsx)")),
               N_("FILE"));
    sub->add_flag("--stat", args->stat, tr("Print only the counts of each classification"));
    sub->callback([args, &command] { command.exit_code = run_diff(*args); });
}

}  // namespace tthc::cli
