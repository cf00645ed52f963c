#include "decisions/announcement.hpp"

#include "decisions/decision_doc.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "util/unicode.hpp"
#include "core/vietnamese.hpp"

namespace tthc {

using doc::Align;
using doc::Cell;
using doc::Para;
using doc::Row;
using doc::Table;

const Procedure* find_procedure(const Catalog& catalog, const std::string& code)
{
    const auto wanted = parse_code(code);
    if (!wanted) return nullptr;
    for (const auto* list : {&catalog.procedures, &catalog.abolished})
        for (const auto& p : *list)
            if (p.parsed_code && p.parsed_code->identity == wanted->identity) return &p;
    return nullptr;
}

int required_notice_days(const Catalog& catalog) { return catalog.info.authority_kind.value == "ministry" ? 20 : 5; }

namespace {

std::string default_scope(const Catalog& c, const DecisionInfo& info)
{
    return info.scope.empty() ? c.info.authority.value : info.scope;
}

// The kinds of change present, in the words of the law.
std::string change_kinds(const CatalogDiff& d)
{
    std::vector<std::string> parts;
    if (!d.added.empty()) parts.push_back("mới ban hành");
    if (!d.amended.empty()) parts.push_back("được sửa đổi, bổ sung");
    if (!d.replaced.empty()) parts.push_back("được thay thế");
    if (!d.abolished.empty() || !d.replaced.empty()) parts.push_back("bị bãi bỏ");
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : i + 1 == parts.size() ? " và " : ", ") + parts[i];
    return out;
}

std::vector<std::string> fields_of(const std::vector<const Procedure*>& procs)
{
    std::vector<std::string> fields;
    for (const auto* p : procs)
        if (std::find(fields.begin(), fields.end(), p->field.value) == fields.end()) fields.push_back(p->field.value);
    std::sort(fields.begin(), fields.end(), [](const auto& a, const auto& b) { return vi_less(a, b); });
    return fields;
}

std::string join_fields(const std::vector<std::string>& fields)
{
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i)
        out += (i == 0 ? "" : i + 1 == fields.size() ? " và " : ", ") + fields[i];
    return out;
}

// Every procedure the decision is about (new and amended from `after`,
// abolished and replaced-old from `before`).
std::vector<const Procedure*> all_changed(const Catalog& before, const Catalog& after, const CatalogDiff& d)
{
    std::vector<const Procedure*> out;
    auto add = [&](const Catalog& c, const std::string& code) {
        if (const Procedure* p = find_procedure(c, code)) out.push_back(p);
    };
    for (const auto& p : d.added) add(after, p.code);
    for (const auto& p : d.amended) add(after, p.code);
    for (const auto& r : d.replaced) add(after, r.new_code);
    for (const auto& p : d.abolished) add(before, p.code);
    return out;
}

std::string times_of(const Procedure& p)
{
    std::vector<std::string> distinct;
    for (const auto& c : p.channels)
        if (std::find(distinct.begin(), distinct.end(), c.time.value) == distinct.end()) distinct.push_back(c.time.value);
    if (distinct.size() == 1) return distinct[0];
    std::string out;
    for (const auto& c : p.channels) {
        out += (out.empty() ? "" : "\n") + kind_label(c.kind.value);
        if (!c.case_name.value.empty()) out += " (" + c.case_name.value + ")";
        out += ": " + c.time.value;
    }
    return out;
}

std::string place_and_channels(const Procedure& p)
{
    std::string where = p.address.value.empty() ? p.agency.value : p.address.value;
    std::vector<std::string> kinds;
    for (const auto& c : p.channels)
        if (std::find(kinds.begin(), kinds.end(), kind_label(c.kind.value)) == kinds.end())
            kinds.push_back(kind_label(c.kind.value));
    std::string out = where;
    if (!out.empty() && out.back() != '.') out += ".";
    out += "\nCách thức: ";
    for (std::size_t i = 0; i < kinds.size(); ++i) out += (i ? "; " : "") + kinds[i];
    return out + ".";
}

