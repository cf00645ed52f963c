#include <catch2/catch.hpp>

#include "views/listing.hpp"
#include "views/show.hpp"

using namespace tthc;

TEST_CASE("wrap breaks at spaces within the width, counting code points")
{
    CHECK(wrap("Thủ tục đăng ký khai sinh", 12, "", "  ") == "Thủ tục đăng\n  ký khai\n  sinh\n");
    CHECK(wrap("một\nhai", 80, "- ", "  ") == "- một\n  hai\n");
    CHECK(wrap("Giấychứngnhậnquyềnsửdụngđất x", 10, "", "") == "Giấychứngnhậnquyềnsửdụngđất\nx\n");
    CHECK(wrap("", 80, "Mã: ", "") == "Mã:\n");
}

TEST_CASE("thời hạn and fees sum up per channel only when they differ")
{
    Procedure p;
    Channel a, b;
    a.kind.value = "trực tiếp";
    a.time.value = "05 Ngày làm việc";
    a.duration = parse_duration(a.time.value);
    a.fee = 50000;
    b = a;
    b.kind.value = "trực tuyến";
    p.channels = {a, b};
    CHECK(time_summary(p) == "5 ngày làm việc");
    CHECK(fee_summary(p) == "50.000 đồng");
    p.channels[1].fee = 25000;
    p.channels[1].time.value = "3 ngày làm việc";
    p.channels[1].duration = parse_duration("3 ngày làm việc");
    CHECK(time_summary(p) == "Trực tiếp: 5 ngày làm việc; Trực tuyến: 3 ngày làm việc");
    CHECK(fee_summary(p) == "Trực tiếp: 50.000 đồng; Trực tuyến: 25.000 đồng");
    p.channels[0].fee = 0;
    p.channels[1].fee = 0;
    CHECK(fee_summary(p) == "Không thu");
    p.channels[0].fee.reset();
    p.channels[1].fee.reset();
    CHECK(fee_summary(p) == "Không quy định");
}

TEST_CASE("find_by_code: the code as written, or a national code for its instance")
{
    Catalog c;
    Procedure p;
    p.code.value = "1.012753.H19";
    p.parsed_code = parse_code(p.code.value);
    c.procedures.push_back(p);
    CHECK(find_by_code(c, "1.012753.H19") == &c.procedures[0]);
    CHECK(find_by_code(c, "1.012753") == &c.procedures[0]);
    CHECK(find_by_code(c, "1.012753.H26") == nullptr);
    CHECK(find_by_code(c, "1.000000") == nullptr);
}
