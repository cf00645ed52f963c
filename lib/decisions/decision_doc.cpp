#include "decisions/decision_doc.hpp"

#include "catalog/ledger.hpp"

#include <algorithm>
#include <memory>

#include "util/i18n.hpp"
#include "util/transliterate.hpp"
#include "util/unicode.hpp"
#include "core/vietnamese.hpp"

namespace tthc {

using doc::Align;
using doc::Cell;
using doc::Para;
using doc::Row;
using doc::Table;

bool is_ministry(const Catalog& c) { return c.info.authority_kind.value == "ministry"; }

std::string issuing_body(const Catalog& c)
{
    const std::string& a = c.info.authority.value;
    const std::string prefix = "Ủy ban nhân dân ";
    if (fold(a).starts_with(fold(prefix))) return "ỦY BAN NHÂN DÂN\n" + upper(a.substr(prefix.size()));
    return upper(a);
}

std::string competent_person(const Catalog& c)
{
    return (is_ministry(c) ? "BỘ TRƯỞNG " : "CHỦ TỊCH ") + upper(c.info.authority.value);
}

std::string competent_person_lower(const Catalog& c)
{
    return (is_ministry(c) ? "Bộ trưởng " : "Chủ tịch ") + c.info.authority.value;
}

std::string communes(const Catalog& c) { return c.info.special_zones ? "các xã, phường, đặc khu" : "các xã, phường"; }

std::string executing_article(const Catalog& c, const std::string& proposer)
{
    if (is_ministry(c))
        return "Chánh Văn phòng Bộ, Thủ trưởng các đơn vị thuộc Bộ và các tổ chức, cá nhân có liên quan chịu trách "
               "nhiệm thi hành Quyết định này./.";
    return "Chánh Văn phòng " + c.info.authority.value + ", " + (proposer.empty() ? std::string("Giám đốc Sở Tư pháp") : proposer) +
           ", Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân " + communes(c) +
           " và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.";
}

std::string proposer_of(const Catalog& c, const Proposal& p, const std::string& department)
{
    if (!p.proposer.empty()) return p.proposer;
    if (is_ministry(c)) return "Chánh Văn phòng Bộ";
    if (department.starts_with("Sở ") && department.find(',') == std::string::npos) return "Giám đốc " + department;
    return "Giám đốc Sở Tư pháp";  // the department that controls procedures (Nghị định 63/2010/NĐ-CP)
}

std::string proposal_line(const Catalog& c, const Proposal& p, const std::string& department)
{
    std::string out = "Theo đề nghị của " + proposer_of(c, p, department);
    if (!p.submission.empty()) {
        out += " tại Tờ trình số " + p.submission;
        if (p.submission_date) out += " " + date_in_words(*p.submission_date);
    }
    return out;
}

std::string managing_department(const Catalog& c, const std::vector<std::string>& fields, const std::string& given)
{
    if (!given.empty()) return given;
    std::vector<std::string> out;
    for (const auto& f : fields) {
        const auto it = std::find_if(c.fields.begin(), c.fields.end(),
                                     [&](const FieldInfo& x) { return fold(x.name.value) == fold(f); });
        if (it == c.fields.end() || it->department.value.empty()) return {};
        if (std::find(out.begin(), out.end(), it->department.value) == out.end()) out.push_back(it->department.value);
    }
    std::string joined;
    for (std::size_t i = 0; i < out.size(); ++i) joined += (i == 0 ? "" : i + 1 == out.size() ? " và " : ", ") + out[i];
    return joined;
}

std::vector<std::string> managing_ministries(const Catalog& c, const std::vector<std::string>& fields)
{
    std::vector<std::string> out;
    for (const auto& f : fields)
        for (const auto& x : c.fields)
            if (fold(x.name.value) == fold(f) && !x.ministry.value.empty() &&
                std::find(out.begin(), out.end(), x.ministry.value) == out.end())
                out.push_back(x.ministry.value);
    return out;
}

std::string count2(std::size_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::vector<std::string> sorted_levels(const Procedure& p)
{
    std::vector<std::string> out;
    for (const auto& l : p.levels)
        if (std::find(out.begin(), out.end(), l.value) == out.end()) out.push_back(l.value);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return level_rank(a) < level_rank(b); });
    if (out.empty()) out.push_back("khác");
    return out;
}

bool levels_less(const std::vector<std::string>& a, const std::vector<std::string>& b)
{
    auto ranks = [](const std::vector<std::string>& v) {
        std::vector<int> r;
        for (const auto& l : v) r.push_back(level_rank(l));
        return r;
    };
    return ranks(a) < ranks(b);
}

std::string levels_heading(const std::vector<std::string>& levels)
{
    if (levels.size() == 1) return level_heading(levels[0]);
    std::string out = "Thủ tục hành chính";
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const std::string& l = levels[i];
        out += (i == 0 ? " " : ", ") + (l == "bộ" ? std::string("cấp trung ương") : l == "khác" ? std::string("cơ quan khác") : "cấp " + l);
    }
    return out;
}

