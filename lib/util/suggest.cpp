#include "util/suggest.hpp"

#include <algorithm>

#include "util/unicode.hpp"

namespace tthc {

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string_view>& candidates)
{
    const std::string want = fold(word);
    std::size_t best_d = std::string::npos;
    std::string_view best;
    for (const auto c : candidates) {
        const std::size_t d = edit_distance(want, fold(c));
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    if (best_d > std::max<std::size_t>(2, code_points(want) / 3)) return std::nullopt;
    return std::string(best);
}

}  // namespace tthc
