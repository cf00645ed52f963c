#include "io/journal.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "io/files.hpp"
#include "io/lock.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"

namespace tthc {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view magic = "tthc-journal 1\n";

const char* kind_name(JournalStep::Kind k)
{
    switch (k) {
    case JournalStep::mkdir: return "mkdir";
    case JournalStep::create: return "create";
    case JournalStep::write: return "write";
    case JournalStep::move: return "move";
    case JournalStep::remove: return "remove";
    }
    return "?";
}

std::uint64_t fnv1a64(std::string_view bytes)
{
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::string hex64(std::uint64_t v)
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

void put_field(std::string& out, std::string_view name, std::string_view bytes)
{
    out.append(name).append(" ").append(std::to_string(bytes.size())).append("\n").append(bytes).append("\n");
}

std::string absolute(const std::string& p) { return fs::absolute(p).lexically_normal().string(); }

std::string parent_of(const std::string& path)
{
    const fs::path p = fs::path(path).parent_path();
    return p.empty() ? "." : p.string();
}

bool exists(const std::string& p)
{
    struct stat st;
    return ::lstat(p.c_str(), &st) == 0;
}

// The bytes of a regular file, or nothing when it is missing or not one.
std::optional<std::string> bytes_of(const std::string& p)
{
    std::string buf;
    ReadRefusal why;
    if (!try_read_regular_file(p, buf, why)) return std::nullopt;
    return buf;
}

// Reads a journal field by field; every mismatch is one error, never a guess.
struct Reader {
    std::string_view s;
    std::size_t at = 0;
    const std::string& where;

    [[noreturn]] void bad(const std::string& what) const
    {
        // TRANSLATORS: {0} is the journal's path, {1} what is wrong with it (one of the reasons below)
        throw Error(tr("'{0}' is not a readable tthc journal ({1}); nothing was changed", where, what),
                    tr("look at it, and restore the catalog from version control if it cannot be read"));
    }
    std::string_view line()
    {
        const std::size_t nl = s.find('\n', at);
        if (nl == std::string_view::npos) bad(tr("it ends in the middle of a line"));
        const std::string_view l = s.substr(at, nl - at);
        at = nl + 1;
        return l;
    }
    // "NAME VALUE" -> VALUE
    std::string_view word(std::string_view name)
    {
        const std::string_view l = line();
        if (l.size() <= name.size() || l.substr(0, name.size()) != name || l[name.size()] != ' ')
            // TRANSLATORS: {0} is a word of the journal's format, e.g. pid
            bad(tr("expected '{0}'", name));
        return l.substr(name.size() + 1);
    }
    long number(std::string_view name)
    {
        const std::string v(word(name));
        if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 15) bad(tr("bad number"));
        return std::stol(v);
    }
    std::string field(std::string_view name)
    {
        const auto n = static_cast<std::size_t>(number(name));
        if (at + n + 1 > s.size() || s[at + n] != '\n') bad(tr("a field is cut short"));
        std::string v(s.substr(at, n));
        at += n + 1;
        return v;
    }
};

// ---- the steps: doing, recognising done, undoing (each idempotent) --------

void fail_errno(const std::string& what) { throw Error(what + ": " + std::strerror(errno)); }

void do_step(const JournalStep& s)
{
    switch (s.kind) {
    case JournalStep::mkdir:
        if (::mkdir(s.path.c_str(), 0755) != 0 && errno != EEXIST) fail_errno(tr("cannot create '{0}'", s.path));
        sync_directory(parent_of(s.path));
        break;
    case JournalStep::create: write_file_new(s.path, s.new_bytes); break;
    case JournalStep::write: write_file_atomic(s.path, s.new_bytes); break;
    case JournalStep::move:
        if (!rename_no_replace(s.path, s.to)) {
            if (errno == EEXIST) throw Error(tr("'{0}' already exists; it is never overwritten", s.to));
            fail_errno(tr("cannot move '{0}' to '{1}'", s.path, s.to));
        }
        sync_directory(parent_of(s.to));
        if (parent_of(s.to) != parent_of(s.path)) sync_directory(parent_of(s.path));
        break;
    case JournalStep::remove:
        if (::unlink(s.path.c_str()) != 0) fail_errno(tr("cannot remove '{0}'", s.path));
        sync_directory(parent_of(s.path));
        break;
    }
}

bool step_done(const JournalStep& s)
{
    switch (s.kind) {
    case JournalStep::mkdir: return fs::is_directory(fs::symlink_status(s.path));
    case JournalStep::create:
    case JournalStep::write: return bytes_of(s.path) == s.new_bytes;
    case JournalStep::move: return !exists(s.path) && exists(s.to);
    case JournalStep::remove: return !exists(s.path);
    }
    return false;
}

// Puts back what the step changed, if it was done; true when it undid something.
bool undo_step(const JournalStep& s)
{
    switch (s.kind) {
    case JournalStep::mkdir:
        if (!fs::is_directory(fs::symlink_status(s.path))) return false;
        if (::rmdir(s.path.c_str()) != 0) fail_errno(tr("cannot remove the directory '{0}'", s.path));
        sync_directory(parent_of(s.path));
        return true;
    case JournalStep::create:
    case JournalStep::write: {
        const auto now = bytes_of(s.path);
        if (s.old_bytes) {
            if (now == s.old_bytes) return false;
            write_file_atomic(s.path, *s.old_bytes);
            return true;
        }
        if (!exists(s.path)) return false;
        if (now != s.new_bytes)
            throw Error(tr("'{0}' changed after the interrupted change wrote it; it is left as it is", s.path));
        if (::unlink(s.path.c_str()) != 0) fail_errno(tr("cannot remove '{0}'", s.path));
        sync_directory(parent_of(s.path));
        return true;
    }
    case JournalStep::move:
        if (exists(s.path) || !exists(s.to)) return false;
        if (!rename_no_replace(s.to, s.path)) fail_errno(tr("cannot move '{0}' back to '{1}'", s.to, s.path));
        sync_directory(parent_of(s.path));
        if (parent_of(s.to) != parent_of(s.path)) sync_directory(parent_of(s.to));
        return true;
    case JournalStep::remove:
        if (exists(s.path)) return false;
        write_file_new(s.path, s.old_bytes.value_or(""));
        return true;
    }
    return false;
}

// A step as recovery reports it, done or undone: paths inside the catalog
// spelt from `shown_root`.
std::string describe_step(const JournalStep& s, bool undone, const std::string& root, std::string shown_root)
{
    while (shown_root.size() > 1 && shown_root.back() == '/') shown_root.pop_back();
    auto shown = [&](const std::string& p) {
        return p.compare(0, root.size() + 1, root + "/") == 0 ? shown_root + p.substr(root.size()) : p;
    };
    std::string step;
    switch (s.kind) {
    // TRANSLATORS: the steps of a change that recover reports: {0} is a path; mkdir, create ... say what was done
    case JournalStep::mkdir: step = tr("mkdir {0}", shown(s.path)); break;
    case JournalStep::create: step = tr("create {0}", shown(s.path)); break;
    case JournalStep::write: step = tr("write {0}", shown(s.path)); break;
    case JournalStep::move: step = tr("move {0} -> {1}", shown(s.path), shown(s.to)); break;
    case JournalStep::remove: step = tr("remove {0}", shown(s.path)); break;
    }
    // TRANSLATORS: a step of an interrupted change that recover undid ("write ...")
    if (undone) return tr("undone: {0}", step);
    // TRANSLATORS: a step of an interrupted change that had been done and is kept ("write ...")
    return tr("done: {0}", step);
}

// The temporary files a writer with `pid` may have left beside the targets.
void remove_temporaries(const Journal& j)
{
    ::unlink(temp_name(journal_path(j.root), j.pid).c_str());
    for (const auto& s : j.steps)
        if (s.kind == JournalStep::create || s.kind == JournalStep::write || s.kind == JournalStep::remove)
            ::unlink(temp_name(s.path, j.pid).c_str());
}

void remove_journal_file(const std::string& root)
{
    const std::string path = journal_path(root);
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) fail_errno(tr("cannot remove '{0}'", path));
    sync_directory(parent_of(path));
}

}  // namespace

