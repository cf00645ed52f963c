// Loading: catalog files (TOML) → the model, with positions and NFC text.
// Loading never stops at the first problem: a file that does not parse is
// reported and the other files are still read and checked.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "model.hpp"

namespace tthc {

struct LoadResult {
    Catalog catalog;
    std::vector<Diagnostic> diagnostics;  // sorted; every per-file finding (syntax, keys, values)
    bool has_errors() const;
};

struct LoadOptions {
    unsigned threads = 0;  // 0: one per core
};

// Loads a catalog from a directory (catalog.toml, procedures/, ...) or from a
// single TOML file (the single-file form, or one procedure file on its own).
// Throws Error when the path does not exist or is neither a file nor a directory.
LoadResult load_catalog(const std::string& path, const LoadOptions& options = {});

// Loads a single-file catalog held in memory; `display_path` names it in
// diagnostics (tests, standard input).
LoadResult load_catalog_text(std::string_view text, const std::string& display_path);

}  // namespace tthc
