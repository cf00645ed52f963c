// Lint: the checks that need the whole catalog (unique codes, processes against
// their procedure's thời hạn, plans and decisions against the codes they name),
// added to the per-file findings of loading.
#pragma once

#include <vector>

#include "diagnostic.hpp"
#include "loader.hpp"
#include "model.hpp"
#include "values.hpp"

namespace tthc {

struct LintOptions {
    Date today;  // for date-dependent rules (district-level); the caller decides what "today" is
};

// Cross-file checks on a loaded catalog; returns only the new findings.
std::vector<Diagnostic> check_catalog(const Catalog& catalog, const LintOptions& options);

// Loads and checks a catalog: the load findings and check_catalog's, sorted.
// Throws Error when the path cannot be read at all.
std::vector<Diagnostic> lint_path(const std::string& path, const LintOptions& options, Catalog* loaded = nullptr);

// The thời hạn of a process's channel: the named channel, or else the shortest
// convertible one. Nothing when the procedure has no channel with a parsed time.
const Channel* process_channel(const Procedure& procedure, const Process& process, int hours_per_day);

}  // namespace tthc
