// The progress line on standard error: "lint: 12,345 / 70,702 files" (in the
// language of the messages: "lint: 12.345 / 70.702 tập tin"), updated
// in place with \r. The one place that decides when a run shows progress, so
// every command behaves alike: only when standard error is a terminal, never
// with -q or TTHC_PROGRESS=0, only once the run has lasted
// TTHC_PROGRESS_DELAY seconds (default 2; 0 in tests), at most ten updates a
// second, and the line is cleared when the run ends.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "catalog/part_loader.hpp"

namespace tthc::cli {

class ProgressLine {
public:
    // `what` starts the line ("lint"); `quiet` is the command's -q.
    ProgressLine(std::string what, bool quiet);
    ~ProgressLine();  // clears the line
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    void update(std::size_t done, std::size_t total);
    void clear();
    // What the library calls; empty when nothing would ever be shown.
    Progress callback();

private:
    using Clock = std::chrono::steady_clock;
    std::string what_;
    std::string separator_;  // of thousands, and the line's format: translated once, not at every update
    std::string format_;
    bool enabled_ = false;
    Clock::time_point start_, last_;
    Clock::duration delay_{};
    bool shown_ = false;
    std::size_t width_ = 0;  // of the last line written
};

}  // namespace tthc::cli
