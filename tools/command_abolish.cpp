// tthc abolish: abolishes procedures of a catalog directory (bãi bỏ) all or
// nothing: moves their files to abolished/, records the decision in the
// ledger and renders the decision document.
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>
#include <optional>

#include "decisions/abolition.hpp"
#include "decisions/announcement.hpp"
#include "cli_i18n.hpp"
#include "command.hpp"
#include "decision_options.hpp"
#include "io/files.hpp"
#include "io/lock.hpp"
#include "catalog/ledger.hpp"
#include "checks/lint.hpp"
#include "catalog/loader.hpp"
#include "checks/report.hpp"
#include "util/unicode.hpp"
#include "core/vietnamese.hpp"

namespace tthc::cli {

namespace {

struct AbolishArgs {
    CommonOptions common;
    DecisionArgs decision;
    std::string catalog, from, basis;
    std::vector<std::string> codes;
    AbolitionOptions options;
};

std::vector<std::string> codes_from_file(const std::string& path)
{
    std::vector<std::string> codes;
    const std::string text = read_file(path);
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        std::string line(trim(std::string_view(text).substr(start, nl - start)));
        if (const auto hash = line.find('#'); hash != std::string::npos) line = std::string(trim(line.substr(0, hash)));
        if (!line.empty()) codes.push_back(line);
        start = nl + 1;
    }
    return codes;
}

int run_abolish(AbolishArgs args)
{
    refuse_revision(args.catalog, tr("abolish moves files in the catalog: check the revision out, or give the directory"));
    if (!std::filesystem::is_directory(args.catalog))
        throw Error(tr("'{0}' is not a catalog directory", args.catalog), tr("abolish moves files: use the directory form"));
    if (!args.from.empty())
        for (auto& c : codes_from_file(args.from)) args.codes.push_back(c);
    if (args.codes.empty()) throw Error(tr("no code to abolish"), tr("name codes after the catalog, or use --from FILE"));
    resolve_decision(args.decision);
    DecisionInfo& info = args.decision.info;
    info.change_basis = args.basis;
    const auto format = *doc::parse_format(args.common.format);

    // one writer at a time, from before the catalog is read until its change is done
    std::optional<CatalogLock> lock;
    if (!args.decision.dry_run) lock.emplace(args.catalog, "abolish");
    // abolish moves files by their codes: every code must be readable, and unique
    const LoadResult loaded = load_whole(args.catalog, N_("'{0}' cannot be read whole; nothing was changed"), [](const Diagnostic& d) {
        return d.severity == Severity::error && d.rule == Rule::bad_code;
    });
    bool ambiguous = false;
    for (const auto& d : check_catalog(loaded.catalog, LintOptions{info.date}))
        if (d.rule == Rule::duplicate_code) {
            std::cerr << format_diagnostic(d, false);
            ambiguous = true;
        }
    if (ambiguous)
        throw Error(tr("'{0}' has codes used twice; nothing was changed", args.catalog), tr("run 'tthc lint {0}'", args.catalog));
    const Catalog& catalog = loaded.catalog;
    if (const Decision* d = find_decision(catalog, info.number))
        throw Error(tr("decision {0} is already in the ledger ({1}); nothing changed", info.number, catalog.files.at(d->file)),
                    tr("a decision number is used once"));

    const AbolitionCheck check = check_abolition(catalog, args.codes, args.options);
    for (const auto& p : check.problems) std::cerr << error_line(p);
    for (const auto& d : check.dependents)
        // TRANSLATORS: {0}:{1}:{2} is the position; {3} a procedure's code; {4} what names it ("the plan ..."); {5} an option.
        std::cerr << tr("{0}:{1}:{2}: error: {3} is named by {4} (use {5})", d.file, d.pos.line, d.pos.column, d.code,
                        d.what, d.option)
                  << "\n";
    if (!check.problems.empty() || !check.dependents.empty()) {
        const std::size_t n = check.problems.size() + check.dependents.size();
        throw Error(tr("nothing was abolished: {0} problem(s) above", n));
    }

    CatalogDiff diff;
    for (const Procedure* p : check.procedures) diff.abolished.push_back({p->code.value, p->name.value, false});
    warn_notice_period(catalog, info);
    check_content(catalog, check.procedures, args.decision);
    check_change_documents(change_documents(catalog, catalog, diff, info));
    if (info.supersedes.empty()) info.supersedes = superseded_decisions(catalog, diff);
    const doc::Document document = build_announcement(catalog, catalog, diff, info);
    const std::string bytes = doc::render(document, format, epoch_seconds(info.date));

    const LedgerEntry entry = announcement_entry(catalog, catalog, diff, info);
    FileTransaction tx(args.catalog, "abolish");  // the moves, the ledger entry and the document: all or nothing, journalled
    plan_abolition(catalog, check, tx);
    tx.create(ledger_path(args.catalog, entry), ledger_toml(entry));
    finish_decision(tx, bytes, format, args.decision);
    if (args.decision.dry_run) return exit_ok;
    if (!args.common.quiet)
        spdlog::info(tr("abolish: {0} abolished by {1}",
                        trn("{0} procedure", "{0} procedures", check.procedures.size(), check.procedures.size()),
                        info.number));
    return exit_ok;
}

}  // namespace

void register_abolish(CLI::App& app, Command& command)
{
    auto args = std::make_shared<AbolishArgs>();
    CLI::App* sub = app.add_subcommand("abolish", tr("Abolish procedures all or nothing, with their decision (bãi bỏ)"));
    sub->add_option("CATALOG", args->catalog, tr("The catalog directory"))->required();
    sub->add_option("CODE", args->codes, tr("Codes of the procedures to abolish"));
    value_name(sub->add_option("--from", args->from, tr("Read the codes from FILE, one a line (# starts a comment)")),
               N_("FILE"));
    add_decision_options(*sub, args->decision);
    value_name(sub->add_option("--basis", args->basis,
                               tr("Số ký hiệu of the legal document that abolishes them, cited from legal.toml (default: "
                                  "--abolished-by, abolishes_procedures in legal.toml)")),
               N_("LEGAL_NUMBER"));
    sub->add_flag("--with-processes", args->options.with_processes, tr("Abolish their internal processes too"));
    sub->add_flag("--keep-plans", args->options.keep_plans, tr("Leave simplification plans that name them as they are"));
    sub->add_flag("--keep-related", args->options.keep_related, tr("Leave other procedures' related lists as they are"));
    sub->add_flag("--keep-replacement", args->options.keep_replacement,
                  tr("Abolish even a procedure that a decision declared as a replacement"));
    add_common_options(*sub, args->common, {"md", "html", "docx"});
    sub->callback([args, &command] { command.exit_code = run_abolish(*args); });
}

}  // namespace tthc::cli
