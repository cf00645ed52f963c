#include <catch2/catch.hpp>

#include <unicode/normalizer2.h>

#include <string>

#include "util/unicode.hpp"

using namespace tthc;

TEST_CASE("invalid UTF-8 is found with its line and column in code points")
{
    CHECK_FALSE(find_invalid_utf8("tên = \"Hộ tịch\"\n"));
    const auto p = find_invalid_utf8("a = 1\nbé = \"x\xC3\"\n");
    REQUIRE(p);
    CHECK(p->line == 2);
    CHECK(p->column == 8);
}

TEST_CASE("is_valid_utf8 agrees with find_invalid_utf8 on valid text and on each kind of invalid sequence")
{
    const std::string texts[] = {
        "",
        "Đăng ký khai sinh – “Tỉnh” 😀 and a long ASCII run to take eight bytes at a time",
        "\xC0\x80",          // overlong NUL
        "\xE0\x80\xAF",      // overlong '/'
        "\xED\xA0\x80",      // a surrogate
        "\xF4\x90\x80\x80",  // above U+10FFFF
        "\xF5\x80\x80\x80",  // no such lead byte
        "ab\xC3",             // cut short at the end
        "\x80" "abc",         // a continuation byte alone
        "abcdefgh\xE1\xBA",   // cut short after eight ASCII bytes
        "\xE1\xBA\xA1\xE1\xBA\x28",  // a bad third byte
    };
    int invalid = 0;
    for (const std::string& t : texts) {
        INFO(t);
        CHECK(is_valid_utf8(t) == !find_invalid_utf8(t).has_value());
        invalid += !is_valid_utf8(t);
    }
    CHECK(invalid == 9);
}

TEST_CASE("NFC: decomposed Vietnamese is detected and normalised")
{
    const std::string decomposed = "Ti\xCC\x80nh";                    // "Tình" with a combining grave
    CHECK(is_nfc("Tỉnh"));
    CHECK(is_nfc("ascii only"));
    CHECK_FALSE(is_nfc(decomposed));
    CHECK(to_nfc(decomposed) == "Tình");
}

TEST_CASE("NFC: is_nfc answers as ICU does for every code point below U+3000, alone and around a letter")
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    REQUIRE(U_SUCCESS(status));
    std::size_t differ = 0, not_nfc = 0;
    for (UChar32 c = 0x80; c < 0x3000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        std::string one;
        icu::UnicodeString(c).toUTF8String(one);
        // the letter before lets a combining mark compose (e + U+0301 is é)
        for (const std::string& text : {one, "e" + one, one + "b", "Tỉnh " + one}) {
            const bool icu_says = nfc->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
            not_nfc += !icu_says;
            if (is_nfc(text) != icu_says) ++differ;
        }
    }
    CHECK(differ == 0);
    CHECK(not_nfc > 250);  // combining marks after e, singletons: the test reaches ICU's side too
    CHECK_FALSE(is_nfc("\xE2\x80\x80"));  // U+2000 EN QUAD is NFC U+2002
    CHECK(is_nfc("Ủy ban nhân dân – “Quyết định”"));
}

TEST_CASE("fold compares names as people read them")
{
    CHECK(fold("  Thủ tục   ĐĂNG KÝ khai sinh ") == "thủ tục đăng ký khai sinh");
    CHECK(fold("Ti\xCC\x80nh") == fold("TÌNH"));
}

TEST_CASE("edit distance counts code points")
{
    CHECK(edit_distance("legal_bass", "legal_basis") == 1);
    CHECK(edit_distance("xã", "xa") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(code_points("Hộ tịch") == 7);
}
