#include "io/files.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <stdlib.h>  // mkdtemp
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "util/error.hpp"

namespace tthc {

namespace fs = std::filesystem;

namespace {

std::string temp_beside(const std::string& path)
{
    const fs::path p(path);
    return (p.parent_path() / ("." + p.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
}

int open_retry(const char* path, int flags, mode_t mode = 0)
{
    int fd;
    do fd = ::open(path, flags, mode);
    while (fd < 0 && errno == EINTR);
    return fd;
}

// Writes all of `content` to `fd`; false with errno set on failure.
bool write_all(int fd, std::string_view content)
{
    for (std::size_t done = 0; done < content.size();) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

bool fsync_retry(int fd)
{
    int r;
    do r = ::fsync(fd);
    while (r != 0 && errno == EINTR);
    return r == 0;
}

// Writes a temporary file beside `path`, fsynced, and returns its name; throws Error.
std::string write_temp(const std::string& path, std::string_view content)
{
    const std::string tmp = temp_beside(path);
    const int fd = open_retry(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw Error("cannot write '" + path + "': " + std::strerror(errno));
    if (!write_all(fd, content) || !fsync_retry(fd)) {
        const int e = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        throw Error("cannot write '" + path + "': " + std::strerror(e));
    }
    if (::close(fd) != 0) {
        const int e = errno;
        ::unlink(tmp.c_str());
        throw Error("cannot write '" + path + "': " + std::strerror(e));
    }
    return tmp;
}

std::string parent_of(const std::string& path)
{
    const fs::path p = fs::path(path).parent_path();
    return p.empty() ? "." : p.string();
}

// syncfs(2) of the file system holding `dir`: everything written under it is on disk.
void sync_file_system(const fs::path& dir)
{
    const int fd = open_retry(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::syncfs(fd) != 0) {
        const int e = errno;
        if (fd >= 0) ::close(fd);
        throw Error("cannot sync '" + dir.generic_string() + "': " + std::strerror(e));
    }
    ::close(fd);
}

}  // namespace

bool rename_no_replace(const std::string& from, const std::string& to)
{
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
    if (errno != EINVAL && errno != ENOSYS) return false;
    if (::access(to.c_str(), F_OK) == 0) {
        errno = EEXIST;
        return false;
    }
    return ::rename(from.c_str(), to.c_str()) == 0;
}

void sync_directory(const std::string& dir)
{
    const int fd = open_retry(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || !fsync_retry(fd)) {
        const int e = errno;
        if (fd >= 0) ::close(fd);
        throw Error("cannot sync the directory '" + dir + "': " + std::strerror(e));
    }
    ::close(fd);
}

void write_file_atomic(const std::string& path, std::string_view content)
{
    const std::string tmp = write_temp(path, content);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int e = errno;
        ::unlink(tmp.c_str());
        throw Error("cannot write '" + path + "': " + std::strerror(e));
    }
    sync_directory(parent_of(path));
}

void write_file_new(const std::string& path, std::string_view content)
{
    const std::string tmp = write_temp(path, content);
    // link(2) fails when the target exists: an atomic "create, never replace"
    if (::link(tmp.c_str(), path.c_str()) != 0) {
        const int e = errno;
        ::unlink(tmp.c_str());
        if (e == EEXIST) throw Error("'" + path + "' already exists; it is never overwritten");
        throw Error("cannot write '" + path + "': " + std::strerror(e));
    }
    ::unlink(tmp.c_str());
    sync_directory(parent_of(path));
}

void write_staged_file(const fs::path& path, std::string_view content)
{
    auto fail = [&](int e) { return Error("cannot write '" + path.generic_string() + "': " + std::strerror(e)); };
    const int fd = open_retry(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) throw fail(errno);
    if (!write_all(fd, content)) {
        const int e = errno;
        ::close(fd);
        throw fail(e);
    }
    if (::close(fd) != 0) throw fail(errno);
}

bool try_read_file(const std::string& path, std::string& buf)
{
    const int fd = open_retry(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st;
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        return false;
    }
    buf.resize(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    bool ok = true;
    while (true) {
        if (done == buf.size()) buf.resize(buf.size() + 4096);  // the file grew, or st_size was 0 (a pipe, /proc)
        const ssize_t n = ::read(fd, buf.data() + done, buf.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            ok = false;
            break;
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    buf.resize(done);
    return ok;
}

std::string read_file(const std::string& path)
{
    std::string out;
    if (!try_read_file(path, out)) throw Error("cannot read '" + path + "': " + std::strerror(errno));
    return out;
}

void FileTransaction::create(std::string path, std::string content)
{
    steps_.push_back({Step::Kind::create, std::move(path), std::move(content)});
}

void FileTransaction::write(std::string path, std::string content)
{
    steps_.push_back({Step::Kind::write, std::move(path), std::move(content)});
}

void FileTransaction::move(std::string from, std::string to) { steps_.push_back({Step::Kind::move, std::move(from), std::move(to)}); }

void FileTransaction::remove(std::string path) { steps_.push_back({Step::Kind::remove, std::move(path), {}}); }

std::vector<std::string> FileTransaction::describe() const
{
    std::vector<std::string> out;
    for (const auto& s : steps_) {
        switch (s.kind) {
        case Step::Kind::create: out.push_back("create " + s.a); break;
        case Step::Kind::write: out.push_back("write " + s.a); break;
        case Step::Kind::move: out.push_back("move " + s.a + " -> " + s.b); break;
        case Step::Kind::remove: out.push_back("remove " + s.a); break;
        }
    }
    return out;
}

void FileTransaction::commit()
{
    // Removals are done last, and first as renames to a hidden name, so that
    // every step before the final one can be undone.
    std::vector<std::pair<std::string, std::string>> undo_moves;  // (from, to) to move back
    std::vector<std::string> undo_creates;
    std::vector<std::pair<std::string, std::string>> hidden;      // removed file -> hidden name
    std::vector<fs::path> made_dirs;                              // directories this commit created
    auto make_parent = [&](const std::string& file) {
        std::vector<fs::path> missing;
        for (fs::path d = fs::path(file).parent_path(); !d.empty() && !fs::exists(d); d = d.parent_path())
            missing.push_back(d);
        for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
            fs::create_directory(*it);
            made_dirs.push_back(*it);
        }
    };
    auto rollback = [&] {
        for (auto it = undo_creates.rbegin(); it != undo_creates.rend(); ++it) ::unlink(it->c_str());
        for (auto it = undo_moves.rbegin(); it != undo_moves.rend(); ++it) ::rename(it->second.c_str(), it->first.c_str());
        for (auto it = hidden.rbegin(); it != hidden.rend(); ++it) ::rename(it->second.c_str(), it->first.c_str());
        std::error_code ec;
        for (auto it = made_dirs.rbegin(); it != made_dirs.rend(); ++it) fs::remove(*it, ec);
    };
    try {
        for (const auto& s : steps_) {
            switch (s.kind) {
            case Step::Kind::create:
                make_parent(s.a);
                write_file_new(s.a, s.b);
                undo_creates.push_back(s.a);
                break;
            case Step::Kind::write: {
                std::error_code ec;
                if (fs::exists(s.a, ec)) {
                    const std::string h = temp_beside(s.a) + ".previous";
                    if (::rename(s.a.c_str(), h.c_str()) != 0)
                        throw Error("cannot write '" + s.a + "': " + std::strerror(errno));
                    hidden.emplace_back(s.a, h);
                }
                write_file_new(s.a, s.b);
                undo_creates.push_back(s.a);
                break;
            }
            case Step::Kind::move: {
                std::error_code ec;
                if (fs::exists(s.b, ec)) throw Error("'" + s.b + "' already exists; it is never overwritten");
                make_parent(s.b);
                if (!rename_no_replace(s.a, s.b)) {
                    if (errno == EEXIST) throw Error("'" + s.b + "' already exists; it is never overwritten");
                    throw Error("cannot move '" + s.a + "' to '" + s.b + "': " + std::strerror(errno));
                }
                undo_moves.emplace_back(s.a, s.b);
                break;
            }
            case Step::Kind::remove: {
                const std::string h = temp_beside(s.a) + ".removed";
                if (::rename(s.a.c_str(), h.c_str()) != 0)
                    throw Error("cannot remove '" + s.a + "': " + std::strerror(errno));
                hidden.emplace_back(s.a, h);
                break;
            }
            }
        }
    } catch (...) {
        rollback();
        throw;
    }
    for (const auto& [path, h] : hidden) ::unlink(h.c_str());
}

namespace {

fs::path without_trailing_slash(const std::string& p)
{
    std::string s = p;
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return fs::path(s);
}

bool replaceable(const fs::path& out, std::string_view marker)
{
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(out, ec))) return false;
    return fs::is_empty(out, ec) || fs::is_regular_file(fs::symlink_status(out / marker, ec));
}

}  // namespace

void StagingDir::check_target(const std::string& out, bool force, std::string_view marker)
{
    std::error_code ec;
    const fs::path p = without_trailing_slash(out);
    if (!fs::exists(fs::symlink_status(p, ec))) return;
    if (!force) throw Error("'" + out + "' already exists", "use --force to replace it, or choose another --out");
    if (!replaceable(p, marker))
        throw Error("'" + out + "' exists and is not a directory holding " + std::string(marker) +
                        ", so --force will not replace it",
                    "remove it yourself, or choose another --out");
}

StagingDir::StagingDir(const std::string& out, bool force, std::string_view marker)
    : out_(without_trailing_slash(out)), force_(force), marker_(marker)
{
    check_target(out, force, marker);
    fs::path parent = out_.parent_path();
    if (parent.empty()) parent = ".";
    std::error_code ec;
    for (fs::path p = parent; !p.empty() && !fs::exists(fs::symlink_status(p, ec)); p = p.parent_path()) {
        made_ = p;
        if (p == p.parent_path()) break;
    }
    fs::create_directories(parent, ec);  // like mkdir -p; a failure shows in mkdtemp's error below
    if (ec) made_.clear();
    std::string tmpl = (parent / ("." + out_.filename().string() + ".tmp-XXXXXX")).string();
    if (!mkdtemp(tmpl.data()))
        throw Error("cannot create a temporary directory beside '" + out + "': " + std::strerror(errno));
    tmp_ = tmpl;
}

StagingDir::~StagingDir()
{
    if (committed_) return;
    std::error_code ec;
    fs::remove_all(tmp_, ec);
    // The parents this made, innermost first, while they are empty.
    if (made_.empty()) return;
    for (fs::path p = tmp_.parent_path(); !p.empty(); p = p.parent_path()) {
        if (!fs::remove(p, ec) || p == made_) break;
    }
}

void StagingDir::commit()
{
    // RENAME_NOREPLACE: an `out` that appeared meanwhile is never overwritten.
    auto rename_new = [](const fs::path& from, const fs::path& to) { return rename_no_replace(from, to); };
    sync_file_system(tmp_);
    std::error_code ec;
    fs::path aside;
    if (fs::exists(fs::symlink_status(out_, ec))) {
        check_target(out_.string(), force_, marker_);
        aside = tmp_.string() + ".old";
        if (!rename_new(out_, aside))
            throw Error("cannot move the old '" + out_.generic_string() + "' aside: " + std::strerror(errno));
    }
    if (!rename_new(tmp_, out_)) {
        const std::string why = std::strerror(errno);
        if (!aside.empty()) rename_new(aside, out_);
        throw Error("cannot rename the finished output to '" + out_.generic_string() + "': " + why);
    }
    committed_ = true;
    sync_directory(out_.has_parent_path() ? out_.parent_path().string() : ".");
    if (!aside.empty()) fs::remove_all(aside, ec);
}

}  // namespace tthc
