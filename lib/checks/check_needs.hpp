// What check_catalog needs of a procedure, and nothing more: export checks a
// large catalog while streaming it, keeping every procedure only in this
// shrunken form until the cross-file checks have run.
#pragma once

#include <string>
#include <unordered_set>

#include "catalog/model.hpp"

namespace tthc {

// Which procedures internal processes and plans name: only those need their
// channels' durations (processes) and dossier names (plans) kept.
struct CheckNeeds {
    std::unordered_set<std::string> by_processes, by_plans;  // code identities
};

// From the catalog's processes and plans (load them before the procedures).
CheckNeeds check_needs(const Catalog& catalog);

// Drops from `p` every field that check_catalog (lint.cpp) will not read for
// it and releases their memory. The result gives the same findings as the
// whole procedure; it is not fit for anything else (writing, diff, documents).
void keep_what_checks_read(Procedure& p, const CheckNeeds& needs);

}  // namespace tthc
