#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <cstdlib>
#include <filesystem>

#include "diff/diff.hpp"

using namespace tthc;
using tthc::test::replace_first;

namespace {

const std::string& header = tthc::test::catalog_header;

Procedure load_one(const std::string& body)
{
    LoadResult r = load_catalog_text(header + "[[procedure]]\n" + body, "c.toml");
    REQUIRE(r.catalog.procedures.size() == 1);
    return r.catalog.procedures[0];
}

const std::string base = tthc::test::data("diff_base.toml");

std::string show(const std::vector<FieldChange>& changes)
{
    std::string out;
    for (const auto& c : changes)
        out += c.field + ": " + c.before.value_or("(none)") + " -> " + c.after.value_or("(none)") + "\n";
    return out;
}

}  // namespace

TEST_CASE("identical content is no change, whatever the key order or spelling of a duration")
{
    std::string reordered = base;
    replace_first(reordered, "time = \"5 ngày làm việc\"", "time = \"05 Ngày làm việc\"");
    CHECK(show(compare_procedures(load_one(base), load_one(reordered))).empty());
}

TEST_CASE("an inserted dossier entry is one insertion, not a cascade of shifted rows")
{
    std::string after = base;
    replace_first(after, "[[procedure.dossier]]", "[[procedure.dossier]]\nname = \"Bản sao CCCD\"\ncopies = 1\n[[procedure.dossier]]");
    CHECK(show(compare_procedures(load_one(base), load_one(after))) ==
          "dossier[\"Bản sao CCCD\"]: (none) -> Bản sao CCCD (0 bản chính, 1 bản sao)\n");
}

TEST_CASE("channels match by kind and case; legal bases by number")
{
    std::string after = base;
    replace_first(after, "time = \"10 ngày làm việc\"", "time = \"7 ngày làm việc\"");
    replace_first(after, "title = \"Nghị định 123\"", "title = \"Nghị định số 123/2015/NĐ-CP\"");
    CHECK(show(compare_procedures(load_one(base), load_one(after))) ==
          "channels[\"trực tiếp\", \"Có yếu tố nước ngoài\"].time: 10 ngày làm việc -> 7 ngày làm việc\n"
          "legal_basis[\"123/2015/NĐ-CP\"].title: Nghị định 123 -> Nghị định số 123/2015/NĐ-CP\n");
}

namespace {

struct Repository : tthc::test::TempDir {
    Repository() : TempDir("diff-rev") {}
    void run(const std::string& command) const
    {
        const std::string line = "set -e; cd '" + path.string() +
                                 "'; export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t "
                                 "GIT_AUTHOR_EMAIL=t@example.invalid GIT_COMMITTER_NAME=t "
                                 "GIT_COMMITTER_EMAIL=t@example.invalid; " + command + " >/dev/null";
        REQUIRE(std::system(line.c_str()) == 0);
    }
};

// The current directory changed for one test and restored after it.
struct InDirectory {
    std::filesystem::path before = std::filesystem::current_path();
    explicit InDirectory(const std::filesystem::path& to) { std::filesystem::current_path(to); }
    ~InDirectory() { std::filesystem::current_path(before); }
};

}  // namespace

TEST_CASE("two revisions are compared by blob and tree ids: only the changed files are read")
{
    Repository repo;
    repo.run("git init -q -b main . && cp -r '" + std::string(TTHC_SOURCE_DIR) +
             "/catalogs/ha-noi' cat && git add cat && git commit -q -m a && git tag a && "
             "sed -i 's/^name = \"Thủ tục đăng ký khai tử\"/name = \"Thủ tục đăng ký khai tử (sửa)\"/' "
             "cat/procedures/ho-tich/1.000656.toml && git commit -q -am b");
    const InDirectory in(repo.path);
    const DiffResult r = diff_catalogs("a:cat", "HEAD:cat");
    CHECK(r.diagnostics.empty());
    REQUIRE(r.diff.amended.size() == 1);
    CHECK(r.diff.amended[0].code == "1.000656");
    REQUIRE(r.diff.amended[0].fields.size() == 1);
    CHECK(r.diff.amended[0].fields[0].field == "name");
    CHECK(r.diff.amended[0].fields[0].after == "Thủ tục đăng ký khai tử (sửa)");
    CHECK(r.diff.added.empty());
    CHECK(r.diff.abolished.empty());
    // 24 procedures: 4 in chung-thuc/ (a tree skipped whole) and 19 of ho-tich/ paired by blob id
    CHECK(r.diff.unchanged == 23);
    CHECK(r.files_parsed == 4);  // the changed file on each side and NEW's two decisions

    // against the work tree (HEAD checked out): the same, reading only files on disk
    const DiffResult w = diff_catalogs("a:cat", "cat");
    CHECK(w.diff.unchanged == 23);
    CHECK(w.files_parsed == 4);
    REQUIRE(w.diff.amended.size() == 1);
    CHECK(w.diff.amended[0].code == "1.000656");

    // the same revision on both sides: nothing read but NEW's decisions
    const DiffResult same = diff_catalogs("HEAD:cat", "HEAD:cat");
    CHECK(same.diff.empty());
    CHECK(same.diff.unchanged == 24);
    CHECK(same.files_parsed == 2);
}
