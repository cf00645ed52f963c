// Loading: catalog files (TOML) → the model, with positions and NFC text.
// Loading never stops at the first problem: a file that does not parse is
// reported and the other files are still read and checked.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/file_source.hpp"
#include "core/diagnostic.hpp"
#include "catalog/model.hpp"

namespace tthc {

struct LoadResult {
    Catalog catalog;
    std::vector<Diagnostic> diagnostics;  // sorted; every per-file finding (syntax, keys, values)
    bool has_errors() const;
};

// Called on a loader thread with a file's bytes once read and before they are
// parsed: true means another source knows what the file holds (the lint
// cache), and it is left out of the result but for its name in Catalog::files.
// `index` is the file's place in the list given to load_files plus first_index.
// Lets the loader leave out files it need not parse (lint's cache), each by
// its index in the list of files: `unread` is asked before a file is read,
// `read` once its bytes are; true leaves the file out. Either may be empty.
struct SkipFile {
    std::function<bool(std::size_t index)> unread;
    std::function<bool(std::size_t index, std::string_view bytes)> read;
};

struct LoadOptions {
    LoadOptions(unsigned threads_ = 0, SkipFile skip_ = {}, std::size_t first_index_ = 0)
        : threads(threads_), skip(std::move(skip_)), first_index(first_index_)
    {
    }
    unsigned threads;  // 0: one per core
    SkipFile skip;     // none: every file is parsed
    std::size_t first_index;
};

// What a catalog file holds, by where it sits (catalog-format.md section 1).
enum class FileKind { catalog, units, procedure, abolished, process, plan, decision, single, legal };

struct CatalogFile {
    FileKind kind = FileKind::single;
    std::string display;  // the path as shown in diagnostics (root joined with the relative path)
    std::string relative; // the path inside the catalog ("procedures/ho-tich/1.001193.toml")
    std::string path;     // the path to give `source` (the file system: the path to open)
    std::shared_ptr<const FileSource> source;  // where it is read from; none: the file system
    std::string id;       // the source's content id (a git blob id), or empty
};

// The files of a catalog (a directory, or a single file), sorted by path;
// `path` is a catalog argument (io/file_source.hpp: a path, or REV:PATH for a
// revision of a git repository). A missing catalog.toml or a TOML file outside
// the defined folders is reported into `diags`. Throws Error when the path
// does not exist (or the revision, the repository or PATH in it).
// `enter` is called for each directory that has a content id (a git tree) with
// its relative path and id; false leaves it out with everything below it, so
// that a diff of two revisions skips a tree whose id is the same on both sides.
using EnterDirectory = std::function<bool(const std::string& relative, const std::string& id)>;
std::vector<CatalogFile> list_catalog_files(const std::string& path, std::vector<Diagnostic>& diags,
                                            const EnterDirectory& enter = {});

// Reads and converts the given files (some or all of list_catalog_files) into
// one catalog, in parallel.
LoadResult load_files(const std::string& root, const std::vector<CatalogFile>& files, const LoadOptions& options = {});

// Loads a catalog from a directory (catalog.toml, procedures/, ...) or from a
// single TOML file (the single-file form, or one procedure file on its own).
// Throws Error when the path does not exist or is neither a file nor a directory.
LoadResult load_catalog(const std::string& path, const LoadOptions& options = {});

// Loads a single-file catalog held in memory; `display_path` names it in
// diagnostics (tests, standard input).
LoadResult load_catalog_text(std::string_view text, const std::string& display_path);

// Loads one file of a catalog from its text, as load_catalog would read it at
// `path` (lint --fix checks in memory a file it is changing).
LoadResult load_file_text(FileKind kind, std::string_view text, const std::string& display, const std::string& path);

}  // namespace tthc
