#include "checks/content.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "util/i18n.hpp"
#include "util/unicode.hpp"

namespace tthc {

namespace {

// One text value of a procedure and the key it was written under.
struct Field {
    std::string_view key;
    const Text* text;
    bool legal;  // a legal basis row: the words of another document, cited as it is written
};

std::vector<Field> text_fields(const Procedure& p)
{
    std::vector<Field> out;
    auto add = [&](std::string_view key, const Text& t, bool legal = false) {
        if (!t.value.empty()) out.push_back({key, &t, legal});
    };
    add("name", p.name);
    add("agency", p.agency);
    add("authority", p.authority);
    add("delegated", p.delegated);
    add("coordinating", p.coordinating);
    add("address", p.address);
    add("conditions", p.conditions);
    for (const auto& t : p.subjects) add("subjects", t);
    for (const auto& t : p.steps) add("steps", t);
    for (const auto& r : p.results) add("results.name", r.name);
    for (const auto& c : p.channels) {
        add("channels.fee_note", c.fee_note);
        add("channels.note", c.note);
        add("channels.case", c.case_name);
    }
    for (const auto& d : p.dossier) {
        add("dossier.name", d.name);
        add("dossier.form", d.form);
        add("dossier.case", d.case_name);
    }
    for (const auto& l : p.legal_basis) {
        add("legal_basis.title", l.title, true);
        add("legal_basis.issuer", l.issuer, true);
    }
    return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

int32_t cp_at(std::string_view s, std::size_t i) { return i < s.size() ? next_code_point(s, i) : -1; }
int32_t cp_before(std::string_view s, std::size_t i)
{
    if (i == 0) return -1;
    return prev_code_point(s, i);
}

// Up to `n` code points of s before and after byte offset at, as "…xy…".
std::string around(std::string_view s, std::size_t at, int before, int after)
{
    std::size_t b = at, e = at;
    for (int k = 0; k < before && b > 0; ++k) prev_code_point(s, b);
    for (int k = 0; k < after && e < s.size(); ++k) next_code_point(s, e);
    std::string out = b > 0 ? "…" : "";
    out += s.substr(b, e - b);
    if (e < s.size()) out += "…";
    for (auto& c : out)
        if (c == '\n') c = ' ';
    // TRANSLATORS: an excerpt of the catalog's text quoted in a message; “{0}” in Vietnamese
    return tr("\"{0}\"", out);
}

// ---------------------------------------------------------------- glued-legal-number

// The bytes of `token` (a symbol read up to white space or punctuation) that
// are the symbol: groups of capitals and digits joined by '-' ("TT-BTP",
// "TTg", "QĐ-BCA-C06"). A group that turns into a word ("BTPThông",
// "CPngày") or a group that starts in lower case ("NĐ-về") ends it there.
std::size_t symbol_end(std::string_view token)
{
    std::size_t g = 0;
    while (g < token.size()) {
        const int32_t first = cp_at(token, g);
        if (!is_upper(first) && !(first >= '0' && first <= '9')) return g;
        std::size_t i = g;
        while (i < token.size() && token[i] != '-') {
            std::size_t n = i;
            const int32_t c = next_code_point(token, n);
            if (is_lower(c) && is_lower(cp_at(token, n))) {
                std::size_t p = i;
                const int32_t prev = i > 0 ? prev_code_point(token, p) : -1;
                return is_upper(prev) && p > g ? p : i;
            }
            i = n;
        }
        if (i >= token.size()) return token.size();
        g = i + 1;  // past the '-'
    }
    return token.size();
}

// What is wrong with the legal numbers of one text: each number with a year
// that touches the text before or after it, is written twice in a row, or
// whose symbol is cut short.
std::vector<std::string> glued_numbers(std::string_view s)
{
    std::vector<std::string> out;
    for (std::size_t i = s.find('/'); i != std::string_view::npos && i + 6 < s.size(); i = s.find('/', i + 1)) {
        if (s[i + 5] != '/') continue;
        if (!is_digit(s[i + 1]) || !is_digit(s[i + 2]) || !is_digit(s[i + 3]) || !is_digit(s[i + 4])) continue;
        std::size_t j = i;  // the number: digits, maybe ".a" or "b" (08.a/2010, 09b/2013)
        while (j > 0 && (is_digit(s[j - 1]) || is_ascii_lower(s[j - 1]) || s[j - 1] == '.')) --j;
        while (j < i && !is_digit(s[j])) ++j;
        if (j == i || !is_upper(cp_at(s, i + 6))) continue;
        std::size_t k = i + 6;
        while (k < s.size()) {
            std::size_t n = k;
            const int32_t c = next_code_point(s, n);
            if (c != '-' && !(c >= '0' && c <= '9') && !is_letter(c)) break;
            k = n;
        }
        std::string_view token = s.substr(i + 6, k - i - 6);
        const bool continues = k < s.size() && (s[k] == '/' || (s[k] == '.' && k + 1 < s.size() &&
                                                                   (is_digit(s[k + 1]) || is_ascii_lower(s[k + 1]))));
        if (continues) {
            // the next number starts inside this token ("TT-BTP08.a/2010", "TT-BTP09b/2013")
            std::size_t t = token.size();
            while (t > 0 && (is_digit(token[t - 1]) || is_ascii_lower(token[t - 1]))) --t;
            if (t < token.size() && t > 0 && is_digit(token[t])) token = token.substr(0, t);
        }
        const std::size_t end = symbol_end(token);
        const std::string number = std::string(s.substr(j, i + 6 - j)) + std::string(token.substr(0, end));
        const int32_t prev = cp_before(s, j);
        // "...Tư pháp.18/2026/NĐ-CP": the end of one row and the next number with no space between
        const bool after_stop = (prev == '.' || prev == ',' || prev == ';') && is_letter(cp_before(s, j - 1));
        if (is_letter(prev) || (prev >= '0' && prev <= '9') || after_stop) {
            const std::string_view head = s.substr(0, j);
            if (head.size() >= number.size() && head.substr(head.size() - number.size()) == number)
                out.push_back(tr("{0} twice with nothing between", number));
            else
                // TRANSLATORS: {0} is a số ký hiệu, {1} the text around it, quoted
                out.push_back(tr("{0} glued to the text before it, {1}", number, around(s, j, 12, 16)));
        }
        const std::size_t at = i + 6 + end;
        if (end > 0 && token[end - 1] == '-' && at < s.size() && s[at] == ' ')
            out.push_back(tr("{0} broken by a space after '-', {1}", number, around(s, at, 14, 6)));
        else if (end > 0 && token[end - 1] == '-')
            out.push_back(tr("{0} cut short, {1}", number, around(s, at, 14, 6)));
        else if (end < token.size())
            out.push_back(tr("{0} glued to the text after it, {1}", number, around(s, at, 6, 5)));
        i = i + 5;
    }
    return out;
}

void check_glued(const std::vector<Field>& fields, const ContentReport& report)
{
    for (const auto& f : fields) {
        const auto problems = glued_numbers(f.text->value);
        if (problems.empty()) continue;
        std::string list;
        for (const auto& p : problems) list += (list.empty() ? "" : "; ") + p;
        // TRANSLATORS: {0} is a key (legal_basis.title), {1} the problems found, joined by "; "
        report(Rule::glued_legal_number, f.text->pos,
               tr("{0} runs legal numbers into other text: {1}; write each document once, with its number set apart "
                  "(one legal_basis row each)",
                  f.key, list),
               std::nullopt);
    }
}

// ---------------------------------------------------------------- word search

// Words to look for in one pass over a text, whatever their number: each
// offset is first tested against the words' first two bytes (one bit of a
// table that fits the L1 cache), and the words are compared only where one
// may start and no ASCII letter comes before (the common case in running
// text), their first four bytes at once before the rest, so the cost is one
// scan of the text, not one per word.
class WordSet {
public:
    explicit WordSet(std::vector<std::string_view> words) : words_(std::move(words))
    {
        for (std::size_t i = 0; i < words_.size(); ++i) {
            const std::string_view w = words_[i];
            if (w.empty()) continue;
            const auto first = static_cast<unsigned char>(w[0]);
            Entry e{i, 0, 0};
            const std::size_t head = std::min<std::size_t>(4, w.size());
            std::memcpy(&e.head, w.data(), head);
            std::memset(&e.mask, 0xFF, head);
            by_first_[first].push_back(e);
            if (w.size() == 1)
                single_[first] = any_single_ = true;
            else
                pairs_.set(pair_at(w, 0));
        }
    }

    std::string_view word(std::size_t i) const { return words_[i]; }

    // Calls found(i, at) for each occurrence of word i at byte offset `at`
    // that stands as a word (no letter on either side), by offset and, at one
    // offset, in the words' order, until found returns false.
    template <typename Found>
    void each(std::string_view s, Found&& found) const
    {
        const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
        const std::size_t n = s.size();
        for (std::size_t at = 0; at < n; ++at) {
            const bool may_start = (at + 1 < n && pairs_.test(pair_at(s, at))) || (any_single_ && single_[bytes[at]]);
            if (!may_start) continue;
            if (at > 0 && is_ascii_letter(s[at - 1])) continue;
            std::uint32_t here = 0;  // a word's head of fewer bytes than it has cannot match: no word holds a 0
            std::memcpy(&here, bytes + at, std::min<std::size_t>(4, n - at));
            for (const Entry& e : by_first_[bytes[at]]) {
                if ((here & e.mask) != e.head) continue;
                const std::size_t i = e.index;
                const std::string_view w = words_[i];
                if (w.size() > 4 && s.compare(at, w.size(), w) != 0) continue;
                if (is_letter(cp_before(s, at)) || is_letter(cp_at(s, at + w.size()))) continue;
                if (!found(i, at)) return;
            }
        }
    }

private:
    static bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
    static std::size_t pair_at(std::string_view s, std::size_t at)
    {
        return static_cast<std::size_t>(static_cast<unsigned char>(s[at])) << 8 |
               static_cast<unsigned char>(s[at + 1]);
    }

    struct Entry {
        std::size_t index;
        std::uint32_t head, mask;  // the word's first four bytes (or fewer), as they sit in memory
    };
    std::vector<std::string_view> words_;
    std::array<std::vector<Entry>, 256> by_first_;
    std::bitset<65536> pairs_;  // the first two bytes of the words of two bytes or more
    std::array<bool, 256> single_{};  // the words of one byte
    bool any_single_ = false;
};

// "Ủy ban nhân dân", "Hội đồng nhân dân": the name of the kind of body takes
// one capital (Nghị định 30/2020/NĐ-CP, Phụ lục II); every other mix of
// capitals ("Ủy ban Nhân dân", "Hội Đồng Nhân Dân") is a finding. All
// capitals (a heading) and all lower case (a common noun) are not.
std::vector<std::string> wrong_capitals()
{
    std::vector<std::string> out;
    const std::array<std::array<std::string_view, 2>, 3> heads = {{{"Ủy", "ban"}, {"Uỷ", "ban"}, {"Hội", "đồng"}}};
    for (const auto& h : heads)
        for (int mask = 1; mask < 8; ++mask) {
            const std::string second = (mask & 1) ? (h[1] == "ban" ? "Ban" : "Đồng") : std::string(h[1]);
            const std::string third = (mask & 2) ? "Nhân" : "nhân";
            const std::string fourth = (mask & 4) ? "Dân" : "dân";
            out.push_back(std::string(h[0]) + " " + second + " " + third + " " + fourth);
        }
    return out;
}

// Abbreviations that must be written out unless the procedure writes them
// once in brackets after the full name.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> abbreviations = {{
    {"UBND", "Ủy ban nhân dân"}, {"HĐND", "Hội đồng nhân dân"}, {"BHXH", "Bảo hiểm xã hội"},
    {"BHYT", "bảo hiểm y tế"}}};

// The words of the three word rules, district-named, capitals and
// abbreviation, in one set, so that each text is scanned once for all three.
enum class WordRule : std::uint8_t { district, capitals, abbreviation };

struct ContentWords {
    std::vector<std::string> capitals = wrong_capitals();
    std::vector<WordRule> rule;  // of each word of `set`
    WordSet set;

