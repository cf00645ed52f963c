#include <catch2/catch.hpp>

#include "test_support.hpp"

#include "catalog/loader.hpp"
#include "checks/portal_list.hpp"
#include "checks/report.hpp"

using namespace tthc;

namespace {

std::string procedure(const std::string& code, const std::string& name, const std::string& table = "procedure")
{
    return "[[" + table + "]]\ncode = \"" + code + "\"\nname = \"" + name +
           "\"\nfield = \"Hộ tịch\"\nlevels = [\"xã\"]\nagency = \"Ủy ban nhân dân cấp xã\"\n"
           "[[" + table + ".channels]]\nkind = \"trực tiếp\"\ntime = \"Trong ngày\"\n"
           "[[" + table + ".dossier]]\nname = \"Tờ khai\"\n"
           "[[" + table + ".legal_basis]]\nnumber = \"60/2014/QH13\"\ntitle = \"Luật Hộ tịch\"\n";
}

std::string compare(const std::string& catalog_text, const std::string& csv)
{
    const LoadResult r = load_catalog_text(catalog_text, "c.toml");
    REQUIRE(r.diagnostics.empty());
    const PortalList list = portal_list_from_rows(parse_csv(csv, "list.csv"), "list.csv");
    auto found = check_portal_list(list, r.catalog, {});
    sort_diagnostics(found);
    std::string out;
    for (const auto& d : found) out += format_diagnostic(d, false);
    return out;
}

}  // namespace

TEST_CASE("portal_list_from_rows finds the header by its Mã số cell, with or without a title row")
{
    for (const std::string title : {"", "Danh sách thủ tục hành chính,,\n"}) {
        const PortalList list =
            portal_list_from_rows(parse_csv(title + "Tên,Mã số\n\"Thủ tục\nđăng ký\",1.001193\n,\n,2.000424\n", "l.csv"), "l.csv");
        REQUIRE(list.entries.size() == 2);
        const std::uint32_t first = title.empty() ? 2 : 3;
        CHECK(list.entries[0].row == first);
        CHECK(list.entries[0].code == "1.001193");
        CHECK(list.entries[0].code_pos.line == first + 1);
        CHECK(list.entries[0].code_pos.column == 10);
        CHECK(list.entries[0].name == "Thủ tục\nđăng ký");
        CHECK(list.entries[1].code == "2.000424");
        CHECK(list.entries[1].name.empty());
    }
}

TEST_CASE("portal_list_from_rows writes a code stored as a number with its six decimals")
{
    std::vector<SheetRow> rows = {{2, {{1, {2, 1}, "Mã số", false}, {2, {2, 2}, "Tên", false}}},
                                  {3, {{1, {3, 1}, "1.00119", true}}},
                                  {4, {{1, {4, 1}, "1.0011930000000001", true}}},
                                  {5, {{1, {5, 1}, "1.00119", false}}}};
    const PortalList list = portal_list_from_rows(rows, "l.xlsx");
    REQUIRE(list.entries.size() == 3);
    CHECK(list.entries[0].code == "1.001190");
    CHECK(list.entries[1].code == "1.001193");
    CHECK(list.entries[2].code == "1.00119");  // text stays as written
}

TEST_CASE("portal_list_from_rows refuses a sheet without the header")
{
    CHECK_THROWS_WITH(portal_list_from_rows(parse_csv("Mã,Tên\n1.001193,x\n", "l.csv"), "l.csv"),
                      "l.csv: no header row: none of the first 20 rows has a cell \"Mã số\"");
    CHECK_THROWS_WITH(portal_list_from_rows(parse_csv("Danh sách\n, Mã  số ,Cơ quan\n", "l.csv"), "l.csv"),
                      "l.csv:2:2: the header row has no \"Tên\" cell");
}

TEST_CASE("check_portal_list compares codes by procedure and names after NFC and white space")
{
    const std::string catalog = test::catalog_header + procedure("1.001193", "Thủ tục đăng ký khai sinh") +
                                procedure("1.000689", "Thủ tục đăng ký kết hôn") +
                                procedure("1.000656", "Thủ tục đăng ký khai tử") +
                                procedure("2.000001", "Thủ tục thay đổi hộ tịch") +
                                procedure("2.000002", "Thủ tục cấp bản sao trích lục") +
                                procedure("1.000110", "Thủ tục đã bãi bỏ", "abolished");
    const std::string csv = "Mã số,Tên\n"
                            "1.001193,\"Thủ tục  đăng ký\nkhai sinh \"\n"              // white space: the same
                            "1.000689.000.00.00.H26,Thủ tục đăng ký ke\xcc\x82\xcc\x81t hôn\n"  // NFD, provincial code: the same
                            "1.000656,Thủ tục Đăng ký khai tử\n"                     // capitals
                            "2.000001,Thủ tục thay đổi quốc tịch\n"                  // differs
                            "1.000689,Thủ tục đăng ký kết hôn\n"                      // twice
                            "1.000110,Thủ tục đã bãi bỏ\n"
                            "1.009999,Thủ tục mới\n"
                            "1.00999,Thủ tục cắt\n";
    CHECK(compare(catalog, csv) ==
          "c.toml:37:8: warning: the name differs from the portal's only in capitals (list.csv:5:10): \"Thủ tục Đăng "
          "ký khai tử\" [portal-name]\n"
          "c.toml:51:8: warning: the name differs from the portal's (list.csv:6:10): \"Thủ tục thay đổi quốc tịch\" "
          "[portal-name]\n"
          "c.toml:64:8: error: 2.000002 \"Thủ tục cấp bản sao trích lục\" is in force in the catalog but not on the "
          "portal's list (list.csv) [portal-missing]\n"
          "list.csv:7:1: warning: 1.000689 is listed twice; first at list.csv:4:1 [portal-duplicate]\n"
          "list.csv:8:1: error: 1.000110 \"Thủ tục đã bãi bỏ\" is on the portal's list but abolished in the catalog "
          "(c.toml) [portal-abolished]\n"
          "list.csv:9:1: error: 1.009999 \"Thủ tục mới\" is on the portal's list but not in the catalog "
          "[portal-extra]\n"
          "list.csv:10:1: error: the portal's list gives \"1.00999\" as a Mã số, which is not a procedure code "
          "[bad-code]\n");
}
