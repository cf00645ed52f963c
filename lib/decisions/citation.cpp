#include "decisions/citation.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <utility>
#include <vector>

#include "core/vietnamese.hpp"
#include "util/unicode.hpp"

namespace tthc {

namespace {

// Ministries and bodies by the abbreviation their documents carry.
const std::vector<std::pair<std::string, std::string>>& bodies()
{
    static const std::vector<std::pair<std::string, std::string>> b = {
        {"BTP", "Bộ Tư pháp"},
        {"BTC", "Bộ Tài chính"},
        {"BCA", "Bộ Công an"},
        {"BYT", "Bộ Y tế"},
        {"BNV", "Bộ Nội vụ"},
        {"BQP", "Bộ Quốc phòng"},
        {"BNG", "Bộ Ngoại giao"},
        {"BCT", "Bộ Công Thương"},
        {"BXD", "Bộ Xây dựng"},
        {"BGTVT", "Bộ Giao thông vận tải"},
        {"BGDĐT", "Bộ Giáo dục và Đào tạo"},
        {"BKHĐT", "Bộ Kế hoạch và Đầu tư"},
        {"BKHCN", "Bộ Khoa học và Công nghệ"},
        {"BTTTT", "Bộ Thông tin và Truyền thông"},
        {"BTNMT", "Bộ Tài nguyên và Môi trường"},
        {"BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"},
        {"BNNMT", "Bộ Nông nghiệp và Môi trường"},
        {"BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"},
        {"BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"},
        {"BDTTG", "Bộ Dân tộc và Tôn giáo"},
    };
    return b;
}

std::string body_of(const std::string& abbreviation)
{
    for (const auto& [a, name] : bodies())
        if (a == abbreviation) return name;
    return {};
}

// The head of a body, who signs its circulars and decisions.
std::string head_of(const std::string& abbreviation)
{
    if (abbreviation == "VPCP") return "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ";
    if (abbreviation == "NHNN") return "Thống đốc Ngân hàng Nhà nước Việt Nam";
    const std::string body = body_of(abbreviation);
    return body.empty() ? std::string() : "Bộ trưởng " + body;
}

std::vector<std::string> split(const std::string& s, char sep)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) return out;
        start = at + 1;
    }
}

bool starts_with_folded(const std::string& text, const std::string& prefix)
{
    if (text.size() < prefix.size()) return false;
    if (fold(text.substr(0, prefix.size())) != fold(prefix)) return false;
    return text.size() == prefix.size() || text[prefix.size()] == ' ' || text[prefix.size()] == ':' ||
           std::isdigit(static_cast<unsigned char>(text[prefix.size()]));
}

std::string strip_punctuation(std::string s)
{
    while (!s.empty() && (s.back() == '.' || s.back() == ';' || s.back() == ':' || s.back() == ',' || s.back() == ' '))
        s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == ':' || s[i] == '-' || s[i] == ',')) ++i;
    return s.substr(i);
}

// The kinds a title may start with; longer first. Aliases map to the kind.
const std::vector<std::pair<std::string, std::string>>& title_kinds()
{
    static const std::vector<std::pair<std::string, std::string>> k = {
        {"Thông tư liên tịch", "Thông tư liên tịch"}, {"Thông tư liên tich", "Thông tư liên tịch"},
        {"Nghị định", "Nghị định"},                   {"Thông tư", "Thông tư"},
        {"Nghị quyết", "Nghị quyết"},                 {"Quyết định", "Quyết định"},
        {"Bộ luật", "Bộ luật"},                       {"Luật", "Luật"},
        {"Pháp lệnh", "Pháp lệnh"},                   {"Hiến pháp", "Hiến pháp"},
        {"Chỉ thị", "Chỉ thị"},
    };
    return k;
}

bool is_law_kind(const std::string& kind)
{
    return kind == "Luật" || kind == "Bộ luật" || kind == "Pháp lệnh" || kind == "Hiến pháp";
}

