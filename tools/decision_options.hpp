// What every command that drafts and records a decision shares (announce,
// abolish): the decision's options, and the last step — write the ledger
// entry, the document and any moves all together, or show them (--dry-run).
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "decisions/announcement.hpp"
#include "documents/document.hpp"
#include "io/journal.hpp"

namespace tthc::cli {

struct DecisionArgs {
    std::string number, date, effective, out;
    bool dry_run = false;
    DecisionInfo info;
};

// --number, --date, --effective, --signer, --signer-title, --sign-mode,
// --proposer, --scope, --supersedes, -o/--output, --dry-run.
void add_decision_options(CLI::App& sub, DecisionArgs& args);

// Checks --number, the dates and --sign-mode and copies them into args.info; throws Error.
void resolve_decision(DecisionArgs& args);

// Warns on standard error when the decision is signed fewer working days before
// it takes effect than Nghị định 63/2010/NĐ-CP Điều 15 asks (5 or 20).
void warn_notice_period(const Catalog& catalog, const DecisionInfo& info);

// Adds the document to `tx` (when -o names a file), then either prints the
// steps (--dry-run) or commits them; the document goes to standard output when
// no file was named.
void finish_decision(FileTransaction& tx, const std::string& document, doc::Format format, const DecisionArgs& args);

}  // namespace tthc::cli
