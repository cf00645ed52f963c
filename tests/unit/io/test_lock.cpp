#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <unistd.h>

#include <filesystem>

#include "io/files.hpp"
#include "io/lock.hpp"
#include "util/error.hpp"

using namespace tthc;
namespace fs = std::filesystem;

namespace {

// A scratch directory of this file's tests.
struct Scratch : tthc::test::TempDir {
    Scratch() : TempDir("lock-test") {}
};


std::size_t entries(const fs::path& p) { return std::distance(fs::directory_iterator(p), fs::directory_iterator()); }

}  // namespace

TEST_CASE("one writer at a time: a second lock is refused with its holder, and a stale one is reported")
{
    Scratch dir;
    const std::string root = dir.path.string();
    {
        CatalogLock first(root, "abolish");
        CHECK(fs::exists(lock_path(root)));
        try {
            CatalogLock second(root, "announce");
            FAIL("the second lock was taken");
        } catch (const Error& e) {
            const std::string what = e.what();
            CHECK(what.rfind("'" + root + "' is being changed by tthc abolish, process " + std::to_string(::getpid()) +
                                 ", since ", 0) == 0);
        }
    }
    CHECK_FALSE(fs::exists(dir.path / ".tthc"));  // released: the catalog as it was
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    fs::create_directories(dir.path / ".tthc");
    write_file_new(lock_path(root), std::string("tthc-lock 1\ncommand abolish\npid 99999999\nhost ") + host +
                                        "\nsince 2026-11-27T08:00:00Z\n");
    CHECK_THROWS_WITH(CatalogLock(root, "abolish"),
                      "'" + root + "' has a stale lock: tthc abolish, process 99999999, since 2026-11-27T08:00:00Z is "
                                   "gone; nothing was written");
    {
        CatalogLock recovering(root, "recover", CatalogLock::Stale::clear);
        REQUIRE(recovering.cleared());
        CHECK(recovering.cleared()->pid == 99999999);
    }
    CHECK(entries(dir.path) == 0);
}
