#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/diagnostic.hpp"
#include "io/files.hpp"

using namespace tthc;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("tthc-test-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
};

// A procedure file and a process file to move and remove.
void two_files(const TempDir& dir)
{
    write_file_atomic(dir / "p.toml", "procedure");
    write_file_atomic(dir / "q.toml", "process");
}

}  // namespace

TEST_CASE("atomic writes replace, new-file writes never overwrite")
{
    TempDir dir;
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

TEST_CASE("a file transaction undoes every step when one fails")
{
    TempDir dir;
    two_files(dir);
    write_file_atomic(dir / "doc.md", "old document");
    FileTransaction tx;
    tx.move(dir / "p.toml", dir / "abolished/sub/p.toml");
    tx.remove(dir / "q.toml");
    tx.create(dir / "decisions/d.toml", "decision");
    tx.write(dir / "doc.md", "new document");
    tx.write(dir / "missing-dir/x.md", "fails");
    CHECK(tx.describe().size() == 5);
    CHECK_THROWS_AS(tx.commit(), Error);
    CHECK(read_file(dir / "p.toml") == "procedure");
    CHECK(read_file(dir / "q.toml") == "process");
    CHECK(read_file(dir / "doc.md") == "old document");
    CHECK_FALSE(fs::exists(dir / "abolished"));
    CHECK_FALSE(fs::exists(dir / "decisions"));
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 3);
}

TEST_CASE("a file transaction that succeeds does every step")
{
    TempDir dir;
    two_files(dir);
    FileTransaction tx;
    tx.move(dir / "p.toml", dir / "abolished/p.toml");
    tx.remove(dir / "q.toml");
    tx.create(dir / "decisions/d.toml", "decision");
    tx.commit();
    CHECK(read_file(dir / "abolished/p.toml") == "procedure");
    CHECK_FALSE(fs::exists(dir / "q.toml"));
    CHECK(read_file(dir / "decisions/d.toml") == "decision");
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 2);
}
