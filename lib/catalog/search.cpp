#include "catalog/search.hpp"

#include <algorithm>

#include "core/values.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/transliterate.hpp"
#include "util/unicode.hpp"

namespace tthc {

std::string_view search_field_name(SearchField f)
{
    switch (f) {
    case SearchField::code: return "code";
    case SearchField::name: return "name";
    case SearchField::field: return "field";
    case SearchField::agency: return "agency";
    case SearchField::legal_basis: return "legal_basis";
    }
    return "name";
}

std::string_view search_rank_name(SearchRank r)
{
    switch (r) {
    case SearchRank::code: return "code";
    case SearchRank::phrase: return "phrase";
    case SearchRank::words: return "words";
    case SearchRank::field: return "field";
    case SearchRank::spread: return "spread";
    }
    return "spread";
}

std::vector<std::string> search_words(std::string_view query)
{
    const FoldedText f = search_fold(query);
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < f.text.size()) {
        std::size_t end = f.text.find(' ', start);
        if (end == std::string::npos) end = f.text.size();
        words.push_back(f.text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

namespace {

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

// One searchable value of a procedure, folded once.
struct Searched {
    SearchField field;
    const std::string* text;
    FoldedText folded;
};

// Where `needle` occurs in `hay` at the start of a word, as folded offsets.
Spans find_at_word_starts(const std::string& hay, const std::string& needle)
{
    Spans out;
    for (std::size_t pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + 1))
        if (pos == 0 || hay[pos - 1] == ' ') out.emplace_back(pos, pos + needle.size());
    return out;
}

// Folded spans as sorted, merged byte ranges of the original text.
Spans to_source(const FoldedText& f, const Spans& folded)
{
    Spans out;
    for (const auto& [a, b] : folded) out.emplace_back(f.source[a], f.source[b]);
    std::sort(out.begin(), out.end());
    Spans merged;
    for (const auto& s : out) {
        if (!merged.empty() && s.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, s.second);
        else
            merged.push_back(s);
    }
    return merged;
}

FieldMatch match_of(const Searched& s, const Spans& folded) { return {s.field, *s.text, to_source(s.folded, folded)}; }

// Every word's occurrences in `s`, or nothing when one word is missing.
bool all_words(const Searched& s, const std::vector<std::string>& words, Spans& spans)
{
    Spans found;
    for (const auto& w : words) {
        const Spans one = find_at_word_starts(s.folded.text, w);
        if (one.empty()) return false;
        found.insert(found.end(), one.begin(), one.end());
    }
    spans = std::move(found);
    return true;
}

bool same_code(const Procedure& p, std::string_view query, const std::string& folded_query)
{
    const auto q = parse_code(trim(query));
    if (q && p.parsed_code) return q->identity == p.parsed_code->identity && (q->agency.empty() || q->text == p.code.value);
    return !folded_query.empty() && search_fold(p.code.value).text == folded_query;
}

std::vector<Searched> searched_values(const Procedure& p)
{
    std::vector<Searched> out;
    auto add = [&](SearchField f, const std::string& text) {
        if (!text.empty()) out.push_back({f, &text, search_fold(text)});
    };
    add(SearchField::code, p.code.value);
    add(SearchField::name, p.name.value);
    add(SearchField::field, p.field.value);
    add(SearchField::agency, p.agency.value);
    std::vector<std::string_view> seen;
    for (const auto& lb : p.legal_basis) {
        if (std::find(seen.begin(), seen.end(), lb.number.value) != seen.end()) continue;
        seen.push_back(lb.number.value);
        add(SearchField::legal_basis, lb.number.value);
    }
    return out;
}

std::optional<SearchHit> match_procedure(const Procedure& p, std::string_view query, const std::vector<std::string>& words,
                                         const std::string& phrase)
{
    SearchHit hit;
    hit.procedure = &p;
    if (same_code(p, query, phrase)) {
        hit.rank = SearchRank::code;
        hit.matches.push_back({SearchField::code, p.code.value, {{0, p.code.value.size()}}});
        return hit;
    }
    const std::vector<Searched> values = searched_values(p);
    const auto name = std::find_if(values.begin(), values.end(), [](const Searched& s) { return s.field == SearchField::name; });
    if (name != values.end()) {
        if (Spans s = find_at_word_starts(name->folded.text, phrase); !s.empty()) {
            hit.rank = SearchRank::phrase;
            hit.matches.push_back(match_of(*name, s));
            return hit;
        }
        if (Spans s; all_words(*name, words, s)) {
            hit.rank = SearchRank::words;
            hit.matches.push_back(match_of(*name, s));
            return hit;
        }
    }
    for (const auto& v : values)
        if (v.field != SearchField::name)
            if (Spans s = find_at_word_starts(v.folded.text, phrase); !s.empty()) hit.matches.push_back(match_of(v, s));
    if (!hit.matches.empty()) {
        hit.rank = SearchRank::field;
        return hit;
    }
    for (const auto& w : words) {
        const bool somewhere = std::any_of(values.begin(), values.end(), [&](const Searched& v) {
            return !find_at_word_starts(v.folded.text, w).empty();
        });
        if (!somewhere) return std::nullopt;
    }
    for (const auto& v : values) {
        Spans spans;
        for (const auto& w : words) {
            const Spans one = find_at_word_starts(v.folded.text, w);
            spans.insert(spans.end(), one.begin(), one.end());
        }
        if (!spans.empty()) hit.matches.push_back(match_of(v, spans));
    }
    hit.rank = SearchRank::spread;
    return hit;
}

}  // namespace

std::vector<SearchHit> search_catalog(const Catalog& catalog, std::string_view query)
{
    const std::vector<std::string> words = search_words(query);
    if (words.empty()) throw Error(tr("the search text '{0}' has no letter or digit", query));
    std::string phrase;
    for (const auto& w : words) phrase += (phrase.empty() ? "" : " ") + w;
    std::vector<SearchHit> hits;
    for (const auto& p : catalog.procedures)
        if (auto hit = match_procedure(p, query, words, phrase)) hits.push_back(std::move(*hit));
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        const std::string &na = a.procedure->name.value, &nb = b.procedure->name.value;
        if (vi_collate_less(na, nb)) return true;
        if (vi_collate_less(nb, na)) return false;
        return a.procedure->code.value < b.procedure->code.value;
    });
    return hits;
}

}  // namespace tthc
