#include <catch2/catch.hpp>

#include "core/rule_texts.hpp"
#include "core/rules.hpp"

using namespace tthc;

TEST_CASE("the rule registry is indexed by its typed ids")
{
    const auto& rules = all_rules();
    for (std::size_t i = 0; i < rules.size(); ++i) CHECK(static_cast<std::size_t>(rules[i].rule) == i);
    CHECK(rule_id(Rule::bad_duration) == "bad-duration");
    CHECK(rule_info(Rule::district_level).severity == Severity::warning);
}

TEST_CASE("ids are found by their text, unknown ones are not")
{
    CHECK(find_rule("toml-syntax") == Rule::toml_syntax);
    CHECK(find_rule("checksum") == Rule::checksum);
    CHECK_FALSE(find_rule("no-such-rule").has_value());
    CHECK_FALSE(find_rule("").has_value());
}

TEST_CASE("policy lives in the registry")
{
    CHECK(is_unreadable(Rule::toml_syntax));
    CHECK(is_unreadable(Rule::invalid_utf8));
    CHECK(is_unreadable(Rule::io_error));
    CHECK(is_unreadable(Rule::missing_file));
    CHECK_FALSE(is_unreadable(Rule::bad_duration));
    CHECK(is_tolerated_as_published(Rule::bad_duration));
    CHECK(is_tolerated_as_published(Rule::missing_key));
    CHECK_FALSE(is_tolerated_as_published(Rule::unknown_key));
    CHECK_FALSE(is_tolerated_as_published(Rule::duplicate_code));
}

TEST_CASE("scopes split lint's rules from verify's")
{
    std::vector<std::string_view> lint, verify;
    for (const RuleInfo* r : rules_of(Scope::catalog)) lint.push_back(r->id);
    for (const RuleInfo* r : rules_of(Scope::package)) verify.push_back(r->id);
    CHECK(lint.size() == 43);
    CHECK(lint.front() == "toml-syntax");
    CHECK(lint.back() == "doubled-punctuation");
    CHECK(verify == std::vector<std::string_view>{"missing-file", "manifest", "schema", "unsafe-path", "duplicate-path",
                                                  "extra-file", "size", "checksum", "schema-file", "signature",
                                                  "document", "json-syntax", "dvcqg-record"});
}

TEST_CASE("the texts people read of a rule are the registry's, translated (none here: the C locale)")
{
    CHECK(std::string_view(severity_label(Severity::error)) == "error");
    CHECK(std::string_view(severity_label(Severity::warning)) == "warning");
    CHECK(std::string_view(severity_label(Severity::note)) == "note");
    const RuleInfo& r = rule_info(Rule::bad_duration);
    CHECK(std::string_view(rule_summary(r)) == "A thời hạn does not parse.");
    CHECK(std::string_view(rule_help(r)) == r.help);
    CHECK(severity_name(Severity::warning) == "warning");  // the keyword of JSON and SARIF, never translated
}
