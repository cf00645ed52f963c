// The decision document reader (and the schema validation import runs before it)
// on arbitrary bytes. Oracle: a valid document that reads is written again by
// decision_xml, which must be valid and read back to a model that writes the
// same bytes (the writer has one spelling for each model: a fixed point).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

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
    Decision m;
    try {
        m = read_decision_xml(xml);
    } catch (const Error&) {
        return 0;  // refused with a message: the answer for a bad document
    }
    if (!valid) return 0;  // import never reads an invalid document further
    const std::string again = decision_xml(m);
    if (const auto problems = validator.validate(again); !problems.empty())
        fail("decision_xml of a valid document is not valid: " + problems.front().message, again);
    try {
        if (decision_xml(read_decision_xml(again)) != again) fail("decision_xml is not a fixed point", again);
    } catch (const Error& e) {
        fail("the document decision_xml wrote does not read back", e.what());
    }
    return 0;
}
