// Lint: the checks that need the whole catalog (unique codes, processes against
// their procedure's thời hạn, plans and decisions against the codes they name),
// added to the per-file findings of loading.
#pragma once

#include <vector>

#include "core/diagnostic.hpp"
#include "catalog/loader.hpp"
#include "catalog/model.hpp"
#include "core/values.hpp"

namespace tthc {

struct LintOptions {
    Date today;  // for date-dependent rules (district-level); the caller decides what "today" is
    // The content rules (checks/content.hpp) read every text field. A caller that
    // checks shrunken procedures (StreamingCheck, keep_what_checks_read) runs them on the
    // whole procedure first (check_procedure_content) and turns them off here.
    bool content = true;
};

// Cross-file checks on a loaded catalog; returns only the new findings.
std::vector<Diagnostic> check_catalog(const Catalog& catalog, const LintOptions& options);

// A procedure reduced to its code: what the cross-file checks need of one
// that no internal process or plan names, once its own checks have run
// (check_procedure), and its name, which --portal-list compares. Lets a caller that streams a large catalog keep a few
// dozen bytes per procedure instead of the procedure.
struct ProcedureKey {
    std::size_t file = 0;  // index into Catalog::files
    Text code;
    Text name;             // for lint --portal-list (checks/portal_list.hpp)
    std::string identity;  // ProcedureCode::identity
    bool abolished = false;
};

// The checks of one procedure on its own (level huyện after 1 July 2025, an
// online service without an online channel, and the content rules unless
// options.content is false), as check_catalog runs them on every procedure of
// Catalog::procedures; `file` names it in the findings.
std::vector<Diagnostic> check_procedure(const Procedure& p, const std::string& file, const LintOptions& options);

// The content findings of one procedure alone (checks/content.hpp: glued legal
// numbers, districts named after 1 July 2025 by options.today, capitals,
// abbreviations, repeated text, notes among the dossier entries), in the order
// of the procedure's fields. Empty when its text has none: what a document that
// prints the procedure needs to know. Never throws on any text.
std::vector<Diagnostic> check_procedure_content(const Procedure& p, const std::string& file, const LintOptions& options);

// The hook between lint and the documents: the findings of the per-procedure
// checks (check_procedure) on these procedures of `catalog` whose rule is a
// content error (core/rules.hpp is_content_error), in file order. A document
// builder refuses to print a procedure with one.
std::vector<Diagnostic> content_findings(const Catalog& catalog, const std::vector<const Procedure*>& procedures,
                                         const LintOptions& options);

// check_catalog, with more procedures known only by their keys (in force and
// abolished; their check_procedure findings are the caller's).
std::vector<Diagnostic> check_catalog(const Catalog& catalog, const LintOptions& options,
                                      const std::vector<ProcedureKey>& keys);

// The thời hạn of a process's channel: the named channel, or else the shortest
// convertible one. Nothing when the procedure has no channel with a parsed time.
const Channel* process_channel(const Procedure& procedure, const Process& process, int hours_per_day);

}  // namespace tthc
