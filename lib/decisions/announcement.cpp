#include "decisions/announcement.hpp"

#include "decisions/citation.hpp"
#include "decisions/decision_doc.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "util/i18n.hpp"
#include "util/unicode.hpp"
#include "core/vietnamese.hpp"

namespace tthc {

using doc::Align;
using doc::Para;

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

}  // namespace

std::vector<const Procedure*> changed_procedures(const Catalog& before, const Catalog& after, const CatalogDiff& d)
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

namespace {

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

void add(doc::Document& d, doc::Block b) { d.blocks.push_back(std::move(b)); }

std::string join_list(const std::vector<std::string>& items, const std::string& sep, const std::string& last)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : i + 1 == items.size() ? last : sep) + items[i];
    return out;
}

std::string bases_of(const Procedure& p, const Catalog& c)
{
    std::string out;
    for (const auto& b : p.legal_basis) out += (out.empty() ? "- " : ";\n- ") + cite(b, c);
    return out.empty() ? out : out + ".";
}

bool cites(const Procedure& p, const std::string& number)
{
    return std::any_of(p.legal_basis.begin(), p.legal_basis.end(),
                       [&](const LegalBasis& b) { return !number.empty() && b.number.value == number; });
}

void add_once(std::vector<std::string>& v, const std::string& x)
{
    if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

// The documents the data names as amending `now` (old version `was`, may be null).
std::vector<std::string> amending_from_data(const Catalog& after, const Procedure* was, const Procedure& now,
                                            const std::string& code, const DecisionInfo& info)
{
    std::vector<std::string> out;
    if (const auto it = info.amended_by.find(code); it != info.amended_by.end())
        for (const auto& n : it->second) add_once(out, n);
    if (!out.empty()) return out;
    for (const auto& doc : after.legal_documents) {
        for (const auto& c : doc.amends_procedures)
            if (parse_code(c.value) && now.parsed_code && parse_code(c.value)->identity == now.parsed_code->identity)
                add_once(out, doc.number.value);
        // a document the new version cites that amends one the old version cites
        if (was && cites(now, doc.number.value) && !cites(*was, doc.number.value))
            for (const auto& a : doc.amends)
                if (cites(*was, a.value)) add_once(out, doc.number.value);
    }
    if (out.empty() && !info.change_basis.empty()) out.push_back(info.change_basis);
    return out;
}

std::vector<std::string> abolishing_from_data(const Catalog& before, const Procedure& p, const std::string& code,
                                              const DecisionInfo& info)
{
    std::vector<std::string> out;
    if (const auto it = info.abolished_by.find(code); it != info.abolished_by.end()) out.push_back(it->second);
    if (!out.empty()) return out;
    for (const auto& doc : before.legal_documents)
        for (const auto& c : doc.abolishes_procedures)
            if (parse_code(c.value) && p.parsed_code && parse_code(c.value)->identity == p.parsed_code->identity)
                add_once(out, doc.number.value);
    if (out.empty() && !info.change_basis.empty()) out.push_back(info.change_basis);
    return out;
}

// What the old heuristic would have taken: the documents the new version
// cites that the old one did not. Only ever a suggestion.
std::string newly_cited(const Procedure* was, const Procedure& now)
{
    std::vector<std::string> n;
    if (was)
        for (const auto& b : now.legal_basis)
            if (!b.number.value.empty() && !cites(*was, b.number.value)) add_once(n, b.number.value);
    return join_list(n, ", ", ", ");
}

}  // namespace

