#include <catch2/catch.hpp>

#include "test_support.hpp"

#include "checks/content.hpp"
#include "checks/lint.hpp"
#include "checks/report.hpp"

using namespace tthc;

namespace {

// The content findings of the one procedure of a single-file catalog whose
// [[procedure]] table starts at line 7; `extra` starts at line 13, after agency.
std::string content(const std::string& extra, Date today = {2026, 11, 27})
{
    const std::string text = tthc::test::catalog_header +
                             "[[procedure]]\ncode = \"1.001193\"\nname = \"Thủ tục đăng ký khai sinh\"\nfield = \"Hộ tịch\"\n"
                             "levels = [\"xã\"]\nagency = \"Ủy ban nhân dân cấp xã\"\n" +
                             extra +
                             "[[procedure.channels]]\nkind = \"trực tiếp\"\ntime = \"1 ngày làm việc\"\n";
    LoadResult r = load_catalog_text(text, "c.toml");
    REQUIRE(r.catalog.procedures.size() == 1);
    std::string out;
    for (const auto& d : check_procedure_content(r.catalog.procedures[0], "c.toml", LintOptions{today}))
        out += format_diagnostic(d, false);
    return out;
}

std::string legal(const std::string& number, const std::string& title)
{
    return "[[procedure.legal_basis]]\nnumber = \"" + number + "\"\ntitle = \"" + title + "\"\n";
}

}  // namespace

TEST_CASE("legal numbers glued together, as 2.001023 publishes its legal basis")
{
    CHECK(content(legal("158/2005/NĐ-CP", "Thông tư 08.a/2010/TT-BTP08.a/2010/TT-BTPThông tư 09b/2013/TT-BTP09b/2013/"
                                          "TT-BTPNghị định 158/2005/NĐ-CP")) ==
          "c.toml:15:9: error: legal_basis.title runs legal numbers into other text: 08.a/2010/TT-BTP twice with nothing "
          "between; 08.a/2010/TT-BTP glued to the text after it, \"…TT-BTPThông…\"; 09b/2013/TT-BTP twice with nothing "
          "between; 09b/2013/TT-BTP glued to the text after it, \"…TT-BTPNghị …\"; write each document once, with its "
          "number set apart (one legal_basis row each) [glued-legal-number]\n");
}

TEST_CASE("a legal number cut short, glued after a full stop, or broken by a space")
{
    CHECK(content("conditions = \"theo Nghị định số 55/2015/NĐ-về chính sách tín dụng\"\n") ==
          "c.toml:13:14: error: conditions runs legal numbers into other text: 55/2015/NĐ- cut short, \"…số "
          "55/2015/NĐ-về chí…\"; write each document once, with its number set apart (one legal_basis row each) "
          "[glued-legal-number]\n");
    CHECK(content(legal("123/2013/NĐ-CP", "thuộc phạm vi quản lý của Bộ Tư pháp.18/2026/NĐ-CP quy định chi tiết")) ==
          "c.toml:15:9: error: legal_basis.title runs legal numbers into other text: 18/2026/NĐ-CP glued to the text "
          "before it, \"… Bộ Tư pháp.18/2026/NĐ-CP qu…\"; write each document once, with its number set apart (one "
          "legal_basis row each) [glued-legal-number]\n");
    CHECK(content(legal("11/2020/TT-BTP", "Thông tư số 11/2020/TT- BTP ngày 31/12/2020")) ==
          "c.toml:15:9: error: legal_basis.title runs legal numbers into other text: 11/2020/TT- broken by a space after "
          "'-', \"…số 11/2020/TT- BTP n…\"; write each document once, with its number set apart (one legal_basis row "
          "each) [glued-legal-number]\n");
}

TEST_CASE("legal numbers written as they should be are not reported")
{
    CHECK(content("conditions = \"Nghị định số 123/2015/NĐ-CP ngày 15/11/2015; Quyết định 24/2024/QĐ-UBND. (Thông tư "
                  "04/2020/TT-BTP), Luật 60/2014/QH13, 19/2018/QĐ-TTg, 01/2014/NQLT-CP-UBTƯMTTQVN, 66.7/2025/NQ-CP và "
                  "Thông tư 08.a/2010/TT-BTP\"\n") == "");
}

