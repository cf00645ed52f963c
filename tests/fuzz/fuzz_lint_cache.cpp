// The lint cache reader (checks/lint_cache.hpp) on arbitrary bytes. The input
// is a cache file without its trailing checksum, which the target appends, so
// the mutations reach the entry parser instead of dying at the checksum; the
// key is the one the input itself carries. Oracles: a cache that reads
// encodes to bytes that read back to the same entries, field for field; one
// that does not read leaves no entry behind.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "checks/lint_cache.hpp"
#include "fuzz_support.hpp"

namespace {

// The key of a cache file (after the 16-byte magic and the u32 format), or "".
std::string key_of(std::string_view body)
{
    if (body.size() < 24) return {};
    std::uint32_t n = 0;
    for (int i = 0; i < 4; ++i) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(body[20 + i])) << (8 * i);
    if (n > body.size() - 24) return {};
    return std::string(body.substr(24, n));
}

bool same(const tthc::CachedFile& a, const tthc::CachedFile& b)
{
    if (a.digest != b.digest || a.findings.size() != b.findings.size() || a.keys.size() != b.keys.size()) return false;
    for (std::size_t i = 0; i < a.findings.size(); ++i) {
        const auto &x = a.findings[i], &y = b.findings[i];
        if (x.rule != y.rule || x.severity != y.severity || x.pos.line != y.pos.line || x.pos.column != y.pos.column ||
            x.message != y.message || x.source_line != y.source_line)
            return false;
    }
    for (std::size_t i = 0; i < a.keys.size(); ++i) {
        const auto &x = a.keys[i], &y = b.keys[i];
        if (x.code.value != y.code.value || x.code.pos.line != y.code.pos.line ||
            x.code.pos.column != y.code.pos.column || x.code.present != y.code.present || x.name.value != y.name.value ||
            x.name.pos.line != y.name.pos.line || x.name.pos.column != y.name.pos.column ||
            x.name.present != y.name.present || x.identity != y.identity ||
            x.abolished != y.abolished)
            return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace tthc;
    using fuzz::fail;
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const Digest sum = sha256(body);
    const std::string bytes = std::string(body) + std::string(reinterpret_cast<const char*>(sum.data()), sum.size());
    const std::string key = key_of(body);

    std::unordered_map<std::string, CachedFile> entries;
    std::string why;
    if (!decode_lint_cache(bytes, key, entries, why)) {
        if (!entries.empty()) fail("a cache that does not read left entries behind", why);
        if (why.empty()) fail("a cache that does not read gives no reason");
        return 0;
    }
    std::unordered_map<std::string, CachedFile> again;
    if (!decode_lint_cache(encode_lint_cache(key, entries), key, again, why))
        fail("a cache read does not read back once written", why);
    if (again.size() != entries.size()) fail("a cache written back has another number of entries");
    for (const auto& [display, e] : entries) {
        const auto it = again.find(display);
        if (it == again.end() || !same(e, it->second)) fail("an entry changed when written back", display);
    }
    return 0;
}