ChangeDocuments change_documents(const Catalog& before, const Catalog& after, const CatalogDiff& diff,
                                 const DecisionInfo& info)
{
    ChangeDocuments out;
    std::vector<std::string> unknown;
    auto amended = [&](const std::string& code, const Procedure* was, const Procedure* now) {
        if (!now) return;
        auto docs = amending_from_data(after, was, *now, code, info);
        if (docs.empty()) {
            // TRANSLATORS: {0} is a procedure code, {1} its name.
            unknown.push_back(tr("{0} ({1}) is amended, but no document is named as amending it; name it with "
                                 "--amended-by {0}=SỐ-KÝ-HIỆU, or list {0} under amends_procedures of that document in "
                                 "legal.toml",
                                 code, now->name.value));
            const std::string hint = newly_cited(was, *now);
            if (!hint.empty())
                // TRANSLATORS: {0} is a procedure code, {1} the số ký hiệu of legal documents its new version cites.
                out.suggestions.push_back(tr("warning: {0}: its new version cites {1}, which the old one did not; that "
                                             "is not proof that it amends it (not printed)",
                                             code, hint));
        }
        out.by_code[code] = std::move(docs);
    };
    for (const auto& x : diff.amended) amended(x.code, find_procedure(before, x.code), find_procedure(after, x.code));
    for (const auto& r : diff.replaced) amended(r.new_code, find_procedure(before, r.old_code), find_procedure(after, r.new_code));
    for (const auto& x : diff.added)
        if (const auto it = info.amended_by.find(x.code); it != info.amended_by.end()) out.by_code[x.code] = it->second;
    for (const auto& x : diff.abolished) {
        const Procedure* p = find_procedure(before, x.code);
        if (!p) continue;
        auto docs = abolishing_from_data(before, *p, x.code, info);
        if (docs.empty())
            // TRANSLATORS: {0} is a procedure code, {1} its name.
            unknown.push_back(tr("{0} ({1}) is abolished, but no document is named as abolishing it; name it with "
                                 "--abolished-by {0}=SỐ-KÝ-HIỆU, or list {0} under abolishes_procedures of that document "
                                 "in legal.toml",
                                 x.code, p->name.value));
        out.by_code[x.code] = std::move(docs);
    }
    out.unknown = std::move(unknown);
    return out;
}

void require_named(const ChangeDocuments& docs)
{
    if (docs.unknown.empty()) return;
    std::string message = docs.unknown[0];
    // The program prints the first line's "tthc: error: "; the next ones carry their own.
    for (std::size_t i = 1; i < docs.unknown.size(); ++i)
        message += "\n" + fmt::format(fmt::runtime(trc("the second and later lines of an error", "tthc: error: {0}")),
                                      docs.unknown[i]);
    throw Error(message, tr("a decision names the legal document that makes each change; the toolkit does not guess it"));
}

namespace {

struct Entry {
    const Procedure* p;        // the procedure shown (NEW's, or OLD's for abolished)
    const Procedure* old;      // OLD's version (amended / replaced), may be null
    std::string code;          // as shown: "1.001193" or "2.000001 → 1.012345"
    std::string key;           // the code the change documents are keyed by
};

// What every part of the decision needs to know.
struct Context {
    const Catalog& before;
    const Catalog& after;
    const CatalogDiff& diff;
    const DecisionInfo& info;
    std::vector<Entry> added, amended, abolished;
    std::vector<std::string> fields;
    std::string department;  // managing department, may be empty
    std::string scope;       // "thuộc phạm vi chức năng quản lý của Sở Tư pháp"
    ChangeDocuments docs;

