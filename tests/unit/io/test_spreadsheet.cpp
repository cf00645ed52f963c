#include <catch2/catch.hpp>

#include <zip.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "io/spreadsheet.hpp"
#include "test_support.hpp"

using namespace tthc;

namespace {

// One line a cell: "ROW:COLUMN@LINE:COL text", '#' after the column for a
// number, line breaks shown as \n.
std::string dump(const std::vector<SheetRow>& rows)
{
    std::string out;
    for (const auto& r : rows)
        for (const auto& c : r.cells) {
            out += std::to_string(r.row) + ":" + std::to_string(c.column) + (c.number ? "#" : "") + "@" +
                   std::to_string(c.pos.line) + ":" + std::to_string(c.pos.column) + " ";
            for (char ch : c.text) out += ch == '\n' ? std::string("\\n") : std::string(1, ch);
            out += "\n";
        }
    return out;
}

// A zip archive holding these parts, in memory, as libzip writes one.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
    REQUIRE(out);
    zip_t* za = zip_open_from_source(out, ZIP_TRUNCATE, &error);
    REQUIRE(za);
    zip_source_keep(out);
    for (const auto& [name, data] : parts) {
        zip_source_t* src = zip_source_buffer(za, data.data(), data.size(), 0);
        REQUIRE(zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
    }
    REQUIRE(zip_close(za) == 0);
    std::string bytes;
    REQUIRE(zip_source_open(out) == 0);
    zip_stat_t st;
    zip_stat_init(&st);
    zip_source_stat(out, &st);
    bytes.resize(static_cast<std::size_t>(st.size));
    zip_source_read(out, bytes.data(), st.size);
    zip_source_close(out);
    zip_source_free(out);
    return bytes;
}

const std::string workbook = R"(<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/><sheet name="Khác" sheetId="2" r:id="rId2"/></sheets></workbook>)";

const std::string rels = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>)";

const std::string strings = R"(<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<si><t>Mã số</t></si>
<si><r><rPr><b/></rPr><t xml:space="preserve">Thủ tục </t></r><r><t>đăng ký</t></r><rPh><t>ふりがな</t></rPh></si>
<si><t>Ủy ban nhân dân cấp xã
Công an cấp xã_x000D_</t></si>
</sst>)";

std::string sheet(const std::string& data, const std::string& after = "")
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
           data + "</sheetData>" + after + "</worksheet>";
}

std::string xlsx(const std::string& sheet1, const std::string& sst = strings)
{
    return make_zip({{"xl/workbook.xml", workbook},
                     {"xl/_rels/workbook.xml.rels", rels},
                     {"xl/sharedStrings.xml", sst},
                     {"xl/worksheets/sheet1.xml", sheet1},
                     {"xl/worksheets/sheet2.xml", sheet(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>not this sheet</t></is></c></row>)")}});
}

std::string file_bytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The rows the portal's layout has, as tests/portal/make_portal_xlsx.c writes them.
const std::string portal_rows = "3:1@3:1 1.002211\n"
                                "3:2@3:2 Thủ tục công nhận hòa giải viên (cấp xã)\n"
                                "3:3@3:3 Bộ Tư pháp\n"
                                "3:4@3:4 Chủ tịch UBND cấp xã\n"
                                "3:5@3:5 Hòa giải ở cơ sở\n";

}  // namespace

TEST_CASE("parse_xlsx reads the first sheet: shared strings with runs, inline strings, numbers, gaps")
{
    const std::string bytes = xlsx(sheet(
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>)"
        R"(<row r="4"><c r="B4"><v>1.0011930000000001</v></c><c t="inlineStr"><is><r><t>Hộ </t></r><r><t>tịch</t></r></is></c>)"
        R"(<c r="E4" t="s"><v>2</v></c><c r="F4" t="b"><v>1</v></c><c r="G4" t="str"><v>=A1</v></c><c r="H4"/></row>)"
        R"(<row><c r="A5" t="inlineStr"><is><t>next row</t></is></c></row>)"));
    CHECK(dump(parse_xlsx(bytes, "list.xlsx")) ==
          "1:1@1:1 Mã số\n"
          "1:3@1:3 Thủ tục đăng ký\n"
          "4:2#@4:2 1.0011930000000001\n"
          "4:3@4:3 Hộ tịch\n"
          "4:5@4:5 Ủy ban nhân dân cấp xã\\nCông an cấp xã\\n\n"
          "4:6@4:6 TRUE\n"
          "4:7@4:7 =A1\n"
          "5:1@5:1 next row\n");
}

TEST_CASE("parse_xlsx gives every cell of a merged range its top-left value")
{
    const std::string bytes = xlsx(sheet(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>Danh sách</t></is></c></row>)"
                                         R"(<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>)",
                                         R"(<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>)"));
    CHECK(dump(parse_xlsx(bytes, "list.xlsx")) ==
          "1:1@1:1 Danh sách\n1:2@1:2 Danh sách\n1:3@1:3 Danh sách\n2:1@2:1 x\n");
}

