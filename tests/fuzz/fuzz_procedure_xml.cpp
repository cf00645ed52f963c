// The procedure document reader (and the schema validation import runs before
// it) on arbitrary bytes. Oracle: a document that is valid and reads is
// written again by procedure_xml, which must be valid too and read back to
// the same procedure (compared field by field by diff's compare_procedures).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "diff/diff.hpp"
#include "fuzz_support.hpp"
#include "package/xml_documents.hpp"
#include "package/xml_schema.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    tthc::fuzz::xml_round_trip(
        data, size, "procedure_xml", [](std::string_view x) { return tthc::read_procedure_xml(x); },
        [](const tthc::Procedure& p) { return tthc::procedure_xml(p); },
        [](const tthc::Procedure& p, const tthc::Procedure& q, const std::string& again) {
            if (auto changes = tthc::compare_procedures(p, q); !changes.empty())
                tthc::fuzz::fail("XML -> procedure -> XML -> procedure changed fields", tthc::fuzz::describe(changes) + again);
            if (q.abolished != p.abolished) tthc::fuzz::fail("the status changed in a round trip", again);
        });
    return 0;
}
