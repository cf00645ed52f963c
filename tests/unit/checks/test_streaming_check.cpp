#include <catch2/catch.hpp>

#include "catalog/loader.hpp"
#include "checks/lint.hpp"
#include "checks/streaming_check.hpp"
#include "checks/report.hpp"

using namespace tthc;

namespace {

// The findings as lint prints them, for comparing two runs.
std::string text_of(const std::vector<Diagnostic>& diags)
{
    std::string out;
    for (const auto& d : diags) out += format_diagnostic(d, false);
    return out;
}

// What loading the whole catalog and checking it gives: the oracle.
std::vector<Diagnostic> whole(const std::string& path, const LintOptions& options)
{
    LoadResult r = load_catalog(path);
    std::vector<Diagnostic> diags = std::move(r.diagnostics);
    for (auto& d : check_catalog(r.catalog, options)) diags.push_back(std::move(d));
    sort_diagnostics(diags);
    return diags;
}

}  // namespace

TEST_CASE("lint_path streams a catalog and finds what linting it whole finds")
{
    const LintOptions options{Date{2026, 11, 27}};
    for (const char* name : {"catalogs/bo-tu-phap", "catalogs/ha-noi", "fixtures/lint/duplicate-code/catalog"}) {
        const std::string path = std::string(TTHC_SOURCE_DIR) + "/" + name;
        INFO(name);
        const LintResult streamed = lint_path(path, options);
        CHECK(text_of(streamed.diagnostics) == text_of(whole(path, options)));
        const LoadResult loaded = load_catalog(path);
        CHECK(streamed.files == loaded.catalog.files.size());
        CHECK(streamed.procedures == loaded.catalog.procedures.size() + loaded.catalog.abolished.size());
    }
}

TEST_CASE("a streaming check keeps only what its filter collects")
{
    const std::string path = std::string(TTHC_SOURCE_DIR) + "/catalogs/bo-tu-phap";
    std::vector<Diagnostic> layout;
    std::vector<CatalogFile> small, procedure_files;
    split_catalog_files(list_catalog_files(path, layout), small, procedure_files);
    REQUIRE_FALSE(procedure_files.empty());
    std::size_t warnings = 0;
    StreamingCheck check(LintOptions{Date{2026, 11, 27}}, [&](const Diagnostic& d) {
        if (d.severity == Severity::warning) ++warnings;
        return d.severity == Severity::error;
    });
    check.start(load_files(path, small), std::move(layout));
    LoadResult part = load_files(path, procedure_files);
    check.add_findings(part);
    check.add_procedures(part.catalog);
    CHECK(part.catalog.procedures.empty());  // moved into the check
    const auto found = check.finish();
    REQUIRE_FALSE(found.empty());
    for (const auto& d : found) CHECK(d.severity == Severity::error);
    std::size_t all_errors = 0, all_warnings = 0;
    for (const auto& d : whole(path, LintOptions{Date{2026, 11, 27}}))
        (d.severity == Severity::error ? all_errors : all_warnings) += d.severity == Severity::note ? 0 : 1;
    CHECK(found.size() == all_errors);
    CHECK(warnings == all_warnings);
}
