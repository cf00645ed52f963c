#include <catch2/catch.hpp>

#include "checks/lint.hpp"
#include "checks/check_needs.hpp"
#include "checks/report.hpp"

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

TEST_CASE("keys for the procedures no process or plan names give the same findings too")
{
    for (const char* rel : {"catalogs/ha-noi", "fixtures/lint/process-over/catalog", "fixtures/lint/process-references/catalog",
                            "fixtures/lint/plans-decisions/catalog", "fixtures/lint/online-channel/catalog",
                            "fixtures/lint/duplicate-code/catalog", "fixtures/lint/district-level/catalog"}) {
        INFO(rel);
        LoadResult r = load_catalog(std::string(TTHC_SOURCE_DIR) + "/" + rel);
        const LintOptions options{Date{2026, 11, 27}};
        const std::string whole = findings(r.catalog);
        const CheckNeeds needs = check_needs(r.catalog);
        Catalog kept;
        kept.root = r.catalog.root;
        kept.files = r.catalog.files;
        kept.info = r.catalog.info;
        kept.units = r.catalog.units;
        kept.processes = r.catalog.processes;
        kept.plans = r.catalog.plans;
        kept.decisions = r.catalog.decisions;
        std::vector<ProcedureKey> keys;
        std::vector<Diagnostic> own;
        for (auto* list : {&r.catalog.procedures, &r.catalog.abolished}) {
            for (auto& p : *list) {
                const std::string id = p.parsed_code ? p.parsed_code->identity : "";
                if (!p.abolished && (needs.by_processes.count(id) || needs.by_plans.count(id))) {
                    keep_what_checks_read(p, needs);
                    (p.abolished ? kept.abolished : kept.procedures).push_back(p);
                    continue;
                }
                if (!p.abolished)
                    for (auto& d : check_procedure(p, r.catalog.files.at(p.file), options)) own.push_back(d);
                if (p.parsed_code) keys.push_back({p.file, p.code, p.name, id, p.abolished});
            }
        }
        std::vector<Diagnostic> all = check_catalog(kept, options, keys);
        all.insert(all.end(), own.begin(), own.end());
        sort_diagnostics(all);
        std::string text;
        for (const auto& d : all) text += format_diagnostic(d, false);
        CHECK(text == whole);
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