    std::size_t count() const { return added.size() + amended.size() + abolished.size(); }
    bool abolition_only() const { return added.empty() && amended.empty() && !abolished.empty(); }
    std::string subject() const  // "thủ tục hành chính mới ban hành ... lĩnh vực Hộ tịch thuộc ..."
    {
        return "thủ tục hành chính " + change_kinds(diff) + (fields.empty() ? "" : " lĩnh vực " + join_fields(fields)) +
               " " + scope;
    }
};

bool all_at_commune(const std::vector<const Procedure*>& procs)
{
    return !procs.empty() && std::all_of(procs.begin(), procs.end(), [](const Procedure* p) {
        return std::all_of(p->levels.begin(), p->levels.end(), [](const Text& l) { return l.value == "xã"; });
    });
}

Context make_context(const Catalog& before, const Catalog& after, const CatalogDiff& diff, const DecisionInfo& info)
{
    Context c{before, after, diff, info, {}, {}, {}, {}, {}, {}, {}};
    for (const auto& p : diff.added)
        if (auto* x = find_procedure(after, p.code)) c.added.push_back({x, nullptr, p.code, p.code});
    for (const auto& p : diff.amended)
        if (auto* x = find_procedure(after, p.code)) c.amended.push_back({x, find_procedure(before, p.code), p.code, p.code});
    for (const auto& r : diff.replaced)
        if (auto* x = find_procedure(after, r.new_code))
            c.amended.push_back({x, find_procedure(before, r.old_code), r.old_code + " được thay thế bởi " + r.new_code, r.new_code});
    for (const auto& p : diff.abolished)
        if (auto* x = find_procedure(before, p.code)) c.abolished.push_back({x, x, p.code, p.code});
    const auto procs = changed_procedures(before, after, diff);
    c.fields = fields_of(procs);
    c.department = is_ministry(after) ? after.info.authority.value : managing_department(after, c.fields, info.scope);
    if (!c.department.empty())
        c.scope = "thuộc phạm vi chức năng quản lý của " + c.department;
    else if (all_at_commune(procs))
        c.scope = "thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã";
    else
        // TRANSLATORS: {0} is one or more lĩnh vực ("Hộ tịch và Chứng thực").
        throw Error(tr("the department that manages lĩnh vực {0} is not known", join_fields(c.fields)),
                    tr("add department to its [[field]] in catalog.toml, or use --scope \"Sở ...\""));
    c.docs = change_documents(before, after, diff, info);
    require_named(c.docs);
    return c;
}

std::string cite_number(const Context& c, const std::string& number)
{
    const Catalog& reg = find_legal_document(c.after, number) ? c.after : c.before;
    return format_citation(resolve_number(number, reg));
}

std::string documents_cell(const Context& c, const std::string& key)
{
    std::vector<std::string> out;
    if (const auto it = c.docs.by_code.find(key); it != c.docs.by_code.end())
        for (const auto& n : it->second) out.push_back(cite_number(c, n));
    return join_list(out, ";\n", ";\n");
}

std::vector<std::string> basis_of(const Context& c)
{
    std::vector<std::string> out = standing_basis(c.after);
    out.push_back("Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Bộ trưởng, Chủ nhiệm Văn phòng "
                  "Chính phủ hướng dẫn nghiệp vụ về kiểm soát thủ tục hành chính");
    std::vector<std::string> numbers;
    for (const auto* list : {&c.added, &c.amended, &c.abolished})
        for (const auto& e : *list)
            if (const auto it = c.docs.by_code.find(e.key); it != c.docs.by_code.end())
                for (const auto& n : it->second) add_once(numbers, n);
    for (const auto& n : numbers) add_once(out, "Căn cứ " + cite_number(c, n));
    for (const auto& b : c.info.extra_basis) {
        const std::string text = parse_legal_number(b) ? cite_number(c, b) : b;
        add_once(out, text.starts_with("Căn cứ") ? text : "Căn cứ " + text);
    }
    out.push_back(proposal_line(c.after, {c.info.proposer, c.info.submission, c.info.submission_date}, c.department));
    return out;
}

std::string effect_article(const Context& c)
{
    std::string effect = "Quyết định này có hiệu lực thi hành kể từ " + date_in_words(c.info.effective) + ".";
    if (c.info.supersedes.empty()) return effect;
    std::vector<std::string> list;
    for (const auto& s : c.info.supersedes) list.push_back("Quyết định số " + s);
    if (c.abolition_only())
        return effect + " Bãi bỏ nội dung công bố các thủ tục hành chính nêu tại Điều 1 Quyết định này tại " +
               join_list(list, ", ", " và ") + ".";
    CatalogDiff changed = c.diff;  // the earlier decisions announced none of the new ones
    changed.added.clear();
    return effect + " Các nội dung công bố tại " + join_list(list, ", ", " và ") +
           " đối với các thủ tục hành chính " + change_kinds(changed) +
           " tại Quyết định này hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành.";
}

// Who publishes, posts and updates the processes (a province's decisions say it).
Article responsibilities_article(const Context& c)
{
    const std::string office = "Văn phòng " + c.after.info.authority.value;
    const std::string who = c.department.empty() ? std::string("Các sở, ngành quản lý lĩnh vực") : c.department;
    std::vector<std::string> p;
    if (c.abolition_only())
        p.push_back("1. " + who + " cập nhật việc bãi bỏ các thủ tục hành chính nêu tại Điều 1 Quyết định này trên Cơ sở "
                    "dữ liệu quốc gia về thủ tục hành chính; phối hợp " + office + " bãi bỏ quy trình nội bộ, quy trình "
                    "điện tử giải quyết các thủ tục hành chính này trên Hệ thống thông tin giải quyết thủ tục hành chính.");
    else
        p.push_back("1. " + who + " cập nhật các thủ tục hành chính được công bố tại Điều 1 Quyết định này trên Cơ sở dữ "
                    "liệu quốc gia về thủ tục hành chính; chủ trì, phối hợp " + office + " xây dựng, cập nhật quy trình "
                    "nội bộ, quy trình điện tử giải quyết các thủ tục hành chính này trên Hệ thống thông tin giải quyết "
                    "thủ tục hành chính theo quy định.");
    p.push_back("2. " + office + " công khai " + (c.abolition_only() ? "việc bãi bỏ " : "") +
                "các thủ tục hành chính nêu tại Điều 1 Quyết định này trên Cổng Dịch vụ công quốc gia; theo dõi, đôn "
                "đốc, kiểm tra việc thực hiện.");
    std::vector<const Procedure*> procs;
    for (const auto* list : {&c.added, &c.amended, &c.abolished})
        for (const auto& e : *list) procs.push_back(e.p);
    const bool commune = std::any_of(procs.begin(), procs.end(), [](const Procedure* x) {
        return std::any_of(x->levels.begin(), x->levels.end(), [](const Text& l) { return l.value == "xã"; });
    });
    if (commune)
        p.push_back("3. Ủy ban nhân dân " + communes(c.after) + " niêm yết, công khai " +
                    (c.abolition_only() ? std::string("việc bãi bỏ các") : std::string("các")) +
                    " thủ tục hành chính thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã nêu tại Điều 1 Quyết "
                    "định này tại Bộ phận Một cửa và trên Trang thông tin điện tử của đơn vị.");
    return Article("Trách nhiệm thực hiện", p);
}

DecisionFrame frame_of(const Context& c)
{
    DecisionFrame frame;
    frame.number = c.info.number;
    frame.date = c.info.date;
    frame.summary = "Về việc công bố danh mục " + c.subject();
    frame.basis = basis_of(c);
    frame.signature = {c.info.signer, c.info.signer_title, c.info.sign_mode};
    frame.articles.emplace_back("Công bố kèm theo Quyết định này danh mục " + count2(c.count()) + " " + c.subject() +
                                " (có Phụ lục kèm theo).");
    if (!is_ministry(c.after)) frame.articles.push_back(responsibilities_article(c));
    frame.articles.emplace_back(effect_article(c));
    const std::string proposer = proposer_of(c.after, {c.info.proposer, {}, {}}, c.department);
    frame.articles.emplace_back(executing_article(c.after, proposer));
    if (!is_ministry(c.after)) frame.ministries = managing_ministries(c.after, c.fields);
    return frame;
}

// Groups entries by the levels they are run at (a procedure run at several
// levels once, under its combined heading), then by field, with the count of
// each group, numbering within the table and closing with the total.
template <class RowF>
void grouped_rows(doc::Table& t, std::vector<Entry> entries, int columns, RowF make_row)
{
    auto key = [](const Entry& e) { return std::pair(sorted_levels(*e.p), e.p->field.value); };
    std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
        const auto ka = key(a), kb = key(b);
        if (ka.first != kb.first) return levels_less(ka.first, kb.first);
        if (ka.second != kb.second) return vi_less(ka.second, kb.second);
        return a.code < b.code;
    });
    std::map<std::vector<std::string>, int> per_levels;
    std::map<std::pair<std::vector<std::string>, std::string>, int> per_field;
    for (const auto& e : entries) {
        ++per_levels[key(e).first];
        ++per_field[key(e)];
    }
    std::vector<std::string> levels;
    std::string field;
    int level_no = 0, field_no = 0, stt = 0;
    for (const auto& e : entries) {
        const auto k = key(e);
        if (k.first != levels || level_no == 0) {
            levels = k.first;
            field.clear();
            field_no = 0;
            t.rows.push_back(group_row(std::string(1, static_cast<char>('A' + level_no++)) + ". " + levels_heading(levels) +
                                           " (" + count2(per_levels[levels]) + " TTHC)", columns));
        }
        if (k.second != field || field_no == 0) {
            field = k.second;
            t.rows.push_back(group_row(roman(++field_no) + ". Lĩnh vực " + field + " (" + count2(per_field[k]) + " TTHC)", columns));
        }
        t.rows.push_back(make_row(++stt, e));
    }
    t.rows.push_back(group_row("Tổng số: " + count2(entries.size()) + " thủ tục hành chính", columns));
}

