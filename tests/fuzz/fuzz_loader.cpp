// The TOML loader and the cross-file checks on one catalog file (the
// single-file form, or a procedure file on its own), with two round-trip
// oracles on every procedure of a catalog that lints without error (what
// export accepts): the XML document written for it is valid against the
// schema and reads back to the same procedure, and the TOML the one writer
// makes of it loads back to the same procedure. "The same" is what diff
// compares, so a difference is one an announcement would show.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "catalog/catalog_writer.hpp"
#include "catalog/loader.hpp"
#include "checks/lint.hpp"
#include "diff/diff.hpp"
#include "fuzz_support.hpp"
#include "package/xml_documents.hpp"
#include "package/xml_schema.hpp"
#include "util/error.hpp"

namespace {

using tthc::fuzz::describe;
using tthc::fuzz::fail;

bool has_error(const std::vector<tthc::Diagnostic>& diags)
{
    for (const auto& d : diags)
        if (d.severity == tthc::Severity::error) return true;
    return false;
}

// What the toolkit wrote it must read: an Error here is a failed oracle.
void round_trip(const tthc::Procedure& p)
try {
    using namespace tthc;
    const std::string xml = procedure_xml(p);
    static SchemaValidator validator;  // compiling the schema per input would dwarf the rest
    const auto problems = validator.validate(xml);
    if (!problems.empty()) fail("procedure_xml is not valid against the schema: " + problems.front().message, xml);
    const Procedure from_xml = read_procedure_xml(xml);
    if (auto changes = compare_procedures(p, from_xml); !changes.empty())
        fail("procedure -> XML -> procedure changed fields", describe(changes) + xml);
    if (from_xml.abolished != p.abolished) fail("procedure -> XML -> procedure changed the status", xml);

    const std::string toml = procedure_toml(p);
    const LoadResult again = load_catalog_text(toml, "round-trip.toml");
    if (again.has_errors() || again.catalog.procedures.size() != 1)
        fail("procedure_toml does not load back as one procedure", toml);
    if (auto changes = compare_procedures(p, again.catalog.procedures.front()); !changes.empty())
        fail("procedure -> TOML -> procedure changed fields", describe(changes) + toml);
} catch (const tthc::Error& e) {
    tthc::fuzz::fail("reading back what was written threw", e.what());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace tthc;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    LoadResult loaded;
    std::vector<Diagnostic> findings;
    try {
        loaded = load_catalog_text(text, "fuzz.toml");
        LintOptions options;
        options.today = Date{2026, 11, 27};  // fixed: date-dependent rules must not make runs differ
        findings = check_catalog(loaded.catalog, options);
    } catch (const Error&) {
        // A finding that stops the run is an answer, not a crash; anything
        // else escaping (std::out_of_range, ...) is a bug and aborts.
        return 0;
    }
    if (loaded.has_errors() || has_error(findings)) return 0;
    for (const auto& p : loaded.catalog.procedures) round_trip(p);
    for (const auto& p : loaded.catalog.abolished) round_trip(p);
    return 0;
}
