#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <filesystem>

#include "catalog/loader.hpp"
#include "checks/report.hpp"

using namespace tthc;
using tthc::test::replace_first;

namespace {

std::string render(const std::vector<Diagnostic>& diags)
{
    std::string out;
    for (const auto& d : diags) out += format_diagnostic(d, false);
    return out;
}

const std::string& header = tthc::test::catalog_header;

// A valid procedure, as a [[procedure]] table, to which tests append lines.
const std::string procedure = tthc::test::data("loader_procedure.toml");

}  // namespace

TEST_CASE("a valid single-file catalog loads into the model with positions")
{
    const LoadResult r = load_catalog_text(std::string(header) + procedure, "c.toml");
    CHECK(render(r.diagnostics).empty());
    REQUIRE(r.catalog.procedures.size() == 1);
    const Procedure& p = r.catalog.procedures[0];
    CHECK(p.code.value == "1.001193");
    CHECK(p.code.pos.line == 9);
    CHECK(p.code.pos.column == 8);
    CHECK(p.channels.at(0).duration->to_string() == "Trong ngày");
    CHECK(p.channels.at(0).fee == 0);
    CHECK(r.catalog.info.authority.value == "Ủy ban nhân dân tỉnh Thử");
    CHECK(r.catalog.info.hours_per_day == 8);
}