doc::Row list_row(int stt, const Entry& e, std::vector<std::string> middle)
{
    doc::Row r;
    r.cells = {text_cell(std::to_string(stt), Align::center), text_cell(e.code), text_cell(e.p->name.value)};
    for (auto& m : middle) r.cells.push_back(text_cell(m));
    return r;
}

void added_table(doc::Document& d, const Context& c, int section)
{
    add(d, heading(std::to_string(section) + ". Danh mục thủ tục hành chính mới ban hành"));
    doc::Table t;
    t.size = 11;
    t.widths = {5, 10, 20, 10, 16, 9, 30};  // the legal bases need the room
    t.rows.push_back(header_row({"STT", "Mã số TTHC", "Tên thủ tục hành chính", "Thời hạn giải quyết",
                                 "Địa điểm, cách thức thực hiện", "Phí, lệ phí (nếu có)", "Căn cứ pháp lý"}));
    grouped_rows(t, c.added, 7, [&](int stt, const Entry& e) {
        return list_row(stt, e, {times_of(*e.p), place_and_channels(*e.p), fees_of(*e.p), bases_of(*e.p, c.after)});
    });
    add(d, std::move(t));
}

void amended_table(doc::Document& d, const Context& c, int section)
{
    add(d, heading(std::to_string(section) + ". Danh mục thủ tục hành chính được sửa đổi, bổ sung" +
                   (c.diff.replaced.empty() ? "" : ", thay thế")));
    doc::Table t;
    t.size = 11;
    t.widths = {5, 9, 16, 18, 9, 13, 8, 22};
    t.rows.push_back(header_row({"STT", "Mã số TTHC", "Tên thủ tục hành chính",
                                 "Tên VBQPPL quy định nội dung sửa đổi, bổ sung, thay thế", "Thời hạn giải quyết",
                                 "Địa điểm, cách thức thực hiện", "Phí, lệ phí (nếu có)", "Căn cứ pháp lý"}));
    grouped_rows(t, c.amended, 8, [&](int stt, const Entry& e) {
        return list_row(stt, e, {documents_cell(c, e.key), times_of(*e.p), place_and_channels(*e.p), fees_of(*e.p),
                                 bases_of(*e.p, c.after)});
    });
    add(d, std::move(t));
}

