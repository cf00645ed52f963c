#include "decision_options.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "command.hpp"
#include "core/diagnostic.hpp"
#include "core/vietnamese.hpp"
#include "decisions/decision_doc.hpp"
#include "checks/lint.hpp"
#include "checks/report.hpp"

namespace tthc::cli {

void add_decision_options(CLI::App& sub, DecisionArgs& args)
{
    value_name(sub.add_option("--number", args.number, tr("Số ký hiệu of the decision, e.g. 280/QĐ-UBND")),
               N_("LEGAL_NUMBER"))
        ->required();
    value_name(sub.add_option("--date", args.date, tr("Date of signing (YYYY-MM-DD)")), N_("DATE"))->required();
    value_name(sub.add_option("--effective", args.effective, tr("Date the decision takes effect (default: --date)")),
               N_("DATE"));
    add_signature_options(sub, args.info, args.submission_date);
    value_name(sub.add_option("--amended-by", args.amended_by,
                              tr("CODE=SỐ-KÝ-HIỆU: the legal document that amends (or creates) that procedure "
                                 "(repeatable)")),
               N_("CODE=LEGAL_NUMBER"));
    value_name(sub.add_option("--abolished-by", args.abolished_by,
                              tr("CODE=SỐ-KÝ-HIỆU: the legal document that abolishes that procedure (repeatable)")),
               N_("CODE=LEGAL_NUMBER"));
    value_name(sub.add_option("--content", args.content,
                              tr("Phần II (full content of each procedure): auto (Nghị định 63/2010/NĐ-CP Điều 13), "
                                 "full or list")),
               N_("HOW"))
        ->check(CLI::IsMember({"auto", "full", "list"}));
    sub.add_flag("--allow-content-errors", args.allow_content_errors,
                 tr("Draft even when lint finds content errors in the procedures printed (they are warned about)"));
    value_name(sub.add_option("--supersedes", args.info.supersedes,
                              tr("An earlier decision whose announcement of these procedures ends (repeatable; default: "
                                 "found in the ledger)")),
               N_("LEGAL_NUMBER"));
    value_name(sub.add_option("-o,--output", args.out,
                              tr("Write the document to FILE (with the other changes) instead of standard output")),
               N_("FILE"));
    sub.add_flag("--dry-run", args.dry_run, tr("Show what would be written and print the document; write nothing"));
}

void resolve_decision(DecisionArgs& args)
{
    DecisionInfo& info = args.info;
    info.number = args.number;
    check_decision_number(info.number, "280/QĐ-UBND");
    info.date = parse_date_option(args.date, "--date");
    info.effective = args.effective.empty() ? info.date : parse_date_option(args.effective, "--effective");
    check_effective(info.date, info.effective);
    check_sign_mode(info.sign_mode);
    if (!args.submission_date.empty()) info.submission_date = parse_date_option(args.submission_date, "--submission-date");
    if (info.submission_date && info.submission.empty()) throw Error(tr("--submission-date without --submission"));
    auto pair_of = [](const std::string& v, const char* option) {
        const auto eq = v.find('=');
        if (eq == std::string::npos || !parse_code(v.substr(0, eq)) || !parse_legal_number(v.substr(eq + 1)))
            throw Error(tr("{0} '{1}' must be CODE=SỐ-KÝ-HIỆU", option, v), tr("for example {0} 1.003583=18/2026/NĐ-CP", option));
        return std::pair(v.substr(0, eq), v.substr(eq + 1));
    };
    for (const auto& v : args.amended_by) {
        auto [code, number] = pair_of(v, "--amended-by");
        info.amended_by[code].push_back(number);
    }
    for (const auto& v : args.abolished_by) {
        auto [code, number] = pair_of(v, "--abolished-by");
        info.abolished_by[code] = number;
    }
    info.content = args.content == "full" ? ContentMode::full : args.content == "list" ? ContentMode::list : ContentMode::automatic;
}

void check_content(const Catalog& catalog, const std::vector<const Procedure*>& procedures, const DecisionArgs& args)
{
    const auto findings = content_findings(catalog, procedures, LintOptions{args.info.date});
    if (findings.empty()) return;
    for (const auto& d : findings) std::cerr << format_diagnostic(d, false);
    if (args.allow_content_errors) {
        spdlog::warn(trn("warning: {0} content error above printed as published (--allow-content-errors)",
                         "warning: {0} content errors above printed as published (--allow-content-errors)",
                         findings.size(), findings.size()));
        return;
    }
    throw Error(trn("the procedures to print have {0} content error (above); nothing was drafted",
                    "the procedures to print have {0} content errors (above); nothing was drafted", findings.size(),
                    findings.size()),
                tr("correct the catalog (tthc lint), or draft anyway with --allow-content-errors"));
}

void check_change_documents(const ChangeDocuments& docs)
{
    for (const auto& s : docs.suggestions) std::cerr << "tthc: " << s << "\n";  // made (and translated) in decisions/
    require_named(docs);
}

void warn_notice_period(const Catalog& catalog, const DecisionInfo& info)
{
    const int need = required_notice_days(catalog);
    const int have = working_days_between(info.date, info.effective);
    if (have < need)
        // TRANSLATORS: {0} is the decision's number, {1} the working days it has, {2} who announces ("a ministry",
        // "a province"), {3} the working days the decree asks.
        spdlog::warn(trn("warning: {0} takes effect {1} working day after signing; Nghị định 63/2010/NĐ-CP Điều 15 (as "
                         "amended by Nghị định 92/2017/NĐ-CP) asks {2} to announce at least {3} working days before the "
                         "legal document setting the procedures takes effect (taken as --effective; public holidays "
                         "are not counted here)",
                         "warning: {0} takes effect {1} working days after signing; Nghị định 63/2010/NĐ-CP Điều 15 (as "
                         "amended by Nghị định 92/2017/NĐ-CP) asks {2} to announce at least {3} working days before the "
                         "legal document setting the procedures takes effect (taken as --effective; public holidays "
                         "are not counted here)",
                         static_cast<unsigned long>(std::max(have, 0)), info.number, have, need == 20 ? tr("a ministry") : tr("a province"),
                         need));
}

void finish_decision(FileTransaction& tx, const std::string& document, doc::Format format, const DecisionArgs& args)
{
    const bool to_file = !args.out.empty() && args.out != "-";
    if (to_file) {
        tx.write(args.out, document);
    } else {
        // The document goes out first: a terminal refusing a DOCX, or a full
        // disk behind standard output, must stop the run before anything is recorded.
        emit(document, "", format == doc::Format::docx);
        if (std::ferror(stdout)) throw Error(tr("cannot write the document to standard output; nothing was recorded"));
    }
    if (args.dry_run) {
        // TRANSLATORS: {0} is a step of the change, made in io/journal ("write decisions/280-QĐ-UBND.toml").
        for (const auto& step : tx.describe()) std::cerr << tr("tthc: would {0}", step) << "\n";
        return;
    }
    tx.commit();  // all or nothing
}

}  // namespace tthc::cli
