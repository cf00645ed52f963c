#include <catch2/catch.hpp>

#include <regex>

#include "catalog/scaffold.hpp"
#include "util/error.hpp"

using namespace tthc;

namespace {

NewCatalog province(const std::string& authority)
{
    NewCatalog c;
    c.id = "bac-ninh";
    c.authority = authority;
    c.kind = "province";
    return c;
}

const ScaffoldFile* find(const std::vector<ScaffoldFile>& files, const std::string& path)
{
    for (const auto& f : files)
        if (f.path == path) return &f;
    return nullptr;
}

}  // namespace

TEST_CASE("a province's name and place come from its People's Committee")
{
    const NewCatalog c = complete_new_catalog(province("Ủy ban nhân dân tỉnh Bắc Ninh"));
    CHECK(c.name == "Bộ thủ tục hành chính tỉnh Bắc Ninh");
    CHECK(c.place == "Bắc Ninh");
    const NewCatalog city = complete_new_catalog(province("Ủy ban nhân dân thành phố Hà Nội"));
    CHECK(city.name == "Bộ thủ tục hành chính thành phố Hà Nội");
    CHECK(city.place == "Hà Nội");
}

TEST_CASE("a ministry's catalog is named for its field of management, in Hà Nội")
{
    NewCatalog m;
    m.id = "bo-tu-phap";
    m.authority = "Bộ Tư pháp";
    m.kind = "ministry";
    const NewCatalog c = complete_new_catalog(m);
    CHECK(c.name == "Bộ thủ tục hành chính thuộc phạm vi chức năng quản lý của Bộ Tư pháp");
    CHECK(c.place == "Hà Nội");
}

TEST_CASE("the authority is kept in NFC")
{
    // "Bắc" decomposed: a, combining breve, combining acute
    const NewCatalog c = complete_new_catalog(province("Ủy ban nhân dân tỉnh B\x61\xcc\x86\xcc\x81\x63 Ninh"));
    CHECK(c.authority == "Ủy ban nhân dân tỉnh Bắc Ninh");
    CHECK(c.place == "Bắc Ninh");
}

TEST_CASE("values that would not make a catalog are refused with the option's name")
{
    NewCatalog c = province("Ủy ban nhân dân tỉnh Bắc Ninh");
    c.id = "Bac_Ninh";
    CHECK_THROWS_WITH(complete_new_catalog(c), "--id \"Bac_Ninh\" may hold only a-z, 0-9 and '-'");
    c.id = "";
    CHECK_THROWS_WITH(complete_new_catalog(c), "--id is empty");
    c = province("Ủy ban nhân dân tỉnh Bắc Ninh\nvà thành phố");
    CHECK_THROWS_WITH(complete_new_catalog(c), "--authority holds a control character (a line break or a tab?)");
    c = province(" Bộ Tư pháp");
    CHECK_THROWS_WITH(complete_new_catalog(c), "--authority \" Bộ Tư pháp\" begins or ends with a space");
    c = province("Sở Tư pháp");
    CHECK_THROWS_WITH(complete_new_catalog(c),
                      "cannot tell the place (địa danh) from --authority \"Sở Tư pháp\"");
    c.place = "Bắc Ninh";
    CHECK(complete_new_catalog(c).name == "Bộ thủ tục hành chính của Sở Tư pháp");
    c = province("Ủy ban nhân dân tỉnh Bắc Ninh");
    c.kind = "district";
    CHECK_THROWS_WITH(complete_new_catalog(c), "--kind \"district\" is neither province nor ministry");
    c.kind = "province";
    c.tthc_source = "https://example.vn/tthc.git; rm -rf /";
    CHECK_THROWS_WITH(complete_new_catalog(c),
                      "--tthc-source \"https://example.vn/tthc.git; rm -rf /\" is not a git URL or revision");
}

TEST_CASE("the scaffold holds the catalog, its folders and the repository's files")
{
    NewCatalog in = province("Ủy ban nhân dân tỉnh Bắc Ninh");
    in.tthc_source = "https://git.example.vn/tthc.git";
    in.tthc_rev = "v1";
    const auto files = scaffold_files(complete_new_catalog(in));
    std::vector<std::string> paths;
    for (const auto& f : files) paths.push_back(f.path);
    CHECK(paths == std::vector<std::string>{".gitattributes", ".github/workflows/tthc.yml", ".gitlab-ci.yml",
                                            ".pre-commit-config.yaml", "README.md", "abolished/.gitkeep",
                                            "catalog.toml", "decisions/.gitkeep", "plans/.gitkeep",
                                            "procedures/.gitkeep", "processes/.gitkeep", "units.toml"});
    CHECK(find(files, "catalog.toml")->content ==
          "# The catalog's identity (tthc-catalog(5), section 2).\n"
          "[catalog]\n"
          "id = \"bac-ninh\"\n"
          "name = \"Bộ thủ tục hành chính tỉnh Bắc Ninh\"\n"
          "authority = \"Ủy ban nhân dân tỉnh Bắc Ninh\"\n"
          "authority_kind = \"province\"\n"
          "place = \"Bắc Ninh\"\n");
    const std::string& precommit = find(files, ".pre-commit-config.yaml")->content;
    CHECK(precommit.find("  - repo: https://git.example.vn/tthc.git\n    rev: v1\n") != std::string::npos);
    const std::string& workflow = find(files, ".github/workflows/tthc.yml")->content;
    CHECK(workflow.find("  TTHC_SOURCE: https://git.example.vn/tthc.git\n  TTHC_REV: v1\n") != std::string::npos);
    const std::regex unfilled("@[A-Z]+@");
    for (const auto& f : files) CHECK_FALSE(std::regex_search(f.content, unfilled));
}
