// Rewriting files of catalogs in place, for the commands that change existing
// files (fmt, lint --fix): each catalog directory involved is locked before
// its files are read, and its files change together through one journalled
// FileTransaction (io/journal.hpp), so a crash leaves them all before or all
// after (tthc recover). A file outside any catalog directory is written
// atomically on its own transaction, without a journal.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "io/lock.hpp"

namespace tthc::cli {

// The catalog directory a path belongs to: the path itself when it is a
// directory, else the nearest parent holding catalog.toml; "" for none.
std::string enclosing_catalog(const std::string& path);

class CatalogRewrite {
public:
    explicit CatalogRewrite(std::string command) : command_(std::move(command)) {}

    // Takes the lock of the catalog holding `path` (once per catalog) and
    // refuses a catalog left by a crash; throws Error naming the holder.
    void lock(const std::string& path);

    // Replaces the whole bytes of `path` at commit().
    void write(const std::string& path, std::string bytes);

    // All or nothing per catalog; throws Error when a change could not be made
    // (its catalog's files are then as before).
    void commit();

private:
    std::string command_;
    std::vector<std::string> roots_;
    std::vector<std::unique_ptr<CatalogLock>> locks_;
    std::vector<std::pair<std::string, std::string>> writes_;
};

}  // namespace tthc::cli
