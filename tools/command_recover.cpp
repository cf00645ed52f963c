// tthc recover: finishes or undoes the change that a killed abolish, announce
// or process --record left in a catalog (its journal, lib/io/journal.hpp), and
// clears the stale lock of the dead writer. The rule is in tthc-recover(1).
#include <filesystem>
#include <iostream>

#include "command.hpp"
#include "io/journal.hpp"
#include "io/lock.hpp"
#include "util/error.hpp"

namespace tthc::cli {

namespace {

struct RecoverArgs {
    CommonOptions common;
    std::string catalog;
};

int run_recover(const RecoverArgs& args)
{
    refuse_revision(args.catalog, tr("a revision holds no journal: recover works on a catalog directory"));
    if (!std::filesystem::is_directory(args.catalog))
        throw Error(tr("'{0}' is not a catalog directory", args.catalog), tr("only a catalog directory holds a journal"));
    const CatalogLock lock(args.catalog, "recover", CatalogLock::Stale::clear);
    const Recovery r = recover_journal(args.catalog);
    remove_dead_temporaries(args.catalog);
    if (const auto& h = lock.cleared())
        // TRANSLATORS: {1} is a command (abolish, announce ...), {2} a process id, {3} a time.
        std::cout << tr("{0}: cleared the stale lock of tthc {1}, process {2}, since {3}", args.catalog, h->command, h->pid,
                        h->since)
                  << "\n";
    switch (r.outcome) {
    case Recovery::nothing: std::cout << tr("{0}: no interrupted change; nothing to do", args.catalog) << "\n"; break;
    case Recovery::completed:
        std::cout << tr("{0}: the interrupted tthc {1} (process {2}) had done every step: kept as done", args.catalog,
                        r.command, r.pid)
                  << "\n";
        break;
    case Recovery::rolled_back:
        std::cout << tr("{0}: the interrupted tthc {1} (process {2}) was undone: the catalog is as it was before it",
                        args.catalog, r.command, r.pid)
                  << "\n";
        break;
    }
    for (const auto& line : r.lines) std::cout << "  " << line << "\n";
    return exit_ok;
}

}  // namespace

void register_recover(CLI::App& app, Command& command)
{
    auto args = std::make_shared<RecoverArgs>();
    CLI::App* sub = app.add_subcommand("recover", tr("Finish or undo a change interrupted by a crash, and clear its lock"));
    sub->add_option("CATALOG", args->catalog, tr("The catalog directory"))->required();
    add_common_options(*sub, args->common, {"text"});
    sub->callback([args, &command] { command.exit_code = run_recover(*args); });
}

}  // namespace tthc::cli
