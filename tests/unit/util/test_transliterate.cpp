#include <catch2/catch.hpp>

#include "util/transliterate.hpp"

using namespace tthc;

TEST_CASE("search folding drops diacritics and case through ICU, Đ included")
{
    CHECK(search_fold("Thủ tục đăng ký khai sinh").text == "thu tuc dang ky khai sinh");
    CHECK(search_fold("ĐĂNG KÝ").text == "dang ky");
    CHECK(search_fold("Ưu đãi").text == "uu dai");
    // NFD input (some editors) folds the same as NFC
    const std::string nfd = "Thu\xcc\x89 tu\xcc\xa3\x63";  // "Thủ tục" with combining marks
    const FoldedText f = search_fold(nfd);
    CHECK(f.text == "thu tuc");
    CHECK(nfd.substr(f.source[0], f.source[3] - f.source[0]) == "Thu\xcc\x89");  // the mark goes with its letter
    CHECK(f.source[7] == nfd.size());
}

TEST_CASE("search folding turns punctuation and runs of spaces into one space")
{
    CHECK(search_fold("  123/2015/NĐ-CP ").text == "123 2015 nd cp");
    CHECK(search_fold("Hộ tịch;  quốc tịch.").text == "ho tich quoc tich");
    CHECK(search_fold("").text.empty());
    CHECK(search_fold(" / - ").text.empty());
}

TEST_CASE("folded offsets lead back to the bytes as written")
{
    const std::string s = "Đăng ký";  // Đ and ă are two bytes each, ý two
    const FoldedText f = search_fold(s);
    REQUIRE(f.text == "dang ky");
    REQUIRE(f.source.size() == f.text.size() + 1);
    CHECK(f.source[0] == 0);                   // d from Đ
    CHECK(f.source[1] == 2);                   // a from ă
    CHECK(s.substr(f.source[0], f.source[4] - f.source[0]) == "Đăng");
    CHECK(s.substr(f.source[5], f.source[7] - f.source[5]) == "ký");
    CHECK(f.source[7] == s.size());
}

TEST_CASE("Vietnamese collation puts Đ after D and ă, â after a")
{
    CHECK(vi_collate_less("Dân tộc", "Đất đai"));
    CHECK(vi_collate_less("Đất đai", "Giáo dục"));
    CHECK(vi_collate_less("an", "ăn"));
    CHECK(vi_collate_less("ăn", "ân"));
    CHECK_FALSE(vi_collate_less("Hộ tịch", "Hộ tịch"));
}
