// What export, verify and import share and nobody else needs: whole-file
// reads and writes, a staging directory renamed into place, a parallel loop.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace tthc::package_detail {

namespace fs = std::filesystem;

// Throws Error naming the path.
std::string read_bytes(const fs::path& path);
void write_bytes(const fs::path& path, std::string_view bytes);

// A directory built beside `out` and renamed to `out` by commit(); removed if
// never committed (with the parent directories it had to create), so a failure
// leaves nothing half-written. An existing `out`
// is refused, unless `force` and it is an empty directory or holds `marker`
// (what this kind of output always has: manifest.xml, catalog.toml).
class StagingDir {
public:
    StagingDir(const std::string& out, bool force, std::string_view marker);
    ~StagingDir();
    StagingDir(const StagingDir&) = delete;
    StagingDir& operator=(const StagingDir&) = delete;
    const fs::path& path() const { return tmp_; }
    void commit();

    // The refusal, without creating anything: call before expensive work.
    static void check_target(const std::string& out, bool force, std::string_view marker);

private:
    fs::path out_, tmp_;
    fs::path made_;  // the outermost parent directory created for `out`, if any
    bool force_ = false;
    std::string marker_;
    bool committed_ = false;
};

// Runs f(i) for i in [0, n) on `threads` threads (0: one per core); the first
// exception thrown is rethrown after every thread stops.
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& f);

}  // namespace tthc::package_detail