std::vector<std::string> standing_basis(const Catalog& c)
{
    return {is_ministry(c) ? "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15 ngày 18 tháng 02 năm 2025"
                           : "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025",
            "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính; "
            "Nghị định số 48/2013/NĐ-CP ngày 14 tháng 5 năm 2013 và Nghị định số 92/2017/NĐ-CP ngày 07 tháng 8 năm "
            "2017 của Chính phủ sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính"};
}

namespace {

void add(doc::Document& d, doc::Block b) { d.blocks.push_back(std::move(b)); }

std::vector<std::string> default_recipients(const Catalog& c, const Signature& s, std::size_t articles,
                                            const std::vector<std::string>& ministries)
{
    const std::string as_executing = "- Như Điều " + std::to_string(articles) + ";";  // the last article says who executes
    if (is_ministry(c)) {
        std::vector<std::string> r = {as_executing};
        if (!s.sign_mode.empty()) r.push_back("- Bộ trưởng (để báo cáo);");  // someone signs on the minister's behalf
        for (const char* x : {"- Văn phòng Chính phủ (Cục Kiểm soát thủ tục hành chính);", "- Cổng Thông tin điện tử của Bộ;",
                              "- Lưu: VT."})
            r.push_back(x);
        return r;
    }
    std::vector<std::string> r = {as_executing, "- Văn phòng Chính phủ (Cục Kiểm soát thủ tục hành chính);"};
    for (const auto& m : ministries) r.push_back("- " + m + ";");
    for (const std::string& x : {"- Chủ tịch, các Phó Chủ tịch " + c.info.authority.value + ";",
                                 "- Cổng Thông tin điện tử " + c.info.place.value + ";", std::string("- Lưu: VT, KSTTHC.")})
        r.push_back(x);
    return r;
}

}  // namespace

void add_decision(doc::Document& d, const Catalog& c, const DecisionFrame& f)
{
    // Issuing body and national motto side by side, each with a short line
    // under it; number on the left, place and date in italics on the right.
    Table head;
    head.borders = false;
    head.widths = {37, 63};
    {
        Row r1;
        Cell body;
        Para b = doc::para(issuing_body(c), Align::center, true, false, 13);
        b.rule_after = true;
        body.paras.push_back(b);
        Cell motto;
        motto.paras.push_back(doc::para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Align::center, true, false, 12));
        Para m = doc::para("Độc lập - Tự do - Hạnh phúc", Align::center, true, false, 13);
        m.rule_after = true;
        motto.paras.push_back(m);
        r1.cells = {body, motto};
        head.rows.push_back(r1);
        Row r2;
        r2.cells.push_back(doc::cell("Số: " + f.number, Align::center));
        Cell date;
        date.paras.push_back(doc::para(c.info.place.value + ", " + date_in_words(f.date), Align::center, false, true));
        r2.cells.push_back(date);
        head.rows.push_back(r2);
    }
    add(d, std::move(head));

    Para title = doc::para("QUYẾT ĐỊNH", Align::center, true);
    title.space_before = true;
    add(d, title);
    Para summary = doc::para(f.summary, Align::center, true);
    summary.rule_after = true;
    add(d, summary);
    Para who = doc::para(competent_person(c), Align::center, true);
    who.space_before = true;
    add(d, who);

    for (std::size_t i = 0; i < f.basis.size(); ++i) {
        Para p = doc::para(f.basis[i] + (i + 1 == f.basis.size() ? "." : ";"), Align::justify, false, true);
        p.indent = true;
        if (i == 0) p.space_before = true;
        add(d, p);
    }
    Para decides = doc::para("QUYẾT ĐỊNH:", Align::center, true);
    decides.space_before = true;
    add(d, decides);
    for (std::size_t i = 0; i < f.articles.size(); ++i) {
        const Article& a = f.articles[i];
        Para p;
        p.indent = true;
        p.spans.push_back({"Điều " + std::to_string(i + 1) + "." + (a.title.empty() ? "" : " " + a.title), true, false});
        std::size_t next = 0;
        if (a.title.empty() && !a.paragraphs.empty()) p.spans.push_back({" " + a.paragraphs[next++], false, false});
        add(d, std::move(p));
        for (; next < a.paragraphs.size(); ++next) {
            Para q = doc::para(a.paragraphs[next], Align::justify);
            q.indent = true;
            add(d, std::move(q));
        }
    }

    Table sign;
    sign.borders = false;
    sign.widths = {50, 50};
    Row r;
    Cell to;
    to.paras.push_back(doc::para("Nơi nhận:", Align::left, true, true, 12));
    for (const auto& x : f.recipients.empty() ? default_recipients(c, f.signature, f.articles.size(), f.ministries) : f.recipients)
        to.paras.push_back(doc::para(x, Align::left, false, false, 11));
    Cell who_signs;
    const Signature& s = f.signature;
    const std::string mode = upper(s.sign_mode);
    const std::string title_line = upper(s.signer_title.empty() ? (is_ministry(c) ? "Bộ trưởng" : "Chủ tịch") : s.signer_title);
    if (!mode.empty()) who_signs.paras.push_back(doc::para(mode, Align::center, true, false, 14));
    if (mode.empty() || title_line != mode) who_signs.paras.push_back(doc::para(title_line, Align::center, true, false, 14));
    who_signs.paras.push_back(doc::para("\n\n\n", Align::center));
    who_signs.paras.push_back(doc::para(s.signer.empty() ? "(ký, ghi rõ họ tên)" : s.signer, Align::center, true, false, 14));
    r.cells = {to, who_signs};
    sign.rows.push_back(r);
    add(d, std::move(sign));
}

