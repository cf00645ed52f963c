#include <catch2/catch.hpp>

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

TEST_CASE("NFC: decomposed Vietnamese is detected and normalised")
{
    const std::string decomposed = "Ti\xCC\x80nh";                    // "Tình" with a combining grave
    CHECK(is_nfc("Tỉnh"));
    CHECK(is_nfc("ascii only"));
    CHECK_FALSE(is_nfc(decomposed));
    CHECK(to_nfc(decomposed) == "Tình");
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
