#include "io/files.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <stdlib.h>  // mkdtemp
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "util/error.hpp"
#include "util/i18n.hpp"

namespace tthc {

namespace fs = std::filesystem;

namespace {

std::string temp_beside(const std::string& path) { return temp_name(path, ::getpid()); }

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
    // TRANSLATORS: {0} is a file, {1} the system's reason (strerror)
    if (fd < 0) throw Error(tr("cannot write '{0}': {1}", path, std::strerror(errno)));
    if (!write_all(fd, content) || !fsync_retry(fd)) {
        const int e = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        throw Error(tr("cannot write '{0}': {1}", path, std::strerror(e)));
    }
    if (::close(fd) != 0) {
        const int e = errno;
        ::unlink(tmp.c_str());
        throw Error(tr("cannot write '{0}': {1}", path, std::strerror(e)));
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
        throw Error(tr("cannot sync '{0}': {1}", dir.generic_string(), std::strerror(e)));
    }
    ::close(fd);
}

}  // namespace

std::string temp_name(const std::string& path, long pid)
{
    const fs::path p(path);
    return (p.parent_path() / ("." + p.filename().string() + ".tmp-" + std::to_string(pid))).string();
}

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
        throw Error(tr("cannot sync the directory '{0}': {1}", dir, std::strerror(e)));
    }
    ::close(fd);
}

void write_file_atomic(const std::string& path, std::string_view content)
{
    const std::string tmp = write_temp(path, content);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int e = errno;
        ::unlink(tmp.c_str());
        throw Error(tr("cannot write '{0}': {1}", path, std::strerror(e)));
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
        if (e == EEXIST) throw Error(tr("'{0}' already exists; it is never overwritten", path));
        throw Error(tr("cannot write '{0}': {1}", path, std::strerror(e)));
    }
    ::unlink(tmp.c_str());
    sync_directory(parent_of(path));
}

void write_staged_file(const fs::path& path, std::string_view content)
{
    auto fail = [&](int e) { return Error(tr("cannot write '{0}': {1}", path.generic_string(), std::strerror(e))); };
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

namespace {

// Reads the open `fd` to its end into `buf`; false on a read error.
bool read_fd(int fd, std::string& buf, std::size_t size_hint)
{
    buf.resize(size_hint);
    std::size_t done = 0;
    while (true) {
        if (done == buf.size()) buf.resize(buf.size() + 4096);  // the file grew, or st_size was 0 (a pipe, /proc)
        const ssize_t n = ::read(fd, buf.data() + done, buf.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            buf.resize(done);
            return false;
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    buf.resize(done);
    return true;
}

}  // namespace

bool try_read_regular_file(const std::string& path, std::string& buf, ReadRefusal& why)
{
    why = ReadRefusal::none;
    const int fd = open_retry(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        why = errno == ELOOP ? ReadRefusal::symlink : ReadRefusal::cannot_open;
        return false;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        why = ReadRefusal::not_regular;
        ::close(fd);
        return false;
    }
    const bool ok = read_fd(fd, buf, static_cast<std::size_t>(st.st_size));
    ::close(fd);
    if (!ok) why = ReadRefusal::cannot_open;
    return ok;
}

std::optional<FileStamp> stamp_regular_file(const std::string& path)
{
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    FileStamp s;
    s.device = static_cast<std::uint64_t>(st.st_dev);
    s.inode = static_cast<std::uint64_t>(st.st_ino);
    s.size = static_cast<std::uint64_t>(st.st_size);
    s.modified_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    s.changed_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
    return s;
}

std::string read_regular_file(const std::string& path)
{
    std::string out;
    ReadRefusal why;
    if (!try_read_regular_file(path, out, why)) throw Error(tr("'{0}': {1}", path, refusal_message(why)));
    return out;
}

std::string refusal_message(ReadRefusal why)
{
    switch (why) {
    case ReadRefusal::none: break;
    case ReadRefusal::cannot_open: return tr("cannot read the file");
    case ReadRefusal::symlink:
        return tr("not read: it is a symbolic link, and a catalog's files are read only as regular files");
    case ReadRefusal::not_regular:
        return tr("not read: it is not a regular file (a device, a FIFO or a socket), and a catalog's files are read "
                  "only as regular files");
    }
    return {};
}

std::string read_file(const std::string& path)
{
    std::string out;
    if (!try_read_file(path, out)) throw Error(tr("cannot read '{0}': {1}", path, std::strerror(errno)));
    return out;
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
    if (!force) throw Error(tr("'{0}' already exists", out), tr("use --force to replace it, or choose another --out"));
    if (!replaceable(p, marker))
        // TRANSLATORS: {0} is the output, {1} the file name that marks what tthc wrote there
        throw Error(tr("'{0}' exists and is not a directory holding {1}, so --force will not replace it", out, marker),
                    tr("remove it yourself, or choose another --out"));
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
        throw Error(tr("cannot create a temporary directory beside '{0}': {1}", out, std::strerror(errno)));
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
            throw Error(tr("cannot move the old '{0}' aside: {1}", out_.generic_string(), std::strerror(errno)));
    }
    if (!rename_new(tmp_, out_)) {
        const std::string why = std::strerror(errno);
        if (!aside.empty()) rename_new(aside, out_);
        throw Error(tr("cannot rename the finished output to '{0}': {1}", out_.generic_string(), why));
    }
    committed_ = true;
    sync_directory(out_.has_parent_path() ? out_.parent_path().string() : ".");
    if (!aside.empty()) fs::remove_all(aside, ec);
}

}  // namespace tthc