TEST_CASE("districts and thị trấn named after 1 July 2025, not in legal basis titles")
{
    const std::string extra = "steps = [\"Chuyển hồ sơ cho Bảo hiểm xã hội cấp huyện để cấp thẻ.\", \"Kể câu chuyện.\"]\n" +
                              legal("01/2020/QĐ-UBND", "Quyết định về Quận/huyện");
    CHECK(content(extra, Date{2025, 6, 30}) == "");
    CHECK(content(extra) ==
          "c.toml:13:10: warning: steps names \"huyện\" (\"…cho Bảo hiểm xã hội cấp huyện để cấp thẻ…\"): since 1 "
          "July 2025 there are no districts (cấp huyện) and no thị trấn; name the body that does this now (cấp tỉnh or "
          "cấp xã) [district-named]\n");
    CHECK(content("address = \"Ủy ban nhân dân xã, phường, Thị trấn\"\n") ==
          "c.toml:13:11: warning: address names \"Thị trấn\" (\"…an nhân dân xã, phường, Thị trấn\"): since 1 July 2025 "
          "there are no districts (cấp huyện) and no thị trấn; name the body that does this now (cấp tỉnh or cấp xã) "
          "[district-named]\n");
}

TEST_CASE("capitals in the name of a body, against Nghị định 30/2020")
{
    CHECK(content("authority = \"Ủy ban Nhân dân tỉnh\"\n") ==
          "c.toml:13:13: warning: authority writes \"Ủy ban Nhân dân\"; write \"Ủy ban nhân dân\" (Nghị định "
          "30/2020/NĐ-CP: only the first word of the kind of body takes a capital) [capitals]\n");
    CHECK(content("conditions = \"Theo nghị quyết của Hội Đồng Nhân Dân\"\n") ==
          "c.toml:13:14: warning: conditions writes \"Hội Đồng Nhân Dân\"; write \"Hội đồng nhân dân\" (Nghị định "
          "30/2020/NĐ-CP: only the first word of the kind of body takes a capital) [capitals]\n");
    CHECK(content("conditions = \"ỦY BAN NHÂN DÂN TỈNH; Ủy ban nhân dân cấp xã; các ủy ban nhân dân\"\n") == "");
}

TEST_CASE("abbreviations never written out")
{
    CHECK(content("authority = \"Chủ tịch UBND cấp xã\"\n") ==
          "c.toml:13:13: warning: authority abbreviates \"Ủy ban nhân dân\" as \"UBND\" (\"Chủ tịch UBND cấp xã\"); write "
          "it out, as Nghị định 30/2020/NĐ-CP asks of a name not written out before with its abbreviation in brackets "
          "[abbreviation]\n");
    // written out once with the abbreviation in brackets; a symbol; a legal basis title
    CHECK(content("conditions = \"Ủy ban nhân dân (UBND) cấp xã\"\nauthority = \"Chủ tịch UBND cấp xã\"\n") == "");
    CHECK(content("conditions = \"theo Quyết định 84/2025/QĐ-UBND\"\n" + legal("84/2025/QĐ-UBND", "Quyết định của UBND")) ==
          "");
}

TEST_CASE("the same value pasted twice")
{
    CHECK(content("subjects = [\"Công dân Việt Nam; Công dân Việt Nam\", \"Hà Hà\"]\n") ==
          "c.toml:13:13: warning: subjects is the same text twice (\"Công dân Việt Nam\"); keep it once [repeated-text]\n");
    CHECK(content("coordinating = \"Bảo hiểm xã hộiBảo hiểm xã hội\"\n") ==
          "c.toml:13:16: warning: coordinating is the same text twice (\"Bảo hiểm xã hội\"); keep it once "
          "[repeated-text]\n");
    CHECK(content(legal("104/2022/NĐ-CP", "Nghị định sửa đổi") + legal("60/2014/QH13", "Luật Hộ tịch") +
                  legal("104/2022/NĐ-CP", "Nghị định sửa đổi")) ==
          "c.toml:19:1: warning: legal basis 104/2022/NĐ-CP is cited again (first at line 13); keep one row "
          "[repeated-text]\n");
}

