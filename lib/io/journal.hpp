// The all-or-nothing change of several files, kept even when the process dies.
// Before its first step, FileTransaction::commit() writes the whole change
// durably to CATALOG/.tthc/journal: every directory to make, every file to
// create, write, move or remove, with the new bytes and the old ones, so that
// the change can be undone or its completion recognised without guessing.
// Then it performs the steps (each one durable) and removes the journal.
// `tthc recover` reads a journal left by a process that died: when every step
// is found done it keeps the change (and removes the journal); otherwise it
// undoes, in reverse order, the steps that were done. Either way the files are
// exactly as before the change or exactly as after it. Nothing here knows what
// a procedure is. The format is in tthc-recover(1).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tthc {

struct JournalStep {
    enum Kind { mkdir, create, write, move, remove } kind = create;
    std::string path;                     // absolute; for move, the source
    std::string to;                       // move: the absolute target
    std::string new_bytes;                // create, write
    std::optional<std::string> old_bytes;  // write (none: the file did not exist), remove
};

struct Journal {
    long pid = 0;            // the writer, whose temporary files (temp_name) recovery removes
    std::string command;     // "abolish", for the report
    std::string root;        // the absolute catalog directory holding .tthc/journal
    std::vector<JournalStep> steps;
};

// CATALOG/.tthc/journal.
std::string journal_path(const std::string& root);

// The bytes of a journal: a magic line, the steps, a checksum over all of it.
std::string encode_journal(const Journal& journal);

// Parses journal bytes; throws Error (never guesses) when they are not a
// complete tthc journal of a version this program knows.
Journal decode_journal(std::string_view bytes, const std::string& where);

// Throws Error naming `tthc recover ROOT` when ROOT holds a journal: what every
// command that reads a catalog calls before reading it.
void refuse_if_interrupted(const std::string& root);

// A set of file moves, creations and removals that either all happen or none:
// commit() performs them in order and undoes the done ones if one fails. With
// a `journal_root` (a catalog directory, whose lock the caller holds) the change
// is journalled there first, so that it survives the process being killed.
class FileTransaction {
public:
    FileTransaction() = default;
    FileTransaction(std::string journal_root, std::string command);

    void create(std::string path, std::string content);  // must not exist yet
    void write(std::string path, std::string content);   // created or replaced (the old one restored on failure)
    void move(std::string from, std::string to);         // `to` must not exist yet
    void remove(std::string path);
    void make_directory(std::string path);  // with its missing parents; removed again on failure

    // Performs every step; on failure restores what was done and throws Error.
    void commit();

    std::vector<std::string> describe() const;  // one line per step, for --dry-run

private:
    Journal plan() const;
    std::string root_, command_;
    std::vector<JournalStep> steps_;
};

// What recovery did, one line per step undone, for the report.
struct Recovery {
    enum Outcome { nothing, completed, rolled_back } outcome = nothing;
    std::string command;             // the interrupted command
    long pid = 0;
    std::vector<std::string> lines;  // "undone: move A -> B"
};

// Finishes or undoes the change journalled in ROOT (whose lock the caller
// holds) and removes the journal; Recovery::nothing when there is none.
// Throws Error, changing nothing, on an unreadable or foreign journal.
Recovery recover_journal(const std::string& root);

}  // namespace tthc
