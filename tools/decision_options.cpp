#include "decision_options.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "command.hpp"
#include "core/diagnostic.hpp"
#include "core/vietnamese.hpp"
#include "decisions/decision_doc.hpp"

namespace tthc::cli {

void add_decision_options(CLI::App& sub, DecisionArgs& args)
{
    sub.add_option("--number", args.number, "Số ký hiệu of the decision, e.g. 280/QĐ-UBND")->required();
    sub.add_option("--date", args.date, "Date of signing (YYYY-MM-DD)")->required();
    sub.add_option("--effective", args.effective, "Date the decision takes effect (default: --date)");
    sub.add_option("--signer", args.info.signer, "Name of the person who signs");
    sub.add_option("--signer-title", args.info.signer_title, "Their title, e.g. \"Phó Chủ tịch\"");
    sub.add_option("--sign-mode", args.info.sign_mode, "TM., KT., Q., TL. or TUQ. line, e.g. \"KT. CHỦ TỊCH\"");
    sub.add_option("--proposer", args.info.proposer, "Who proposes (Theo đề nghị của ...)");
    sub.add_option("--scope", args.info.scope, "Whose field of management (thuộc phạm vi chức năng quản lý của ...)");
    sub.add_option("--supersedes", args.info.supersedes,
                   "An earlier decision whose announcement of these procedures ends (repeatable; default: found in the ledger)");
    sub.add_option("-o,--output", args.out, "Write the document to FILE (with the other changes) instead of standard output");
    sub.add_flag("--dry-run", args.dry_run, "Show what would be written and print the document; write nothing");
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
}

void warn_notice_period(const Catalog& catalog, const DecisionInfo& info)
{
    const int need = required_notice_days(catalog);
    const int have = working_days_between(info.date, info.effective);
    if (have < need)
        spdlog::warn("warning: {} takes effect {} working day{} after signing; Nghị định 63/2010/NĐ-CP Điều 15 (as "
                     "amended by Nghị định 92/2017/NĐ-CP) asks {} to announce at least {} working days before the legal "
                     "document setting the procedures takes effect (taken as --effective; public holidays are not "
                     "counted here)",
                     info.number, have, have == 1 ? "" : "s", need == 20 ? "a ministry" : "a province", need);
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
        if (std::ferror(stdout)) throw Error("cannot write the document to standard output; nothing was recorded");
    }
    if (args.dry_run) {
        for (const auto& step : tx.describe()) std::cerr << "tthc: would " << step << "\n";
        return;
    }
    tx.commit();  // all or nothing
}

}  // namespace tthc::cli
