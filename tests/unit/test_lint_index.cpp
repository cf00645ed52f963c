#include <catch2/catch.hpp>

#include "lint.hpp"
#include "lint_index.hpp"
#include "report.hpp"

using namespace tthc;

namespace {

std::string findings(const Catalog& c)
{
    std::vector<Diagnostic> d = check_catalog(c, LintOptions{Date{2026, 11, 27}});
    sort_diagnostics(d);
    std::string out;
    for (const auto& x : d) out += format_diagnostic(x, false);
    return out;
}

}  // namespace

TEST_CASE("shrunk procedures give the same cross-file findings as whole ones")
{
    // catalogs whose findings involve processes, plans, decisions, online
    // channels, district levels and duplicate codes
    for (const char* rel : {"catalogs/ha-noi", "fixtures/lint/process-over/catalog", "fixtures/lint/process-under/catalog",
                            "fixtures/lint/process-references/catalog", "fixtures/lint/plans-decisions/catalog",
                            "fixtures/lint/online-channel/catalog", "fixtures/lint/duplicate-code/catalog",
                            "fixtures/lint/district-level/catalog", "fixtures/lint/clean-single/catalog.toml"}) {
        INFO(rel);
        LoadResult r = load_catalog(std::string(TTHC_SOURCE_DIR) + "/" + rel);
        const std::string whole = findings(r.catalog);
        const CheckNeeds needs = check_needs(r.catalog);
        for (auto* list : {&r.catalog.procedures, &r.catalog.abolished})
            for (auto& p : *list) keep_what_checks_read(p, needs);
        CHECK(findings(r.catalog) == whole);
    }
}

TEST_CASE("a procedure no process or plan names keeps one online channel and no dossier")
{
    LoadResult r = load_catalog(std::string(TTHC_SOURCE_DIR) + "/catalogs/ha-noi");
    const CheckNeeds needs = check_needs(r.catalog);
    CHECK(needs.by_processes.count("1.001193") == 1);
    CHECK(needs.by_plans.count("1.003583") == 1);
    for (auto& p : r.catalog.procedures) {
        const bool named = needs.by_processes.count(p.parsed_code->identity) || needs.by_plans.count(p.parsed_code->identity);
        const std::size_t channels = p.channels.size();
        keep_what_checks_read(p, needs);
        if (named) {
            CHECK(p.channels.size() == channels);
        } else {
            CHECK(p.channels.size() <= 1);
            CHECK(p.dossier.empty());
        }
        CHECK(p.steps.empty());
        CHECK(p.legal_basis.empty());
    }
}