std::string fees_of(const Procedure& p)
{
    std::vector<std::string> lines;
    bool any = false;
    for (const auto& c : p.channels) {
        if (!c.fee) continue;
        std::string line = money(*c.fee, c.currency.present ? c.currency.value : "VND");
        if (*c.fee == 0) line = "Không thu";
        if (!c.fee_note.value.empty()) line += " (" + c.fee_note.value + ")";
        if (*c.fee != 0) any = true;
        if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);
    }
    if (lines.empty()) return "Không quy định";
    if (!any) return "Không thu";
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

std::string bases_of(const Procedure& p)
{
    std::string out;
    for (const auto& b : p.legal_basis) out += (out.empty() ? "- " : ";\n- ") + cite(b);
    return out.empty() ? out : out + ".";
}

// The legal documents a new version cites that the old one did not: what amends it.
std::string amending_documents(const Procedure* before, const Procedure& after, const std::string& fallback)
{
    std::string out;
    for (const auto& b : after.legal_basis) {
        const bool had = before && std::any_of(before->legal_basis.begin(), before->legal_basis.end(),
                                               [&](const LegalBasis& x) {
                                                   return !b.number.value.empty() ? x.number.value == b.number.value
                                                                                  : fold(x.title.value) == fold(b.title.value);
                                               });
        if (!had) out += (out.empty() ? "" : ";\n") + cite(b);
    }
    if (out.empty()) out = fallback;
    return out.empty() ? "(chưa xác định)" : out;
}

void add(doc::Document& d, doc::Block b) { d.blocks.push_back(std::move(b)); }

struct Entry {
    const Procedure* p;        // the procedure shown (NEW's, or OLD's for abolished)
    const Procedure* old;      // OLD's version (amended / replaced), may be null
    std::string code;          // as shown: "1.001193" or "2.000001 → 1.012345"
};

// Groups entries by level then by field, numbering within the table.
template <class RowF>
void grouped_rows(Table& t, std::vector<Entry> entries, int columns, RowF make_row)
{
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        const int la = level_rank(main_level(*a.p)), lb = level_rank(main_level(*b.p));
        if (la != lb) return la < lb;
        if (a.p->field.value != b.p->field.value) return vi_less(a.p->field.value, b.p->field.value);
        return a.code < b.code;
    });
    std::string level, field;
    int level_no = 0, field_no = 0, stt = 0;
    for (const auto& e : entries) {
        const std::string l = main_level(*e.p);
        if (l != level) {
            level = l;
            field.clear();
            field_no = 0;
            t.rows.push_back(group_row(std::string(1, static_cast<char>('A' + level_no++)) + ". " + level_heading(l), columns));
        }
        if (e.p->field.value != field) {
            field = e.p->field.value;
            t.rows.push_back(group_row(roman(++field_no) + ". Lĩnh vực " + field, columns));
        }
        t.rows.push_back(make_row(++stt, e));
    }
}

