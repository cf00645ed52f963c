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
    using namespace tthc;
    using fuzz::fail;
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    static SchemaValidator validator;
    const bool valid = validator.validate(xml).empty();
    Procedure p;
    try {
        p = read_procedure_xml(xml);
    } catch (const Error&) {
        return 0;  // refused with a message: the answer for a bad document
    }
    if (!valid) return 0;  // import never reads an invalid document further
    const std::string again = procedure_xml(p);
    if (const auto problems = validator.validate(again); !problems.empty())
        fail("procedure_xml of a valid document is not valid: " + problems.front().message, again);
    try {
        const Procedure q = read_procedure_xml(again);
        if (auto changes = compare_procedures(p, q); !changes.empty())
            fail("XML -> procedure -> XML -> procedure changed fields", fuzz::describe(changes) + again);
        if (q.abolished != p.abolished) fail("the status changed in a round trip", again);
        if (procedure_xml(q) != again) fail("procedure_xml is not a fixed point", again);
    } catch (const Error& e) {
        fail("the document procedure_xml wrote does not read back", e.what());
    }
    return 0;
}
