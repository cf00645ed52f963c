// tthc announce: drafts the quyết định công bố for what changed between the
// catalog in force and the draft, checks the legal notice period, and records
// the decision in the draft's ledger.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>

#include "decisions/announcement.hpp"
#include "cli_i18n.hpp"
#include "command.hpp"
#include "decision_options.hpp"
#include "diff/diff.hpp"
#include "diff/diff_report.hpp"
#include "io/files.hpp"
#include "io/lock.hpp"
#include "catalog/ledger.hpp"
#include "catalog/loader.hpp"
#include "checks/report.hpp"
#include "core/vietnamese.hpp"

namespace tthc::cli {

namespace {

struct AnnounceArgs {
    CommonOptions common;
    DecisionArgs decision;
    std::string from, to;
};

int run_announce(AnnounceArgs args)
{
    resolve_decision(args.decision);
    DecisionInfo& info = args.decision.info;
    const auto format = *doc::parse_format(args.common.format);
    if (!args.decision.dry_run)
        refuse_revision(args.to, tr("the decision is recorded in --to's decisions/: give the directory, or use --dry-run"));
    if (!names_revision(args.to) && !std::filesystem::is_directory(args.to))
        throw Error(tr("--to '{0}' is not a catalog directory", args.to), tr("the decision is recorded in its decisions/"));

    std::optional<CatalogLock> lock;  // one writer at a time in --to, from before it is read
    if (!args.decision.dry_run) lock.emplace(args.to, "announce");
    const DiffResult dr = diff_catalogs(args.from, args.to);
    if (dr.has_errors()) {
        for (const auto& d : dr.diagnostics) std::cerr << format_diagnostic(d, false);
        throw Error(tr("the catalogs have errors; nothing was drafted"), tr("run 'tthc lint' on them"));
    }
    if (dr.diff.empty())
        throw Error(tr("no procedure changed between '{0}' and '{1}': there is nothing to announce", args.from, args.to));
    const LoadResult before = load_whole(args.from, N_("'{0}' cannot be read whole; nothing was drafted"));
    const LoadResult after = load_whole(args.to, N_("'{0}' cannot be read whole; nothing was drafted"));

    for (const Catalog* c : {&after.catalog, &before.catalog})
        if (const Decision* d = find_decision(*c, info.number))
            throw Error(tr("decision {0} is already in the ledger ({1})", info.number, c->files.at(d->file)),
                        tr("a decision number is used once; choose the next number"));

    warn_notice_period(after.catalog, info);

    check_content(after.catalog, changed_procedures(before.catalog, after.catalog, dr.diff), args.decision);
    check_change_documents(change_documents(before.catalog, after.catalog, dr.diff, info));
    if (info.supersedes.empty()) info.supersedes = superseded_decisions(after.catalog, dr.diff);
    const doc::Document document = build_announcement(before.catalog, after.catalog, dr.diff, info);
    const long long mtime = epoch_seconds(info.date);
    const std::string bytes = doc::render(document, format, mtime);

    const LedgerEntry entry = announcement_entry(before.catalog, after.catalog, dr.diff, info);
    const std::string ledger = ledger_path(args.to, entry);
    FileTransaction tx(args.to, "announce");  // the ledger entry and the document land together or not at all
    tx.create(ledger, ledger_toml(entry));
    finish_decision(tx, bytes, format, args.decision);
    if (!args.common.quiet && !args.decision.dry_run)
        // TRANSLATORS: {0} is the decision's number, {1} what changed ("2 new, 1 amended"), {2} the ledger file.
        spdlog::info(tr("announce: {0} ({1}); recorded in {2}", info.number, diff_summary(dr.diff), ledger));
    return exit_ok;
}

}  // namespace

void register_announce(CLI::App& app, Command& command)
{
    auto args = std::make_shared<AnnounceArgs>();
    CLI::App* sub = app.add_subcommand("announce", tr("Draft the decision announcing a catalog change (quyết định công bố)"));
    value_name(sub->add_option("--from", args->from, tr("The catalog in force")), N_("OLD"))->required();
    value_name(sub->add_option("--to", args->to, tr("The new catalog; the decision is recorded in its decisions/")), N_("NEW"))
        ->required();
    add_decision_options(*sub, args->decision);
    value_name(sub->add_option("--basis", args->decision.info.extra_basis, tr("An additional căn cứ (repeatable)")),
               N_("BASIS"));
    value_name(sub->add_option("--change-basis", args->decision.info.change_basis,
                               tr("Số ký hiệu of the legal document that amends or abolishes every procedure the data "
                                  "does not name one for")),
               N_("LEGAL_NUMBER"));
    add_common_options(*sub, args->common, {"md", "html", "docx"});
    sub->callback([args, &command] { command.exit_code = run_announce(*args); });
}

}  // namespace tthc::cli