void procedure_detail(doc::Document& d, int n, const Procedure& p)
{
    add(d, heading(std::to_string(n) + ". " + p.name.value + " (mã " + p.code.value + ")"));
    add(d, doc::para("a) Trình tự thực hiện:", Align::justify, false, true));
    for (const auto& s : p.steps) add(d, doc::body("- " + s.value));
    if (p.steps.empty()) add(d, doc::body("(Không quy định.)"));

    add(d, doc::para("b) Cách thức thực hiện:", Align::justify, false, true));
    Table ch;
    ch.widths = {20, 25, 25, 30};
    ch.rows.push_back(header_row({"Hình thức nộp", "Thời hạn giải quyết", "Phí, lệ phí", "Mô tả"}));
    for (const auto& c : p.channels) {
        Row r;
        r.cells.push_back(text_cell(kind_label(c.kind.value) + (c.case_name.value.empty() ? "" : " (" + c.case_name.value + ")")));
        r.cells.push_back(text_cell(c.time.value));
        std::string fee = c.fee ? (*c.fee == 0 ? "Không thu" : money(*c.fee, c.currency.present ? c.currency.value : "VND"))
                                : "Không quy định";
        if (!c.fee_note.value.empty()) fee += " (" + c.fee_note.value + ")";
        r.cells.push_back(text_cell(fee));
        r.cells.push_back(text_cell(c.note.value));
        ch.rows.push_back(std::move(r));
    }
    add(d, std::move(ch));

    add(d, doc::para("c) Thành phần, số lượng hồ sơ:", Align::justify, false, true));
    if (p.dossier.empty()) {
        add(d, doc::body(p.conditions.value.empty() ? "Không phải nộp hồ sơ." : "Không phải nộp hồ sơ (" + p.conditions.value + ")."));
    } else {
        Table ds;
        ds.widths = {8, 52, 22, 18};
        ds.rows.push_back(header_row({"STT", "Tên giấy tờ", "Mẫu đơn, tờ khai", "Số lượng"}));
        int i = 0;
        for (const auto& x : p.dossier) {
            Row r;
            r.cells.push_back(text_cell(std::to_string(++i), Align::center));
            std::string name = x.name.value;
            if (!x.case_name.value.empty()) name += " (" + x.case_name.value + ")";
            if (x.present_only) name += " (xuất trình)";
            r.cells.push_back(text_cell(name));
            r.cells.push_back(text_cell(x.form.value));
            r.cells.push_back(text_cell("Bản chính: " + std::to_string(x.originals) + "\nBản sao: " + std::to_string(x.copies)));
            ds.rows.push_back(std::move(r));
        }
        add(d, std::move(ds));
    }
    auto line = [&](const std::string& label, const std::string& value) {
        Para para;
        para.indent = true;
        para.spans.push_back({label, false, true});
        para.spans.push_back({" " + (value.empty() ? std::string("Không quy định.") : value), false, false});
        add(d, std::move(para));
    };
    std::string subjects;
    for (const auto& s : p.subjects) subjects += (subjects.empty() ? "" : ", ") + s.value;
    line("d) Đối tượng thực hiện:", subjects.empty() ? "" : subjects + ".");
    std::string agency = p.agency.value;
    if (!p.authority.value.empty() && p.authority.value != p.agency.value)
        agency += "\nCơ quan có thẩm quyền: " + p.authority.value;
    if (!p.delegated.value.empty()) agency += "\nCơ quan được ủy quyền: " + p.delegated.value;
    if (!p.coordinating.value.empty()) agency += "\nCơ quan phối hợp: " + p.coordinating.value;
    line("đ) Cơ quan thực hiện:", agency);
    std::string results;
    for (const auto& r : p.results) results += (results.empty() ? "" : "; ") + r.name.value;
    line("e) Kết quả thực hiện:", results);
    line("g) Yêu cầu, điều kiện thực hiện:", p.conditions.value.empty() ? "Không." : p.conditions.value);
    line("h) Căn cứ pháp lý:", "");
    d.blocks.pop_back();
    Para label;
    label.spans.push_back({"h) Căn cứ pháp lý:", false, true});
    add(d, std::move(label));
    for (std::size_t i = 0; i < p.legal_basis.size(); ++i) {
        std::string c = cite(p.legal_basis[i]);
        while (!c.empty() && (c.back() == '.' || c.back() == ';')) c.pop_back();
        add(d, doc::body("- " + c + (i + 1 == p.legal_basis.size() ? "." : ";")));
    }
}

}  // namespace

std::string announcement_title(const Catalog& before, const Catalog& after, const CatalogDiff& diff,
                               const DecisionInfo& info)
{
    std::vector<const Procedure*> procs;
    for (const auto& p : diff.added)
        if (auto* x = find_procedure(after, p.code)) procs.push_back(x);
    for (const auto& p : diff.amended)
        if (auto* x = find_procedure(after, p.code)) procs.push_back(x);
    for (const auto& r : diff.replaced)
        if (auto* x = find_procedure(after, r.new_code)) procs.push_back(x);
    for (const auto& p : diff.abolished)
        if (auto* x = find_procedure(before, p.code)) procs.push_back(x);
    std::string fields = join_fields(fields_of(procs));
    return "Về việc công bố danh mục thủ tục hành chính " + change_kinds(diff) + (fields.empty() ? "" : " lĩnh vực " + fields) +
           " thuộc phạm vi chức năng quản lý của " + default_scope(after, info);
}

