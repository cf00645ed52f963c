#include "io/lock.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "io/files.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"

namespace tthc {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view magic = "tthc-lock 1\n";

std::string host_name()
{
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0) return "unknown";
    return buf;
}

std::string now_utc()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string encode(const LockHolder& h)
{
    return std::string(magic) + "command " + h.command + "\npid " + std::to_string(h.pid) + "\nhost " + h.host +
           "\nsince " + h.since + "\n";
}

// The holder written in a lock file; nothing when it is not one of ours.
std::optional<LockHolder> decode(const std::string& text)
{
    if (text.compare(0, magic.size(), magic) != 0) return std::nullopt;
    LockHolder h;
    std::size_t at = magic.size();
    int seen = 0;
    while (at < text.size()) {
        const std::size_t nl = text.find('\n', at);
        if (nl == std::string::npos) return std::nullopt;
        const std::string line = text.substr(at, nl - at);
        at = nl + 1;
        const std::size_t sp = line.find(' ');
        if (sp == std::string::npos) return std::nullopt;
        const std::string key = line.substr(0, sp), value = line.substr(sp + 1);
        if (key == "command") h.command = value;
        else if (key == "host") h.host = value;
        else if (key == "since") h.since = value;
        else if (key == "pid" && !value.empty() && value.size() < 12 && value.find_first_not_of("0123456789") == std::string::npos)
            h.pid = std::stol(value);
        else return std::nullopt;
        ++seen;
    }
    if (seen != 4 || h.pid <= 0) return std::nullopt;
    return h;
}

// Alive unless the system says the process does not exist; a lock taken on
// another host cannot be judged here and counts as alive.
bool alive(const LockHolder& h)
{
    if (h.host != host_name()) return true;
    return ::kill(static_cast<pid_t>(h.pid), 0) == 0 || errno != ESRCH;
}

}  // namespace

std::string describe_holder(const LockHolder& h)
{
    // TRANSLATORS: who holds a lock: {0} a command (import), {1} a process id, {2} a time; then on a host
    if (h.host == host_name()) return tr("tthc {0}, process {1}, since {2}", h.command, h.pid, h.since);
    // TRANSLATORS: who holds a lock: {0} a command (import), {1} a process id, {2} a host, {3} a time
    return tr("tthc {0}, process {1} on {2}, since {3}", h.command, h.pid, h.host, h.since);
}

std::optional<LockHolder> live_lock_holder(const std::string& root)
{
    std::string text;
    ReadRefusal why;
    if (!try_read_regular_file(lock_path(root), text, why)) return std::nullopt;
    auto holder = decode(text);
    // this process's own lock (a writer reading the catalog it locked) is not another writer
    if (holder && (!alive(*holder) || (holder->pid == ::getpid() && holder->host == host_name()))) holder.reset();
    return holder;
}

std::string lock_path(const std::string& root) { return (fs::path(root) / ".tthc" / "lock").string(); }

CatalogLock::CatalogLock(std::string root, std::string command, Stale stale) : root_(std::move(root))
{
    const std::string path = lock_path(root_);
    const std::string dir = fs::path(path).parent_path().string();
    const LockHolder me{std::move(command), static_cast<long>(::getpid()), host_name(), now_utc()};
    for (int attempt = 0;; ++attempt) {
        if (::mkdir(dir.c_str(), 0755) == 0) sync_directory(root_);
        else if (errno != EEXIST)
            throw Error(tr("cannot lock '{0}': cannot create '{1}': {2}", root_, dir, std::strerror(errno)));
        try {
            write_file_new(path, encode(me));
            return;
        } catch (const Error&) {
            struct stat st;
            if (::lstat(path.c_str(), &st) != 0) {
                if (attempt < 5) continue;  // .tthc/ removed by a writer finishing meanwhile
                throw;
            }
        }
        std::string text;
        ReadRefusal why;
        const auto holder = try_read_regular_file(path, text, why) ? decode(text) : std::nullopt;
        if (!holder)
            throw Error(tr("'{0}' is not a lock this tthc wrote; nothing was written", path),
                        tr("remove it if no tthc is changing '{0}'", root_));
        if (alive(*holder))
            // TRANSLATORS: {0} is a catalog, {1} who holds its lock ("tthc import, process 4242, since ...")
            throw Error(tr("'{0}' is being changed by {1}; nothing was written", root_, describe_holder(*holder)),
                        tr("one writer at a time: run this again when it has finished"));
        if (stale == Stale::refuse || attempt >= 5)
            throw Error(tr("'{0}' has a stale lock: {1} is gone; nothing was written", root_, describe_holder(*holder)),
                        tr("run 'tthc recover {0}', which finishes or undoes what it left and clears the lock", root_));
        if (::unlink(path.c_str()) != 0 && errno != ENOENT)
            throw Error(tr("cannot remove the stale lock '{0}': {1}", path, std::strerror(errno)));
        cleared_ = holder;
    }
}

void remove_dead_temporaries(const std::string& root)
{
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::path(root) / ".tthc", ec)) {
        const std::string name = e.path().filename().string();
        const std::size_t at = name.rfind(".tmp-");
        if (name.empty() || name[0] != '.' || at == std::string::npos) continue;
        const std::string pid = name.substr(at + 5);
        if (pid.empty() || pid.size() > 10 || pid.find_first_not_of("0123456789") != std::string::npos) continue;
        if (::kill(static_cast<pid_t>(std::stol(pid)), 0) != 0 && errno == ESRCH) ::unlink(e.path().c_str());
    }
}

CatalogLock::~CatalogLock()
{
    const std::string path = lock_path(root_);
    ::unlink(path.c_str());
    const std::string dir = fs::path(path).parent_path().string();
    try {
        sync_directory(dir);
        if (::rmdir(dir.c_str()) == 0) sync_directory(root_);  // a catalog left as it was found
    } catch (const Error&) {
    }
}

}  // namespace tthc
