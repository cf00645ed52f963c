#include <catch2/catch.hpp>

#include "test_support.hpp"

#include "simplify/cost.hpp"
#include "catalog/loader.hpp"

using namespace tthc;

namespace {

const std::string catalog_text = tthc::test::data("cost_catalog.toml");

}  // namespace

TEST_CASE("the published example: waiting alone, 10 to 9 working days")
{
    LoadResult r = load_catalog_text(catalog_text, "t.toml");
    REQUIRE(r.catalog.procedures.size() == 1);
    Procedure p = r.catalog.procedures[0];
    p.channels.pop_back();  // the direct channel alone
    p.dossier.clear();
    p.channels[0].fee = 0;
    CostDefaults zero{0, 0, 0, 0, 0, 0, 0, 0, 0};
    const ProcedureCost before = compliance_cost(p, r.catalog.info, zero, 10);
    p.channels[0].duration = parse_duration("9 ngày làm việc");
    const ProcedureCost after = compliance_cost(p, r.catalog.info, zero, 10);
    CHECK(before.per_year == 32000000);
    CHECK(after.per_year == 28800000);
    CHECK(before.per_year - after.per_year == 3200000);
    CHECK(format_percent_bp(reduction_bp(before.per_year, after.per_year)) == "10%");
}

TEST_CASE("the default method: the thời hạn and the fees alone, as real decisions count")
{
    LoadResult r = load_catalog_text(catalog_text, "t.toml");
    const ProcedureCost c = compliance_cost(r.catalog.procedures[0], r.catalog.info, CostDefaults{}, 10);
    REQUIRE(c.lines.size() == 7);
    CHECK(c.lines[0].per_year == 0);
    CHECK(c.lines[1].millihours == 0);
    CHECK(c.lines[3].per_year == 32000000);  // 10 working days = 80 h × 40,000 × 10
    CHECK(c.lines[6].per_year == 0);         // no other costs
    CHECK(c.per_year == c.lines[3].per_year + c.lines[5].per_year);
}

TEST_CASE("each line of the activity method, the cheapest channel counted")
{
    LoadResult r = load_catalog_text(catalog_text, "t.toml");
    CostDefaults activities;
    activities.activities = true;
    const ProcedureCost c = compliance_cost(r.catalog.procedures[0], r.catalog.info, activities, 10);
    CHECK(c.channel == "trực tuyến");
    REQUIRE(c.lines.size() == 7);
    CHECK(c.lines[0].per_year == 400000);    // learn 1 h
    CHECK(c.lines[1].millihours == 2000);    // two entries handed in; the present-only one is not
    CHECK(c.lines[2].millihours == 500);     // online submission
    CHECK(c.lines[3].per_year == 32000000);  // 80 h waiting
    CHECK(c.lines[4].millihours == 500);
    CHECK(c.lines[5].per_year == 50000);     // 5,000 đồng × 10
    CHECK(c.lines[6].per_year == 40000);     // 2 certified copies × 2,000 × 10
    CHECK(c.per_year == 400000 + 800000 + 200000 + 32000000 + 200000 + 50000 + 40000);
}

TEST_CASE("calendar days, months and the formats")
{
    CHECK(counted_millihours(*parse_duration("30 ngày"), 8) == 240000);
    CHECK(counted_millihours(*parse_duration("1 tháng"), 8) == 240000);
    CHECK(counted_millihours(*parse_duration("Trong ngày"), 8) == 8000);
    CHECK(counted_millihours(*parse_duration("Ngay"), 8) == 0);
    CHECK(reduction_bp(3, 2) == 3333);
    CHECK(reduction_bp(0, 5) == 0);
    CHECK(reduction_bp(100, 110) == -1000);
    CHECK(format_percent_bp(4167) == "41,67%");
    CHECK(format_percent_bp(-1000) == "-10%");
    CHECK(format_days(20000, 8) == "2,5 ngày làm việc");
}
