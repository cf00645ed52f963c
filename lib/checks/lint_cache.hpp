// The lint cache: what lint found in each procedure file, keyed by the file's
// path and the SHA-256 of its bytes, so that a second lint of a catalog parses
// only the files that changed. A file whose stamp (io/files.hpp: inode, size,
// modification and change times) is the one it had when its bytes were hashed
// is not read again, when that stamp is older than the run that took it by
// two seconds or more (git's "racily clean" entries: a file written again in
// the same tick of its clock would keep its stamp); any other file is read
// and hashed. The cross-file checks (duplicate codes, the
// procedures that processes, plans and decisions name) are never cached: they
// run every time, on the keys the cache keeps of each file (ProcedureKey).
//
// A cache belongs to one build of tthc and one set of rule settings (the key:
// lint_cache_key); a cache file with another key, a damaged, truncated or
// foreign one is ignored whole and rebuilt, never trusted in part. It is
// written atomically (io/files.hpp), so concurrent runs sharing it leave one
// whole cache or the other. It is as trusted as the directory that holds it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "checks/lint.hpp"
#include "core/diagnostic.hpp"
#include "io/files.hpp"
#include "util/digest.hpp"

namespace tthc {

// What a procedure file gives lint on its own: its findings (the load's and
// check_procedure's; `file` left empty) and the keys of its procedures
// (`file` left 0). Both are filled in again from the file's place in the run.
struct CachedFile {
    Digest digest{};
    FileStamp stamp{};           // the file's when its bytes were hashed...
    bool stamp_trusted = false;  // ...and whether it may stand for them

    std::vector<Diagnostic> findings;
    std::vector<ProcedureKey> keys;
};

// Everything a cached finding depends on besides the file's path and bytes:
// the cache format, this build of tthc (its version and its executable's
// identity, so a rebuilt binary never reads an older build's findings) and the
// rule settings (every date a rule compares --today with) and the language of
// the messages (a finding's message is kept as it was written).
std::string lint_cache_key(const LintOptions& options);

// $XDG_CACHE_HOME/tthc, else $HOME/.cache/tthc; empty when neither is set.
std::string default_cache_dir();

// The cache file for a catalog directory: one per catalog, named from its
// absolute path, inside `dir`.
std::string cache_file_for(const std::string& dir, const std::string& catalog);

class LintCache {
public:
    // Reads the cache file at `path` if there is one. Never throws for what
    // the file holds: whatever is wrong with it, the cache starts empty and
    // status() says why.
    LintCache(std::string path, std::string key);

    // The entry for a file with these bytes, or nullptr. Safe to call from
    // several threads at once (nothing is changed while lint reads it).
    const CachedFile* find(const std::string& display, const Digest& digest) const;
    // The entry for a file whose stamp is the trusted one of its entry: the
    // file need not be read. Safe to call from several threads at once.
    const CachedFile* find_unchanged(const std::string& display, const FileStamp& now) const;
    // Whether a stamp taken in this run may stand for the bytes read with it in
    // the next: both its times at least two seconds before this run began.
    bool trusts(const FileStamp& stamp) const;

    // What to write for a file: an entry found or a new one. A file not kept
    // (it disappeared, it could not be read, a process names its procedure)
    // is not in the next cache.
    void keep(const std::string& display, CachedFile entry);
    // Keeps the entry find() gave for `display`, once its use is over (it is
    // moved), with the file's stamp now when it has one.
    void keep_found(const std::string& display, const std::optional<FileStamp>& now = std::nullopt);

    // Writes the kept entries atomically when they differ from what was read.
    // Throws Error when it cannot be written.
    void save();

    // What the read found: "none", "read", or why the file was ignored.
    const std::string& status() const { return status_; }
    std::size_t entries_read() const { return read_.size(); }
    std::size_t reused() const { return reused_; }
    const std::string& path() const { return path_; }

private:
    std::string path_, key_, status_;
    std::unordered_map<std::string, CachedFile> read_;
    std::unordered_map<std::string, CachedFile> next_;
    std::int64_t started_ns_ = 0;  // the real-time clock when the run began
    std::size_t reused_ = 0;
    bool changed_ = false;
};

// The bytes of a cache file holding these entries, and their reading back
// (false and `why` when the bytes are not a whole cache with this key). For
// save() and the constructor; public for the tests of damaged caches.
std::string encode_lint_cache(const std::string& key, const std::unordered_map<std::string, CachedFile>& entries);
bool decode_lint_cache(const std::string& bytes, const std::string& key,
                       std::unordered_map<std::string, CachedFile>& entries, std::string& why);

}  // namespace tthc