    ContentWords() : set(words()) {}

private:
    std::vector<std::string_view> words()
    {
        std::vector<std::string_view> out;
        auto add = [&](WordRule r, std::string_view w) {
            out.push_back(w);
            rule.push_back(r);
        };
        for (const std::string_view w : {"huyện", "Huyện", "HUYỆN", "quận", "Quận", "QUẬN", "thị xã", "Thị xã",
                                         "THỊ XÃ", "thị trấn", "Thị trấn", "Thị Trấn", "THỊ TRẤN"})
            add(WordRule::district, w);
        for (const auto& w : capitals) add(WordRule::capitals, w);
        for (const auto& a : abbreviations) add(WordRule::abbreviation, a.first);
        return out;
    }
};

void report_district(const Field& f, std::string_view word, std::size_t at, const ContentReport& report)
{
    // TRANSLATORS: {0} is a key (agency, steps...), {1} the word found, {2} the text around it, quoted
    report(Rule::district_named, f.text->pos,
           tr("{0} names \"{1}\" ({2}): since 1 July 2025 there are no districts (cấp huyện) and no thị trấn; name "
              "the body that does this now (cấp tỉnh or cấp xã)",
              f.key, word, around(f.text->value, at, 24, 16)),
           std::nullopt);
}

void report_capitals(const Field& f, std::string_view word, const ContentReport& report)
{
    const bool council = word.rfind("Hội", 0) == 0;
    // the fix: every wrong spelling in the text, each written as the message says
    static const std::vector<std::string> spellings = wrong_capitals();
    std::string fixed = f.text->value;
    for (const auto& w : spellings) {
        const char* right = w.rfind("Hội", 0) == 0 ? "Hội đồng nhân dân" : "Ủy ban nhân dân";
        for (std::size_t i = fixed.find(w); i != std::string::npos; i = fixed.find(w, i + 1))
            fixed.replace(i, w.size(), right);
    }
    // TRANSLATORS: {0} is a key (agency, steps...), {1} the name as written, {2} as it should be
    report(Rule::capitals, f.text->pos,
           tr("{0} writes \"{1}\"; write \"{2}\" (Nghị định 30/2020/NĐ-CP: only the first word of the kind of body "
              "takes a capital)",
              f.key, word, council ? "Hội đồng nhân dân" : "Ủy ban nhân dân"),
           Fix{f.text->pos, f.text->value, std::move(fixed), false});
}

void report_abbreviation(const Field& f, std::string_view word, std::size_t at, const ContentReport& report)
{
    const std::string_view s = f.text->value;
    if (at > 0 && (s[at - 1] == '-' || s[at - 1] == '/')) return;  // a number's symbol: 84/2025/QĐ-UBND
    std::string_view full;
    for (const auto& [a, fl] : abbreviations)
        if (a == word) full = fl;
    // TRANSLATORS: {0} is a key (agency, steps...), {1} the name in full, {2} its abbreviation, {3} the text
    // around it, quoted
    report(Rule::abbreviation, f.text->pos,
           tr("{0} abbreviates \"{1}\" as \"{2}\" ({3}); write it out, as Nghị định 30/2020/NĐ-CP asks of a name "
              "not written out before with its abbreviation in brackets",
              f.key, full, word, around(s, at, 12, 16)),
           std::nullopt);
}

// district-named (from 1 July 2025), capitals and abbreviation: for each text
// but the legal basis rows (the title or issuer of a document as it was issued,
// symbols such as QĐ-UBND), the first word of each rule that it holds.
void check_words(const std::vector<Field>& fields, bool districts, const ContentReport& report)
{
    static const ContentWords words;
    std::array<bool, abbreviations.size()> explained{};  // written out once with the abbreviation in brackets
    for (std::size_t a = 0; a < abbreviations.size(); ++a) {
        const std::string bracketed = "(" + std::string(abbreviations[a].first) + ")";
        for (const auto& f : fields) explained[a] = explained[a] || f.text->value.find(bracketed) != std::string::npos;
    }
    for (const auto& f : fields) {
        if (f.legal) continue;
        std::array<bool, 3> wanted = {districts, true, true};
        words.set.each(f.text->value, [&](std::size_t i, std::size_t at) {
            const auto r = static_cast<std::size_t>(words.rule[i]);
            const std::string_view word = words.set.word(i);
            if (!wanted[r]) return true;
            if (words.rule[i] == WordRule::abbreviation) {
                const std::size_t a = i - (words.rule.size() - abbreviations.size());
                if (explained[a]) return true;
                report_abbreviation(f, word, at, report);
            } else if (words.rule[i] == WordRule::district) {
                report_district(f, word, at, report);
            } else {
                report_capitals(f, word, report);
            }
            wanted[r] = false;
            return wanted[0] || wanted[1] || wanted[2];
        });
    }
}

// ---------------------------------------------------------------- repeated-text

// The repeated phrase when s is one phrase of at least two words written
// twice: "X X", "XX", "X; X", "X, X", "X. X", "X - X", "X / X", a line break
// between; nothing otherwise.
std::optional<std::string_view> repeated_phrase(std::string_view s)
{
    s = trim(s);
    for (const std::string_view sep : {"", " ", "; ", ", ", ". ", " - ", " / ", "\n", "; \n"}) {
        if (s.size() <= sep.size() || (s.size() - sep.size()) % 2 != 0) continue;
        const std::size_t half = (s.size() - sep.size()) / 2;
        const std::string_view x = s.substr(0, half);
        if (s.substr(half, sep.size()) != sep || s.substr(half + sep.size()) != x) continue;
        if (trim(x).find(' ') == std::string_view::npos) continue;  // one word: too short to say it was pasted
        return trim(x);
    }
    return std::nullopt;
}

void check_repeated(const Procedure& p, const std::vector<Field>& fields, const ContentReport& report)
{
    for (const auto& f : fields) {
        const auto x = repeated_phrase(f.text->value);
        if (!x) continue;
        report(Rule::repeated_text, f.text->pos, tr("{0} is the same text twice (\"{1}\"); keep it once", f.key, *x),
               Fix{f.text->pos, f.text->value, std::string(*x), false});
    }
    std::map<std::string, const LegalBasis*> seen;
    for (const auto& l : p.legal_basis) {
        if (l.number.value.empty()) continue;
        auto [it, inserted] = seen.emplace(l.number.value, &l);
        if (inserted) continue;
        report(Rule::repeated_text, l.pos,
               tr("legal basis {0} is cited again (first at line {1}); keep one row", l.number.value,
                  it->second->pos.line),
               std::nullopt);
    }
}

// ---------------------------------------------------------------- doubled-punctuation

// The runs of one mark of punctuation written twice or more in a row in s
// (",,", ";;", "::", "..", ",,,"), as offset and length; three or more dots are
// an ellipsis and not a run.
std::vector<std::pair<std::size_t, std::size_t>> doubled_marks(std::string_view s)
{
    // One pass for a byte equal to the next (find_first_of would call memchr
    // per byte of the text: a tenth of lint's time on a national catalog).
    const auto mark = [](char c) { return c == ',' || c == ';' || c == ':' || c == '.'; };
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        if (s[i] != s[i + 1] || !mark(s[i])) continue;
        std::size_t e = i + 2;
        while (e < s.size() && s[e] == s[i]) ++e;
        if (!(s[i] == '.' && e - i >= 3)) out.emplace_back(i, e - i);
        i = e - 1;
    }
    return out;
}

