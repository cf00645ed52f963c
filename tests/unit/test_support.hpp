// Helpers shared by the unit tests.
#pragma once

#include <catch2/catch.hpp>

#include <string>

namespace tthc::test {

// Replaces the first occurrence of `from`, which must be there.
inline void replace_first(std::string& s, const std::string& from, const std::string& to)
{
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
}

}  // namespace tthc::test
