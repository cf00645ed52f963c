#include <catch2/catch.hpp>

#include "core/vietnamese.hpp"

using namespace tthc;

TEST_CASE("dates in words take the leading zeros of Nghị định 30/2020/NĐ-CP")
{
    CHECK(date_in_words(Date{2023, 1, 11}) == "ngày 11 tháng 01 năm 2023");
    CHECK(date_in_words(Date{2025, 2, 5}) == "ngày 05 tháng 02 năm 2025");
    CHECK(date_in_words(Date{2025, 3, 9}) == "ngày 09 tháng 3 năm 2025");
    CHECK(date_in_words(Date{2026, 12, 31}) == "ngày 31 tháng 12 năm 2026");
    CHECK(date_numeric(Date{2025, 7, 1}) == "01/07/2025");
}

TEST_CASE("capitals and money as decisions write them")
{
    CHECK(upper("Ủy ban nhân dân thành phố Hà Nội") == "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI");
    CHECK(capitalize("trực tiếp") == "Trực tiếp");
    CHECK(money(8000, "VND") == "8.000 đồng");
    CHECK(money(1250000, "") == "1.250.000 đồng");
    CHECK(money(-1250000, "VND") == "-1.250.000 đồng");
    CHECK(group_thousands(0) == "0");
    CHECK(group_thousands(999) == "999");
    CHECK(group_thousands(70702, ",") == "70,702");
    CHECK(group_thousands(1000000) == "1.000.000");
    CHECK(money(10, "USD") == "10 USD");
    CHECK(money(0, "VND") == "0 đồng");
}

TEST_CASE("working days count Monday to Friday")
{
    // Friday 2026-11-20 to Tuesday 2026-12-01: 23, 24, 25, 26, 27, 30 Nov and 1 Dec
    CHECK(working_days_between(Date{2026, 11, 20}, Date{2026, 12, 1}) == 7);
    CHECK(working_days_between(Date{2026, 11, 27}, Date{2026, 11, 30}) == 1);
    CHECK(working_days_between(Date{2026, 11, 27}, Date{2026, 11, 27}) == 0);
    CHECK(days_from_civil(Date{1970, 1, 1}) == 0);
    CHECK(days_from_civil(Date{2000, 3, 1}) == 11017);
}
