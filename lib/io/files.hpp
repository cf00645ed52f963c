// Every byte the toolkit reads from or writes to disk goes through here, so
// that there is one answer to "is this write durable?" and "can a failure leave
// half a file?". Writes are atomic (a temporary file beside the target, then a
// rename) and durable (the file is fsynced before the rename and its directory
// after it); a failure never leaves a partial file, and for the ledger never
// replaces an existing one. Every system call is retried on EINTR.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
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

// The temporary name beside `path` that the writes above use while process
// `pid` writes it: what `tthc recover` removes after a crash.
std::string temp_name(const std::string& path, long pid);

// Why a file of a catalog or a package is not read (try_read_regular_file).
enum class ReadRefusal { none, cannot_open, symlink, not_regular };

// Reads a file of untrusted input (a catalog, a package) without following a
// symbolic link and without blocking on a FIFO or a device: opened with
// O_NOFOLLOW|O_NONBLOCK, then fstat(2) must say a regular file, so there is no
// race between the check and the read. False with `why` set when it is not read.
bool try_read_regular_file(const std::string& path, std::string& buf, ReadRefusal& why);

// What lstat(2) says of a file that changes whenever its bytes are written:
// device, inode, size, and the times of the last modification and of the last
// change of the inode, in nanoseconds. Lint's cache takes a file whose stamp
// has not changed for the file it read before (as git's index does).
struct FileStamp {
    std::uint64_t device = 0, inode = 0, size = 0;
    std::int64_t modified_ns = 0, changed_ns = 0;
    bool operator==(const FileStamp&) const = default;
};

// The stamp of a regular file, without following a symbolic link; nothing for
// anything else or when it cannot be told.
std::optional<FileStamp> stamp_regular_file(const std::string& path);

// try_read_regular_file that throws Error naming the path and the refusal.
std::string read_regular_file(const std::string& path);

// The message for a refusal, for a finding ("not read: it is a symbolic link").
std::string refusal_message(ReadRefusal why);

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
