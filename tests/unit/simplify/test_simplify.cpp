#include <catch2/catch.hpp>

#include "test_support.hpp"

#include "core/diagnostic.hpp"
#include "catalog/loader.hpp"
#include "simplify/simplify.hpp"

using namespace tthc;

namespace {

const char* rules_text = R"T(version = 1
[cost]
learn_hours = 0.5

[[rule]]
id = "residence"
check = "dossier-mentions"
all = [["sổ hộ khẩu"]]
none = ["khai thác"]
message = "{code}: “{entry}”"
reason = "r"
legal = "l"

[[rule]]
id = "fee"
check = "fee-without-basis"
terms = ["phí", "lệ phí"]
message = "{fee} ({channel})"
reason = "r"
legal = "l"
)T";

const std::string catalog_text = tthc::test::data("simplify_catalog.toml");

}  // namespace

TEST_CASE("rule file: keys, cost defaults and errors with their position")
{
    const SimplifyRules r = parse_simplify_rules(rules_text, "r.toml");
    REQUIRE(r.rules.size() == 2);
    CHECK(r.cost.learn == 500);
    CHECK(r.cost.per_entry == 1000);
    CHECK(r.rules[0].all == std::vector<std::vector<std::string>>{{"sổ hộ khẩu"}});
    CHECK_THROWS_WITH(parse_simplify_rules("version = 1\n[[rule]]\nid = \"x\"\ncheck = \"nope\"\n", "r.toml"),
                      "r.toml:4:9: unknown check \"nope\"; one of dossier-mentions, no-online, time-above-median, "
                      "fee-without-basis");
    CHECK_THROWS_WITH(parse_simplify_rules("[cost]\nlearn = 1\n", "r.toml"), "r.toml:2:9: unknown key \"learn\" in [cost]");
    CHECK_THROWS_WITH(parse_simplify_rules("[[rule]]\nid = \"x\"\n", "r.toml"), "r.toml:1:1: [[rule]] has no check");
}

TEST_CASE("suggest: whole words, exclusions, fees without a basis naming them")
{
    const SimplifyRules rules = parse_simplify_rules(rules_text, "r.toml");
    const LoadResult c = load_catalog_text(catalog_text, "t.toml");
    const auto s = suggest(c.catalog, rules);
    REQUIRE(s.size() == 3);
    CHECK(s[0].rule == "fee");  // "phía" is not "phí"
    CHECK(s[0].message == "8.000 đồng (trực tiếp)");
    CHECK(s[1].message == "TAM-a: “Bản sao Sổ hộ khẩu”");
    CHECK(s[2].message == "TAM-a: “Sổ hộ khẩu cũ”");
    CHECK(suggestions_text({s[1]}) == "t.toml:" + std::to_string(s[1].pos.line) +
                                          ":1: suggestion: TAM-a: TAM-a: “Bản sao Sổ hộ khẩu” [residence]\n"
                                          "    lý do: r\n    căn cứ: l\n");
    CHECK_THROWS_WITH(suggest(c.catalog, rules, {"x"}), "no rule \"x\" in the rule file");
}

TEST_CASE("plan: each change's effect on its own")
{
    const LoadResult c = load_catalog_text(catalog_text, "t.toml");
    REQUIRE(c.catalog.plans.size() == 1);
    CostDefaults activities;
    activities.activities = true;
    const PlanEvaluation e = evaluate_plan(c.catalog, c.catalog.plans[0], activities);
    REQUIRE(e.effects.size() == 3);
    // 10 dossiers, 40,000 đồng an hour.
    CHECK(e.effects[0].description == "Bãi bỏ thành phần hồ sơ “Bản sao Sổ hộ khẩu”.");
    CHECK(e.effects[0].cost_before - e.effects[0].cost_after == 400000);
    CHECK(e.effects[1].time_before - e.effects[1].time_after == 16000);
    CHECK(e.effects[1].cost_before - e.effects[1].cost_after == 6400000);
    CHECK(e.effects[2].description ==
          "Bổ sung cách thức thực hiện trực tuyến với thời hạn giải quyết 3 ngày làm việc, không thu phí, lệ phí.");
    CHECK(e.effects[2].cost_before - e.effects[2].cost_after == 1200000 + 80000);  // 3 h of travel, the fee
    CHECK(e.cost_after.channel == "trực tuyến");
    CHECK(e.after.online.value == "toàn trình");
    CHECK(e.time_bp == 4000);
    CHECK(e.time_met);
}
