// What every fuzz target shares: a failed oracle stops the run with a message
// on stderr (libFuzzer then saves the input as a crash), and nothing is
// printed on stdout, so libFuzzer's own output stays readable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "diff/diff.hpp"
#include "package/xml_schema.hpp"
#include "util/error.hpp"

namespace tthc::fuzz {

[[noreturn]] inline void fail(std::string_view what, std::string_view detail = {})
{
    std::fprintf(stderr, "fuzz oracle failed: %.*s\n%.*s\n", static_cast<int>(what.size()), what.data(),
                 static_cast<int>(detail.size()), detail.data());
    std::abort();
}

// The changed fields as text, for the message of a failed round trip.
inline std::string describe(const std::vector<FieldChange>& changes)
{
    std::string out;
    for (const auto& c : changes)
        out += c.field + ": " + (c.before ? *c.before : "(none)") + " -> " + (c.after ? *c.after : "(none)") + "\n";
    return out;
}

// The oracle the XML readers share. `read` parses the bytes (an Error is the
// answer for a bad document); when the bytes are also schema-valid, `write`
// must give a valid document that reads back (`read` again), and `check`
// compares the model read first, the one read back, and the bytes written.
template <class Read, class Write, class Check>
void xml_round_trip(const std::uint8_t* data, std::size_t size, std::string_view writer, Read read, Write write,
                    Check check)
{
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    static SchemaValidator validator;
    const bool valid = validator.validate(xml).empty();
    decltype(read(xml)) model;
    try {
        model = read(xml);
    } catch (const Error&) {
        return;  // refused with a message
    }
    if (!valid) return;  // import never reads an invalid document further
    const std::string again = write(model);
    if (const auto problems = validator.validate(again); !problems.empty())
        fail(std::string(writer) + " of a valid document is not valid: " + problems.front().message, again);
    try {
        const auto back = read(again);
        if (write(back) != again) fail(std::string(writer) + " is not a fixed point", again);
        check(model, back, again);
    } catch (const Error& e) {
        fail("the document " + std::string(writer) + " wrote does not read back", e.what());
    }
}

}  // namespace tthc::fuzz
