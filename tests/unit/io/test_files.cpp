#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <filesystem>
#include <fstream>

#include <sys/stat.h>

#include "core/diagnostic.hpp"
#include "io/files.hpp"

using namespace tthc;
namespace fs = std::filesystem;

namespace {

// A scratch directory of this file's tests.
struct Scratch : tthc::test::TempDir {
    Scratch() : TempDir("test") {}
};


}  // namespace

TEST_CASE("atomic writes replace, new-file writes never overwrite")
{
    Scratch dir;
    write_file_atomic(dir / "a.txt", "one");
    write_file_atomic(dir / "a.txt", "two");
    CHECK(read_file(dir / "a.txt") == "two");
    write_file_new(dir / "b.toml", "first");
    CHECK_THROWS_WITH(write_file_new(dir / "b.toml", "second"),
                      "'" + (dir / "b.toml") + "' already exists; it is never overwritten");
    CHECK(read_file(dir / "b.toml") == "first");
    // no temporary file is left behind
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 2);
}

TEST_CASE("catalog files are read only as regular files, never through a link or from a FIFO")
{
    Scratch dir;
    write_file_atomic(dir / "real.toml", "x = 1\n");
    fs::create_symlink(dir / "real.toml", dir / "link.toml");
    REQUIRE(::mkfifo((dir / "fifo.toml").c_str(), 0644) == 0);
    std::string buf;
    ReadRefusal why;
    CHECK(try_read_regular_file(dir / "real.toml", buf, why));
    CHECK(buf == "x = 1\n");
    CHECK_FALSE(try_read_regular_file(dir / "link.toml", buf, why));
    CHECK(why == ReadRefusal::symlink);
    CHECK_FALSE(try_read_regular_file(dir / "fifo.toml", buf, why));  // O_NONBLOCK: no hang
    CHECK(why == ReadRefusal::not_regular);
    CHECK_THROWS_WITH(read_regular_file(dir / "link.toml"),
                      "'" + (dir / "link.toml") +
                          "': not read: it is a symbolic link, and a catalog's files are read only as regular files");
}