void add_appendix_title(doc::Document& d, const Catalog& c, const std::string& title, const std::string& number,
                        const Date& date, bool landscape, const std::string& attached_words)
{
    add(d, doc::PageBreak{landscape});
    add(d, doc::para("PHỤ LỤC", Align::center, true));
    add(d, doc::para(upper(title), Align::center, true));
    Para attached = doc::para("(" + attached_words + " Quyết định số " + number + " " + date_in_words(date) + " của " +
                                  competent_person_lower(c) + ")",
                              Align::center, false, true);
    attached.rule_after = true;
    add(d, attached);
}

bool vi_less(const std::string& a, const std::string& b) { return vi_collate_less(a, b); }

std::string level_heading(const std::string& level)
{
    if (level == "bộ") return "Thủ tục hành chính cấp trung ương";
    if (level == "tỉnh") return "Thủ tục hành chính cấp tỉnh";
    if (level == "huyện") return "Thủ tục hành chính cấp huyện";
    if (level == "xã") return "Thủ tục hành chính cấp xã";
    return "Thủ tục hành chính do cơ quan khác thực hiện";
}

int level_rank(const std::string& level)
{
    static const std::vector<std::string> order = {"bộ", "tỉnh", "huyện", "xã", "khác"};
    const auto it = std::find(order.begin(), order.end(), level);
    return static_cast<int>(it - order.begin());
}

std::string main_level(const Procedure& p)
{
    std::string best = "khác";
    for (const auto& l : p.levels)
        if (level_rank(l.value) < level_rank(best)) best = l.value;
    return best;
}

std::string roman(int n)
{
    static const std::pair<int, const char*> table[] = {{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
    std::string out;
    for (const auto& [v, s] : table)
        while (n >= v) {
            out += s;
            n -= v;
        }
    return out;
}

std::string kind_label(const std::string& kind)
{
    if (kind == "trực tiếp") return "Trực tiếp";
    if (kind == "trực tuyến") return "Trực tuyến";
    if (kind == "bưu chính") return "Dịch vụ bưu chính";
    return capitalize(kind);
}

Para heading(const std::string& text, Align a)
{
    Para p = doc::para(text, a, true);
    p.space_before = true;
    return p;
}

Cell text_cell(const std::string& s, Align a) { return doc::cell(s, a); }

Row header_row(const std::vector<std::string>& heads)
{
    Row r;
    r.header = true;
    for (const auto& h : heads) r.cells.push_back(doc::cell(h, Align::center, true));
    return r;
}

Row group_row(const std::string& text, int columns)
{
    Row r;
    Cell c = doc::cell(text, Align::left, true);
    c.colspan = columns;
    r.cells.push_back(std::move(c));
    return r;
}

void check_decision_number(const std::string& number, const std::string& example)
{
    if (!parse_legal_number(number))
        // TRANSLATORS: {0} in the hint is an example of a số ký hiệu (1234/QĐ-UBND).
        throw Error(tr("--number '{0}' is not a số ký hiệu", number), tr("write it as {0}", example));
}

void check_sign_mode(const std::string& sign_mode)
{
    if (!sign_mode.empty() && !is_sign_mode(sign_mode))
        throw Error(tr("--sign-mode '{0}' must start with TM., KT., Q., TL. or TUQ.", sign_mode),
                    tr("for example --sign-mode \"KT. CHỦ TỊCH\"; leave it out when the head signs"));
}

void check_effective(const Date& date, const Date& effective)
{
    if (effective < date) throw Error(tr("--effective is before --date"));
}

void check_not_recorded(const Catalog& catalog, const std::string& number)
{
    if (const Decision* d = find_decision(catalog, number))
        // TRANSLATORS: {0} is the decision's số ký hiệu, {1} the file of the ledger that records it.
        throw Error(tr("decision {0} is already in the ledger ({1})", number, catalog.files.at(d->file)),
                    tr("a decision number is used once; choose the next number"));
}

std::string blank_decision_number(const Catalog& catalog)
{
    const std::string blank = "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0";
    return blank + (catalog.info.authority_kind.value == "ministry" ? "/QĐ" : "/QĐ-UBND");
}

}  // namespace tthc
