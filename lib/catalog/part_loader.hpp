// Loading a large catalog part by part, so that a command streams it: at most
// a few parts are in memory at once, and loading runs on other cores while the
// caller works on the part before (export writes it, lint checks it).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "catalog/loader.hpp"

namespace tthc {

// Told how many of a run's files are done, of how many, after each part (on
// the consumer's thread): what a progress indicator shows. Never prints.
using Progress = std::function<void(std::size_t done, std::size_t total)>;

// Procedure files per part: large enough that a part's load amortises its
// bookkeeping, small enough that a window of parts stays a few megabytes.
inline constexpr std::size_t default_part_size = 256;
// Parts loaded ahead of the consumer at most (bounds memory when the consumer is slower).
inline constexpr std::size_t default_parts_ahead = 8;

// Loads a list of catalog files part by part, in order, at most `window`
// parts ahead of the consumer, on `helpers` threads of its own; a consumer
// waiting for its next part loads an unclaimed one itself instead, so every
// thread stays busy whichever side, loading or consuming, is slower.
class PartLoader {
public:
    // `skip` (load_files) is called with a file's index in `files`.
    PartLoader(const std::string& root, const std::vector<CatalogFile>& files, unsigned helpers, SkipFile skip = {},
               std::size_t part_size = default_part_size, std::size_t window = default_parts_ahead);
    ~PartLoader();
    PartLoader(const PartLoader&) = delete;
    PartLoader& operator=(const PartLoader&) = delete;

    std::size_t parts() const { return slots_.size(); }
    // The files of parts 0 to k, for a Progress.
    std::size_t files_through(std::size_t k) const { return std::min((k + 1) * part_size_, files_.size()); }

    // Part k; parts are taken in order, each once. Rethrows what its load threw.
    LoadResult take(std::size_t k);

private:
    struct Slot {
        bool ready = false;
        LoadResult result;
        std::exception_ptr error;
    };

    bool claimable() const { return next_ < slots_.size() && next_ < taken_ + window_; }
    void help();
    void load(std::size_t k);

    const std::string& root_;
    const std::vector<CatalogFile>& files_;
    const SkipFile skip_;
    const std::size_t part_size_, window_;
    std::vector<Slot> slots_;
    std::size_t next_ = 0, taken_ = 0;  // the next part to load; the parts taken
    bool stop_ = false;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::thread> helpers_;
};

}  // namespace tthc
