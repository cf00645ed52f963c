#include <catch2/catch.hpp>

#include "test_support.hpp"

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
