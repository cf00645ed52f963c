// Where a catalog's files are read from: the file system, or a directory tree
// at a git revision ("HEAD~1:catalogs/ha-noi"). The loader and the diff list
// and read files through a FileSource, so the domain never knows about git;
// libgit2 appears only in io/git_source.cpp. A source is read-only: commands
// that write into a catalog refuse an argument that names a revision
// (names_revision).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "io/files.hpp"

namespace tthc {

enum class EntryType { regular, directory, symlink, other, missing };  // missing: a root only

struct SourceEntry {
    std::string relative;  // the path below the root, '/'-separated ("procedures/ho-tich/1.001193.toml")
    EntryType type = EntryType::other;
    bool link_to_directory = false;  // a symbolic link that resolves to a directory (file system only)
    std::string id;  // the content id of a regular file or a directory (a git blob's or tree's raw object id),
                     // empty when the source has none
};

class FileSource {
public:
    virtual ~FileSource() = default;

    // The root as diagnostics name it: "catalogs/ha-noi", "HEAD~1:catalogs/ha-noi".
    const std::string& display() const { return display_; }
    // What the root is: a directory, a regular file, or other.
    virtual EntryType root_type() const = 0;
    // The path to give read() for the root when it is a file, and for the entry
    // `relative` below it when it is a directory.
    virtual std::string path_of(const std::string& relative) const = 0;
    // Every entry below a directory root, parents before their children, in
    // no fixed order; a top-level directory named `skip_top` is not entered,
    // nor one for which `visit` returns false. False with `error` set when the
    // tree cannot be listed (what was listed until then has been visited).
    virtual bool walk(const std::function<bool(const SourceEntry&)>& visit, std::string_view skip_top,
                      std::string& error) const = 0;
    // Reads the file at `path` (path_of) whose content id is `id` (may be empty)
    // into `buf`, never following a link nor opening a FIFO or device; false
    // with `why` set when it is not read. Safe to call from several threads.
    virtual bool read(const std::string& path, const std::string& id, std::string& buf, ReadRefusal& why) const = 0;
    // The content id this source gives a file holding `bytes` (git: the blob
    // id), so a file of another source can be matched without reading this
    // one; empty when the source has no content ids.
    virtual std::string id_of(std::string_view bytes) const;
    // Whether this is the file system (files compared by size, then bytes).
    virtual bool local() const { return false; }

protected:
    explicit FileSource(std::string display) : display_(std::move(display)) {}

private:
    std::string display_;
};

// The file system at `path` (a directory or a file; whatever it is: see root_type()).
std::shared_ptr<const FileSource> file_system_source(const std::string& path);

// PATH at git revision REV of the repository that encloses PATH's parent
// directory when it exists, else the current directory. REV is what
// git_revparse_single accepts; PATH is relative to the repository's root as in
// git, or to the current directory when it starts with "./" or "../". Throws
// Error (one line and a hint) when there is no repository, REV does not
// resolve, or PATH is not at that revision.
std::shared_ptr<const FileSource> git_source(const std::string& rev, const std::string& path, const std::string& display);

// Whether a catalog argument names a revision: it does not exist on the file
// system (a file or a directory whose name holds a colon wins) and has the
// form REV:PATH, REV neither empty nor starting with '.' or '/'.
bool names_revision(const std::string& argument);

// The source a catalog argument names: git_source for REV:PATH
// (names_revision), else the file system. Throws Error as git_source does.
std::shared_ptr<const FileSource> open_source(const std::string& argument);

// Throws Error when `argument` names a revision, for a command that would
// write into it: "'REV:PATH' is a revision of a git repository, which tthc
// never writes; <what>".
void refuse_revision(const std::string& argument, const std::string& what);

}  // namespace tthc
