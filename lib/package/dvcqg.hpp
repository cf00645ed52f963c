// The national package format: procedures as the national database of
// administrative procedures (Cổng Dịch vụ công quốc gia, DVCQG) serves them to
// one-stop systems, as JSON records with upper-case keys (MATTHC, TENTTHC,
// CACHTHUCTHUCHIEN…), in the reply envelope {"error_code":0,"result":[…]} of
// its services LayThuTuc and LayDanhSachTTHC. No schema is published: the
// mapping (tthc-dvcqg(5)) was reconstructed from code that consumes the
// records, and reading accepts the variants those consumers meet. What the
// catalog holds and the national keys cannot carry travels in one extension
// key, X_TTHC, so that export then import gives back the same catalog.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/model.hpp"
#include "core/diagnostic.hpp"
#include "core/values.hpp"

namespace tthc {

// The name of the extension key, in records and in the list file.
inline constexpr std::string_view dvcqg_extension_key = "X_TTHC";

// One procedure as a LayThuTuc reply: {"error_code": 0, "result": [record]},
// keys in a fixed order, two-space indentation, UTF-8, a final newline;
// `agency_id` is the catalog's (MACOQUANCONGBO).
std::string dvcqg_procedure_json(const Procedure& p, const std::string& agency_id);

// The LayDanhSachTTHC reply listing `procedures` (MATTHC, TENTTHC,
// MACOQUANCONGBO, LOAITTHC, TRANGTHAI), with the catalog.toml values in X_TTHC.
std::string dvcqg_list_json(const CatalogInfo& info, const std::vector<const Procedure*>& procedures);

// What one JSON file holds. Records with no CACHTHUCTHUCHIEN, THANHPHANHOSO
// or TRINHTUTHUCHIEN are a list's entries, not procedures: only counted.
struct DvcqgFile {
    std::vector<Procedure> procedures;   // NFC text, positions of the record's keys
    std::optional<CatalogInfo> catalog;  // from X_TTHC.catalog of a list file
    std::size_t list_entries = 0;
    std::vector<Diagnostic> diagnostics;  // json-syntax, dvcqg-record: any means the file is not imported
};

// Reads one file's bytes: a bare record, an array of records, or a service
// reply (error_code must be 0). Never throws for bad input: every problem is
// a diagnostic with `display` and its line and column.
DvcqgFile read_dvcqg_json(std::string_view text, const std::string& display);

struct DvcqgExportOptions {
    std::string out;     // the directory to create
    bool force = false;  // replace `out` when it holds LayDanhSachTTHC.json (or is empty)
    Date today;          // for the date-dependent lint rules
};

struct DvcqgExportResult {
    std::vector<Diagnostic> diagnostics;  // errors that stop the export: nothing was written
    std::size_t procedures = 0, abolished = 0, tolerated = 0;
    bool written = false;
};

// Loads and lints the catalog and, unless it has errors other than those kept
// as published (as export --as-published), writes `out`: LayDanhSachTTHC.json,
// procedures/<code>.json and abolished/<code>.json, atomically. Throws Error
// for an unreadable catalog, an existing `out` without force, a failed write.
DvcqgExportResult export_dvcqg(const std::string& catalog_path, const DvcqgExportOptions& options);

struct DvcqgImportOptions {
    std::string out;     // the catalog directory to create
    bool force = false;  // replace `out` when it is a catalog (or an empty directory)
};

struct DvcqgImportResult {
    std::vector<Diagnostic> diagnostics;  // any: nothing was written
    std::size_t files = 0, procedures = 0, abolished = 0, list_entries = 0;
    bool written = false;
};

// Reads every path (a file, or a directory searched for *.json, in path
// order) and writes the catalog directory: catalog.toml and
// procedures/<field slug>/<code>.toml (abolished/ for records X_TTHC marks
// abolished), through the one TOML writer, atomically. Throws Error for a
// path that cannot be read and for an existing `out` without force.
DvcqgImportResult import_dvcqg(const std::vector<std::string>& paths, const DvcqgImportOptions& options);

}  // namespace tthc
