#include "views/search_report.hpp"

#include <algorithm>

#include "decisions/decision_doc.hpp"
#include "util/i18n.hpp"
#include "util/json.hpp"
#include "util/unicode.hpp"

namespace tthc {

namespace {

std::string levels_of(const Procedure& p)
{
    std::string s;
    for (const auto& l : sorted_levels(p)) s += (s.empty() ? "" : ", ") + l;
    return s;
}

// The field a search matched, for a person: the catalog's key in English
// ("legal_basis", as JSON names it), its name in the officer's words otherwise.
std::string field_label(SearchField f)
{
    switch (f) {
    case SearchField::code: return trc("search field", "code");
    case SearchField::name: return trc("search field", "name");
    case SearchField::field: return trc("search field", "field");
    case SearchField::agency: return trc("search field", "agency");
    case SearchField::legal_basis: return trc("search field", "legal_basis");
    }
    return std::string(search_field_name(f));
}

// `text` with its spans in bold red when `color`.
std::string highlighted(const std::string& text, const FieldMatch* m, bool color)
{
    if (!color || !m) return text;
    std::string out;
    std::size_t at = 0;
    for (const auto& [a, b] : m->spans) {
        out += text.substr(at, a - at) + "\x1b[1;31m" + text.substr(a, b - a) + "\x1b[0m";
        at = b;
    }
    return out + text.substr(at);
}

const FieldMatch* match_in(const SearchHit& h, SearchField f)
{
    for (const auto& m : h.matches)
        if (m.field == f) return &m;
    return nullptr;
}

}  // namespace

void write_search_text(std::ostream& out, const std::vector<SearchHit>& hits, bool color)
{
    std::size_t width = 0;
    for (const auto& h : hits) width = std::max(width, code_points(h.procedure->code.value));
    const std::string indent(width + 2, ' ');
    for (const auto& h : hits) {
        const Procedure& p = *h.procedure;
        out << highlighted(p.code.value, match_in(h, SearchField::code), color)
            << std::string(width - code_points(p.code.value) + 2, ' ')
            << highlighted(p.name.value, match_in(h, SearchField::name), color) << "\n";
        std::string fields;
        for (const auto& m : h.matches) {
            const std::string name = field_label(m.field);
            if (fields.find(name) == std::string::npos) fields += (fields.empty() ? "" : ", ") + name;
        }
        // TRANSLATORS: under a procedure found by tthc search: its lĩnh vực, its cấp thực hiện, and the fields
        // (code, name, field, agency, legal_basis) that the words searched for were found in
        out << indent << tr("field: {0}; levels: {1}; matched: {2}", p.field.value, levels_of(p), fields) << "\n";
        // the code, name and field are printed already; the agency or a legal number is shown with its match
        for (const auto& m : h.matches)
            if (m.field != SearchField::name && m.field != SearchField::code && m.field != SearchField::field)
                out << indent << field_label(m.field) << ": " << highlighted(m.text, &m, color) << "\n";
    }
}

void write_search_json(std::ostream& out, const std::vector<SearchHit>& hits)
{
    out << "[";
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const SearchHit& h = hits[i];
        const Procedure& p = *h.procedure;
        out << (i ? ",\n  " : "\n  ") << "{\"code\": " << json_quote(p.code.value) << ", \"name\": " << json_quote(p.name.value)
            << ", \"field\": " << json_quote(p.field.value) << ", \"levels\": [";
        const auto levels = sorted_levels(p);
        for (std::size_t l = 0; l < levels.size(); ++l) out << (l ? ", " : "") << json_quote(levels[l]);
        out << "], \"rank\": " << json_quote(search_rank_name(h.rank)) << ", \"matched\": [";
        for (std::size_t m = 0; m < h.matches.size(); ++m) {
            const FieldMatch& fm = h.matches[m];
            out << (m ? ", " : "") << "{\"field\": " << json_quote(search_field_name(fm.field))
                << ", \"text\": " << json_quote(fm.text) << ", \"matches\": [";
            for (std::size_t s = 0; s < fm.spans.size(); ++s)
                out << (s ? ", " : "") << json_quote(fm.text.substr(fm.spans[s].first, fm.spans[s].second - fm.spans[s].first));
            out << "]}";
        }
        out << "]}";
    }
    out << (hits.empty() ? "]\n" : "\n]\n");
}

}  // namespace tthc
