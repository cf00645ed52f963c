// Helpers shared by the unit tests.
#pragma once

#include <catch2/catch.hpp>

#include <string>

namespace tthc::test {

// A [catalog] table for single-file test catalogs (six lines: positions in
// tests that append to it count from line 7).
inline const std::string catalog_header = R"([catalog]
id = "t"
name = "Bộ thủ tục thử"
authority = "Ủy ban nhân dân tỉnh Thử"
authority_kind = "province"
place = "Thử"
)";

// Replaces the first occurrence of `from`, which must be there.
inline void replace_first(std::string& s, const std::string& from, const std::string& to)
{
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
}

}  // namespace tthc::test
