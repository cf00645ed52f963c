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
    tthc::fuzz::xml_round_trip(
        data, size, "decision_xml", [](std::string_view x) { return tthc::read_decision_xml(x); },
        [](const tthc::Decision& d) { return tthc::decision_xml(d); },
        [](const tthc::Decision&, const tthc::Decision&, const std::string&) {});
    return 0;
}
