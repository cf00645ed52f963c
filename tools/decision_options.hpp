// What every command that drafts and records a decision shares (announce,
// abolish): the decision's options, and the last step — write the ledger
// entry, the document and any moves all together, or show them (--dry-run).
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "announcement.hpp"
#include "document.hpp"
#include "files.hpp"

namespace tthc::cli {

struct DecisionArgs {
    std::string number, date, effective, out;
    bool dry_run = false;
    DecisionInfo info;
};

// --number, --date, --effective, --signer, --signer-title, --sign-mode,
// --proposer, --scope, -o/--output, --dry-run.
void add_decision_options(CLI::App& sub, DecisionArgs& args);

// Checks --number and the dates and copies them into args.info; throws Error.
void resolve_decision(DecisionArgs& args);

// Adds the document to `tx` (when -o names a file), then either prints the
// steps (--dry-run) or commits them; the document goes to standard output when
// no file was named.
void finish_decision(FileTransaction& tx, const std::string& document, doc::Format format, const DecisionArgs& args);

}  // namespace tthc::cli