// Removes "ngày 15/11/2015" or "ngày 15 tháng 11 năm 2015" at the start of s.
std::optional<Date> take_date(std::string& s)
{
    static const std::string prefix = "ngày ";
    if (!s.starts_with(prefix)) return std::nullopt;
    std::size_t i = prefix.size();
    auto number = [&](int& out) {
        std::size_t j = i;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        if (j == i || j - i > 4) return false;
        out = std::stoi(s.substr(i, j - i));
        i = j;
        return true;
    };
    auto word = [&](const std::string& w) {
        if (s.compare(i, w.size(), w) != 0) return false;
        i += w.size();
        return true;
    };
    int d = 0, m = 0, y = 0;
    if (!number(d)) return std::nullopt;
    if (word("/")) {
        if (!number(m) || !word("/") || !number(y)) return std::nullopt;
    } else if (!(word(" tháng ") && number(m) && word(" năm ") && number(y))) {
        return std::nullopt;
    }
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    const auto date = parse_date(iso);
    if (!date) return std::nullopt;
    s = std::string(trim(s.substr(i)));
    return date;
}

// Lower case for the first letter of a trích yếu that starts with a verb or a
// preposition ("Hướng dẫn …" -> "hướng dẫn …"); names keep their capital.
std::string lower_first_word(const std::string& s)
{
    static const char* openings[] = {"Hướng", "Quy", "Sửa", "Về", "Ban", "Bãi", "Thực", "Bổ", "Phân", "Cắt",
                                     "Điều", "Thi", "Hỗ", "Công", "Giao", "Phê"};
    const std::string first = s.substr(0, s.find(' '));
    if (std::none_of(std::begin(openings), std::end(openings), [&](const char* w) { return first == w; })) return s;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    icu::UnicodeString head(u, 0, 1);
    head.toLower();
    icu::UnicodeString rest(u, 1);
    std::string out;
    (head + rest).toUTF8String(out);
    return out;
}

// Strips " số N", " N" where the portal repeats the number.
void strip_number(std::string& s, const std::string& number)
{
    if (number.empty()) return;
    for (const std::string& tail : {" số " + number, " " + number, number})
        if (s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0) {
            s.erase(s.size() - tail.size());
            break;
        }
    for (const std::string& head : {"số " + number, number})
        if (s.starts_with(head)) {
            s = std::string(trim(s.substr(head.size())));
            break;
        }
}

}  // namespace

SymbolMeaning symbol_meaning(const std::string& number)
{
    const auto n = parse_legal_number(number);
    if (!n) return {};
    const std::vector<std::string> parts = split(n->symbol, '-');
    const std::string& head = parts[0];
    SymbolMeaning m;
    if (head.starts_with("QH") || head.starts_with("UBTVQH")) {
        m.issuer = head.starts_with("QH") ? "Quốc hội" : "Ủy ban Thường vụ Quốc hội";
        return m;  // the kind is the register's to say
    }
    static const std::pair<const char*, const char*> kinds[] = {
        {"NĐ", "Nghị định"}, {"TTLT", "Thông tư liên tịch"}, {"TT", "Thông tư"}, {"QĐ", "Quyết định"},
        {"NQ", "Nghị quyết"}, {"CT", "Chỉ thị"}};
    for (const auto& [abbr, kind] : kinds)
        if (head == abbr) m.kind = kind;
    if (parts.size() < 2) return m;
    if (parts[1] == "CP") {
        m.issuer = "Chính phủ";
    } else if (parts[1] == "TTg") {
        m.issuer = "Thủ tướng Chính phủ";
    } else if (head == "TTLT") {
        std::string all;
        for (std::size_t i = 1; i < parts.size(); ++i) {
            const std::string h = head_of(parts[i]);
            if (h.empty()) return {m.kind, ""};  // one body not known: say none rather than some
            all += (all.empty() ? "" : ", ") + h;
        }
        m.issuer = all;
    } else if (parts.size() == 2) {
        m.issuer = head_of(parts[1]);  // TT-BTP, QĐ-BTP; QĐ-UBND says no province
    }
    return m;
}

