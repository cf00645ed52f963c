#include "util/unicode.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "util/i18n.hpp"

namespace tthc {

namespace {

const icu::Normalizer2& nfc()
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || !n) throw Error(tr("cannot load the ICU NFC normaliser"));
    return *n;
}

// The first byte at or after p that is not ASCII, or end; eight bytes at a time.
const unsigned char* skip_ascii(const unsigned char* p, const unsigned char* end)
{
    for (; end - p >= 8; p += 8) {
        std::uint64_t x;
        std::memcpy(&x, p, sizeof x);
        if ((x & 0x8080808080808080ULL) != 0) break;
    }
    while (p < end && *p < 0x80) ++p;
    return p;
}

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

bool is_ascii(std::string_view s) { return skip_ascii(bytes_of(s), bytes_of(s) + s.size()) == bytes_of(s) + s.size(); }

std::u32string decode(std::string_view s)
{
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const int32_t c = next_code_point(s, i);
        out.push_back(c < 0 ? 0xFFFD : static_cast<char32_t>(c));
    }
    return out;
}

}  // namespace

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"  // inside ICU's U8_NEXT macro
int32_t next_code_point(std::string_view s, std::size_t& i)
{
    auto k = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(s.data(), k, static_cast<int32_t>(s.size()), c);
    i = static_cast<std::size_t>(k);
    return c;
}
#pragma GCC diagnostic pop

bool is_letter(int32_t c) { return c >= 0 && u_isalpha(c); }
bool is_upper(int32_t c) { return c >= 0 && u_isupper(c); }
bool is_lower(int32_t c) { return c >= 0 && u_islower(c); }

int32_t prev_code_point(std::string_view s, std::size_t& i)
{
    std::size_t j = i;
    while (j > 0) {
        --j;
        if ((static_cast<unsigned char>(s[j]) & 0xC0) != 0x80) break;
    }
    std::size_t k = j;
    const int32_t c = next_code_point(s, k);
    if (k != i) return -1;
    i = j;
    return c;
}

std::optional<Pos> find_invalid_utf8(std::string_view text)
{
    std::uint32_t line = 1, column = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            ++i;
            if (b == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
            continue;
        }
        if (next_code_point(text, i) < 0) return Pos{line, column};
        ++column;
    }
    return std::nullopt;
}

// The code points below U+3000 (Latin with every Vietnamese letter,
// punctuation, symbols) that can stand anywhere in NFC text: NFC quick check
// "yes" and combining class 0 (UAX #15's quick check then answers yes for a
// text of only such code points). From ICU's properties, once.
const std::array<bool, 0x3000>& nfc_inert()
{
    static const std::array<bool, 0x3000> table = [] {
        std::array<bool, 0x3000> t{};
        for (UChar32 c = 0; c < 0x3000; ++c)
            t[static_cast<std::size_t>(c)] =
                u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(c) == 0;
        return t;
    }();
    return table;
}

// Whether every code point of the text is below U+3000 and inert, decoding
// the two- and three-byte forms inline; false for anything else, invalid
// UTF-8 included (ICU then decides).
bool all_nfc_inert(std::string_view utf8)
{
    const std::array<bool, 0x3000>& inert = nfc_inert();
    const auto* p = bytes_of(utf8);
    const auto* end = p + utf8.size();
    while ((p = skip_ascii(p, end)) < end) {
        const unsigned c = *p;
        std::uint32_t cp;
        if (c >= 0xC2 && c < 0xE0 && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
            cp = (c & 0x1F) << 6 | (p[1] & 0x3F);
            p += 2;
        } else if (c >= 0xE0 && c < 0xF0 && end - p >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
            cp = (c & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
            if (cp < 0x800) return false;  // overlong
            p += 3;
        } else {
            return false;
        }
        if (cp >= 0x3000 || !inert[cp]) return false;
    }
    return true;
}

bool is_valid_utf8(std::string_view text)
{
    const auto* p = bytes_of(text);
    const auto* end = p + text.size();
    while ((p = skip_ascii(p, end)) < end) {
        const unsigned c = *p;
        int more;
        unsigned low = 0x80, high = 0xBF;  // the second byte's range
        if (c >= 0xC2 && c <= 0xDF) {
            more = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            more = 2;
            if (c == 0xE0) low = 0xA0;   // overlong
            if (c == 0xED) high = 0x9F;  // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            more = 3;
            if (c == 0xF0) low = 0x90;   // overlong
            if (c == 0xF4) high = 0x8F;  // above U+10FFFF
        } else {
            return false;
        }
        if (end - p <= more || p[1] < low || p[1] > high) return false;
        for (int i = 2; i <= more; ++i)
            if (p[i] < 0x80 || p[i] > 0xBF) return false;
        p += more + 1;
    }
    return true;
}

bool is_nfc(std::string_view utf8)
{
    // The common case without ICU: ASCII, precomposed Vietnamese letters and
    // no combining mark. Anything else is ICU's to judge.
    if (all_nfc_inert(utf8)) return true;
    UErrorCode status = U_ZERO_ERROR;
    const bool yes = nfc().isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status);
    return U_SUCCESS(status) && yes;
}

std::string to_nfc(std::string_view utf8)
{
    if (is_nfc(utf8)) return std::string(utf8);
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    UErrorCode status = U_ZERO_ERROR;
    nfc().normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink, nullptr, status);
    if (U_FAILURE(status)) return std::string(utf8);
    return out;
}

std::string fold(std::string_view utf8)
{
    static const icu::Locale vietnamese("vi");  // constructing a Locale per call costs more than the folding
    std::string lowered;
    if (is_ascii(utf8)) {
        lowered.assign(utf8);
        for (char& c : lowered)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    } else {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(to_nfc(utf8));
        u.toLower(vietnamese);
        u.toUTF8String(lowered);
    }
    std::string out;
    out.reserve(lowered.size());
    bool space = false;
    for (char c : lowered) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

std::size_t code_points(std::string_view utf8)
{
    std::size_t count = 0;
    for (unsigned char c : utf8)
        if ((c & 0xC0) != 0x80) ++count;
    return count;
}

std::size_t edit_distance(std::string_view a, std::string_view b)
{
    const std::u32string x = decode(a), y = decode(b);
    std::vector<std::size_t> row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[y.size()];
}

std::string_view trim(std::string_view s)
{
    const auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && ws(s.front())) s.remove_prefix(1);
    while (!s.empty() && ws(s.back())) s.remove_suffix(1);
    return s;
}

}  // namespace tthc
