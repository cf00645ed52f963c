// Every write the toolkit makes goes through here: atomically (a temporary
// file beside the target, then rename), so a failure never leaves a partial
// file, and — for the ledger — never over an existing file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tthc {

// Replaces or creates `path` with `content` atomically. Throws Error.
void write_file_atomic(const std::string& path, std::string_view content);

// Creates `path` with `content` atomically and refuses (Error) when it exists:
// the ledger is append-only.
void write_file_new(const std::string& path, std::string_view content);

// Reads a whole file; throws Error naming the path.
std::string read_file(const std::string& path);

// Reads a whole file into `buf` (its capacity is reused); false when it
// cannot be read. One read(2) per file for the common case: at national scale
// the loader reads 70,000 files and stream-based reading costs more than parsing.
bool try_read_file(const std::string& path, std::string& buf);

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
        enum Kind { create, write, move, remove } kind;
        std::string a, b;  // create: path, content; move: from, to; remove: path
    };
    std::vector<Step> steps_;
};

}  // namespace tthc
