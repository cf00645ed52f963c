// tthc's TOML reader against toml++ on arbitrary text: whatever the reader
// accepts, toml++ must accept too and give the same tree, positions included
// (lib/catalog/toml_tree.hpp). What the reader refuses goes to toml++ in the
// loader, so a refusal is never a failure.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "catalog/toml_tree.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace tthc;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    TomlTree ours, theirs;
    if (!read_toml_subset(text, ours)) return 0;
    TomlSyntaxError error;
    if (!parse_toml_full(text, theirs, error))
        fuzz::fail("tthc's reader accepted a text toml++ rejects: " + std::to_string(error.pos.line) + ":" +
                       std::to_string(error.pos.column) + ": " + error.description,
                   text);
    std::string why;
    if (!same_toml_tree(ours.root(), theirs.root(), why))
        fuzz::fail("tthc's reader and toml++ give different trees: " + why, text);
    return 0;
}
