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
    fuzz::xml_round_trip(
        std::string_view(reinterpret_cast<const char*>(data), size), "decision_xml",
        [](std::string_view x) { return read_decision_xml(x); }, [](const Decision& d) { return decision_xml(d); },
        [](const Decision&, const Decision&, const std::string&) {});
    return 0;
}
