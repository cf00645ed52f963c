#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <unistd.h>

#include <filesystem>

#include "core/diagnostic.hpp"
#include "io/files.hpp"
#include "io/journal.hpp"

using namespace tthc;
namespace fs = std::filesystem;

namespace {

// A scratch directory of this file's tests.
struct Scratch : tthc::test::TempDir {
    Scratch() : TempDir("journal-test") {}
};


// A procedure file and a process file to move and remove.
void two_files(const Scratch& dir)
{
    write_file_atomic(dir / "p.toml", "procedure");
    write_file_atomic(dir / "q.toml", "process");
}

}  // namespace

TEST_CASE("a file transaction undoes every step when one fails")
{
    Scratch dir;
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
    Scratch dir;
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

TEST_CASE("a journal reads back as written, and a changed or foreign one is refused")
{
    Journal j;
    j.pid = 42;
    j.command = "abolish";
    j.root = "/c";
    j.steps.push_back({JournalStep::mkdir, "/c/abolished", {}, {}, std::nullopt});
    j.steps.push_back({JournalStep::move, "/c/procedures/a.toml", "/c/abolished/a.toml", {}, std::nullopt});
    j.steps.push_back({JournalStep::write, "/out/qd.md", {}, "new\nbytes", std::nullopt});
    j.steps.push_back({JournalStep::remove, "/c/processes/a.toml", {}, {}, std::string("old\n")});
    const std::string bytes = encode_journal(j);
    const Journal back = decode_journal(bytes, "J");
    CHECK(encode_journal(back) == bytes);
    CHECK(back.steps.at(2).new_bytes == "new\nbytes");
    CHECK_FALSE(back.steps.at(2).old_bytes);
    CHECK(back.steps.at(3).old_bytes == std::string("old\n"));

    std::string changed = bytes;
    changed[changed.find("new\nbytes")] = 'N';
    CHECK_THROWS_WITH(decode_journal(changed, "J"),
                      "'J' is not a readable tthc journal (its checksum does not match: it is incomplete or was "
                      "changed); nothing was changed");
    CHECK_THROWS_WITH(decode_journal(bytes.substr(0, bytes.size() / 2), "J"),
                      "'J' is not a readable tthc journal (its checksum does not match: it is incomplete or was "
                      "changed); nothing was changed");
    CHECK_THROWS_WITH(decode_journal("git index\n", "J"),
                      "'J' is not a readable tthc journal (it does not start with 'tthc-journal'); nothing was changed");
    CHECK_THROWS_WITH(decode_journal("tthc-journal 9\n", "J"),
                      "'J' is not a readable tthc journal (a journal version this tthc does not know); nothing was "
                      "changed");
}

TEST_CASE("recovery undoes the steps of a change that was cut short, and a second one does nothing")
{
    Scratch dir;
    const std::string root = fs::absolute(dir.path).string();
    fs::create_directories(dir.path / "procedures");
    write_file_atomic(dir / "procedures/a.toml", "A");
    fs::create_directories(dir.path / ".tthc");
    // a writer killed after its first step, the move
    Journal j;
    j.pid = 99999999;
    j.command = "abolish";
    j.root = root;
    j.steps.push_back({JournalStep::mkdir, root + "/abolished", {}, {}, std::nullopt});
    j.steps.push_back({JournalStep::move, root + "/procedures/a.toml", root + "/abolished/a.toml", {}, std::nullopt});
    j.steps.push_back({JournalStep::create, root + "/decisions.toml", {}, "D", std::nullopt});
    write_file_new(journal_path(root), encode_journal(j));
    fs::create_directories(dir.path / "abolished");
    fs::rename(dir.path / "procedures/a.toml", dir.path / "abolished/a.toml");
    CHECK_THROWS_WITH(refuse_if_interrupted(root), "'" + root + "' holds an interrupted change (" + journal_path(root) +
                                                      "); nothing was read");

    const Recovery r = recover_journal(root);
    CHECK(r.outcome == Recovery::rolled_back);
    CHECK(r.lines == std::vector<std::string>{"undone: move " + root + "/procedures/a.toml -> " + root + "/abolished/a.toml",
                                              "undone: mkdir " + root + "/abolished"});
    CHECK(read_file(dir / "procedures/a.toml") == "A");
    CHECK_FALSE(fs::exists(dir / "abolished"));
    CHECK_FALSE(fs::exists(journal_path(root)));
    CHECK(recover_journal(root).outcome == Recovery::nothing);
}

TEST_CASE("recovery keeps a change whose every step was done")
{
    Scratch dir;
    const std::string root = fs::absolute(dir.path).string();
    fs::create_directories(dir.path / ".tthc");
    Journal j;
    j.pid = 99999999;
    j.command = "announce";
    j.root = root;
    j.steps.push_back({JournalStep::create, root + "/d.toml", {}, "D", std::nullopt});
    write_file_new(journal_path(root), encode_journal(j));
    write_file_new(dir / "d.toml", "D");
    CHECK(recover_journal(root).outcome == Recovery::completed);
    CHECK(read_file(dir / "d.toml") == "D");
    CHECK_FALSE(fs::exists(journal_path(root)));
}