TEST_CASE("parse_xlsx reads what libxlsxwriter writes, with shared strings and with inline strings")
{
    for (const char* name : {"portal.xlsx", "portal-inline.xlsx"}) {
        INFO(name);
        const auto rows = parse_xlsx(file_bytes(std::string(TTHC_PORTAL_DIR) + "/" + name), name);
        REQUIRE(rows.size() == 14);  // rows 1 to 15 without the empty row 7
        const std::string title = "Danh sách thủ tục hành chính của Bộ Tư pháp";
        // the shared-strings file merges the title across A1:E1; constant-memory mode cannot merge
        CHECK(rows[0].cells.size() == (std::string(name) == "portal.xlsx" ? 5u : 1u));
        CHECK(rows[0].cells[0].text == title);
        CHECK(dump({rows[1], rows[2]}) == "2:1@2:1 Mã số\n2:2@2:2 Tên\n2:3@2:3 Cơ quan ban hành\n"
                                          "2:4@2:4 Cơ quan thực hiện\n2:5@2:5 Lĩnh vực\n" + portal_rows);
        CHECK(rows[5].row == 6);
        CHECK(rows[6].row == 8);  // row 7 is empty
        CHECK(dump({rows[6]}).substr(0, 17) == "8:1#@8:1 2.00208\n");
        CHECK(rows[7].cells[3].text == "Ủy ban nhân dân cấp xã\nCơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại");
    }
}

