// tthc process: checks the internal processes (quy trình nội bộ) of a catalog
// with the lint rules, drafts the decision approving them, and writes their
// BPMN models and flowcharts for the one-stop software.
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>

#include "decisions/announcement.hpp"
#include "process/bpmn.hpp"
#include "cli_i18n.hpp"
#include "command.hpp"
#include "decision_options.hpp"
#include "io/files.hpp"
#include "io/journal.hpp"
#include "io/lock.hpp"
#include "process/flowchart.hpp"
#include "catalog/ledger.hpp"
#include "catalog/loader.hpp"
#include "decisions/decision_doc.hpp"
#include "process/process_doc.hpp"
#include "checks/lint.hpp"
#include "checks/report.hpp"
#include "core/vietnamese.hpp"

namespace tthc::cli {

namespace {

struct ProcessArgs {
    CommonOptions common;
    std::string catalog, number, date, effective, out, bpmn_dir, dot_dir, submission_date;
    bool record = false;
    bool allow_content_errors = false;
    std::vector<std::string> codes;
    ProcessDecisionInfo info;
};

std::string in_dir(const std::string& dir, const std::string& name)
{
    return (std::filesystem::path(dir) / name).string();
}

// The BPMN models and the flowcharts (DOT, and SVG while Graphviz is there)
// into `tx`; false when SVG was asked for and Graphviz could not make it.
bool add_models(FileTransaction& tx, const std::vector<ResolvedProcess>& processes, const std::string& bpmn_dir,
                const std::string& dot_dir)
{
    bool svg = !dot_dir.empty();
    for (const auto& r : processes) {
        const std::string& code = r.procedure->code.value;
        if (!bpmn_dir.empty()) tx.write(in_dir(bpmn_dir, code + ".bpmn"), process_bpmn(r));
        if (dot_dir.empty()) continue;
        const std::string dot = process_dot(r);
        tx.write(in_dir(dot_dir, code + ".dot"), dot);
        if (!svg) continue;
        if (auto image = dot_to_svg(dot))
            tx.write(in_dir(dot_dir, code + ".svg"), *image);
        else
            svg = false;
    }
    return svg;
}

int run_process(ProcessArgs args)
{
    const auto format = *doc::parse_format(args.common.format);
    ProcessDecisionInfo& info = args.info;
    info.date = args.date.empty() ? today() : parse_date_option(args.date, "--date");
    if (!args.effective.empty()) {
        info.effective = parse_date_option(args.effective, "--effective");
        check_effective(info.date, *info.effective);
    }

    if (!args.submission_date.empty()) info.submission_date = parse_date_option(args.submission_date, "--submission-date");
    // A run that writes files changes them all or nothing, journalled in the
    // catalog directory, one writer at a time from before the catalog is read.
    const bool to_file = !args.out.empty() && args.out != "-";
    if (args.record)
        refuse_revision(args.catalog, tr("--record writes the decision into the catalog's decisions/: give the directory"));
    const bool journalled = (to_file || args.record || !args.bpmn_dir.empty() || !args.dot_dir.empty()) &&
                            std::filesystem::is_directory(args.catalog);
    std::optional<CatalogLock> lock;
    if (journalled) lock.emplace(args.catalog, "process");
    const LoadResult loaded = load_whole(args.catalog, N_("'{0}' cannot be read whole; nothing was drafted"));
    const Catalog& catalog = loaded.catalog;

    if (args.record && args.number.empty())
        throw Error(tr("--record needs --number: the ledger keeps a decision by its số ký hiệu"));
    if (args.record && !std::filesystem::is_directory(args.catalog))
        throw Error(tr("--record needs a catalog directory: the decision is written to its decisions/"));
    check_sign_mode(info.sign_mode);
    if (args.number.empty()) {
        info.number = blank_decision_number(catalog);
    } else {
        info.number = args.number;
        check_decision_number(info.number, "2002/QĐ-UBND");
        check_not_recorded(catalog, info.number);
    }

    const std::vector<ResolvedProcess> processes = select_processes(catalog, args.codes);
    if (processes.empty())
        throw Error(tr("'{0}' has no internal process", args.catalog),
                    tr("write processes/<code>.toml (man 5 tthc-catalog, section 4)"));

    const auto findings = process_findings(catalog, loaded.diagnostics, processes, info.date);
    ReportSummary summary;
    count_severities(findings, summary);
    for (const auto& d : findings) std::cerr << format_diagnostic(d, use_color(args.common, STDERR_FILENO));
    if (summary.errors > 0) {
        if (!args.common.quiet)
            spdlog::info(tr("process: {0} and {1} in {2}; nothing was drafted",
                            trn("{0} error", "{0} errors", summary.errors, summary.errors),
                            trn("{0} warning", "{0} warnings", summary.warnings, summary.warnings),
                            trn("{0} process", "{0} processes", processes.size(), processes.size())));
        return exit_findings;
    }

    // the hook between lint and documents: content errors in the procedures named stop the draft
    std::vector<const Procedure*> procs;
    for (const auto& r : processes)
        if (r.procedure) procs.push_back(r.procedure);
    const auto content = content_findings(catalog, procs, LintOptions{info.date});
    for (const auto& d : content) std::cerr << format_diagnostic(d, use_color(args.common, STDERR_FILENO));
    if (!content.empty() && !args.allow_content_errors)
        throw Error(trn("the procedures to print have {0} content error (above); nothing was drafted",
                        "the procedures to print have {0} content errors (above); nothing was drafted", content.size(),
                        content.size()),
                    tr("correct the catalog (tthc lint), or draft anyway with --allow-content-errors"));

    const long long mtime = epoch_seconds(info.date);
    const std::string bytes = doc::render(build_process_decision(catalog, processes, info), format, mtime);

    // The document, the models, the flowcharts and the ledger entry land together or not at all.
    FileTransaction tx = journalled ? FileTransaction(args.catalog, "process") : FileTransaction();
    for (const std::string* dir : {&args.bpmn_dir, &args.dot_dir})
        if (!dir->empty()) tx.make_directory(*dir);
    if (to_file) tx.write(args.out, bytes);
    const bool svg = add_models(tx, processes, args.bpmn_dir, args.dot_dir);
    if (args.record) {
        const LedgerEntry entry = process_ledger_entry(catalog, processes, info);
        tx.create(ledger_path(args.catalog, entry), ledger_toml(entry));
    }
    tx.commit();
    if (!to_file) emit(bytes, "", format == doc::Format::docx);

    if (!args.common.quiet) {
        if (!args.dot_dir.empty() && !svg)
            spdlog::info(tr("process: Graphviz 'dot' is not installed: wrote DOT files only, no SVG"));
        std::string wrote;
        if (!args.bpmn_dir.empty()) wrote += tr("; BPMN in {0}", args.bpmn_dir);
        if (!args.dot_dir.empty())
            wrote += svg ? tr("; DOT and SVG in {0}", args.dot_dir) : tr("; DOT in {0}", args.dot_dir);
        // TRANSLATORS: {1} is empty or " (2 warnings)"; {2} what else was written ("; BPMN in bpmn/").
        spdlog::info(tr("process: {0} approved in the draft{1}{2}",
                        trn("{0} internal process", "{0} internal processes", processes.size(), processes.size()),
                        summary.warnings
                            ? " (" + trn("{0} warning", "{0} warnings", summary.warnings, summary.warnings) + ")"
                            : std::string(),
                        wrote));
    }
    return exit_ok;
}

}  // namespace

void register_process(CLI::App& app, Command& command)
{
    auto args = std::make_shared<ProcessArgs>();
    CLI::App* sub = app.add_subcommand(
        "process", tr("Check internal processes and draft their approval decision, BPMN and flowcharts (quy trình nội bộ)"));
    sub->add_option("catalog", args->catalog, tr("The catalog (directory or single file)"))->required();
    sub->add_option("codes", args->codes, tr("Procedure codes whose processes to approve (default: every process)"));
    value_name(sub->add_option("--number", args->number,
                               tr("Số ký hiệu of the decision, e.g. 2002/QĐ-UBND (default: left blank)")),
               N_("LEGAL_NUMBER"));
    value_name(sub->add_option("--date", args->date, tr("Date of signing (YYYY-MM-DD; default: today or SOURCE_DATE_EPOCH)")),
               N_("DATE"));
    value_name(sub->add_option("--effective", args->effective,
                               tr("Date the decision takes effect (default: the day it is signed)")),
               N_("DATE"));
    add_signature_options(*sub, args->info, args->submission_date);
    sub->add_flag("--allow-content-errors", args->allow_content_errors,
                  tr("Draft even when lint finds content errors in the procedures printed (they are warned about)"));
    value_name(sub->add_option("--basis", args->info.extra_basis, tr("An additional căn cứ (repeatable)")), N_("BASIS"));
    value_name(sub->add_option("-o,--output", args->out,
                               tr("Write the document to FILE (atomically) instead of standard output")),
               N_("FILE"));
    sub->add_flag("--record", args->record,
                  tr("Record the decision in the catalog's ledger (decisions/; needs --number), with the document"));
    value_name(sub->add_option("--bpmn", args->bpmn_dir,
                               tr("Also write DIR/<code>.bpmn (BPMN 2.0 with diagram) per process")),
               N_("DIR"));
    value_name(sub->add_option("--dot", args->dot_dir,
                               tr("Also write DIR/<code>.dot (Graphviz), and <code>.svg when dot is installed")),
               N_("DIR"));
    add_common_options(*sub, args->common, {"md", "html", "docx"});
    sub->callback([args, &command] { command.exit_code = run_process(*args); });
}

}  // namespace tthc::cli