TEST_CASE("dossier entries that are notes, as 1.001193 publishes them")
{
    auto entry = [](const std::string& name, int originals, const std::string& more = "") {
        return "[[procedure.dossier]]\nname = \"" + name + "\"\noriginals = " + std::to_string(originals) +
               "\ncopies = 0\n" + more;
    };
    const std::string extra =
        entry("Cơ quan đăng ký hộ tịch từ chối giải quyết.", 0, "case = \"Lưu ý\"\n") +
        entry("Lưu ý: *) Các giấy tờ do cơ quan nước ngoài cấp phải được hợp pháp hóa lãnh sự", 1) +
        entry("Người có yêu cầu thực hiện việc nộp các giấy tờ sau:", 0) +
        entry("Trường hợp người yêu cầu đã nộp bản điện tử Giấy chứng sinh thì không phải nộp bản giấy.", 0) +
        entry("Người yêu cầu có trách nhiệm nộp đầy đủ bản sao các giấy tờ nêu trên", 0) +
        // documents: conditional, with a quantity, and a hộ tịch act named "ghi chú"
        entry("Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi.", 1) +
        entry("Giấy chứng sinh", 1) + entry("Ghi chú kết hôn đã thực hiện ở nước ngoài (bản sao)", 1);
    CHECK(content(extra) ==
          "c.toml:14:8: warning: dossier entry \"Cơ quan đăng ký hộ tịch từ chối giải quy…\" is a note, not a document "
          "(its case is \"Lưu ý\"); move the note to conditions, or name the document it asks for [dossier-note]\n"
          "c.toml:19:8: warning: dossier entry \"Lưu ý: *) Các giấy tờ do cơ quan nước ng…\" is a note, not a document "
          "(it begins with \"Lưu ý\"); move the note to conditions, or name the document it asks for [dossier-note]\n"
          "c.toml:23:8: warning: dossier entry \"Người có yêu cầu thực hiện việc nộp các …\" is a note, not a document "
          "(it is a heading (it ends in ':') with 0 bản chính, 0 bản sao); move the note to conditions, or name the "
          "document it asks for [dossier-note]\n"
          "c.toml:27:8: warning: dossier entry \"Trường hợp người yêu cầu đã nộp bản điện…\" is a note, not a document "
          "(it is a rule (\"Trường hợp … thì …\") with 0 bản chính, 0 bản sao); move the note to conditions, or name "
          "the document it asks for [dossier-note]\n"
          "c.toml:31:8: warning: dossier entry \"Người yêu cầu có trách nhiệm nộp đầy đủ …\" is a note, not a document "
          "(it states a duty (\"… có trách nhiệm …\") with 0 bản chính, 0 bản sao); move the note to conditions, or "
          "name the document it asks for [dossier-note]\n");
}

TEST_CASE("check_procedure carries the content rules, which export turns off for shrunken procedures")
{
    const std::string text = tthc::test::catalog_header +
                             "[[procedure]]\ncode = \"1.001193\"\nname = \"Thủ tục\"\nfield = \"Hộ tịch\"\nlevels = [\"xã\"]\n"
                             "agency = \"Chủ tịch UBND cấp xã\"\n";
    LoadResult r = load_catalog_text(text, "c.toml");
    REQUIRE(r.catalog.procedures.size() == 1);
    const Procedure& p = r.catalog.procedures[0];
    LintOptions on{Date{2026, 11, 27}};
    LintOptions off = on;
    off.content = false;
    CHECK(check_procedure(p, "c.toml", on).size() == 1);
    CHECK(check_procedure(p, "c.toml", off).empty());
    CHECK(check_procedure_content(p, "c.toml", off).size() == 1);  // asked for by name: always run
}
