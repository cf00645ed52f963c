#include <catch2/catch.hpp>

#include <sstream>

#include "checks/report.hpp"
#include "test_support.hpp"

using namespace tthc;

namespace {

std::vector<Diagnostic> sample()
{
    return {Diagnostic{"a b.toml", Pos{3, 10}, Severity::error, Rule::bad_fee, "fee, \"x\": 50%\nnext", {}, {}},
            Diagnostic{"c.toml", Pos{}, Severity::warning, Rule::unknown_file, "not read", {}, {}}};
}

std::string render(ReportFormat f)
{
    std::ostringstream out;
    ReportSummary s{1, 1, 2, 5};
    write_report(out, f, sample(), s, ReportOptions{false, "0.1.0"});
    return out.str();
}

}  // namespace

TEST_CASE("text: path:line:col: severity: message [rule], caret under the column")
{
    Diagnostic d{"c.toml", Pos{2, 6}, Severity::error, Rule::toml_syntax, "expected a value", "tên = =", {}};
    CHECK(format_diagnostic(d, false) == "c.toml:2:6: error: expected a value [toml-syntax]\n"
                                         " 2 | tên = =\n"
                                         "   |      ^\n");
    CHECK(format_diagnostic(sample()[1], false) == "c.toml: warning: not read [unknown-file]\n");
    CHECK(format_diagnostic(sample()[1], true) ==
          "\033[1mc.toml:\033[0m \033[1;35mwarning:\033[0m not read [unknown-file]\n");
}

TEST_CASE("json: the documented shape, escaped")
{
    CHECK(render(ReportFormat::json) ==
          "{\n  \"diagnostics\": [\n"
          "    {\"file\": \"a b.toml\", \"line\": 3, \"column\": 10, \"severity\": \"error\", \"rule\": \"bad-fee\", "
          "\"message\": \"fee, \\\"x\\\": 50%\\nnext\"},\n"
          "    {\"file\": \"c.toml\", \"line\": 0, \"column\": 0, \"severity\": \"warning\", \"rule\": \"unknown-file\", "
          "\"message\": \"not read\"}\n  ],\n"
          "  \"summary\": {\"errors\": 1, \"warnings\": 1, \"files\": 2, \"procedures\": 5}\n}\n");
}

// Findings in a git work tree (a folder with .git) and outside any.
struct Tree {
    test::TempDir dir{"report"};
    std::string repo_file, outside_file;
    Tree()
    {
        std::filesystem::create_directories(dir.path / "repo" / ".git");
        repo_file = dir / "repo/cat/a b.toml";
        outside_file = dir / "outside/c.toml";
    }
    std::string render(ReportFormat f) const
    {
        std::ostringstream out;
        std::vector<Diagnostic> ds = sample();
        ds[0].file = repo_file;
        ds[1].file = outside_file;
        write_report(out, f, ds, ReportSummary{1, 1, 2, 5}, ReportOptions{false, "0.1.0"});
        return out.str();
    }
};

TEST_CASE("github: workflow commands with escaped properties and data, paths from the repository root")
{
    const Tree t;
    CHECK(t.render(ReportFormat::github) ==
          "::error file=cat/a b.toml,line=3,col=10,title=tthc bad-fee::fee, \"x\": 50%25%0Anext\n"
          "::warning file=" + t.outside_file + ",title=tthc unknown-file::not read\n");
}

TEST_CASE("sarif: 2.1.0 with rule metadata, levels and regions")
{
    const Tree t;
    const std::string s = t.render(ReportFormat::sarif);
    CHECK(s.find("\"version\": \"2.1.0\"") != std::string::npos);
    CHECK(s.find("{\"ruleId\": \"bad-fee\", \"ruleIndex\": 13, \"level\": \"error\", \"message\": {\"text\": "
                 "\"fee, \\\"x\\\": 50%\\nnext\"}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": "
                 "{\"uri\": \"cat/a%20b.toml\", \"uriBaseId\": \"SRCROOT\"}, \"region\": {\"startLine\": 3, "
                 "\"startColumn\": 10}}}]}") != std::string::npos);
    CHECK(s.find("\"originalUriBaseIds\": {\"SRCROOT\": {\"uri\": \"file://" + t.dir.path.string() + "/repo/\"}}") !=
          std::string::npos);
    CHECK(s.find("{\"uri\": \"file://" + t.outside_file + "\"}}}]}") != std::string::npos);
    CHECK(s.find("{\"id\": \"district-level\", \"shortDescription\": {\"text\": \"Level \\\"huyện\\\" after 1 July "
                 "2025.\"}") != std::string::npos);
    CHECK(s.find("\"defaultConfiguration\": {\"level\": \"warning\"}") != std::string::npos);
}
