// One writer at a time per catalog, the way git keeps one writer per
// repository with index.lock: CATALOG/.tthc/lock is created exclusively
// (written beside, then link(2), which fails when it exists) and holds who
// took it. A second writer is refused at once with the holder's command,
// process id and start time. A lock whose process is gone (kill(pid, 0) says
// ESRCH, on the same host) is stale: it is reported, never taken over, except
// by `tthc recover`, which finishes or undoes what the dead writer left.
#pragma once

#include <optional>
#include <string>

namespace tthc {

// Who holds a catalog's lock, as written in it.
struct LockHolder {
    std::string command;  // "abolish"
    long pid = 0;
    std::string host;
    std::string since;    // UTC, 2026-11-27T08:00:00Z
};

// CATALOG/.tthc/lock.
std::string lock_path(const std::string& root);

// Who holds ROOT's lock, when a process that is still running does; for a
// reader that finds a journal, to tell a change in progress from a crash.
std::optional<LockHolder> live_lock_holder(const std::string& root);

// "tthc abolish, process 4242, since 2026-11-27T08:00:00Z", as messages name a holder.
std::string describe_holder(const LockHolder& holder);

// The lock of a catalog directory, held from construction to destruction.
class CatalogLock {
public:
    enum class Stale { refuse, clear };
    // Takes the lock of `root` for `command`; throws Error, having written
    // nothing, when another process holds it or a stale lock is in the way
    // (cleared instead with Stale::clear, what `tthc recover` does).
    CatalogLock(std::string root, std::string command, Stale stale = Stale::refuse);
    ~CatalogLock();
    CatalogLock(const CatalogLock&) = delete;
    CatalogLock& operator=(const CatalogLock&) = delete;

    // The stale lock this cleared (Stale::clear), if there was one.
    const std::optional<LockHolder>& cleared() const { return cleared_; }

private:
    std::string root_;
    std::optional<LockHolder> cleared_;
};

// Removes the temporary files (".lock.tmp-PID", ".journal.tmp-PID") that
// writers whose process is gone left in ROOT/.tthc; for `tthc recover`, which
// holds the lock.
void remove_dead_temporaries(const std::string& root);

}  // namespace tthc