std::string journal_path(const std::string& root) { return (fs::path(root) / ".tthc" / "journal").string(); }

std::string encode_journal(const Journal& j)
{
    std::string out(magic);
    out += "pid " + std::to_string(j.pid) + "\n";
    put_field(out, "command", j.command);
    put_field(out, "root", j.root);
    out += "steps " + std::to_string(j.steps.size()) + "\n";
    for (const auto& s : j.steps) {
        out += std::string("step ") + kind_name(s.kind) + "\n";
        put_field(out, "path", s.path);
        if (s.kind == JournalStep::move) put_field(out, "to", s.to);
        if (s.kind == JournalStep::create || s.kind == JournalStep::write) put_field(out, "new", s.new_bytes);
        if (s.kind == JournalStep::write || s.kind == JournalStep::remove) {
            if (s.old_bytes)
                put_field(out, "old", *s.old_bytes);
            else
                out += "old none\n";
        }
    }
    out += "end\n";
    out += "checksum fnv1a64 " + hex64(fnv1a64(out)) + "\n";
    return out;
}

Journal decode_journal(std::string_view bytes, const std::string& where)
{
    Reader r{bytes, 0, where};
    if (bytes.substr(0, 13) != "tthc-journal ") r.bad(tr("it does not start with 'tthc-journal'"));
    if (bytes.substr(0, magic.size()) != magic) r.bad(tr("a journal version this tthc does not know"));
    const std::size_t sum_at = bytes.rfind("checksum fnv1a64 ");
    if (sum_at == std::string_view::npos || bytes.substr(sum_at) != "checksum fnv1a64 " + hex64(fnv1a64(bytes.substr(0, sum_at))) + "\n")
        r.bad(tr("its checksum does not match: it is incomplete or was changed"));
    r.s = bytes.substr(0, sum_at);
    r.at = magic.size();
    Journal j;
    j.pid = r.number("pid");
    j.command = r.field("command");
    j.root = r.field("root");
    const long n = r.number("steps");
    for (long i = 0; i < n; ++i) {
        JournalStep s;
        const std::string_view k = r.word("step");
        if (k == "mkdir") s.kind = JournalStep::mkdir;
        else if (k == "create") s.kind = JournalStep::create;
        else if (k == "write") s.kind = JournalStep::write;
        else if (k == "move") s.kind = JournalStep::move;
        else if (k == "remove") s.kind = JournalStep::remove;
        else r.bad(tr("an unknown step '{0}'", k));
        s.path = r.field("path");
        if (s.kind == JournalStep::move) s.to = r.field("to");
        if (s.kind == JournalStep::create || s.kind == JournalStep::write) s.new_bytes = r.field("new");
        if (s.kind == JournalStep::write || s.kind == JournalStep::remove) {
            if (r.s.substr(r.at, 9) == "old none\n")
                r.at += 9;
            else
                s.old_bytes = r.field("old");
        }
        if (s.path.empty() || s.path.front() != '/' || (s.kind == JournalStep::move && (s.to.empty() || s.to.front() != '/')))
            r.bad(tr("a path that is not absolute"));
        j.steps.push_back(std::move(s));
    }
    if (r.line() != "end" || r.at != r.s.size()) r.bad(tr("something after its last step"));
    return j;
}

