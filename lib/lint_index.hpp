// What check_catalog needs of a procedure, and nothing more: export checks a
// large catalog while streaming it, keeping every procedure only in this
// shrunken form until the cross-file checks have run.
#pragma once

#include "model.hpp"

namespace tthc {

// Drops from `p` every field that check_catalog (lint.cpp) never reads and
// releases their memory. The result gives the same findings as the whole
// procedure; it is not fit for anything else (writing, diff, documents).
void keep_what_checks_read(Procedure& p);

}  // namespace tthc
