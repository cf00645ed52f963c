// Every byte the toolkit reads from or writes to disk goes through here, so
// that there is one answer to "is this write durable?" and "can a failure leave
// half a file?". Writes are atomic (a temporary file beside the target, then a
// rename) and durable (the file is fsynced before the rename and its directory
// after it); a failure never leaves a partial file, and for the ledger never
// replaces an existing one. Every system call is retried on EINTR.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace tthc {

// Replaces or creates `path` with `content` atomically and durably. Throws Error.
void write_file_atomic(const std::string& path, std::string_view content);

// Creates `path` with `content` atomically and durably and refuses (Error)
// when it exists: the ledger is append-only.
void write_file_new(const std::string& path, std::string_view content);

// Creates a new file inside a StagingDir: written, not yet synced (the staging
// directory syncs its file system once before it is renamed into place, which
// costs one call instead of one fsync per file). Throws Error.
void write_staged_file(const std::filesystem::path& path, std::string_view content);

// Reads a whole file; throws Error naming the path.
std::string read_file(const std::string& path);

// Reads a whole file into `buf` (its capacity is reused); false when it
// cannot be read. One read(2) per file for the common case: at national scale
// the loader reads 70,000 files and stream-based reading costs more than parsing.
bool try_read_file(const std::string& path, std::string& buf);

// rename(2) that fails with EEXIST instead of replacing the target (no window
// between a check and the rename); a plain rename where the file system does
// not support RENAME_NOREPLACE. False with errno set on failure.
bool rename_no_replace(const std::string& from, const std::string& to);

// fsync(2) of a directory, so that a rename or creation in it survives a crash.
// Throws Error.
void sync_directory(const std::string& dir);

// A set of file moves, creations and removals that either all happen or none:
// commit() performs them in order and undoes the done ones if one fails.
class FileTransaction {
public:
    void create(std::string path, std::string content);  // must not exist yet
    void write(std::string path, std::string content);   // created or replaced (the old one restored on failure)
    void move(std::string from, std::string to);           // `to` must not exist yet
    void remove(std::string path);

    // Performs every step; on failure restores what was done and throws Error.
    void commit();

    std::vector<std::string> describe() const;  // one line per step, for --dry-run

private:
    struct Step {
        enum class Kind { create, write, move, remove } kind;
        std::string a, b;  // create: path, content; move: from, to; remove: path
    };
    std::vector<Step> steps_;
};

// A directory built beside `out` and renamed to `out` by commit(); removed if
// never committed (with the parent directories it had to create), so a failure
// leaves nothing half-written. An existing `out` is refused, unless `force` and
// it is an empty directory or holds `marker` (what this kind of output always
// has: manifest.xml, catalog.toml).
class StagingDir {
public:
    StagingDir(const std::string& out, bool force, std::string_view marker);
    ~StagingDir();
    StagingDir(const StagingDir&) = delete;
    StagingDir& operator=(const StagingDir&) = delete;
    const std::filesystem::path& path() const { return tmp_; }
    // Syncs what was written into the staging directory, renames it to `out`
    // (an old `out` is moved aside first and removed after) and syncs the parent.
    void commit();

    // The refusal, without creating anything: call before expensive work.
    static void check_target(const std::string& out, bool force, std::string_view marker);

private:
    std::filesystem::path out_, tmp_;
    std::filesystem::path made_;  // the outermost parent directory created for `out`, if any
    bool force_ = false;
    std::string marker_;
    bool committed_ = false;
};

}  // namespace tthc
