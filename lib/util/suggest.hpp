// The one "did you mean": a misspelt key, unit id, dossier entry or rule id is
// answered with the closest known name, compared after folding (NFC, lower
// case, spaces collapsed), and only when it is close enough to be a typo.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tthc {

// The candidate nearest to `word` (edit distance in code points, after
// fold()), when that distance is at most max(2, a third of the word's length);
// the first of equally near ones. Nothing when no candidate is that close.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace tthc
