// tthc import: records of another system → a catalog directory. One format
// word today: dvcqg, the JSON of the national database (tthc-dvcqg(5)).
#include <spdlog/spdlog.h>

#include <iostream>

#include "checks/report.hpp"
#include "cli_i18n.hpp"
#include "command.hpp"
#include "core/version.hpp"
#include "package/dvcqg.hpp"

namespace tthc::cli {

namespace {

struct ImportArgs {
    std::string format, out;
    std::vector<std::string> paths;
    bool force = false, quiet = false;
};

int run_import(const ImportArgs& args)
{
    refuse_revision(args.out, tr("--out is the catalog directory to create; for a name with a colon, write ./{0}", args.out));
    const DvcqgImportResult r = import_dvcqg(args.paths, DvcqgImportOptions{args.out, args.force});
    if (!r.written) {
        for (const auto& d : r.diagnostics) std::cerr << format_diagnostic(d, false);
        throw Error(tr("the records cannot be read; nothing was written"));
    }
    if (!args.quiet)
        // TRANSLATORS: {0} is the catalog written; {4} is empty or ", 3 list entries not procedures".
        spdlog::info(tr("import: wrote {0}: {1}, {2} abolished from {3}{4}", args.out,
                        trn("{0} procedure", "{0} procedures", r.procedures, r.procedures), r.abolished,
                        trn("{0} file", "{0} files", r.files, r.files),
                        r.list_entries ? tr(", {0} list entries not procedures", r.list_entries) : std::string()));
    return exit_ok;
}

}  // namespace

void register_import(CLI::App& app, Command& command)
{
    auto args = std::make_shared<ImportArgs>();
    CLI::App* sub = app.add_subcommand("import", tr("Build a catalog directory from the national database's JSON records"));
    sub->add_option("FORMAT", args->format, tr("The records' format: dvcqg"))
        ->required()
        ->check(CLI::IsMember({"dvcqg"}));
    sub->add_option("PATH", args->paths, tr("JSON files, or directories searched for *.json"))->required();
    value_name(sub->add_option("-o,--out", args->out, tr("The catalog directory to create")), N_("DIR"))->required();
    sub->add_flag("--force", args->force, tr("Replace an existing catalog (or empty directory) at --out"));
    sub->add_flag("-q,--quiet", args->quiet, tr("No summary on standard error"));
    add_version_flag(*sub);
    sub->callback([args, &command] { command.exit_code = run_import(*args); });
}

}  // namespace tthc::cli
