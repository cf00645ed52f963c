// The checks of lint on a catalog that is loaded part by part: lint and export
// both stream a directory catalog through this one class, so that they find
// the same things and neither holds the whole catalog. The result is the one
// loading the catalog whole and linting it gives (the same findings), while
// memory grows only by what the cross-file checks keep of each procedure.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "catalog/loader.hpp"
#include "catalog/part_loader.hpp"
#include "checks/check_needs.hpp"
#include "checks/lint.hpp"
#include "checks/lint_cache.hpp"
#include "checks/portal_list.hpp"

namespace tthc {

class StreamingCheck {
public:
    // `collect` decides which findings are kept (lint keeps all; export the
    // errors that stop it); it may count the others.
    StreamingCheck(const LintOptions& options, std::function<bool(const Diagnostic&)> collect);

    // Lint's cache: call before loading. The procedure files are those the
    // PartLoader loads from `root`, with skip_file() as its SkipFile; a file
    // whose bytes the cache knows is not parsed (nor read, when its stamp is
    // the one the cache trusts), its findings and keys are the cache's. Every
    // other procedure file's findings are kept for the next run.
    void use_cache(LintCache& cache, const std::string& root, const std::vector<CatalogFile>& procedure_files);
    // For the loader threads: whether the cache knows procedure file `index`
    // by its stamp, before it is read...
    bool skip_unread(std::size_t index);
    // ...or by its bytes.
    bool skip(std::size_t index, std::string_view bytes);
    // Both, as the PartLoader takes them.
    SkipFile skip_file();

    // First the catalog's small files (catalog.toml, units, processes, plans,
    // decisions: they say which procedures need to be kept whole) with the
    // layout findings of list_catalog_files.
    void start(LoadResult small, std::vector<Diagnostic> layout);

    // Then each part of procedure files, in two steps so a caller can act on
    // its findings before it uses the procedures: the part's load findings...
    void add_findings(LoadResult& part);
    // ...and its procedures, moved out of `part`: checked on their own and kept
    // whole, shrunk, for the cross-file checks only when a process or plan
    // names them; otherwise as their key.
    void add_procedures(Catalog& part);

    // The cross-file checks, and the comparison with the portal's list when
    // there is one (never cached); every finding collected, sorted.
    std::vector<Diagnostic> finish(const PortalList* portal_list = nullptr);

    bool has_findings() const { return !found_.empty(); }
    // The small files' catalog, with the procedures kept for the checks.
    Catalog& catalog() { return catalog_; }
    std::size_t procedures() const { return procedures_; }  // in force and abolished, all parts so far
    std::size_t unread() const { return unread_; }  // files the cache gave by their stamp, not read

private:
    void collect(std::vector<Diagnostic>& from);
    bool add_procedure(Procedure& p, std::vector<Procedure>& to, CachedFile* record);
    void add_cached(std::size_t file, std::size_t index);

    LintOptions options_;
    std::function<bool(const Diagnostic&)> collect_;
    Catalog catalog_;
    CheckNeeds needs_;
    std::vector<ProcedureKey> keys_;  // the procedures no process or plan names
    std::vector<Diagnostic> found_;
    std::size_t procedures_ = 0;

    // use_cache: per procedure file (its index in the loader's list), its
    // digest once read and the cache's entry for it; per file of the part
    // being added, what is kept for the next run.
    LintCache* cache_ = nullptr;
    const std::string* root_ = nullptr;
    const std::vector<CatalogFile>* procedure_files_ = nullptr;
    std::vector<Digest> digests_;
    std::vector<std::optional<FileStamp>> stamps_;  // taken before the read, kept when the same after it
    std::vector<char> read_;  // 1: its bytes were hashed; 2: the cache knew its stamp
    std::size_t unread_ = 0;
    std::vector<const CachedFile*> hits_;
    std::size_t first_procedure_file_ = 0;  // its index in catalog_.files
    std::vector<CachedFile> pending_;
    std::vector<char> cachable_;
};

// What lint_path found, and how much it read.
struct LintResult {
    std::vector<Diagnostic> diagnostics;  // sorted
    std::size_t files = 0, procedures = 0;
    // with a cache: its file, what reading it found (LintCache::status), the
    // files whose findings it gave (those of them known by their stamp, not
    // read), and why it could not be written (empty: it was)
    std::string cache_file, cache_status, cache_problem;
    std::size_t cache_reused = 0, cache_unread = 0;
};

// Loads and checks a catalog, streaming a directory part by part on every
// core: the load findings and the checks', sorted. With a `cache_dir`, a
// directory catalog uses and updates its lint cache there (lint_cache.hpp);
// the findings are the same with and without it. Throws Error when the path
// cannot be read at all.
// With a `portal_list` (read_portal_list), the catalog is also compared with it.
// `progress` is told the files checked so far after each part.
LintResult lint_path(const std::string& path, const LintOptions& options, const std::string& cache_dir = {},
                     const PortalList* portal_list = nullptr, const Progress& progress = {});

// Splits a catalog's files into the small ones and the procedure files
// (procedures/ before abolished/, each in path order), as streaming wants them.
void split_catalog_files(std::vector<CatalogFile> files, std::vector<CatalogFile>& small,
                         std::vector<CatalogFile>& procedure_files);

}  // namespace tthc
