#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "io/file_source.hpp"
#include "util/error.hpp"

using namespace tthc;
namespace fs = std::filesystem;

namespace {

struct Scratch : tthc::test::TempDir {
    Scratch() : TempDir("source") {}
};

void write(const std::string& path, const std::string& text)
{
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

// Runs a shell command (git, in these tests) and requires it to succeed.
void run(const std::string& command)
{
    REQUIRE(std::system(("set -e; export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t "
                         "GIT_AUTHOR_EMAIL=t@example.invalid GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid; " +
                         command + " >/dev/null")
                            .c_str()) == 0);
}

// The current directory changed for one test and restored after it.
struct InDirectory {
    fs::path before = fs::current_path();
    explicit InDirectory(const fs::path& to) { fs::current_path(to); }
    ~InDirectory() { fs::current_path(before); }
};

std::map<std::string, EntryType> walk_all(const FileSource& s, std::string_view skip = {})
{
    std::map<std::string, EntryType> out;
    std::string error;
    REQUIRE(s.walk(
        [&](const SourceEntry& e) {
            out[e.relative] = e.type;
            return true;
        },
        skip, error));
    CHECK(error.empty());
    return out;
}

std::string hex(const std::string& raw)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : raw) out += {digits[c >> 4], digits[c & 15]};
    return out;
}

// A repository with two commits: "one" (cat/a.toml, cat/sub/b.toml, a link) and
// "two" (a.toml changed), at `dir`/repo.
void make_repository(const Scratch& dir)
{
    const std::string repo = dir / "repo";
    write(repo + "/cat/a.toml", "a = 1\n");
    write(repo + "/cat/sub/b.toml", "b = 2\n");
    write(repo + "/cat/.tthc/lock", "x\n");
    fs::create_symlink("a.toml", repo + "/cat/link.toml");
    run("cd '" + repo + "' && git init -q -b main . && git add -A && git commit -q -m one && git tag one");
    write(repo + "/cat/a.toml", "a = 3\n");
    run("cd '" + repo + "' && git commit -q -am two");
}

}  // namespace

TEST_CASE("the file system source lists a tree, skips a top-level folder and reads regular files")
{
    Scratch dir;
    write(dir / "cat/catalog.toml", "[catalog]\n");
    write(dir / "cat/procedures/x.toml", "code = \"x\"\n");
    write(dir / "cat/.tthc/journal", "j\n");
    fs::create_symlink("procedures", dir / "cat/linked");
    const auto s = file_system_source(dir / "cat");
    CHECK(s->local());
    CHECK(s->display() == dir / "cat");
    CHECK(s->root_type() == EntryType::directory);
    CHECK(file_system_source(dir / "cat/catalog.toml")->root_type() == EntryType::regular);
    CHECK(file_system_source(dir / "none")->root_type() == EntryType::missing);
    const auto entries = walk_all(*s, ".tthc");
    CHECK(entries == std::map<std::string, EntryType>{{"catalog.toml", EntryType::regular},
                                                      {"linked", EntryType::symlink},
                                                      {"procedures", EntryType::directory},
                                                      {"procedures/x.toml", EntryType::regular}});
    bool to_directory = false;
    std::string error;
    s->walk(
        [&](const SourceEntry& e) {
            if (e.relative == "linked") to_directory = e.link_to_directory;
            return true;
        },
        ".tthc", error);
    CHECK(to_directory);
    std::string buf;
    ReadRefusal why = ReadRefusal::none;
    REQUIRE(s->read(s->path_of("procedures/x.toml"), {}, buf, why));
    CHECK(buf == "code = \"x\"\n");
    CHECK_FALSE(s->read(s->path_of("linked"), {}, buf, why));
    CHECK(why == ReadRefusal::symlink);
    CHECK(s->id_of("anything").empty());
}

TEST_CASE("an argument names a revision only when it has the form REV:PATH and is not on the file system")
{
    Scratch dir;
    const InDirectory in(dir.path);
    CHECK(names_revision("HEAD:catalogs/ha-noi"));
    CHECK(names_revision("feature/x:catalogs/ha-noi"));
    CHECK(names_revision("HEAD~1:"));
    CHECK_FALSE(names_revision("catalogs/ha-noi"));
    CHECK_FALSE(names_revision(":catalogs/ha-noi"));
    CHECK_FALSE(names_revision("./a:b"));
    CHECK_FALSE(names_revision("/srv/a:b"));
    fs::create_directories(dir / "v2:ha-noi");
    write(dir / "old:catalog.toml", "[catalog]\n");
    CHECK_FALSE(names_revision("v2:ha-noi"));  // the directory wins
    CHECK_FALSE(names_revision("old:catalog.toml"));  // the file wins
    CHECK(open_source("v2:ha-noi")->local());
    CHECK_THROWS_WITH(refuse_revision("HEAD:x", "give the directory"),
                      "'HEAD:x' is a revision of a git repository, which tthc never writes");
    CHECK_NOTHROW(refuse_revision("v2:ha-noi", "give the directory"));
}

