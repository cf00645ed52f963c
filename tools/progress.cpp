#include "progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "core/vietnamese.hpp"
#include "util/i18n.hpp"
#include "util/unicode.hpp"

namespace tthc::cli {

namespace {

constexpr auto min_interval = std::chrono::milliseconds(100);

}  // namespace

ProgressLine::ProgressLine(std::string what, bool quiet)
    : what_(std::move(what)),
      // TRANSLATORS: what groups the digits of a large number by thousands: 70,702 in English, 70.702 in Vietnamese.
      separator_(trc("thousands separator", ",")),
      format_(tr("{0}: {1} / {2} files")),
      start_(Clock::now())
{
    const char* setting = std::getenv("TTHC_PROGRESS");
    enabled_ = !quiet && isatty(STDERR_FILENO) == 1 && !(setting && std::string(setting) == "0");
    double seconds = 2.0;
    if (const char* d = std::getenv("TTHC_PROGRESS_DELAY"); d && *d) {
        char* end = nullptr;
        const double v = std::strtod(d, &end);
        if (end && *end == '\0' && v >= 0) seconds = v;
    }
    delay_ = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

ProgressLine::~ProgressLine() { clear(); }

void ProgressLine::update(std::size_t done, std::size_t total)
{
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - start_ < delay_ || (shown_ && now - last_ < min_interval)) return;
    std::string line = fmt::format(fmt::runtime(format_), what_, group_thousands(done, separator_),
                                   group_thousands(total, separator_));
    const std::size_t width = code_points(line);  // columns: "tập tin" takes 7, not 10
    if (width < width_) line.append(width_ - width, ' ');  // the rest of a longer line before
    std::fprintf(stderr, "\r%s", line.c_str());
    std::fflush(stderr);
    width_ = width;
    shown_ = true;
    last_ = now;
}

void ProgressLine::clear()
{
    if (!shown_) return;
    std::fprintf(stderr, "\r%s\r", std::string(width_, ' ').c_str());
    std::fflush(stderr);
    shown_ = false;
}

Progress ProgressLine::callback()
{
    if (!enabled_) return {};
    return [this](std::size_t done, std::size_t total) { update(done, total); };
}

}  // namespace tthc::cli
