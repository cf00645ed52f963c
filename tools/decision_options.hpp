// What every command that drafts and records a decision shares (announce,
// abolish): the decision's options, and the last step — write the ledger
// entry, the document and any moves all together, or show them (--dry-run).
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "cli_i18n.hpp"
#include "util/i18n.hpp"

#include "decisions/announcement.hpp"
#include "documents/document.hpp"
#include "io/journal.hpp"

namespace tthc::cli {

struct DecisionArgs {
    std::string number, date, effective, out, submission_date, content = "auto";
    std::vector<std::string> amended_by, abolished_by;  // CODE=SỐ-KÝ-HIỆU
    bool dry_run = false;
    bool allow_content_errors = false;
    DecisionInfo info;
};

// --signer, --signer-title, --sign-mode, --proposer, --submission,
// --submission-date and --scope: who signs and who proposes, the same for every
// decision (the Info types of announce, process and simplify share these fields).
template <class Info>
void add_signature_options(CLI::App& sub, Info& info, std::string& submission_date)
{
    value_name(sub.add_option("--signer", info.signer, tr("Name of the person who signs")), N_("FULL_NAME"));
    value_name(sub.add_option("--signer-title", info.signer_title, tr("Their title, e.g. \"Phó Chủ tịch\"")), N_("TITLE"));
    value_name(sub.add_option("--sign-mode", info.sign_mode, tr("TM., KT., Q., TL. or TUQ. line, e.g. \"KT. CHỦ TỊCH\"")),
               N_("SIGN_MODE"));
    value_name(sub.add_option("--proposer", info.proposer,
                              tr("Who proposes (Theo đề nghị của ...; default: Giám đốc of the department)")),
               N_("PROPOSER"));
    value_name(sub.add_option("--submission", info.submission,
                              tr("Số ký hiệu of the Tờ trình proposing it, e.g. 125/TTr-STP")),
               N_("LEGAL_NUMBER"));
    value_name(sub.add_option("--submission-date", submission_date, tr("Date of the Tờ trình (YYYY-MM-DD)")), N_("DATE"));
    value_name(sub.add_option("--scope", info.scope,
                              tr("The department managing the fields (thuộc phạm vi chức năng quản lý của ...; default: "
                                 "catalog.toml [[field]])")),
               N_("BODY"));
}

// --number, --date, --effective, --signer, --signer-title, --sign-mode,
// --proposer, --scope, --supersedes, -o/--output, --dry-run.
void add_decision_options(CLI::App& sub, DecisionArgs& args);

// Checks --number, the dates, --sign-mode, --amended-by, --abolished-by and
// --content and copies them into args.info; throws Error.
void resolve_decision(DecisionArgs& args);

// The hook between lint and documents: prints each content-error finding on
// these procedures (checks/lint.hpp content_findings) and refuses to draft
// (Error, exit 2) unless --allow-content-errors, which only warns.
void check_content(const Catalog& catalog, const std::vector<const Procedure*>& procedures, const DecisionArgs& args);

// Prints what a heuristic would take as the changing document (warnings), then
// refuses when a document is unknown (require_named).
void check_change_documents(const ChangeDocuments& docs);

// Warns on standard error when the decision is signed fewer working days before
// it takes effect than Nghị định 63/2010/NĐ-CP Điều 15 asks (5 or 20).
void warn_notice_period(const Catalog& catalog, const DecisionInfo& info);

// Adds the document to `tx` (when -o names a file), then either prints the
// steps (--dry-run) or commits them; the document goes to standard output when
// no file was named.
void finish_decision(FileTransaction& tx, const std::string& document, doc::Format format, const DecisionArgs& args);

}  // namespace tthc::cli