TEST_CASE("parse_xlsx refuses what is not a workbook, naming the file and the part")
{
    CHECK_THROWS_WITH(parse_xlsx("Mã số,Tên\n", "list.xlsx"), "list.xlsx: not an XLSX file (not a zip archive)");
    CHECK_THROWS_WITH(parse_xlsx(make_zip({{"word/document.xml", "<w/>"}}), "list.xlsx"),
                      "list.xlsx: not an XLSX workbook: it has no xl/workbook.xml");
    CHECK_THROWS_WITH(parse_xlsx(xlsx(sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></row>")), "list.xlsx"),
                      "list.xlsx: xl/worksheets/sheet1.xml:2: not well-formed XML: Premature end of data in tag "
                      "worksheet line 2");
    CHECK_THROWS_WITH(parse_xlsx(xlsx(sheet(R"(<row r="1"><c r="A1" t="s"><v>7</v></c></row>)")), "list.xlsx"),
                      "list.xlsx: xl/worksheets/sheet1.xml:2: cell A1 names shared string '7', which the workbook "
                      "does not have");
    CHECK_THROWS_WITH(parse_xlsx(xlsx(sheet(R"(<row r="3"><c r="B4"><v>1</v></c></row>)")), "list.xlsx"),
                      "list.xlsx: xl/worksheets/sheet1.xml:2: cell reference 'B4' is not a cell of row 3");
    CHECK_THROWS_WITH(parse_xlsx(xlsx(sheet(R"(<row r="1"><c r="AAAA1"><v>1</v></c></row>)")), "list.xlsx"),
                      "list.xlsx: xl/worksheets/sheet1.xml:2: cell reference 'AAAA1' is not a cell of row 1");
}

TEST_CASE("parse_xlsx refuses hostile files: a DOCTYPE, a zip bomb, a merged range over the whole sheet")
{
    const std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
                               "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n<sst><si><t>&lol2;</t></si></sst>";
    CHECK_THROWS_WITH(parse_xlsx(xlsx(sheet(""), laughs), "list.xlsx"),
                      "list.xlsx: xl/sharedStrings.xml:2: a DOCTYPE is not allowed (the toolkit reads no DTD and "
                      "expands no entity)");
    // 65 MiB of spaces, a few hundred kilobytes zipped
    const std::string bomb = sheet(std::string(65u << 20, ' '));
    CHECK_THROWS_WITH(parse_xlsx(xlsx(bomb), "list.xlsx"),
                      "list.xlsx: xl/worksheets/sheet1.xml is bigger than 64 MiB uncompressed; refused");
    CHECK_THROWS_WITH(parse_xlsx(xlsx(sheet(R"(<row r="1"><c r="A1"><v>1</v></c></row>)",
                                            R"(<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>)")),
                                 "list.xlsx"),
                      "list.xlsx: xl/worksheets/sheet1.xml:2: merged ranges cover more than 100000 cells; refused");
}

TEST_CASE("parse_csv reads RFC 4180: quotes, doubled quotes, line breaks in fields, CRLF, a BOM")
{
    const std::string csv = "\xEF\xBB\xBF"
                            "Danh sách,,\r\n"
                            "Mã số,Tên,Cơ quan thực hiện\r\n"
                            "1.001193,\"Thủ tục \"\"đăng ký\"\" khai sinh\",\"Ủy ban nhân dân cấp xã\r\nCông an, cấp xã\"\r\n"
                            "\r\n"
                            ",,\n"
                            "2.000424,Tên,x\n";
    CHECK(dump(parse_csv(csv, "list.csv")) ==
          "1:1@1:1 Danh sách\n"
          "2:1@2:1 Mã số\n2:2@2:7 Tên\n2:3@2:11 Cơ quan thực hiện\n"
          "3:1@3:1 1.001193\n3:2@3:10 Thủ tục \"đăng ký\" khai sinh\n3:3@3:42 Ủy ban nhân dân cấp xã\\nCông an, cấp xã\n"
          "6:1@7:1 2.000424\n6:2@7:10 Tên\n6:3@7:14 x\n");
    CHECK(parse_csv("", "list.csv").empty());
    CHECK(parse_csv("\xEF\xBB\xBF", "list.csv").empty());
    CHECK(dump(parse_csv("a,b", "list.csv")) == "1:1@1:1 a\n1:2@1:3 b\n");
}

TEST_CASE("parse_csv names the line and column of a broken quote or bad UTF-8")
{
    CHECK_THROWS_WITH(parse_csv("Mã số,Tên\n1.001193,\"Thủ tục\nđăng ký\n", "list.csv"),
                      "list.csv:2:10: the quoted field that starts here is not closed");
    CHECK_THROWS_WITH(parse_csv("Mã số,Tên\n1.001193,\"Thủ tục\" đăng ký\n", "list.csv"),
                      "list.csv:2:19: text after the closing quote of a field");
    CHECK_THROWS_WITH(parse_csv("Mã số,Tên\n1.001193,Thủ \"tục\"\n", "list.csv"),
                      "list.csv:2:14: a quote inside a field that does not start with one");
    CHECK_THROWS_WITH(parse_csv("Mã số,Tên\n1.001193,Th\xE1\n", "list.csv"), "list.csv:2:12: not valid UTF-8");
}

TEST_CASE("read_sheet goes by the extension and names the path")
{
    test::TempDir dir("spreadsheet");
    std::ofstream(dir / "list.CSV") << "Mã số,Tên\n";
    CHECK(dump(read_sheet(dir / "list.CSV")) == "1:1@1:1 Mã số\n1:2@1:7 Tên\n");
    std::ofstream(dir / "list.ods") << "x";
    CHECK_THROWS_WITH(read_sheet(dir / "list.ods"), dir / "list.ods" + ": not a .xlsx or .csv file");
    CHECK_THROWS_WITH(read_sheet(dir / "none.xlsx"), "'" + dir / "none.xlsx" + "': cannot read the file");
}