std::vector<std::string> announcement_basis(const Catalog& before, const Catalog& after, const CatalogDiff& diff,
                                            const DecisionInfo& info)
{
    std::vector<std::string> out = standing_basis(after);
    out.push_back("Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Văn phòng Chính phủ hướng dẫn về "
                  "nghiệp vụ kiểm soát thủ tục hành chính");
    // The documents that cause the change: for an amended procedure, the
    // normative documents it newly cites; for a new one, its most recent
    // normative document (the one that creates it). Older bases stay in the
    // appendix, where every procedure lists all of its own.
    std::vector<std::string> cited;
    auto cite_once = [&](const LegalBasis& b) {
        const std::string c = "Căn cứ " + cite(b);
        if (std::find(cited.begin(), cited.end(), c) == cited.end()) cited.push_back(c);
    };
    auto year_of = [](const LegalBasis& b) {
        const auto n = parse_legal_number(b.number.value);
        return n && n->year ? *n->year : 0;
    };
    std::vector<std::pair<const Procedure*, const Procedure*>> changed;  // (after, before or null)
    for (const auto& x : diff.added) changed.emplace_back(find_procedure(after, x.code), nullptr);
    for (const auto& x : diff.amended) changed.emplace_back(find_procedure(after, x.code), find_procedure(before, x.code));
    for (const auto& x : diff.replaced) changed.emplace_back(find_procedure(after, x.new_code), nullptr);
    for (const auto& [p, old] : changed) {
        if (!p) continue;
        if (old) {
            for (const auto& b : p->legal_basis) {
                if (year_of(b) == 0) continue;
                const bool had = std::any_of(old->legal_basis.begin(), old->legal_basis.end(),
                                             [&](const LegalBasis& x) { return x.number.value == b.number.value; });
                if (!had) cite_once(b);
            }
        } else {
            const LegalBasis* newest = nullptr;
            for (const auto& b : p->legal_basis)
                if (year_of(b) > 0 && (!newest || std::pair(year_of(b), b.issued.value_or(Date{})) >
                                                      std::pair(year_of(*newest), newest->issued.value_or(Date{}))))
                    newest = &b;
            if (newest) cite_once(*newest);
        }
    }
    out.insert(out.end(), cited.begin(), cited.end());
    for (const auto& b : info.extra_basis) out.push_back(b.starts_with("Căn cứ") ? b : "Căn cứ " + b);
    out.push_back("Theo đề nghị của " + (info.proposer.empty() ? std::string(is_ministry(after) ? "Chánh Văn phòng Bộ" : "Giám đốc Sở Tư pháp") : info.proposer));
    return out;
}

std::vector<std::string> ledger_basis(const std::vector<std::string>& basis)
{
    std::vector<std::string> out;
    const std::string prefix = "Căn cứ ";
    for (const auto& b : basis)
        if (b.starts_with(prefix)) out.push_back(b.substr(prefix.size()));
    return out;
}

std::vector<std::string> superseded_decisions(const Catalog& ledger, const CatalogDiff& diff)
{
    std::set<std::string> touched;
    for (const auto& p : diff.amended) touched.insert(parse_code(p.code)->identity);
    for (const auto& p : diff.abolished) touched.insert(parse_code(p.code)->identity);
    for (const auto& r : diff.replaced) touched.insert(parse_code(r.old_code)->identity);
    auto hit = [&](const Text& c) {
        const auto pc = parse_code(c.value);
        return pc && touched.count(pc->identity) > 0;
    };
    std::vector<const Decision*> found;
    for (const auto& d : ledger.decisions) {
        const bool names = std::any_of(d.new_codes.begin(), d.new_codes.end(), hit) ||
                           std::any_of(d.amended.begin(), d.amended.end(), hit) ||
                           std::any_of(d.replaced.begin(), d.replaced.end(),
                                       [&](const Replacement& r) { return hit(r.new_code); });
        if (names) found.push_back(&d);
    }
    std::sort(found.begin(), found.end(), [](const Decision* a, const Decision* b) {
        return std::pair(a->date.value_or(Date{}), a->number.value) < std::pair(b->date.value_or(Date{}), b->number.value);
    });
    std::vector<std::string> out;
    for (const auto* d : found) out.push_back(d->number.value + (d->date ? " " + date_in_words(*d->date) : ""));
    return out;
}

