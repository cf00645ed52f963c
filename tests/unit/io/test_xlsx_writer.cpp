#include <catch2/catch.hpp>

#include <cstdlib>

#include "io/spreadsheet.hpp"
#include "io/xlsx_writer.hpp"
#include "util/error.hpp"

using namespace tthc;

namespace {

std::vector<XlsxSheet> sample()
{
    XlsxSheet s;
    s.name = "Danh mục";
    s.header = {"STT", "Tên thủ tục"};
    s.widths = {6, 40};
    s.rows.push_back({{{}, 1.0}, {"Thủ tục đăng ký khai sinh", {}}});
    s.rows.push_back({{{}, 2.0}, {"Chứng thực \"bản sao\" & <bản chính>", {}}});
    XlsxSheet empty;
    empty.name = "bãi bỏ";
    empty.header = {"STT"};
    return {s, empty};
}

}  // namespace

TEST_CASE("an XLSX file reads back: header, text and numbers of the first sheet")
{
    const std::string bytes = xlsx_bytes(sample(), 946684800);
    const auto rows = parse_xlsx(bytes, "t.xlsx");
    REQUIRE(rows.size() == 3);
    REQUIRE(rows[0].cells.size() == 2);
    CHECK(rows[0].cells[0].text == "STT");
    CHECK(rows[0].cells[1].text == "Tên thủ tục");
    CHECK(rows[1].cells[0].number);
    CHECK(rows[1].cells[0].text == "1");
    CHECK(rows[1].cells[1].text == "Thủ tục đăng ký khai sinh");
    CHECK(rows[2].cells[1].text == "Chứng thực \"bản sao\" & <bản chính>");
}

TEST_CASE("the same sheets and date give the same bytes; the date is in docProps/core.xml")
{
    const std::string a = xlsx_bytes(sample(), 946684800);
    const std::string b = xlsx_bytes(sample(), 946684800);
    CHECK(a == b);
    CHECK(a != xlsx_bytes(sample(), 1700000000));
}

TEST_CASE("the creation date comes from SOURCE_DATE_EPOCH, else a fixed date")
{
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    CHECK(xlsx_created_time() == 1700000000);
    ::setenv("SOURCE_DATE_EPOCH", "soon", 1);
    CHECK(xlsx_created_time() == 946684800);
    ::unsetenv("SOURCE_DATE_EPOCH");
    CHECK(xlsx_created_time() == 946684800);
}

TEST_CASE("a sheet name Excel refuses is an error")
{
    std::vector<XlsxSheet> sheets = sample();
    sheets[0].name = "a/b";
    CHECK_THROWS_AS(xlsx_bytes(sheets, 946684800), Error);
}
