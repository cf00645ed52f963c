#include "progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "util/i18n.hpp"

namespace tthc::cli {

namespace {

constexpr auto min_interval = std::chrono::milliseconds(100);

// Columns on the terminal: one per character ("tập tin" is 7, not 10 bytes).
std::size_t columns(const std::string& s)
{
    std::size_t n = 0;
    for (const unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace

std::string with_thousands(std::size_t n, std::string_view separator)
{
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

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
    std::string line = fmt::format(fmt::runtime(format_), what_, with_thousands(done, separator_),
                                   with_thousands(total, separator_));
    const std::size_t width = columns(line);
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