void check_doubled_punctuation(const std::vector<Field>& fields, const ContentReport& report)
{
    for (const auto& f : fields) {
        if (f.legal) continue;  // the title of a document as it was issued
        const std::string_view s = f.text->value;
        const auto runs = doubled_marks(s);
        if (runs.empty()) continue;
        std::string fixed;  // the fix: each run written once
        std::size_t done = 0;
        for (const auto& [at, length] : runs) {
            fixed.append(s.substr(done, at + 1 - done));
            done = at + length;
        }
        fixed.append(s.substr(done));
        const auto [at, length] = runs.front();
        // TRANSLATORS: {0} is a key (agency, steps...), {1} the marks (";;"), {2} the text around them, quoted
        report(Rule::doubled_punctuation, f.text->pos,
               tr("{0} writes \"{1}\" ({2}); write the mark once", f.key, s.substr(at, length), around(s, at, 24, 8)),
               Fix{f.text->pos, f.text->value, std::move(fixed), false});
    }
}

// ---------------------------------------------------------------- dossier-note

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Why a dossier entry is a note rather than a document, or nothing.
std::optional<std::string> note_reason(const DossierItem& d)
{
    const std::string_view name = trim(d.name.value);
    const std::string kase = fold(d.case_name.value);
    // TRANSLATORS: the reasons are put in "dossier entry {0} is a note, not a document ({1}); ..."
    if (kase == "lưu ý" || kase == "ghi chú" || kase == "chú ý") return tr("its case is \"{0}\"", d.case_name.value);
    // "Ghi chú" only with a colon: "ghi chú kết hôn" is also the name of a hộ tịch act
    for (const std::string_view w : {"Lưu ý", "LƯU Ý", "Ghi chú:", "GHI CHÚ:", "Chú ý", "CHÚ Ý", "(*)", "*"})
        if (starts_with(name, w)) return tr("it begins with \"{0}\"", w);
    if (d.originals != 0 || d.copies != 0 || name.empty()) return std::nullopt;
    if (name.back() == ':') return std::string(tr("it is a heading (it ends in ':') with 0 bản chính, 0 bản sao"));
    const bool conditional = (starts_with(name, "Trường hợp") || starts_with(name, "Trong trường hợp")) &&
                             name.find(" thì ") != std::string_view::npos;
    if (conditional) return std::string(tr("it is a rule (\"Trường hợp … thì …\") with 0 bản chính, 0 bản sao"));
    if (name.find(" có trách nhiệm ") != std::string_view::npos)
        return std::string(tr("it states a duty (\"… có trách nhiệm …\") with 0 bản chính, 0 bản sao"));
    return std::nullopt;
}

void check_dossier_notes(const Procedure& p, const ContentReport& report)
{
    for (const auto& d : p.dossier) {
        const auto why = note_reason(d);
        if (!why) continue;
        // TRANSLATORS: {0} is the entry's name, quoted, {1} the reason
        report(Rule::dossier_note, d.name.pos,
               tr("dossier entry {0} is a note, not a document ({1}); move the note to conditions, or name the "
                  "document it asks for",
                  around(d.name.value, 0, 0, 40), *why),
               std::nullopt);
    }
}

}  // namespace

void content_checks(const Procedure& p, const Date& today, const ContentReport& report)
{
    static const Date no_district{2025, 7, 1};
    const std::vector<Field> fields = text_fields(p);
    check_glued(fields, report);
    check_words(fields, today >= no_district, report);
    check_repeated(p, fields, report);
    check_doubled_punctuation(fields, report);
    check_dossier_notes(p, report);
}

}  // namespace tthc
