// The manifest document reader (and the schema validation import runs before it)
// on arbitrary bytes. Oracle: a valid document that reads is written again by
// manifest_xml, which must be valid and read back to a model that writes the
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
        data, size, "manifest_xml", [](std::string_view x) { return tthc::read_manifest_xml(x); },
        [](const tthc::Manifest& m) { return tthc::manifest_xml(m); },
        [](const tthc::Manifest& first, const tthc::Manifest& back, const std::string& again) {
            // every entry survives, in the same order (verify checks them one by one)
            if (first.entries.size() != back.entries.size()) tthc::fuzz::fail("manifest entries lost in a round trip", again);
            for (std::size_t i = 0; i < first.entries.size(); ++i)
                if (first.entries[i].path != back.entries[i].path || first.entries[i].sha256 != back.entries[i].sha256)
                    tthc::fuzz::fail("a manifest entry changed in a round trip", again);
        });
    return 0;
}
