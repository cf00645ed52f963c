// Helpers shared by the unit tests.
#pragma once

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
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

// A test input kept as a file in tests/unit/data/, read whole: the catalogs
// several tests share are data, not code. Throws when it cannot be read (it
// may be called outside a test case, to initialise a constant).
inline std::string data(const std::string& name)
{
    const std::string path = std::string(TTHC_SOURCE_DIR) + "/tests/unit/data/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read the test input " + path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// A scratch directory for one test, removed with everything in it at the end;
// `tag` keeps the directories of different test files apart.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& tag)
        : path(std::filesystem::temp_directory_path() / ("tthc-" + tag + "-" + std::to_string(::getpid())))
    {
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string operator/(const std::string& name) const { return (path / name).string(); }
};

// Replaces the first occurrence of `from`, which must be there.
inline void replace_first(std::string& s, const std::string& from, const std::string& to)
{
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
}

}  // namespace tthc::test