void abolished_table(doc::Document& d, const Context& c, int section)
{
    if (!c.abolition_only()) add(d, heading(std::to_string(section) + ". Danh mục thủ tục hành chính bị bãi bỏ"));
    doc::Table t;
    t.size = 11;
    t.widths = {6, 14, 30, 22, 12, 16};
    t.rows.push_back(header_row({"STT", "Mã số TTHC", "Tên thủ tục hành chính",
                                 "Tên VBQPPL quy định việc bãi bỏ thủ tục hành chính", "Lĩnh vực", "Cơ quan thực hiện"}));
    grouped_rows(t, c.abolished, 6, [&](int stt, const Entry& e) {
        return list_row(stt, e, {documents_cell(c, e.key), e.p->field.value, e.p->agency.value});
    });
    add(d, std::move(t));
}

// ---- Phần II -----------------------------------------------------------------

void item(doc::Document& d, const std::string& label, const std::string& value)
{
    Para para;
    para.indent = true;
    para.spans.push_back({label, false, true});
    para.spans.push_back({" " + (value.empty() ? std::string("Không quy định.") : value), false, false});
    add(d, std::move(para));
}

void label_only(doc::Document& d, const std::string& label)
{
    Para p = doc::para(label, Align::justify, false, true);
    p.indent = true;
    add(d, std::move(p));
}

bool is_note(const DossierItem& x) { return x.originals == 0 && x.copies == 0; }

std::string copies_of(const DossierItem& x)
{
    std::vector<std::string> parts;
    if (x.originals > 0) parts.push_back(count2(static_cast<std::size_t>(x.originals)) + " bản chính");
    if (x.copies > 0) parts.push_back(count2(static_cast<std::size_t>(x.copies)) + " bản sao");
    return join_list(parts, " và ", " và ");
}

