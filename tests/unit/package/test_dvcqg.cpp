#include <catch2/catch.hpp>

#include <string>

#include "catalog/catalog_writer.hpp"
#include "catalog/loader.hpp"
#include "package/dvcqg.hpp"
#include "package/dvcqg_json.hpp"
#include "test_support.hpp"

using namespace tthc;

namespace {

std::string where(std::string_view text, std::size_t offset)
{
    const Pos p = json_pos(text, offset);
    return std::to_string(p.line) + ":" + std::to_string(p.column);
}

std::string findings(const std::vector<Diagnostic>& diags)
{
    std::string out;
    for (const auto& d : diags)
        out += d.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " + d.message + " [" +
               std::string(rule_id(d.rule)) + "]\n";
    return out;
}

// Everything the extension key has to carry, in one procedure.
const std::string rich = tthc::test::catalog_header + R"(agency_id = "000.00.00.H99"

[[procedure]]
code = "1.001193"
name = "Thủ tục đăng ký khai sinh"
field = "Hộ tịch"
levels = ["xã", "khác"]
kind = "TTHC đặc thù"
subjects = ["Công dân Việt Nam"]
agency = "Ủy ban nhân dân cấp xã"
coordinating = ""
online = "toàn trình"
steps = ["Nộp hồ sơ.", "Nhận kết quả."]
related = ["1.000689"]

[[procedure.results]]
name = "Giấy khai sinh"

[[procedure.channels]]
kind = "trực tiếp"
time = "5 ngày làm việc"
fee = 8000
currency = "VND"
fee_note = "Lệ phí"
case = "Đăng ký quá hạn"
note = "Trả kết quả trong ngày nếu nộp trước 15 giờ"

[[procedure.channels]]
kind = "qua ứng dụng"
time = "Trong ngày"

[[procedure.dossier]]
name = "Tờ khai"
form = "Mẫu TP/HT-2020-KS.1"
originals = 1
copies = 0

[[procedure.dossier]]
name = "Giấy chứng sinh"
originals = 1
copies = 0
case = "Trẻ sinh tại cơ sở y tế"

[[procedure.dossier]]
name = "Căn cước của người đi đăng ký"
originals = 0
copies = 0
present_only = true

[[procedure.legal_basis]]
number = "60/2014/QH13"
title = "Luật Hộ tịch"
issued = 2014-11-20
issuer = "Quốc hội"
)";

}  // namespace

TEST_CASE("the JSON tree keeps where each value starts")
{
    const std::string text = "{\n  \"A\": [1, \"x\"],\n  \"B\": {\"C\": null}\n}";
    auto parsed = parse_json_tree(text);
    REQUIRE(std::holds_alternative<JsonValue>(parsed));
    const JsonValue& root = std::get<JsonValue>(parsed);
    const JsonValue* a = root.find("A");
    REQUIRE(a);
    CHECK(where(text, a->offset) == "2:8");
    REQUIRE(a->items.size() == 2);
    CHECK(where(text, a->items[0].offset) == "2:9");
    CHECK(a->items[0].text == "1");
    CHECK(where(text, a->items[1].offset) == "2:12");
    CHECK(where(text, root.find("B")->find("C")->offset) == "3:14");
    CHECK(root.find("b") == root.find("B"));  // "Url" for "URL"
}

TEST_CASE("a JSON syntax error says where it is")
{
    const std::string text = "{\"A\": [1, 2}";
    auto parsed = parse_json_tree(text);
    REQUIRE(std::holds_alternative<JsonError>(parsed));
    const JsonError& e = std::get<JsonError>(parsed);
    CHECK(where(text, e.offset) == "1:12");
    CHECK(e.message == "syntax error while parsing array - unexpected '}'; expected ']'");
}

TEST_CASE("nesting is cut off at 64 levels")
{
    const std::string ok = std::string(64, '[') + std::string(64, ']');
    CHECK(std::holds_alternative<JsonValue>(parse_json_tree(ok)));
    const std::string deep = std::string(65, '[') + std::string(65, ']');
    auto parsed = parse_json_tree(deep);
    REQUIRE(std::holds_alternative<JsonError>(parsed));
    CHECK(where(deep, std::get<JsonError>(parsed).offset) == "1:65");
    CHECK(std::get<JsonError>(parsed).message == "arrays and objects nested deeper than 64 levels");
}

TEST_CASE("a record with wrong types is reported value by value")
{
    const std::string text = R"({"MATTHC": "1.001193", "CAPTHUCHIEN": "3",
 "CACHTHUCTHUCHIEN": [{"KENH": ["1"]}, 7]})";
    const DvcqgFile f = read_dvcqg_json(text, "r.json");
    CHECK(findings(f.diagnostics) ==
          "r.json:1:39: CAPTHUCHIEN: expected an array, found a string [dvcqg-record]\n"
          "r.json:2:32: KENH: expected a string or a number, found an array [dvcqg-record]\n"
          "r.json:2:40: CACHTHUCTHUCHIEN: expected an object, found a number [dvcqg-record]\n");
}

TEST_CASE("a service reply must say error_code 0")
{
    const DvcqgFile f = read_dvcqg_json("{\"error_code\": 2, \"result\": []}", "r.json");
    CHECK(findings(f.diagnostics) == "r.json:1:16: the service replied with error_code 2, not 0 [dvcqg-record]\n");
}

TEST_CASE("list entries are counted, not imported")
{
    const DvcqgFile f = read_dvcqg_json(R"([{"MATTHC": "1.001193", "TENTTHC": "Đăng ký khai sinh"}])", "l.json");
    CHECK(f.diagnostics.empty());
    CHECK(f.procedures.empty());
    CHECK(f.list_entries == 1);
}

TEST_CASE("what the national keys cannot say travels in X_TTHC and comes back")
{
    const LoadResult loaded = load_catalog_text(rich, "rich.toml");
    // A channel kind the format does not know is a finding, yet the model keeps it; the export carries it.
    CHECK(findings(loaded.diagnostics) ==
          "rich.toml:35:8: 'kind' is \"qua ứng dụng\"; expected one of \"trực tiếp\", \"trực tuyến\", \"bưu chính\" "
          "[bad-value]\n");
    REQUIRE(loaded.catalog.procedures.size() == 1);
    const Procedure& p = loaded.catalog.procedures.front();
    const std::string json = dvcqg_procedure_json(p, "000.00.00.H99");
    const auto x = json.find("\"X_TTHC\"");
    REQUIRE(x != std::string::npos);
    CHECK(json.substr(x) == R"("X_TTHC": {
        "kind": "TTHC đặc thù",
        "levels": [
          "xã",
          "khác"
        ],
        "channels": [
          {
            "case": "Đăng ký quá hạn"
          },
          {
            "kind": "qua ứng dụng"
          }
        ],
        "dossier": [
          {},
          {},
          {
            "present_only": true
          }
        ]
      }
    }
  ]
}
)");
    CHECK(json.find(R"("NGAYBANHANH": "20/11/2014")") != std::string::npos);
    const DvcqgFile back = read_dvcqg_json(json, "1.001193.json");
    REQUIRE(back.diagnostics.empty());
    REQUIRE(back.procedures.size() == 1);
    CHECK(procedure_toml(back.procedures.front()) == procedure_toml(p));
}
