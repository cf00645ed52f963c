// The renderings of tthc search: for a person (the code and name of each hit,
// its lĩnh vực, levels and the fields that matched, the matches highlighted
// when colour is on) and for a program (JSON with the matched words as written).
#pragma once

#include <ostream>
#include <vector>

#include "catalog/search.hpp"

namespace tthc {

void write_search_text(std::ostream& out, const std::vector<SearchHit>& hits, bool color);
void write_search_json(std::ostream& out, const std::vector<SearchHit>& hits);

}  // namespace tthc