void dossier_item(doc::Document& d, const Procedure& p)
{
    label_only(d, "c) Thành phần, số lượng hồ sơ:");
    if (p.dossier.empty()) {
        add(d, doc::body(p.conditions.value.empty() ? "Không phải nộp hồ sơ." : "Không phải nộp hồ sơ (" + p.conditions.value + ")."));
        return;
    }
    auto name_of = [](const DossierItem& x) {
        std::string n = x.name.value;
        while (!n.empty() && (n.back() == '.' || n.back() == ';')) n.pop_back();
        return x.case_name.value.empty() ? n : n + " (" + x.case_name.value + ")";
    };
    add(d, doc::body("* Thành phần hồ sơ:"));
    for (const auto& x : p.dossier)
        if (!is_note(x) && !x.present_only) add(d, doc::body("- " + name_of(x) + ": " + copies_of(x) + "."));
    if (std::any_of(p.dossier.begin(), p.dossier.end(), [](const DossierItem& x) { return !is_note(x) && x.present_only; })) {
        add(d, doc::body("* Giấy tờ phải xuất trình:"));
        for (const auto& x : p.dossier)
            if (!is_note(x) && x.present_only) add(d, doc::body("- " + name_of(x) + "."));
    }
    add(d, doc::body("* Số lượng hồ sơ: 01 bộ."));
    for (const auto& x : p.dossier)
        if (is_note(x)) add(d, doc::para("Ghi chú: " + name_of(x) + ".", Align::justify, false, true));
}

std::string forms_of(const Procedure& p)
{
    std::vector<std::string> forms;
    for (const auto& x : p.dossier)
        if (!x.form.value.empty()) add_once(forms, x.form.value);
    return forms.empty() ? std::string("Không.") : join_list(forms, "; ", "; ") + ".";
}

void procedure_detail(doc::Document& d, int n, const Procedure& p, const Catalog& c)
{
    add(d, heading(std::to_string(n) + ". " + p.name.value + " (mã " + p.code.value + ")"));
    label_only(d, "a) Trình tự thực hiện:");
    for (const auto& s : p.steps) add(d, doc::body("- " + s.value));
    if (p.steps.empty()) add(d, doc::body("(Không quy định.)"));
    label_only(d, "b) Cách thức thực hiện:");
    for (const auto& ch : p.channels) {
        std::string line = "- " + kind_label(ch.kind.value) + (ch.case_name.value.empty() ? "" : " (" + ch.case_name.value + ")");
        if (!ch.note.value.empty()) line += ": " + ch.note.value;
        add(d, doc::body(line + (line.back() == '.' ? "" : ".")));
    }
    dossier_item(d, p);
    item(d, "d) Thời hạn giải quyết:", times_of(p) + ".");
    std::string subjects;
    for (const auto& s : p.subjects) subjects += (subjects.empty() ? "" : ", ") + s.value;
    item(d, "đ) Đối tượng thực hiện:", subjects.empty() ? "" : subjects + ".");
    std::string agency = p.agency.value;
    if (!p.authority.value.empty() && p.authority.value != p.agency.value) agency += "\nCơ quan có thẩm quyền: " + p.authority.value;
    if (!p.delegated.value.empty()) agency += "\nCơ quan được ủy quyền: " + p.delegated.value;
    if (!p.coordinating.value.empty()) agency += "\nCơ quan phối hợp: " + p.coordinating.value;
    item(d, "e) Cơ quan thực hiện:", agency);
    std::string results;
    for (const auto& r : p.results) results += (results.empty() ? "" : "; ") + r.name.value;
    item(d, "g) Kết quả thực hiện:", results);
    item(d, "h) Phí, lệ phí:", fees_of(p) + ".");
    item(d, "i) Tên mẫu đơn, mẫu tờ khai:", forms_of(p));
    item(d, "k) Yêu cầu, điều kiện thực hiện:", p.conditions.value.empty() ? "Không." : p.conditions.value);
    label_only(d, "l) Căn cứ pháp lý:");
    for (std::size_t i = 0; i < p.legal_basis.size(); ++i)
        add(d, doc::body("- " + cite(p.legal_basis[i], c) + (i + 1 == p.legal_basis.size() ? "." : ";")));
}

// A local legal document (nghị quyết of the HĐND, quyết định of the UBND with a year) regulates it.
bool locally_regulated(const Procedure& p)
{
    return std::any_of(p.legal_basis.begin(), p.legal_basis.end(), [](const LegalBasis& b) {
        const auto n = parse_legal_number(b.number.value);
        return n && n->year && (n->symbol.find("UBND") != std::string::npos || n->symbol.find("HĐND") != std::string::npos);
    });
}

std::vector<Entry> detailed_entries(const Context& c)
{
    std::vector<Entry> all = c.added;
    all.insert(all.end(), c.amended.begin(), c.amended.end());
    if (c.info.content == ContentMode::list) return {};
    if (c.info.content == ContentMode::full || is_ministry(c.after)) return all;
    std::vector<Entry> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [](const Entry& e) { return locally_regulated(*e.p); });
    return out;
}