TEST_CASE("a git source lists a tree at a revision with blob ids and reads blobs by id")
{
    Scratch dir;
    make_repository(dir);
    const InDirectory in(dir / "repo");
    const auto s = open_source("one:cat");
    CHECK_FALSE(s->local());
    CHECK(s->display() == "one:cat");
    CHECK(s->root_type() == EntryType::directory);
    CHECK(walk_all(*s, ".tthc") == std::map<std::string, EntryType>{{"a.toml", EntryType::regular},
                                                                    {"link.toml", EntryType::symlink},
                                                                    {"sub", EntryType::directory},
                                                                    {"sub/b.toml", EntryType::regular}});
    CHECK(walk_all(*s).count(".tthc/lock") == 1);
    CHECK(s->path_of("sub/b.toml") == "cat/sub/b.toml");

    std::map<std::string, std::string> ids;
    std::string error;
    s->walk(
        [&](const SourceEntry& e) {
            ids[e.relative] = e.id;
            return e.relative != "sub";  // not entered
        },
        ".tthc", error);
    CHECK(ids.count("sub/b.toml") == 0);
    CHECK(ids["sub"].size() == 20);  // a tree has an id too
    CHECK(ids["link.toml"].empty());  // a link has no content to read
    // the blob id is git's: the SHA-1 of "blob 6\0a = 1\n"
    CHECK(hex(ids["a.toml"]) == "1337a530cbc1bd7d20aee2d80f1f174a9182417d");
    CHECK(s->id_of("a = 1\n") == ids["a.toml"]);
    std::string buf;
    ReadRefusal why = ReadRefusal::none;
    REQUIRE(s->read(s->path_of("a.toml"), ids["a.toml"], buf, why));
    CHECK(buf == "a = 1\n");
    CHECK_FALSE(s->read(s->path_of("link.toml"), ids["link.toml"], buf, why));
    CHECK(why == ReadRefusal::not_regular);

    // the next commit, and a single file as the root
    const auto head = open_source("HEAD:cat/a.toml");
    CHECK(head->root_type() == EntryType::regular);
    REQUIRE(head->read(head->path_of(""), {}, buf, why));
    CHECK(buf == "a = 3\n");
    CHECK(open_source("HEAD~1:cat/sub/b.toml")->root_type() == EntryType::regular);
    CHECK(open_source("HEAD:")->root_type() == EntryType::directory);
}

TEST_CASE("./PATH is relative to the current directory inside the repository")
{
    Scratch dir;
    make_repository(dir);
    const InDirectory in(dir / "repo/cat");
    const auto s = open_source("one:./sub");
    CHECK(s->path_of("b.toml") == "cat/sub/b.toml");
    CHECK(walk_all(*s) == std::map<std::string, EntryType>{{"b.toml", EntryType::regular}});
    CHECK(open_source("one:cat/sub")->path_of("b.toml") == "cat/sub/b.toml");  // else relative to the root
}

TEST_CASE("a revision that does not resolve, a path not at it and no repository are one-line errors with a hint")
{
    Scratch dir;
    make_repository(dir);
    {
        const InDirectory in(dir / "repo");
        try {
            open_source("nope:cat");
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(std::string(e.what()) == "cannot read 'nope:cat': 'nope' is not a revision of the repository");
            CHECK(e.hint() == "REV is anything 'git rev-parse' accepts: HEAD~1, a branch, a tag, a commit id");
        }
        try {
            open_source("one:cat/none");
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(std::string(e.what()) == "cannot read 'one:cat/none': there is no 'cat/none' at revision one");
            CHECK(e.hint() == "PATH is relative to the repository's root, as in git; ./PATH to the current directory");
        }
        // the repository is the one around PATH's parent when that exists
        CHECK_THROWS_WITH(open_source("HEAD:../elsewhere"),
                          "cannot read 'HEAD:../elsewhere': '..' is not inside a git repository");
    }
    fs::create_directories(dir / "plain");
    const InDirectory in(dir / "plain");
    CHECK_THROWS_WITH(open_source("HEAD:cat"), "cannot read 'HEAD:cat': the current directory is not inside a git repository");
}
