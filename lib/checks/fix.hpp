// lint --fix: the fixes rules make without judgement (core/rules.hpp says
// which; each is data on its finding, core/diagnostic.hpp's Fix), made to one
// catalog file in memory and checked again until none is left, so that a text
// with two fixable findings gets both and the file is written once.
#pragma once

#include <string>
#include <vector>

#include "catalog/formatter.hpp"
#include "catalog/loader.hpp"
#include "checks/lint.hpp"

namespace tthc {

struct FileFixes {
    std::string text;                 // the file's text after every fix
    std::vector<AppliedFix> applied;  // in the order they were made, positions in the text they were made to
};

// Fixes the findings of one file that its own load and the checks of its own
// procedures report (the cross-file checks have no fixes), round after round
// (at most 16) until a round makes none. Never throws on bad input: a file
// that does not parse is given back as it is.
FileFixes fix_file(const CatalogFile& file, std::string text, const LintOptions& options);

}  // namespace tthc
