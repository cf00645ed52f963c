// What changed between two versions of a catalog, procedure by procedure and
// field by field, classified as an announcement needs it (new, amended,
// abolished, replaced). Files whose bytes are identical on both sides are
// matched by content hash and never parsed; at a git revision (REV:PATH) by
// their blob ids, without being read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "catalog/loader.hpp"
#include "catalog/model.hpp"

namespace tthc {

struct FieldChange {
    std::string field;                  // "name", "channels[\"trực tiếp\"].time", "dossier[\"Tờ khai\"]"
    std::optional<std::string> before;  // nothing: the item was added
    std::optional<std::string> after;   // nothing: the item was removed
};

struct ProcedureRef {
    std::string code, name;
};

struct AmendedProcedure {
    std::string code, name;  // NEW's code and name
    std::vector<FieldChange> fields;
};

struct AbolishedProcedure {
    std::string code, name;
    bool missing = false;  // vanished from NEW instead of being moved to abolished/
};

struct ReplacedProcedure {
    std::string old_code, old_name, new_code, new_name;
    std::string reason;  // "280/QĐ-UBND" (declared by a decision) or "same name" (detected)
};

struct CatalogDiff {
    std::vector<ProcedureRef> added;
    std::vector<AmendedProcedure> amended;
    std::vector<AbolishedProcedure> abolished;
    std::vector<ReplacedProcedure> replaced;
    std::size_t unchanged = 0;
    bool empty() const { return added.empty() && amended.empty() && abolished.empty() && replaced.empty(); }
};

struct DiffResult {
    CatalogDiff diff;
    std::vector<Diagnostic> diagnostics;  // problems in the files that were read, with positions
    std::size_t files_parsed = 0;         // files whose bytes differed (or that had to be read)
    bool has_errors() const;
};

// Compares OLD and NEW (directories or single files, each may be REV:PATH). Throws Error when a path
// cannot be read at all; load errors in the files read are in `diagnostics`.
DiffResult diff_catalogs(const std::string& old_path, const std::string& new_path, const LoadOptions& options = {});

// The changed fields between two versions of one procedure, in a fixed order;
// lists are matched by identity (dossier by name and case, channels by kind and
// case, legal bases by number, results by name), not by position.
std::vector<FieldChange> compare_procedures(const Procedure& before, const Procedure& after);

}  // namespace tthc