void content_part(doc::Document& d, const Context& c)
{
    std::vector<Entry> detailed = detailed_entries(c);
    const std::size_t listed = c.added.size() + c.amended.size();
    if (detailed.size() < listed)
        add(d, doc::para(std::string("Nội dung cụ thể của các thủ tục hành chính ") + (detailed.empty() ? "" : "còn lại ") +
                             "mới ban hành, được sửa đổi, bổ sung tại Phần I thực hiện theo quyết "
                             "định công bố của bộ quản lý ngành, lĩnh vực và được đăng tải trên Cơ sở dữ liệu quốc gia về "
                             "thủ tục hành chính.",
                         Align::justify, false, true));
    if (detailed.empty()) return;
    add(d, heading("Phần II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH"));
    std::sort(detailed.begin(), detailed.end(), [](const Entry& a, const Entry& b) {
        const auto la = sorted_levels(*a.p), lb = sorted_levels(*b.p);
        if (la != lb) return levels_less(la, lb);
        if (a.p->field.value != b.p->field.value) return vi_less(a.p->field.value, b.p->field.value);
        return a.p->code.value < b.p->code.value;
    });
    std::vector<std::string> levels;
    std::string field;
    int level_no = 0, field_no = 0, n = 0;
    for (const auto& e : detailed) {
        const auto l = sorted_levels(*e.p);
        if (l != levels || level_no == 0) {
            levels = l;
            field.clear();
            field_no = 0;
            add(d, heading(std::string(1, static_cast<char>('A' + level_no++)) + ". " + upper(levels_heading(l))));
        }
        if (e.p->field.value != field || field_no == 0) {
            field = e.p->field.value;
            add(d, heading(roman(++field_no) + ". LĨNH VỰC " + upper(field)));
        }
        procedure_detail(d, ++n, *e.p, c.after);
    }
}

void appendix(doc::Document& d, const Context& c)
{
    const bool with_content = !detailed_entries(c).empty();
    add_appendix_title(d, c.after, (with_content ? "Danh mục và nội dung " : "Danh mục ") + c.subject(), c.info.number,
                       c.info.date);
    if (c.abolition_only()) {
        abolished_table(d, c, 1);
        return;
    }
    add(d, heading("Phần I. DANH MỤC THỦ TỤC HÀNH CHÍNH"));
    int section = 0;
    if (!c.added.empty()) added_table(d, c, ++section);
    if (!c.amended.empty()) amended_table(d, c, ++section);
    if (!c.abolished.empty()) abolished_table(d, c, ++section);
    content_part(d, c);
}

}  // namespace

std::string announcement_title(const Catalog& before, const Catalog& after, const CatalogDiff& diff,
                               const DecisionInfo& info)
{
    return "Về việc công bố danh mục " + make_context(before, after, diff, info).subject();
}

std::vector<std::string> announcement_basis(const Catalog& before, const Catalog& after, const CatalogDiff& diff,
                                            const DecisionInfo& info)
{
    return basis_of(make_context(before, after, diff, info));
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
    const Context c = make_context(before, after, diff, info);
    LedgerEntry entry;
    entry.number = info.number;
    entry.date = info.date;
    entry.effective = info.effective;
    entry.title = "Về việc công bố danh mục " + c.subject();
    entry.signer = info.signer;
    entry.signer_title = info.signer_title;
    entry.sign_mode = info.sign_mode;
    entry.basis = ledger_basis(basis_of(c));
    for (const auto& p : diff.added) entry.new_codes.push_back(p.code);
    for (const auto& p : diff.amended) entry.amended.push_back(p.code);
    for (const auto& r : diff.replaced) entry.replaced.emplace_back(r.old_code, r.new_code);
    for (const auto& p : diff.abolished) entry.abolished.push_back(p.code);
    return entry;
}

doc::Document build_announcement(const Catalog& before, const Catalog& after, const CatalogDiff& diff,
                                  const DecisionInfo& info)
{
    const Context c = make_context(before, after, diff, info);
    doc::Document d;
    d.title = "Quyết định số " + info.number;
    add_decision(d, after, frame_of(c));
    appendix(d, c);
    return d;
}

}  // namespace tthc