void refuse_if_interrupted(const std::string& root)
{
    struct stat st;
    if (::lstat(journal_path(root).c_str(), &st) != 0) return;
    if (const auto holder = live_lock_holder(root))
        // TRANSLATORS: {0} is a catalog, {1} who holds its lock ("tthc import, process 4242, since ...")
        throw Error(tr("'{0}' is being changed by {1}; nothing was read", root, describe_holder(*holder)),
                    tr("run this again when it has finished"));
    // TRANSLATORS: {0} is a catalog, {1} its journal file
    throw Error(tr("'{0}' holds an interrupted change ({1}); nothing was read", root, journal_path(root)),
                tr("run 'tthc recover {0}' to finish or undo it first", root));
}

FileTransaction::FileTransaction(std::string journal_root, std::string command)
    : root_(std::move(journal_root)), command_(std::move(command))
{
}

void FileTransaction::create(std::string path, std::string content)
{
    steps_.push_back({JournalStep::create, std::move(path), {}, std::move(content), std::nullopt});
}

void FileTransaction::write(std::string path, std::string content)
{
    steps_.push_back({JournalStep::write, std::move(path), {}, std::move(content), std::nullopt});
}

void FileTransaction::move(std::string from, std::string to)
{
    steps_.push_back({JournalStep::move, std::move(from), std::move(to), {}, std::nullopt});
}

void FileTransaction::remove(std::string path) { steps_.push_back({JournalStep::remove, std::move(path), {}, {}, std::nullopt}); }

void FileTransaction::make_directory(std::string path)
{
    steps_.push_back({JournalStep::mkdir, std::move(path), {}, {}, std::nullopt});
}

