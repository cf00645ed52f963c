// Finding procedures the way a person types: without diacritics and case,
// several words in any order, a code or a legal document's number. The
// procedures in force are searched (abolished ones are not offered); every
// hit says which fields matched and where, so a rendering can highlight them.
//
// Ranking, best first (tthc-search(1) documents it):
//   1. code:   the query is the procedure's code (its national code matches
//              every provincial instance of it);
//   2. phrase: the query's words, in order, in the name;
//   3. words:  every word of the query in the name, in any order;
//   4. field:  the query's words, in order, in another field: the code, the
//              lĩnh vực, the agency, a legal basis number (in that order);
//   5. spread: every word somewhere among those fields.
// A word matches the start of a word of the text ("khai" matches "khai sinh",
// not "nhakhai"); the last word of a phrase may be a prefix. Ties go in the
// Vietnamese order of the name (ICU Collator "vi"), then by code.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/model.hpp"

namespace tthc {

enum class SearchField { code, name, field, agency, legal_basis };

// "code", "name", "field", "agency", "legal_basis".
std::string_view search_field_name(SearchField f);

enum class SearchRank { code = 1, phrase = 2, words = 3, field = 4, spread = 5 };

// "code", "phrase", "words", "field", "spread".
std::string_view search_rank_name(SearchRank r);

// One field of a procedure that matched: its text as written and the byte
// ranges of the matches in it, sorted and not overlapping.
struct FieldMatch {
    SearchField field;
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // [begin, end) byte offsets in `text`
};

struct SearchHit {
    const Procedure* procedure = nullptr;
    SearchRank rank = SearchRank::spread;
    std::vector<FieldMatch> matches;  // in the order of SearchField, at least one
};

// The query's words after folding (tthc's search_fold): what a query means.
std::vector<std::string> search_words(std::string_view query);

// The procedures in force matching `query`, ranked as above. An empty result
// means nothing matched. Throws Error when the query has no letter or digit.
std::vector<SearchHit> search_catalog(const Catalog& catalog, std::string_view query);

}  // namespace tthc