LedgerEntry announcement_entry(const Catalog& before, const Catalog& after, const CatalogDiff& diff,
                               const DecisionInfo& info)
{
    LedgerEntry entry;
    entry.number = info.number;
    entry.date = info.date;
    entry.effective = info.effective;
    entry.title = announcement_title(before, after, diff, info);
    entry.signer = info.signer;
    entry.signer_title = info.signer_title;
    entry.sign_mode = info.sign_mode;
    entry.basis = ledger_basis(announcement_basis(before, after, diff, info));
    for (const auto& p : diff.added) entry.new_codes.push_back(p.code);
    for (const auto& p : diff.amended) entry.amended.push_back(p.code);
    for (const auto& r : diff.replaced) entry.replaced.emplace_back(r.old_code, r.new_code);
    for (const auto& p : diff.abolished) entry.abolished.push_back(p.code);
    return entry;
}

doc::Document build_announcement(const Catalog& before, const Catalog& after, const CatalogDiff& diff,
                                  const DecisionInfo& info)
{
    doc::Document d;
    d.title = "Quyết định số " + info.number;

    DecisionFrame frame;
    frame.number = info.number;
    frame.date = info.date;
    frame.summary = announcement_title(before, after, diff, info);
    frame.basis = announcement_basis(before, after, diff, info);
    frame.signature = {info.signer, info.signer_title, info.sign_mode};
    const auto procs = all_changed(before, after, diff);
    const std::string fields = join_fields(fields_of(procs));
    frame.articles.push_back("Công bố kèm theo Quyết định này danh mục thủ tục hành chính " + change_kinds(diff) +
                             (fields.empty() ? "" : " lĩnh vực " + fields) + " thuộc phạm vi chức năng quản lý của " +
                             default_scope(after, info) + " (có Phụ lục kèm theo).");
    std::string effect = "Quyết định này có hiệu lực thi hành kể từ " + date_in_words(info.effective) + ".";
    if (!info.supersedes.empty()) {
        std::string list;
        for (std::size_t i = 0; i < info.supersedes.size(); ++i)
            list += (i == 0 ? "" : i + 1 == info.supersedes.size() ? " và " : ", ") + ("Quyết định số " + info.supersedes[i]);
        effect += " Các nội dung công bố tại " + list +
                  " đối với các thủ tục hành chính được sửa đổi, bổ sung, thay thế, bãi bỏ tại Quyết định này hết hiệu "
                  "lực kể từ ngày Quyết định này có hiệu lực thi hành.";
    }
    frame.articles.push_back(effect);
    frame.articles.push_back(executing_article(after, info.proposer));
    add_decision(d, after, frame);

    // ---- Phụ lục -------------------------------------------------------------
    add_appendix_title(d, after,
                       "Danh mục và nội dung thủ tục hành chính " + change_kinds(diff) +
                           (fields.empty() ? "" : " lĩnh vực " + fields) + " thuộc phạm vi chức năng quản lý của " +
                           default_scope(after, info),
                       info.number, info.date);

    add(d, heading("Phần I. DANH MỤC THỦ TỤC HÀNH CHÍNH"));
    int section = 0;
    const std::string fallback = info.change_basis;
    std::vector<Entry> added, amended, abolished;
    for (const auto& p : diff.added)
        if (auto* x = find_procedure(after, p.code)) added.push_back({x, nullptr, p.code});
    for (const auto& p : diff.amended)
        if (auto* x = find_procedure(after, p.code)) amended.push_back({x, find_procedure(before, p.code), p.code});
    for (const auto& r : diff.replaced)
        if (auto* x = find_procedure(after, r.new_code))
            amended.push_back({x, find_procedure(before, r.old_code), r.old_code + " được thay thế bởi " + r.new_code});
    for (const auto& p : diff.abolished)
        if (auto* x = find_procedure(before, p.code)) abolished.push_back({x, x, p.code});

    if (!added.empty()) {
        add(d, heading(std::to_string(++section) + ". Danh mục thủ tục hành chính mới ban hành"));
        Table t;
        t.size = 11;
        t.widths = {6, 12, 24, 14, 18, 12, 14};
        t.rows.push_back(header_row({"STT", "Mã số TTHC", "Tên thủ tục hành chính", "Thời hạn giải quyết",
                                     "Địa điểm, cách thức thực hiện", "Phí, lệ phí (nếu có)", "Căn cứ pháp lý"}));
        grouped_rows(t, added, 7, [&](int stt, const Entry& e) {
            Row r;
            r.cells = {text_cell(std::to_string(stt), Align::center), text_cell(e.code), text_cell(e.p->name.value),
                       text_cell(times_of(*e.p)), text_cell(place_and_channels(*e.p)), text_cell(fees_of(*e.p)),
                       text_cell(bases_of(*e.p))};
            return r;
        });
        add(d, std::move(t));
    }
    if (!amended.empty()) {
        add(d, heading(std::to_string(++section) + ". Danh mục thủ tục hành chính được sửa đổi, bổ sung" +
                       (diff.replaced.empty() ? "" : ", thay thế")));
        Table t;
        t.size = 11;
        t.widths = {6, 12, 20, 16, 12, 14, 10, 10};
        t.rows.push_back(header_row({"STT", "Mã số hồ sơ TTHC", "Tên thủ tục hành chính",
                                     "Tên VBQPPL quy định nội dung sửa đổi, bổ sung, thay thế", "Thời hạn giải quyết",
                                     "Địa điểm, cách thức thực hiện", "Phí, lệ phí (nếu có)", "Căn cứ pháp lý"}));
        grouped_rows(t, amended, 8, [&](int stt, const Entry& e) {
            Row r;
            r.cells = {text_cell(std::to_string(stt), Align::center), text_cell(e.code), text_cell(e.p->name.value),
                       text_cell(amending_documents(e.old, *e.p, fallback)), text_cell(times_of(*e.p)),
                       text_cell(place_and_channels(*e.p)), text_cell(fees_of(*e.p)), text_cell(bases_of(*e.p))};
            return r;
        });
        add(d, std::move(t));
    }
    if (!abolished.empty()) {
        add(d, heading(std::to_string(++section) + ". Danh mục thủ tục hành chính bị bãi bỏ"));
        Table t;
        t.size = 11;
        t.widths = {6, 14, 30, 22, 12, 16};
        t.rows.push_back(header_row({"STT", "Mã số hồ sơ TTHC", "Tên thủ tục hành chính",
                                     "Tên VBQPPL quy định việc bãi bỏ thủ tục hành chính", "Lĩnh vực",
                                     "Cơ quan thực hiện"}));
        grouped_rows(t, abolished, 6, [&](int stt, const Entry& e) {
            Row r;
            r.cells = {text_cell(std::to_string(stt), Align::center), text_cell(e.code), text_cell(e.p->name.value),
                       text_cell(fallback.empty() ? "(chưa xác định)" : fallback), text_cell(e.p->field.value),
                       text_cell(e.p->agency.value)};
            return r;
        });
        add(d, std::move(t));
    }

    std::vector<Entry> detailed = added;
    detailed.insert(detailed.end(), amended.begin(), amended.end());
    if (!detailed.empty()) {
        add(d, heading("Phần II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH"));
        std::sort(detailed.begin(), detailed.end(), [](const Entry& a, const Entry& b) {
            const int la = level_rank(main_level(*a.p)), lb = level_rank(main_level(*b.p));
            if (la != lb) return la < lb;
            if (a.p->field.value != b.p->field.value) return vi_less(a.p->field.value, b.p->field.value);
            return a.p->code.value < b.p->code.value;
        });
        std::string level, field;
        int level_no = 0, field_no = 0, n = 0;
        for (const auto& e : detailed) {
            const std::string l = main_level(*e.p);
            if (l != level) {
                level = l;
                field.clear();
                field_no = 0;
                add(d, heading(std::string(1, static_cast<char>('A' + level_no++)) + ". " + upper(level_heading(l))));
            }
            if (e.p->field.value != field) {
                field = e.p->field.value;
                add(d, heading(roman(++field_no) + ". LĨNH VỰC " + upper(field)));
            }
            procedure_detail(d, ++n, *e.p);
        }
    }
    return d;
}

}  // namespace tthc