std::vector<std::string> FileTransaction::describe() const
{
    std::vector<std::string> out;
    for (const auto& s : steps_) {
        if (s.kind == JournalStep::move)
            out.push_back("move " + s.path + " -> " + s.to);
        else
            out.push_back(std::string(kind_name(s.kind)) + " " + s.path);
    }
    return out;
}

// The steps as they will run: the directories to make first, the old bytes
// read, every precondition checked before anything is written.
Journal FileTransaction::plan() const
{
    Journal j;
    j.pid = ::getpid();
    j.command = command_;
    j.root = root_.empty() ? std::string() : absolute(root_);
    std::vector<std::string> made;
    auto make_parents = [&](const std::string& file) {
        std::vector<std::string> missing;
        for (fs::path d = fs::path(file).parent_path(); !d.empty() && !exists(d.string()); d = d.parent_path())
            missing.push_back(d.string());
        for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
            if (std::find(made.begin(), made.end(), *it) != made.end()) continue;
            made.push_back(*it);
            j.steps.push_back({JournalStep::mkdir, *it, {}, {}, std::nullopt});
        }
    };
    for (JournalStep s : steps_) {
        switch (s.kind) {
        case JournalStep::create:
            if (exists(s.path)) throw Error(tr("'{0}' already exists; it is never overwritten", s.path));
            make_parents(s.path);
            break;
        case JournalStep::move:
            if (exists(s.to)) throw Error(tr("'{0}' already exists; it is never overwritten", s.to));
            make_parents(s.to);
            break;
        case JournalStep::write:
            if (exists(s.path)) s.old_bytes = read_file(s.path);
            break;
        case JournalStep::remove: s.old_bytes = read_file(s.path); break;
        case JournalStep::mkdir:
            make_parents((fs::path(s.path) / "x").string());  // the directory itself and what it lacks
            continue;
        }
        j.steps.push_back(std::move(s));
    }
    return j;
}

void FileTransaction::commit()
{
    const Journal j = plan();
    const bool journalled = !root_.empty();
    if (journalled) {
        Journal on_disk = j;  // recovery may run elsewhere: every path absolute
        for (auto& s : on_disk.steps) {
            s.path = absolute(s.path);
            if (s.kind == JournalStep::move) s.to = absolute(s.to);
        }
        const std::string dir = parent_of(journal_path(root_));
        if (::mkdir(dir.c_str(), 0755) == 0) sync_directory(root_);  // normally made by the catalog's lock
        write_file_new(journal_path(root_), encode_journal(on_disk));
    }
    std::size_t done = 0;
    try {
        for (; done < j.steps.size(); ++done) do_step(j.steps[done]);
    } catch (...) {
        // undo what was done; a failing undo leaves the journal for `tthc recover`
        for (std::size_t i = done + 1; i-- > 0;) undo_step(j.steps[i]);
        if (journalled) remove_journal_file(root_);
        throw;
    }
    if (journalled) remove_journal_file(root_);
}

Recovery recover_journal(const std::string& root)
{
    Recovery r;
    const std::string path = journal_path(root);
    if (!exists(path)) return r;
    std::string bytes;
    ReadRefusal why;
    if (!try_read_regular_file(path, bytes, why)) throw Error(tr("cannot read '{0}': {1}", path, refusal_message(why)));
    const Journal j = decode_journal(bytes, path);
    if (j.root != absolute(root))
        // TRANSLATORS: {0} is the journal, {1} the catalog it was written for
        throw Error(tr("'{0}' was written for the catalog '{1}', not this one; nothing was changed", path, j.root),
                    tr("move the catalog back to where it was, and run tthc recover there"));
    r.command = j.command;
    r.pid = j.pid;
    remove_temporaries(j);
    bool all_done = true;
    for (const auto& s : j.steps) all_done = all_done && step_done(s);
    if (all_done) {
        r.outcome = Recovery::completed;
        for (const auto& s : j.steps) r.lines.push_back(describe_step(s, false, j.root, root));
    } else {
        r.outcome = Recovery::rolled_back;
        for (auto it = j.steps.rbegin(); it != j.steps.rend(); ++it)
            if (undo_step(*it)) r.lines.push_back(describe_step(*it, true, j.root, root));
    }
    remove_journal_file(root);
    return r;
}

}  // namespace tthc
