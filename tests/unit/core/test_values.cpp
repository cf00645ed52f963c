#include <catch2/catch.hpp>

#include "core/values.hpp"

using namespace tthc;

TEST_CASE("durations parse in every written form of catalog-format 3.2")
{
    using U = Duration::Unit;
    CHECK(parse_duration("5 ngày làm việc") == Duration{U::working_days, 5000});
    CHECK(parse_duration("05 Ngày làm việc") == Duration{U::working_days, 5000});
    CHECK(parse_duration("  5   NGÀY LÀM VIỆC ") == Duration{U::working_days, 5000});
    CHECK(parse_duration("0,5 ngày làm việc") == Duration{U::working_days, 500});
    CHECK(parse_duration("1.25 giờ") == Duration{U::working_hours, 1250});
    CHECK(parse_duration("4 giờ làm việc") == Duration{U::working_hours, 4000});
    CHECK(parse_duration("30 ngày") == Duration{U::calendar_days, 30000});
    CHECK(parse_duration("3 tháng") == Duration{U::months, 3000});
    CHECK(parse_duration("Trong ngày") == Duration{U::same_day, 0});
    CHECK(parse_duration("Ngay") == Duration{U::immediate, 0});
}

TEST_CASE("anything else is not a duration, never a silent zero")
{
    CHECK_FALSE(parse_duration(""));
    CHECK_FALSE(parse_duration("1"));
    CHECK_FALSE(parse_duration("5 ngày làm việc kể từ ngày nhận đủ hồ sơ"));
    CHECK_FALSE(parse_duration("năm ngày"));
    CHECK_FALSE(parse_duration("0,1234 giờ"));
    CHECK_FALSE(parse_duration("-5 ngày"));
}

TEST_CASE("durations convert to working hours where they can")
{
    CHECK(parse_duration("10 ngày làm việc")->working_millihours(8) == 80000);
    CHECK(parse_duration("0,5 ngày làm việc")->working_millihours(8) == 4000);
    CHECK(parse_duration("Trong ngày")->working_millihours(8) == 8000);
    CHECK(parse_duration("Ngay")->working_millihours(8) == 0);
    CHECK_FALSE(parse_duration("30 ngày")->working_millihours(8));
    CHECK_FALSE(parse_duration("1 tháng")->working_millihours(8));
    CHECK(parse_duration("05 Ngày làm việc")->to_string() == "5 ngày làm việc");
    CHECK(parse_duration("0.5 giờ")->to_string() == "0,5 giờ làm việc");
    CHECK(format_milli(80000) == "80");
    CHECK(format_milli(1250) == "1,25");
}

TEST_CASE("procedure codes: national, provincial instance, provisional")
{
    auto n = parse_code("1.001193");
    REQUIRE(n);
    CHECK(n->kind == ProcedureCode::Kind::national);
    CHECK(n->identity == "1.001193");

    auto l = parse_code("1.001612.000.00.00.H48");
    REQUIRE(l);
    CHECK(l->kind == ProcedureCode::Kind::provincial);
    CHECK(l->identity == "1.001612");
    CHECK(l->agency == "000.00.00.H48");

    auto s = parse_code("1.012753.H19");
    REQUIRE(s);
    CHECK(s->identity == "1.012753");
    CHECK(s->agency == "H19");

    auto t = parse_code("TAM-cap-phep-bien-quang-cao");
    REQUIRE(t);
    CHECK(t->kind == ProcedureCode::Kind::provisional);

    for (const char* bad : {"1.00119", "1001193", "1.0011934", "a.001193", "1.001193.H1", "1.001193.000.00.00.h48",
                            "TAM-", "TAM-Cap", "TAM-a--b", "1.001193 "})
        CHECK_FALSE(parse_code(bad));
}

TEST_CASE("legal document numbers (số ký hiệu)")
{
    auto a = parse_legal_number("123/2015/NĐ-CP");
    REQUIRE(a);
    CHECK(a->number == "123");
    CHECK(a->year == 2015);
    CHECK(a->symbol == "NĐ-CP");

    auto b = parse_legal_number("5230/QĐ-BCA-C06");
    REQUIRE(b);
    CHECK_FALSE(b->year);
    CHECK(b->symbol == "QĐ-BCA-C06");

    CHECK(parse_legal_number("66.7/2025/NQ-CP")->number == "66.7");
    CHECK(parse_legal_number("60/2014/QH13"));
    CHECK(parse_legal_number("19/2018/QĐ-TTg"));
    for (const char* bad : {"", "NĐ-CP", "123/2015", "123/2015/", "123/2015/NĐ--CP", "123/2015/NĐ CP", "/QĐ-UBND",
                            "123/15/NĐ-CP/", "123/2015/-CP"})
        CHECK_FALSE(parse_legal_number(bad));
}

TEST_CASE("currencies and dates")
{
    CHECK(is_known_currency("VND"));
    CHECK(is_known_currency("USD"));
    CHECK_FALSE(is_known_currency("VNĐ"));
    CHECK_FALSE(is_known_currency("usd"));
    CHECK(parse_date("2025-07-01") == Date{2025, 7, 1});
    CHECK(parse_date("2024-02-29"));
    CHECK_FALSE(parse_date("2025-02-29"));
    CHECK_FALSE(parse_date("2025-13-01"));
    CHECK_FALSE(parse_date("1/7/2025"));
    CHECK(Date{2025, 7, 1}.to_string() == "2025-07-01");
}

TEST_CASE("signature lines (thẩm quyền ký)")
{
    CHECK(is_sign_mode("KT. CHỦ TỊCH"));
    CHECK(is_sign_mode("TM. ỦY BAN NHÂN DÂN"));
    CHECK(is_sign_mode("TUQ. BỘ TRƯỞNG"));
    CHECK_FALSE(is_sign_mode("Ký thay Chủ tịch"));
    CHECK_FALSE(is_sign_mode("KT CHỦ TỊCH"));
    CHECK_FALSE(is_sign_mode(""));
}
