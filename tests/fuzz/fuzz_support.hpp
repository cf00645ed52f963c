// What every fuzz target shares: a failed oracle stops the run with a message
// on stderr (libFuzzer then saves the input as a crash), and nothing is
// printed on stdout, so libFuzzer's own output stays readable.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "diff/diff.hpp"

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

}  // namespace tthc::fuzz