Citation parse_title(const std::string& title, const std::string& number)
{
    Citation c;
    c.number = number;
    std::string s = strip_punctuation(std::string(trim(title)));
    strip_number(s, number);
    for (const auto& [written, kind] : title_kinds())
        if (starts_with_folded(s, written)) {
            c.kind = kind;
            s = std::string(trim(s.substr(written.size())));
            break;
        }
    strip_number(s, number);
    if (auto d = take_date(s)) c.issued = d;
    static const std::string of = "của ";
    if (s.starts_with(of)) {
        // "của Chính phủ", "của Bộ trưởng Bộ Tư pháp": the issuer the symbol names, or a body it does not
        const SymbolMeaning m = symbol_meaning(number);
        const std::size_t at = of.size();
        for (const std::string& who : {m.issuer, std::string("Chính phủ"), std::string("Bộ Tư pháp"),
                                       std::string("Bộ Tài chính")})
            if (!who.empty() && s.compare(at, who.size(), who) == 0 &&
                (s.size() == at + who.size() || s[at + who.size()] == ' ' || s[at + who.size()] == ':')) {
                c.issuer = who;
                s = std::string(trim(s.substr(at + who.size())));
                break;
            }
    }
    s = strip_punctuation(s);
    if (is_law_kind(c.kind)) {
        c.law = true;
        c.summary = s.empty() ? std::string() : c.kind + " " + s;
    } else {
        c.summary = lower_first_word(s);
    }
    return c;
}

const LegalDocument* find_legal_document(const Catalog& catalog, const std::string& number)
{
    if (number.empty()) return nullptr;
    for (const auto& d : catalog.legal_documents)
        if (d.number.value == number) return &d;
    return nullptr;
}

namespace {

// Fills what `c` does not know from the register entry and the symbol.
void complete(Citation& c, const LegalDocument* reg)
{
    if (reg) {
        if (!reg->kind.value.empty()) c.kind = reg->kind.value;
        if (!reg->title.value.empty()) {
            const Citation t = parse_title(reg->title.value, c.number);
            c.summary = is_law_kind(c.kind) ? reg->title.value : t.summary;
        }
        if (reg->issued) c.issued = reg->issued;
        if (!reg->issuer.value.empty()) c.issuer = reg->issuer.value;
    }
    const SymbolMeaning m = symbol_meaning(c.number);
    if (c.kind.empty()) c.kind = m.kind;
    if (c.issuer.empty()) c.issuer = m.issuer;
    c.law = is_law_kind(c.kind);
    if (c.law && !c.summary.empty() && !starts_with_folded(c.summary, c.kind)) c.summary = c.kind + " " + c.summary;
}

}  // namespace

Citation resolve_citation(const LegalBasis& b, const Catalog& catalog)
{
    Citation c = parse_title(b.title.value, b.number.value);
    if (b.issued && !c.issued) c.issued = b.issued;
    if (!b.issuer.value.empty() && c.issuer.empty()) c.issuer = b.issuer.value;
    complete(c, find_legal_document(catalog, b.number.value));
    return c;
}

Citation resolve_number(const std::string& number, const Catalog& catalog)
{
    Citation c;
    if (!parse_legal_number(number)) {
        c.summary = number;  // not a số ký hiệu: kept as the officer wrote it
        return c;
    }
    c.number = number;
    complete(c, find_legal_document(catalog, number));
    return c;
}

std::string format_citation(const Citation& c)
{
    if (c.number.empty()) return c.summary;
    std::string out;
    if (c.law) {
        out = (c.summary.empty() ? c.kind : c.summary) + " số " + c.number;
        if (c.issued) out += " " + date_in_words(*c.issued);
        // the Quốc hội passes every law: real decisions leave it out
        if (!c.issuer.empty() && c.issuer != "Quốc hội") out += " của " + c.issuer;
        return out;
    }
    out = (c.kind.empty() ? std::string("Văn bản") : c.kind) + " số " + c.number;
    if (c.issued) out += " " + date_in_words(*c.issued);
    if (!c.issuer.empty()) out += " của " + c.issuer;
    if (!c.summary.empty()) out += " " + c.summary;
    return out;
}

std::string cite(const LegalBasis& basis, const Catalog& catalog)
{
    return format_citation(resolve_citation(basis, catalog));
}

}  // namespace tthc
