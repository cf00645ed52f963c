#include <catch2/catch.hpp>

#include "checks/lint_cache.hpp"
#include "checks/report.hpp"
#include "checks/streaming_check.hpp"
#include "io/files.hpp"
#include "test_support.hpp"

using namespace tthc;

namespace {

std::unordered_map<std::string, CachedFile> sample()
{
    CachedFile e;
    e.digest = sha256("code = \"1.001193\"\n");
    Diagnostic d = make_diagnostic("", Pos{4, 9}, Rule::glued_legal_number, "glued: \"NĐ-CPquy định\"");
    d.source_line = "name = \"Theo Nghị định 123/2015/NĐ-CPquy định\"";
    e.findings.push_back(d);
    e.keys.push_back({0, Text{"1.001193", Pos{2, 8}, true}, Text{"Thủ tục đăng ký khai sinh", Pos{3, 8}, true}, "1.001193", false});
    return {{"cat/procedures/ho-tich/1.001193.toml", e}};
}

}  // namespace

TEST_CASE("a lint cache reads back what was written, field for field")
{
    const auto entries = sample();
    std::unordered_map<std::string, CachedFile> back;
    std::string why;
    REQUIRE(decode_lint_cache(encode_lint_cache("key 1", entries), "key 1", back, why));
    REQUIRE(back.size() == 1);
    const CachedFile& e = back.at("cat/procedures/ho-tich/1.001193.toml");
    CHECK(e.digest == sha256("code = \"1.001193\"\n"));
    REQUIRE(e.findings.size() == 1);
    CHECK(e.findings[0].rule == Rule::glued_legal_number);
    CHECK(e.findings[0].severity == rule_info(Rule::glued_legal_number).severity);
    CHECK(e.findings[0].pos.line == 4);
    CHECK(e.findings[0].pos.column == 9);
    CHECK(e.findings[0].message == "glued: \"NĐ-CPquy định\"");
    CHECK(e.findings[0].source_line == "name = \"Theo Nghị định 123/2015/NĐ-CPquy định\"");
    REQUIRE(e.keys.size() == 1);
    CHECK(e.keys[0].code.value == "1.001193");
    CHECK(e.keys[0].code.pos.line == 2);
    CHECK(e.keys[0].code.present);
    CHECK(e.keys[0].name.value == "Thủ tục đăng ký khai sinh");
    CHECK(e.keys[0].name.pos.line == 3);
    CHECK(e.keys[0].name.pos.column == 8);
    CHECK(e.keys[0].name.present);
    CHECK(e.keys[0].identity == "1.001193");
    CHECK_FALSE(e.keys[0].abolished);
}

TEST_CASE("a lint cache with another key, damaged, truncated or foreign is refused whole")
{
    const std::string bytes = encode_lint_cache("key 1", sample());
    std::unordered_map<std::string, CachedFile> back;
    std::string why;

    CHECK_FALSE(decode_lint_cache(bytes, "key 2", back, why));
    CHECK(why == "written by another build of tthc or with other rule settings");
    CHECK(back.empty());

    for (std::size_t at = 0; at < bytes.size(); ++at) {  // every byte changed in turn
        std::string damaged = bytes;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
        INFO("byte " << at);
        CHECK_FALSE(decode_lint_cache(damaged, "key 1", back, why));
        CHECK(back.empty());
    }
    for (std::size_t n = 0; n < bytes.size(); ++n) {  // every truncation
        INFO("truncated to " << n);
        CHECK_FALSE(decode_lint_cache(bytes.substr(0, n), "key 1", back, why));
    }
    CHECK_FALSE(decode_lint_cache(bytes.substr(0, bytes.size() - 1), "key 1", back, why));
    CHECK(why == "damaged or truncated (its checksum does not match)");
    CHECK_FALSE(decode_lint_cache("[catalog]\nversion = 1\n" + std::string(64, 'x'), "key 1", back, why));
    CHECK(why == "not a lint cache");
}

TEST_CASE("lint with a cache finds what it finds without one, and reuses what did not change")
{
    test::TempDir dir("lint-cache");
    const std::string cache = dir / "cache";
    const std::string catalog = std::string(TTHC_SOURCE_DIR) + "/catalogs/bo-tu-phap";
    const LintOptions options{Date{2026, 11, 27}};
    auto text = [](const std::vector<Diagnostic>& ds) {
        std::string out;
        for (const auto& d : ds) out += format_diagnostic(d, false);
        return out;
    };
    const LintResult plain = lint_path(catalog, options);
    CHECK(plain.cache_file.empty());

    const LintResult cold = lint_path(catalog, options, cache);
    CHECK(cold.cache_status == "none");
    CHECK(cold.cache_reused == 0);
    CHECK(cold.cache_problem.empty());
    CHECK(text(cold.diagnostics) == text(plain.diagnostics));

    const LintResult warm = lint_path(catalog, options, cache);
    CHECK(warm.cache_status == "read");
    CHECK(warm.cache_reused == 271);
    CHECK(warm.procedures == plain.procedures);
    CHECK(warm.files == plain.files);
    CHECK(text(warm.diagnostics) == text(plain.diagnostics));

    // before 1 July 2025 other rules hold: another key, nothing reused
    const LintResult earlier = lint_path(catalog, LintOptions{Date{2025, 6, 30}}, cache);
    CHECK(earlier.cache_status == "ignored: written by another build of tthc or with other rule settings");
    CHECK(earlier.cache_reused == 0);
    CHECK(text(earlier.diagnostics) == text(lint_path(catalog, LintOptions{Date{2025, 6, 30}}).diagnostics));
}

TEST_CASE("a cache that cannot be written is said, and lint still finds everything")
{
    test::TempDir dir("lint-cache-ro");
    const std::string blocker = dir / "file";
    write_file_atomic(blocker, "not a directory");
    const std::string catalog = std::string(TTHC_SOURCE_DIR) + "/catalogs/ha-noi";
    const LintOptions options{Date{2026, 11, 27}};
    const LintResult r = lint_path(catalog, options, blocker + "/cache");
    CHECK(r.cache_problem.rfind("cannot create the lint cache directory '" + blocker + "/cache'", 0) == 0);
    CHECK(r.diagnostics.size() == lint_path(catalog, options).diagnostics.size());
}
