// The frame every decision the toolkit drafts shares (Nghị định 30/2020/NĐ-CP,
// Phụ lục I: quyết định cá biệt): issuing body and national motto, number,
// place and date, type and summary, competent person, căn cứ, articles,
// recipients and signature, then appendices. Announcements, abolitions,
// process approvals and simplification plans all build on it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "documents/document.hpp"
#include "catalog/model.hpp"
#include "core/values.hpp"

namespace tthc {

struct Signature {
    std::string signer;        // "Nguyễn Văn A"
    std::string signer_title;  // "Phó Chủ tịch" (default: the head: Chủ tịch / Bộ trưởng)
    std::string sign_mode;     // "KT. CHỦ TỊCH" (TM., KT., Q., TL., TUQ.), empty when the head signs
};

// One article: "Điều N. <title>" in bold when it has a title, then its
// paragraphs (the first one runs on after "Điều N." when there is no title).
struct Article {
    std::string title;
    std::vector<std::string> paragraphs;
    Article(std::string text) : paragraphs{std::move(text)} {}  // NOLINT: an article of one paragraph
    Article(std::string t, std::vector<std::string> p) : title(std::move(t)), paragraphs(std::move(p)) {}
};

struct DecisionFrame {
    std::string number;                   // "280/QĐ-UBND"
    Date date;                            // signing date
    std::string summary;                  // trích yếu: "Về việc ..."
    std::vector<std::string> basis;       // căn cứ, without final punctuation (";" and "." are added)
    std::vector<Article> articles;
    std::vector<std::string> recipients;  // "- Như Điều 3;" ...; empty: the defaults for the authority, naming the last article
    std::vector<std::string> ministries;  // added to the default recipients: the ministries managing the fields
    Signature signature;
};

// Who proposes the decision and with which submission (Tờ trình).
struct Proposal {
    std::string proposer;                 // "Giám đốc Sở Tư pháp"; empty: the default for the department
    std::string submission;               // "125/TTr-STP"
    std::optional<Date> submission_date;
};

// "Theo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số 125/TTr-STP ngày …";
// without a Tờ trình, only the proposer. `department` gives the default
// proposer (its Giám đốc); a ministry's default is the Chánh Văn phòng Bộ.
std::string proposal_line(const Catalog& c, const Proposal& p, const std::string& department);

// The proposer as the last article names it (default as above).
std::string proposer_of(const Catalog& c, const Proposal& p, const std::string& department);

// The department managing all these fields: `given` when not empty, else the
// [[field]] departments of catalog.toml (joined when several); empty when one
// field has none.
std::string managing_department(const Catalog& c, const std::vector<std::string>& fields, const std::string& given);

// The ministries managing these fields ([[field]] ministry), in order, once each.
std::vector<std::string> managing_ministries(const Catalog& c, const std::vector<std::string>& fields);

// "05": counts in decisions take two digits.
std::string count2(std::size_t n);

// The heading of a group of procedures run at the same levels: "Thủ tục hành
// chính cấp tỉnh, cấp xã" (real decisions list such a procedure once, under
// its combined heading).
std::string levels_heading(const std::vector<std::string>& levels);
// The levels of a procedure in rank order, once each.
std::vector<std::string> sorted_levels(const Procedure& p);
// Orders groups of levels: by the highest level, then by fewer levels first.
bool levels_less(const std::vector<std::string>& a, const std::vector<std::string>& b);

bool is_ministry(const Catalog& c);

// "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI" or "BỘ TƯ PHÁP".
std::string issuing_body(const Catalog& c);

// "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" / "BỘ TRƯỞNG BỘ TƯ PHÁP", and in running text.
std::string competent_person(const Catalog& c);
std::string competent_person_lower(const Catalog& c);

// The căn cứ every decision on procedures starts with: the law on the
// authority's organisation (2025) and Nghị định 63/2010/NĐ-CP as amended.
// Officers check them against the law in force; the man pages say so.
std::vector<std::string> standing_basis(const Catalog& c);

// The usual last article: who carries the decision out (ends with "./."):
// "các xã, phường" and, where the catalog says it has them, "đặc khu".
std::string executing_article(const Catalog& c, const std::string& proposer);

// "các xã, phường" or "các xã, phường, đặc khu" (catalog.toml special_zones).
std::string communes(const Catalog& c);

// Appends the decision, from the header blocks to the signature.
void add_decision(doc::Document& d, const Catalog& c, const DecisionFrame& f);

// Appends a page break and the appendix title: "PHỤ LỤC", the title in
// capitals, "(Kèm theo Quyết định số ... ngày ... của ...)". With `landscape`
// the appendix pages are A4 landscape (wide tables).
void add_appendix_title(doc::Document& d, const Catalog& c, const std::string& title, const std::string& number,
                        const Date& date, bool landscape = true, const std::string& attached = "Kèm theo");

// Levels and fields as decisions group them: A. Thủ tục hành chính cấp tỉnh, I. Lĩnh vực Hộ tịch.
std::string level_heading(const std::string& level);
int level_rank(const std::string& level);
std::string main_level(const Procedure& p);  // the highest level a procedure is run at
std::string roman(int n);
std::string kind_label(const std::string& channel_kind);  // "trực tiếp" -> "Trực tiếp"

// Vietnamese collation (Đ after D, ă â after a).
bool vi_less(const std::string& a, const std::string& b);

// Building blocks.
doc::Para heading(const std::string& text, doc::Align align = doc::Align::left);
doc::Cell text_cell(const std::string& s, doc::Align align = doc::Align::left);
doc::Row header_row(const std::vector<std::string>& heads);
doc::Row group_row(const std::string& text, int columns);  // a bold row spanning every column

// The checks every command that drafts a decision makes of what the officer
// gave, each throwing Error with the next step: a số ký hiệu (`example` shows
// the form), a sign mode (TM., KT., Q., TL., TUQ.), an effective date not
// before the signing date, and a number not already in the catalog's ledger.
void check_decision_number(const std::string& number, const std::string& example);
void check_sign_mode(const std::string& sign_mode);
void check_effective(const Date& date, const Date& effective);
void check_not_recorded(const Catalog& catalog, const std::string& number);

// A draft's number left blank for the văn thư to fill in when it is issued:
// "      /QĐ-UBND" (a province) or "      /QĐ" (a ministry).
std::string blank_decision_number(const Catalog& catalog);

}  // namespace tthc
