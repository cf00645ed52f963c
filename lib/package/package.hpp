// Packages for publication: a directory holding manifest.xml (the catalog,
// the package id and date, and one entry per file with its action, SHA-256
// and size, optionally signed), one XML document per procedure, the
// decisions, and the XSD. Export writes one, verify checks one, import turns
// one back into a catalog directory. Documents are written, validated and
// checked one at a time (in parallel), never as one big DOM.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/part_loader.hpp"
#include "core/diagnostic.hpp"
#include "core/values.hpp"

namespace tthc {

struct ExportOptions {
    std::string out;        // the package directory to create
    bool force = false;     // replace `out` when it is an existing package (or an empty directory)
    Date created;           // the package's date (the caller picks --date or SOURCE_DATE_EPOCH)
    std::string since;      // an older version of the catalog: write a delta package against it
    std::string key, cert;  // sign the manifest with this PEM key and certificate (both or neither)
    unsigned threads = 0;   // 0: one per core
    // Publish the data as it is even where lint finds values missing or
    // malformed that the package can carry as written (see
    // is_tolerated_as_published in core/rules.hpp); anything else still stops the export.
    bool as_published = false;
    Progress progress;  // told the files done after each part of procedure files
};

struct PackageCounts {
    std::size_t procedures = 0, abolished = 0, decisions = 0, files = 0;
};

struct ExportResult {
    // The catalog's lint errors, or documents that failed the schema (an
    // internal bug): when there is one, nothing was written.
    std::vector<Diagnostic> diagnostics;
    std::string package_id;
    PackageCounts counts;
    bool written = false;
    std::size_t tolerated = 0;  // --as-published: lint errors kept as published
};

// Loads and lints the catalog at `catalog_path` and, when it has no error,
// builds the package in a temporary directory beside `out` and renames it into
// place. Throws Error for what stops the run: an unreadable catalog, an
// existing `out` without force, a key that cannot be read, a failed write.
ExportResult export_package(const std::string& catalog_path, const ExportOptions& options);

struct VerifyOptions {
    std::string cert;      // the signer's certificate: the manifest must be signed with its key
    unsigned threads = 0;  // 0: one per core
};

enum class SignatureState { absent, valid, invalid };

struct VerifyResult {
    std::vector<Diagnostic> diagnostics;  // every problem, each with the file it concerns; empty: valid
    std::string package_id, kind;
    PackageCounts counts;
    SignatureState signature = SignatureState::absent;
};

// Checks a package: the manifest and every document against the schema, every
// entry's path (inside the package), size and SHA-256, no file missing or
// extra, and the signature when there is one (required with a certificate).
// Throws Error only when `package_dir` is not a directory or `cert` cannot be read.
VerifyResult verify_package(const std::string& package_dir, const VerifyOptions& options);

struct ImportOptions {
    std::string out;     // the catalog directory to create
    bool force = false;  // replace `out` when it is an existing catalog (or an empty directory)
    std::string cert;    // as for verify
};

struct ImportResult {
    std::vector<Diagnostic> diagnostics;  // the package's problems: when there is one, nothing was written
    PackageCounts counts;
    bool written = false;
    std::size_t tolerated = 0;  // --as-published: lint errors kept as published
};

// Verifies a full package and writes the catalog directory it holds
// (catalog.toml, procedures/, abolished/, decisions/ as the package lays them
// out), atomically. Throws Error as export does, and for a delta package.
ImportResult import_package(const std::string& package_dir, const ImportOptions& options);

// Whether `path` is a safe relative path inside a package: '/'-separated,
// no empty, "." or ".." component, no backslash, no control character.
bool is_safe_package_path(std::string_view path);

}  // namespace tthc
