// Abolishing procedures (bãi bỏ): which codes can be abolished, what depends
// on them, and the file changes that carry it out, so that the command can do
// everything or nothing.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "io/journal.hpp"
#include "catalog/model.hpp"

namespace tthc {

struct AbolitionOptions {
    bool with_processes = false;    // abolish their internal processes too
    bool keep_plans = false;        // leave plans that name them as history
    bool keep_related = false;      // leave other procedures' `related` lists naming them
    bool keep_replacement = false;  // abolish a procedure that a decision declared as a replacement
};

// Something that names a procedure about to be abolished.
struct Dependent {
    std::string code;     // the procedure being abolished
    std::string file;     // where the dependent is written
    Pos pos;
    std::string what;     // "its internal process", "simplification plan 2026-khai-sinh", ... (translated)
    std::string option;   // the option that says what to do with it
};

struct AbolitionCheck {
    std::vector<const Procedure*> procedures;  // the procedures to abolish, in the order asked
    std::vector<std::string> problems;         // codes unknown, already abolished, listed twice (messages, translated)
    std::vector<Dependent> dependents;         // what blocks the abolition under the options given
    std::vector<const Process*> processes;     // processes abolished with them (--with-processes)
};

// Checks the codes against the catalog and finds what depends on them.
AbolitionCheck check_abolition(const Catalog& catalog, const std::vector<std::string>& codes,
                               const AbolitionOptions& options);

// Adds to `tx` the moves procedures/<path> -> abolished/<path> and the removal
// of abolished processes. The catalog must be a directory.
void plan_abolition(const Catalog& catalog, const AbolitionCheck& check, FileTransaction& tx);

}  // namespace tthc
