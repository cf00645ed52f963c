#include "io/files.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "util/error.hpp"

namespace tthc {

namespace fs = std::filesystem;

namespace {

std::string temp_beside(const std::string& path)
{
    const fs::path p(path);
    return (p.parent_path() / ("." + p.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
}

// Writes a temporary file and returns its name; throws Error.
std::string write_temp(const std::string& path, std::string_view content)
{
    const std::string tmp = temp_beside(path);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw Error("cannot write '" + path + "': " + std::strerror(errno));
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            const int e = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            throw Error("cannot write '" + path + "': " + std::strerror(e));
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(tmp.c_str());
        throw Error("cannot write '" + path + "': " + std::strerror(errno));
    }
    return tmp;
}

// rename(2) that fails with EEXIST instead of replacing the target (closing
// the window between checking and renaming); plain rename where the file
// system does not support RENAME_NOREPLACE.
bool rename_no_replace(const std::string& from, const std::string& to)
{
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
    if (errno != EINVAL && errno != ENOSYS) return false;
    return ::rename(from.c_str(), to.c_str()) == 0;
}

}  // namespace

void write_file_atomic(const std::string& path, std::string_view content)
{
    const std::string tmp = write_temp(path, content);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int e = errno;
        ::unlink(tmp.c_str());
        throw Error("cannot write '" + path + "': " + std::strerror(e));
    }
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
}

bool try_read_file(const std::string& path, std::string& buf)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
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
    steps_.push_back({Step::create, std::move(path), std::move(content)});
}

void FileTransaction::write(std::string path, std::string content)
{
    steps_.push_back({Step::write, std::move(path), std::move(content)});
}

void FileTransaction::move(std::string from, std::string to) { steps_.push_back({Step::move, std::move(from), std::move(to)}); }

void FileTransaction::remove(std::string path) { steps_.push_back({Step::remove, std::move(path), {}}); }

std::vector<std::string> FileTransaction::describe() const
{
    std::vector<std::string> out;
    for (const auto& s : steps_) {
        switch (s.kind) {
        case Step::create: out.push_back("create " + s.a); break;
        case Step::write: out.push_back("write " + s.a); break;
        case Step::move: out.push_back("move " + s.a + " -> " + s.b); break;
        case Step::remove: out.push_back("remove " + s.a); break;
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
            case Step::create:
                make_parent(s.a);
                write_file_new(s.a, s.b);
                undo_creates.push_back(s.a);
                break;
            case Step::write: {
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
            case Step::move: {
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
            case Step::remove: {
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

}  // namespace tthc
