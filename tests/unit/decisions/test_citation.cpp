#include <catch2/catch.hpp>

#include "catalog/loader.hpp"
#include "decisions/citation.hpp"
#include "test_support.hpp"

using namespace tthc;

namespace {

LegalBasis basis(const std::string& number, const std::string& title)
{
    LegalBasis b;
    b.number.value = number;
    b.title.value = title;
    return b;
}

const Catalog& empty_catalog()
{
    static const Catalog c;
    return c;
}

std::string cite_plain(const std::string& number, const std::string& title)
{
    return cite(basis(number, title), empty_catalog());
}

}  // namespace

TEST_CASE("symbol_meaning derives kind and issuer from the số ký hiệu")
{
    CHECK(symbol_meaning("123/2015/NĐ-CP").kind == "Nghị định");
    CHECK(symbol_meaning("123/2015/NĐ-CP").issuer == "Chính phủ");
    CHECK(symbol_meaning("04/2024/TT-BTP").kind == "Thông tư");
    CHECK(symbol_meaning("04/2024/TT-BTP").issuer == "Bộ trưởng Bộ Tư pháp");
    CHECK(symbol_meaning("02/2017/TT-VPCP").issuer == "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ");
    CHECK(symbol_meaning("05/2015/TTLT-BTP-BCA-BYT").kind == "Thông tư liên tịch");
    CHECK(symbol_meaning("05/2015/TTLT-BTP-BCA-BYT").issuer ==
          "Bộ trưởng Bộ Tư pháp, Bộ trưởng Bộ Công an, Bộ trưởng Bộ Y tế");
    CHECK(symbol_meaning("19/2018/QĐ-TTg").kind == "Quyết định");
    CHECK(symbol_meaning("19/2018/QĐ-TTg").issuer == "Thủ tướng Chính phủ");
    CHECK(symbol_meaning("66.7/2025/NQ-CP").kind == "Nghị quyết");
    CHECK(symbol_meaning("66.7/2025/NQ-CP").issuer == "Chính phủ");
    // a law, a code or a resolution of the Quốc hội: the register must say which
    CHECK(symbol_meaning("60/2014/QH13").kind.empty());
    CHECK(symbol_meaning("60/2014/QH13").issuer == "Quốc hội");
    // a provincial decision does not say which province
    CHECK(symbol_meaning("84/2025/QĐ-UBND").kind == "Quyết định");
    CHECK(symbol_meaning("84/2025/QĐ-UBND").issuer.empty());
    CHECK(symbol_meaning("not a number").kind.empty());
}

TEST_CASE("portal titles lose what repeats the kind, the number, the date and the issuer")
{
    CHECK(cite_plain("123/2015/NĐ-CP", "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết "
                                       "một số điều và biện pháp thi hành Luật Hộ tịch") ==
          "Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 của Chính phủ quy định chi tiết một số điều và biện "
          "pháp thi hành Luật Hộ tịch");
    // the portal prints the title then "số" and the number: it is the circular's number, not the law's
    CHECK(cite_plain("04/2024/TT-BTP", "Sửa đổi, bổ sung một số điều của Thông tư số 04/2020/TT-BTP số 04/2024/TT-BTP") ==
          "Thông tư số 04/2024/TT-BTP của Bộ trưởng Bộ Tư pháp sửa đổi, bổ sung một số điều của Thông tư số "
          "04/2020/TT-BTP");
    CHECK(cite_plain("85/2019/TT-BTC", "Thông tư Hướng dẫn về phí và lệ phí.;") ==
          "Thông tư số 85/2019/TT-BTC của Bộ trưởng Bộ Tài chính hướng dẫn về phí và lệ phí");
    CHECK(cite_plain("66.7/2025/NQ-CP", "Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm") ==
          "Nghị quyết số 66.7/2025/NQ-CP của Chính phủ quy định cắt giảm");
    CHECK(cite_plain("05/2015/TTLT-BTP-BCA-BYT", "Thông tư liên tich 05/2015/TTLT-BTP-BCA-BYT") ==
          "Thông tư liên tịch số 05/2015/TTLT-BTP-BCA-BYT của Bộ trưởng Bộ Tư pháp, Bộ trưởng Bộ Công an, Bộ trưởng "
          "Bộ Y tế");
}

TEST_CASE("laws are cited by their name, and a name not known is not invented")
{
    CHECK(cite_plain("60/2014/QH13", "Luật 60/2014/QH13") == "Luật số 60/2014/QH13");
    CHECK(cite_plain("60/2014/QH13", "Luật Hộ tịch") == "Luật Hộ tịch số 60/2014/QH13");
    CHECK(cite_plain("25/2008/QH12", "Luật 25/2008/QH12 - Bảo hiểm y tế") == "Luật Bảo hiểm y tế số 25/2008/QH12");
    CHECK(cite_plain("91/2015/QH13", "Bộ luật Dân sự") == "Bộ luật Dân sự số 91/2015/QH13");
    // nothing says what kind: the citation says only what is known
    CHECK(cite_plain("01/2013/TT-BVHTTDL", "01/2013/TT-BVHTTDL") ==
          "Thông tư số 01/2013/TT-BVHTTDL của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch");
}

TEST_CASE("the register describes each document once and wins over the portal's title")
{
    std::string text = test::catalog_header + R"(
[[legal_document]]
number = "60/2014/QH13"
kind = "Luật"
title = "Luật Hộ tịch"
issued = 2014-11-20

[[legal_document]]
number = "04/2024/TT-BTP"
title = "sửa đổi, bổ sung một số điều của Thông tư số 04/2020/TT-BTP"
amends = ["04/2020/TT-BTP"]
)";
    const LoadResult r = load_catalog_text(text, "t.toml");
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.catalog.legal_documents.size() == 2);
    CHECK(r.catalog.legal_documents[1].amends.at(0).value == "04/2020/TT-BTP");
    CHECK(cite(basis("60/2014/QH13", "Luật 60/2014/QH13"), r.catalog) ==
          "Luật Hộ tịch số 60/2014/QH13 ngày 20 tháng 11 năm 2014");
    CHECK(format_citation(resolve_number("04/2024/TT-BTP", r.catalog)) ==
          "Thông tư số 04/2024/TT-BTP của Bộ trưởng Bộ Tư pháp sửa đổi, bổ sung một số điều của Thông tư số "
          "04/2020/TT-BTP");
    // not in the register: the symbol still says the kind and the issuer
    CHECK(format_citation(resolve_number("18/2026/NĐ-CP", r.catalog)) == "Nghị định số 18/2026/NĐ-CP của Chính phủ");
    // not a số ký hiệu: kept as written
    CHECK(format_citation(resolve_number("Nghị định số 18/2026/NĐ-CP ngày 10 tháng 01 năm 2026", r.catalog)) ==
          "Nghị định số 18/2026/NĐ-CP ngày 10 tháng 01 năm 2026");
}

TEST_CASE("the register's unknown keys are findings")
{
    const LoadResult r = load_catalog_text(test::catalog_header + "\n[[legal_document]]\nnumber = \"60/2014/QH13\"\n"
                                                                  "titel = \"Luật Hộ tịch\"\n",
                                           "t.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].pos.line == 10);
    CHECK(r.diagnostics[0].message == "unknown key 'titel' in legal document; did you mean 'title'?");
}