TEST_CASE("a syntax error is reported with the offending line for the caret")
{
    const LoadResult r = load_catalog_text("[catalog]\nid = \"t\nname = 1\n", "c.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].rule == Rule::toml_syntax);
    CHECK(r.diagnostics[0].pos.line == 2);
    CHECK(r.diagnostics[0].source_line == "id = \"t");
}

TEST_CASE("invalid UTF-8 is reported at its position")
{
    const LoadResult r = load_catalog_text("[catalog]\nname = \"B\xE1\xBB\"\n", "c.toml");
    CHECK(render(r.diagnostics) == "c.toml:2:10: error: invalid UTF-8 byte; the file must be saved as UTF-8 [invalid-utf8]\n");
}

TEST_CASE("invalid UTF-8 in a comment is found too")
{
    const LoadResult r = load_catalog_text("# bình luận \xff\n[catalog]\n", "c.toml");
    CHECK(render(r.diagnostics) == "c.toml:1:13: error: invalid UTF-8 byte; the file must be saved as UTF-8 [invalid-utf8]\n");
}

TEST_CASE("missing and unknown keys, with did-you-mean")
{
    std::string text = std::string(header) + procedure;
    replace_first(text, "agency = ", "agenc = ");
    const LoadResult r = load_catalog_text(text, "c.toml");
    CHECK(render(r.diagnostics) ==
          "c.toml:8:1: error: missing required key 'agency' (cơ quan thực hiện) in procedure [missing-key]\n"
          "c.toml:13:1: error: unknown key 'agenc' in procedure; did you mean 'agency'? [unknown-key]\n");
}

TEST_CASE("values that do not parse are reported where they are written")
{
    std::string text = std::string(header) + procedure;
    replace_first(text, "time = \"Trong ngày\"", "time = \"1\"");
    replace_first(text, "fee = 0", "fee = -5");
    replace_first(text, "\"60/2014/QH13\"", "\"Luật 60\"");
    replace_first(text, "levels = [\"xã\"]", "levels = [\"xa\"]");
    text += "currency = \"VNĐ\"\n";  // lands in the last table: legal_basis, where it is unknown
    const LoadResult r = load_catalog_text(text, "c.toml");
    CHECK(render(r.diagnostics) ==
          "c.toml:12:11: error: cấp thực hiện \"xa\" is not a level; expected one of \"bộ\", \"tỉnh\", \"huyện\", "
          "\"xã\", \"khác\" [bad-level]\n"
          "c.toml:16:8: error: thời hạn \"1\" is not a duration; write for example \"5 ngày làm việc\", \"4 giờ làm "
          "việc\", \"30 ngày\", \"Trong ngày\" or \"Ngay\" [bad-duration]\n"
          "c.toml:17:7: error: fee -5 is negative [bad-fee]\n"
          "c.toml:21:10: error: \"Luật 60\" is not a số ký hiệu; expected for example 123/2015/NĐ-CP or 280/QĐ-UBND "
          "[bad-legal-number]\n"
          "c.toml:23:1: error: unknown key 'currency' in legal_basis entry; its value is not read [unknown-key]\n");
}

TEST_CASE("types are checked: a string where an array is expected")
{
    std::string text = std::string(header) + procedure;
    replace_first(text, "levels = [\"xã\"]", "levels = \"xã\"");
    const LoadResult r = load_catalog_text(text, "c.toml");
    CHECK(render(r.diagnostics) ==
          "c.toml:12:10: error: 'levels' must be an array of strings: write levels = [\"xã\"] [bad-type]\n");
}

TEST_CASE("text not in NFC is one warning per file, and is normalised")
{
    std::string text = std::string(header) + procedure;
    const std::string nfd = "Ho\xCC\xA3\xCC\x82 ti\xCC\xA3" "ch";  // "Hộ tịch", decomposed
    replace_first(text, "\"Hộ tịch\"", "\"" + nfd + "\"");
    replace_first(text, "\"Luật Hộ tịch\"", "\"Luật " + nfd + "\"");
    const LoadResult r = load_catalog_text(text, "c.toml");
    CHECK(render(r.diagnostics) ==
          "c.toml:11:9: warning: text is not in Unicode NFC (2 strings, the first here); it is compared in NFC, but "
          "save the file in NFC [not-nfc]\n");
    CHECK(r.catalog.procedures.at(0).field.value == "Hộ tịch");
    CHECK(r.catalog.procedures.at(0).legal_basis.at(0).title.value == "Luật Hộ tịch");
}

TEST_CASE("a control character is found at every offset of a text, and only what XML cannot carry")
{
    // the loader scans eight bytes at a time: put each character at each offset of a text longer than two blocks
    const std::string filler = "Hộ tịch Hộ tịch Hộ tịch";  // 29 bytes
    for (const std::string bad : {"\\b", "\\u001F", "\\uFFFE", "\\uFFFF"}) {
        for (std::size_t at = 0; at <= filler.size(); ++at) {
            if (at > 0 && at < filler.size() && (static_cast<unsigned char>(filler[at]) & 0xC0) == 0x80) continue;
            std::string text = std::string(header) + procedure;
            replace_first(text, "\"Hộ tịch\"", "\"" + filler.substr(0, at) + bad + filler.substr(at) + "\"");
            const LoadResult r = load_catalog_text(text, "c.toml");
            INFO(bad << " at byte " << at);
            REQUIRE(r.diagnostics.size() == 1);
            CHECK(r.diagnostics[0].rule == Rule::control_character);
            CHECK(r.diagnostics[0].pos.line == 11);
        }
    }
    // tab, line feed, carriage return and other characters of U+FFxx are text
    std::string text = std::string(header) + procedure;
    replace_first(text, "\"Hộ tịch\"", "\"Hộ\\ttịch\\r\\n, Hộ tịch\uFF0C Hộ tịch\uFFFD\"");
    CHECK(render(load_catalog_text(text, "c.toml").diagnostics).empty());
}

TEST_CASE("a directory catalog: every file is read even when some are broken")
{
    const std::string dir = std::string(TTHC_SOURCE_DIR) + "/fixtures/lint/broken-files/catalog";
    const LoadResult r = load_catalog(dir);
    CHECK(r.catalog.procedures.size() == 2);
    std::vector<std::string> rules;
    for (const auto& d : r.diagnostics) rules.push_back(std::string(rule_id(d.rule)));
    CHECK(rules == std::vector<std::string>{"unknown-file", "invalid-utf8", "toml-syntax"});
}

TEST_CASE("a path that does not exist stops the run with a clear error")
{
    CHECK_THROWS_WITH(load_catalog("/nonexistent/catalog"),
                      "cannot read '/nonexistent/catalog': no such file or directory");
}
