// tthc import: records of another system → a catalog directory. One format
// word today: dvcqg, the JSON of the national database (tthc-dvcqg(5)).
#include <spdlog/spdlog.h>

#include <iostream>

#include "checks/report.hpp"
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
    refuse_revision(args.out, "--out is the catalog directory to create; for a name with a colon, write ./" + args.out);
    const DvcqgImportResult r = import_dvcqg(args.paths, DvcqgImportOptions{args.out, args.force});
    if (!r.written) {
        for (const auto& d : r.diagnostics) std::cerr << format_diagnostic(d, false);
        throw Error("the records cannot be read; nothing was written");
    }
    if (!args.quiet)
        spdlog::info("import: wrote {}: {} procedure{}, {} abolished from {} file{}{}", args.out, r.procedures,
                     r.procedures == 1 ? "" : "s", r.abolished, r.files, r.files == 1 ? "" : "s",
                     r.list_entries ? ", " + std::to_string(r.list_entries) + " list entries not procedures"
                                    : std::string());
    return exit_ok;
}

}  // namespace

void register_import(CLI::App& app, Command& command)
{
    auto args = std::make_shared<ImportArgs>();
    CLI::App* sub = app.add_subcommand("import", "Build a catalog directory from the national database's JSON records");
    sub->add_option("FORMAT", args->format, "The records' format: dvcqg")
        ->required()
        ->check(CLI::IsMember({"dvcqg"}));
    sub->add_option("PATH", args->paths, "JSON files, or directories searched for *.json")->required();
    sub->add_option("-o,--out", args->out, "The catalog directory to create")->required();
    sub->add_flag("--force", args->force, "Replace an existing catalog (or empty directory) at --out");
    sub->add_flag("-q,--quiet", args->quiet, "No summary on standard error");
    sub->set_version_flag("--version", std::string("tthc ") + tthc::version);
    sub->callback([args, &command] { command.exit_code = run_import(*args); });
}

}  // namespace tthc::cli
