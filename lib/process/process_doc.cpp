#include "process/process_doc.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "decisions/announcement.hpp"
#include "decisions/decision_doc.hpp"
#include "checks/lint.hpp"
#include "core/vietnamese.hpp"
#include "catalog/identity.hpp"
#include "util/i18n.hpp"

namespace tthc {

using doc::Align;
using doc::Para;
using doc::Row;
using doc::Table;

namespace {

ResolvedProcess resolve(const Catalog& c, const Process& pr, const std::map<std::string, std::string>& unit_names)
{
    ResolvedProcess r;
    r.process = &pr;
    r.hours_per_day = c.info.hours_per_day;
    const Procedure* p = find_procedure(c, pr.procedure.value);
    if (p && !p->abolished) {
        r.procedure = p;
        r.channel = process_channel(*p, pr, r.hours_per_day);
    }
    for (const auto& s : pr.steps) {
        ResolvedStep rs;
        rs.step = &s;
        const auto it = unit_names.find(s.unit.value);
        rs.unit_name = it == unit_names.end() || it->second.empty() ? s.unit.value : it->second;
        if (s.duration) rs.millihours = s.duration->working_millihours(r.hours_per_day);
        if (s.counted && rs.millihours) r.counted_millihours += *rs.millihours;
        r.steps.push_back(std::move(rs));
    }
    return r;
}

// Decisions list procedures by level, then field (Vietnamese order), then code.
bool decision_order(const ResolvedProcess& a, const ResolvedProcess& b)
{
    if (!a.procedure || !b.procedure) {
        if (a.procedure || b.procedure) return a.procedure != nullptr;
        return a.process->file < b.process->file;
    }
    const int la = level_rank(main_level(*a.procedure)), lb = level_rank(main_level(*b.procedure));
    if (la != lb) return la < lb;
    const std::string& fa = a.procedure->field.value;
    const std::string& fb = b.procedure->field.value;
    if (fa != fb) return vi_less(fa, fb);
    return a.code() < b.code();
}


std::string join_words(const std::vector<std::string>& items)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? " và " : ", ") + items[i];
    return out;
}

std::string fields_phrase(const std::vector<ResolvedProcess>& processes)
{
    std::vector<std::string> fields;
    for (const auto& r : processes)
        if (r.procedure && std::find(fields.begin(), fields.end(), r.procedure->field.value) == fields.end())
            fields.push_back(r.procedure->field.value);
    std::sort(fields.begin(), fields.end(), [](const auto& a, const auto& b) { return vi_less(a, b); });
    return fields.empty() ? "" : " lĩnh vực " + join_words(fields);
}

std::vector<std::string> fields_of(const std::vector<ResolvedProcess>& processes)
{
    std::vector<std::string> fields;
    for (const auto& r : processes)
        if (r.procedure && std::find(fields.begin(), fields.end(), r.procedure->field.value) == fields.end())
            fields.push_back(r.procedure->field.value);
    std::sort(fields.begin(), fields.end(), [](const auto& a, const auto& b) { return vi_less(a, b); });
    return fields;
}

std::string department_of(const Catalog& c, const std::vector<ResolvedProcess>& processes, const ProcessDecisionInfo& info)
{
    return is_ministry(c) ? c.info.authority.value : managing_department(c, fields_of(processes), info.scope);
}

std::string scope_of(const Catalog& c, const std::vector<ResolvedProcess>& processes, const ProcessDecisionInfo& info)
{
    const std::string dep = department_of(c, processes, info);
    return dep.empty() ? c.info.authority.value : dep;
}

// The Trung tâm Phục vụ hành chính công of the province (units.toml), or nothing.
std::string service_centre(const Catalog& c)
{
    for (const auto& u : c.units)
        if (u.name.value.starts_with("Trung tâm Phục vụ hành chính công") && u.name.value.find("cấp xã") == std::string::npos)
            return u.name.value;
    return {};
}

// Where an earlier decision's appendix put each process: "số 1 Mục I Phần A",
// numbered as this toolkit lays an appendix out (by level, field and code).
std::string position_in(const Catalog& c, const Decision& d, const std::string& wanted)
{
    std::vector<const Procedure*> listed;
    for (const auto& t : d.processes)
        if (const Procedure* p = find_procedure(c, t.value)) listed.push_back(p);
    std::sort(listed.begin(), listed.end(), [](const Procedure* a, const Procedure* b) {
        const int la = level_rank(main_level(*a)), lb = level_rank(main_level(*b));
        if (la != lb) return la < lb;
        if (a->field.value != b->field.value) return vi_less(a->field.value, b->field.value);
        return a->code.value < b->code.value;
    });
    std::string level, field;
    int level_no = 0, field_no = 0, n = 0;
    for (const Procedure* p : listed) {
        if (main_level(*p) != level) {
            level = main_level(*p);
            field.clear();
            field_no = 0;
            ++level_no;
        }
        if (p->field.value != field) {
            field = p->field.value;
            ++field_no;
        }
        ++n;
        if (p->parsed_code && p->parsed_code->identity == wanted)
            return "số " + std::to_string(n) + " Mục " + roman(field_no) + " Phần " +
                   std::string(1, static_cast<char>('A' + level_no - 1));
    }
    return {};
}

// "Quyết định số 1234/QĐ-UBND ngày 20 tháng 8 năm 2026"
std::string decision_ref(const Decision& d)
{
    return "Quyết định số " + d.number.value + (d.date ? " " + date_in_words(*d.date) : "");
}

// The ledger's decisions, in date order, that `pick` selects for one of the codes.
template <class Pick>
std::vector<const Decision*> ledger_decisions(const Catalog& c, const std::vector<ResolvedProcess>& processes, Pick pick)
{
    std::set<std::string> wanted;
    for (const auto& r : processes) wanted.insert(code_identity(r.code()));
    std::vector<const Decision*> out;
    for (const auto& d : c.decisions) {
        bool hit = false;
        for (const Text* code : pick(d))
            if (wanted.count(code_identity(code->value))) hit = true;
        if (hit) out.push_back(&d);
    }
    std::sort(out.begin(), out.end(), [](const Decision* a, const Decision* b) {
        return std::pair(a->date.value_or(Date{}), a->number.value) < std::pair(b->date.value_or(Date{}), b->number.value);
    });
    return out;
}

std::vector<const Text*> announced_codes(const Decision& d)
{
    std::vector<const Text*> out;
    for (const auto& t : d.new_codes) out.push_back(&t);
    for (const auto& t : d.amended) out.push_back(&t);
    for (const auto& r : d.replaced) out.push_back(&r.new_code);
    return out;
}

std::vector<const Text*> approved_processes(const Decision& d)
{
    std::vector<const Text*> out;
    for (const auto& t : d.processes) out.push_back(&t);
    return out;
}

// "Về việc ..." cited inside a sentence: "về việc ...".
std::string lower_first_word(const std::string& title)
{
    if (title.starts_with("Về ")) return "về " + title.substr(std::string("Về ").size());
    return title;
}

std::vector<std::string> recipients(const Catalog& c)
{
    if (is_ministry(c))
        return {"- Như Điều 4;", "- Bộ trưởng (để báo cáo);", "- Cổng Thông tin điện tử của Bộ;", "- Lưu: VT."};
    return {"- Như Điều 4;", "- Chủ tịch, các Phó Chủ tịch " + c.info.authority.value + ";",
            "- Cổng Thông tin điện tử " + c.info.place.value + ";", "- Lưu: VT, KSTTHC."};
}

std::string channel_phrase(const Channel& ch)
{
    if (ch.kind.value == "trực tiếp") return "nộp hồ sơ trực tiếp";
    if (ch.kind.value == "trực tuyến") return "nộp hồ sơ trực tuyến";
    if (ch.kind.value == "bưu chính") return "nộp hồ sơ qua dịch vụ bưu chính";
    return ch.kind.value;
}

void add(doc::Document& d, doc::Block b) { d.blocks.push_back(std::move(b)); }

void process_table(doc::Document& d, int n, const ResolvedProcess& r)
{
    const Procedure& p = *r.procedure;
    add(d, heading(std::to_string(n) + ". " + p.name.value + " (mã " + p.code.value + ")"));
    if (r.channel)
        add(d, doc::body("Thời hạn giải quyết: " + r.channel->duration->to_string() + " (" + channel_phrase(*r.channel) + ")."));
    Table t;
    t.size = 11;
    t.widths = {9, 18, 33, 13, 15, 12};
    t.rows.push_back(header_row({"Thứ tự công việc", "Đơn vị/người thực hiện", "Nội dung công việc",
                                 "Thời gian thực hiện", "Kết quả/biểu mẫu", "Dịch vụ công trực tuyến mức độ"}));
    // the level of the online service, once, on the first step (as 3760/QĐ-UBND prints it)
    const std::string online = p.online.value.empty() ? std::string() : capitalize(p.online.value);
    int i = 0;
    for (const auto& s : r.steps) {
        Row row;
        row.cells = {text_cell("Bước " + std::to_string(++i), Align::center), text_cell(s.unit_name),
                     text_cell(s.step->task.value), text_cell(step_time_text(s), Align::center),
                     text_cell(s.step->output.value), text_cell(i == 1 ? online : std::string(), Align::center)};
        t.rows.push_back(std::move(row));
    }
    t.rows.push_back(group_row("Tổng thời gian giải quyết: " + total_text(r), 6));
    add(d, std::move(t));
}

}  // namespace

std::vector<ResolvedProcess> select_processes(const Catalog& catalog, const std::vector<std::string>& codes)
{
    std::map<std::string, std::string> unit_names;
    for (const auto& u : catalog.units) unit_names.emplace(u.id.value, u.name.value);
    std::vector<ResolvedProcess> out;
    if (codes.empty()) {
        for (const auto& pr : catalog.processes) out.push_back(resolve(catalog, pr, unit_names));
    } else {
        std::set<std::string> done;
        for (const auto& code : codes) {
            const auto parsed = parse_code(code);
            if (!parsed) throw Error(tr("'{0}' is not a procedure code", code), tr("write it as 1.001193"));
            if (!done.insert(parsed->identity).second) continue;
            const Procedure* p = find_procedure(catalog, code);
            // TRANSLATORS: {0} is a procedure code, {1} the catalog (a directory or a file)
            if (!p) throw Error(tr("procedure {0} is not in {1}", code, catalog.root));
            if (p->abolished)
                // TRANSLATORS: {0} is a procedure code, {1} the file that holds it
                throw Error(tr("procedure {0} is abolished ({1}); an abolished procedure has no internal process to approve",
                               code, catalog.files.at(p->file)));
            bool found = false;
            for (const auto& pr : catalog.processes)
                if (code_identity(pr.procedure.value) == parsed->identity) {
                    out.push_back(resolve(catalog, pr, unit_names));
                    found = true;
                }
            if (!found)
                // TRANSLATORS: {0} is a procedure code, {1} the catalog
                throw Error(tr("procedure {0} has no internal process in {1}", code, catalog.root),
                            // TRANSLATORS: {0} is the procedure code: the file to write is processes/CODE.toml
                            tr("write processes/{0}.toml (man 5 tthc-catalog, section 4)", p->code.value));
        }
    }
    std::stable_sort(out.begin(), out.end(), decision_order);
    return out;
}

std::vector<Diagnostic> process_findings(const Catalog& catalog, const std::vector<Diagnostic>& load_findings,
                                         const std::vector<ResolvedProcess>& processes, const Date& today)
{
    // A process owns the lines of its file from its table to the next
    // top-level table (all of them when the process has a file of its own).
    auto table_starts = [&](std::size_t file) {
        std::vector<std::uint32_t> lines;
        auto scan = [&](const auto& list) {
            for (const auto& x : list)
                if (x.file == file) lines.push_back(x.pos.line);
        };
        scan(catalog.procedures);
        scan(catalog.abolished);
        scan(catalog.units);
        scan(catalog.processes);
        scan(catalog.plans);
        scan(catalog.decisions);
        if (catalog.info.file == file) lines.push_back(catalog.info.pos.line);
        return lines;
    };
    struct Range {
        std::string file;
        std::uint32_t from = 0, to = UINT32_MAX;  // [from, to)
    };
    std::vector<Range> ranges;
    for (const auto& r : processes) {
        Range range{catalog.files.at(r.process->file), r.process->pos.line, UINT32_MAX};
        for (std::uint32_t line : table_starts(r.process->file))
            if (line > range.from && line < range.to) range.to = line;
        if (range.from <= 1) range.from = 0;  // a file of its own: its whole-file findings too
        ranges.push_back(std::move(range));
    }
    auto owned = [&](const Diagnostic& d) {
        return std::any_of(ranges.begin(), ranges.end(), [&](const Range& r) {
            return d.file == r.file && ((d.pos.line >= r.from && d.pos.line < r.to) || (d.pos.line == 0 && r.from == 0));
        });
    };
    std::vector<Diagnostic> out;
    for (const auto& d : load_findings)
        if (owned(d)) out.push_back(d);
    for (auto& d : check_catalog(catalog, LintOptions{today}))
        if (owned(d)) out.push_back(std::move(d));
    sort_diagnostics(out);
    return out;
}

std::string step_time_text(const ResolvedStep& s)
{
    if (!s.step->counted) return "Không tính thời gian";
    if (s.millihours) return format_milli(*s.millihours) + " giờ làm việc";
    return s.step->time.value;
}

std::string total_text(const ResolvedProcess& p)
{
    std::string total = format_milli(p.counted_millihours) + " giờ làm việc";
    bool whole = true;  // every counted step converts to working hours
    for (const auto& s : p.steps)
        if (s.step->counted && !s.millihours) {
            total += " và " + s.step->time.value;
            whole = false;
        }
    if (!whole) return total;
    const std::int64_t hpd = p.hours_per_day > 0 ? p.hours_per_day : 8;
    const std::int64_t days = (p.counted_millihours + hpd / 2) / hpd;
    return total + " (tương đương " + format_milli(days) + " ngày làm việc)";
}

std::string process_decision_title(const Catalog& catalog, const std::vector<ResolvedProcess>& processes,
                                   const ProcessDecisionInfo& info)
{
    return "Về việc phê duyệt quy trình nội bộ, quy trình điện tử trong giải quyết thủ tục hành chính" +
           fields_phrase(processes) + " thuộc phạm vi chức năng quản lý của " + scope_of(catalog, processes, info);
}

std::vector<std::string> process_decision_basis(const Catalog& c, const std::vector<ResolvedProcess>& processes,
                                                const ProcessDecisionInfo& info)
{
    std::vector<std::string> out = standing_basis(c);
    out.push_back("Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ về thực hiện thủ tục hành "
                  "chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia");
    out.push_back("Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Bộ trưởng, Chủ nhiệm Văn phòng "
                  "Chính phủ hướng dẫn nghiệp vụ về kiểm soát thủ tục hành chính");
    out.push_back("Căn cứ Thông tư số 03/2025/TT-VPCP ngày 15 tháng 9 năm 2025 của Bộ trưởng, Chủ nhiệm Văn phòng "
                  "Chính phủ hướng dẫn thi hành một số nội dung của Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm "
                  "2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ "
                  "phận Một cửa và Cổng Dịch vụ công quốc gia");
    // The decisions that announced these procedures: the process implements
    // the thời hạn and steps they published.
    for (const Decision* d : ledger_decisions(c, processes, announced_codes)) {
        std::string line = "Căn cứ " + decision_ref(*d) + " của " + competent_person_lower(c);
        if (!d->title.value.empty()) line += " " + lower_first_word(d->title.value);
        out.push_back(line);
    }
    for (const auto& b : info.extra_basis) out.push_back(b.starts_with("Căn cứ") ? b : "Căn cứ " + b);
    out.push_back(proposal_line(c, {info.proposer, info.submission, info.submission_date}, department_of(c, processes, info)));
    return out;
}

namespace {

// Điều 2 as 3760/QĐ-UBND words it: the department sets up the electronic processes.
std::string electronic_article(const Catalog& c, const std::vector<ResolvedProcess>& processes,
                               const ProcessDecisionInfo& info)
{
    if (is_ministry(c))
        return "Căn cứ quy trình nội bộ được phê duyệt tại Điều 1 Quyết định này, các đơn vị thuộc Bộ thiết lập quy trình "
               "điện tử giải quyết thủ tục hành chính trên Hệ thống thông tin giải quyết thủ tục hành chính cấp bộ theo "
               "quy định.";
    const std::string dep = department_of(c, processes, info);
    const std::string centre = service_centre(c);
    return "Giao " + (dep.empty() ? std::string("các cơ quan, đơn vị có liên quan") : dep) + " chủ trì, phối hợp Văn phòng " +
           c.info.authority.value + (centre.empty() ? "" : " (" + centre + ")") +
           " thiết lập quy trình điện tử giải quyết thủ tục hành chính lên Hệ thống thông tin giải quyết thủ tục hành "
           "chính cấp tỉnh theo quy định.";
}

// Effect, and the earlier processes it replaces named by their place in the
// earlier decisions' appendices (3760/QĐ-UBND Điều 3).
std::string effect_article(const Catalog& c, const std::vector<ResolvedProcess>& processes, const ProcessDecisionInfo& info)
{
    std::string effect = "Quyết định này có hiệu lực thi hành kể từ " +
                         (info.effective ? date_in_words(*info.effective) : std::string("ngày ký")) + ".";
    std::vector<std::string> parts;
    for (const Decision* x : ledger_decisions(c, processes, approved_processes)) {
        std::vector<std::string> places;
        for (const auto& r : processes) {
            const std::string id = code_identity(r.code());
            if (std::none_of(x->processes.begin(), x->processes.end(), [&](const Text& t) { return code_identity(t.value) == id; }))
                continue;
            const std::string at = position_in(c, *x, id);
            if (!at.empty()) places.push_back(at);
        }
        parts.push_back("quy trình nội bộ " + join_words(places) + " Phụ lục ban hành kèm theo " + decision_ref(*x) +
                        " của " + competent_person_lower(c));
    }
    if (!parts.empty()) effect += " Bãi bỏ " + join_words(parts) + ".";
    return effect;
}

}  // namespace

doc::Document build_process_decision(const Catalog& c, const std::vector<ResolvedProcess>& processes,
                                     const ProcessDecisionInfo& info)
{
    doc::Document d;
    d.title = "Quyết định số " + info.number;
    const std::string fields = fields_phrase(processes);
    const std::string scope = scope_of(c, processes, info);

    DecisionFrame frame;
    frame.number = info.number;
    frame.date = info.date;
    frame.summary = process_decision_title(c, processes, info);
    frame.basis = process_decision_basis(c, processes, info);
    frame.signature = {info.signer, info.signer_title, info.sign_mode};
    frame.recipients = recipients(c);
    std::size_t count = 0;
    for (const auto& r : processes) count += r.procedure ? 1 : 0;
    frame.articles.emplace_back("Phê duyệt kèm theo Quyết định này " + count2(count) +
                                " quy trình nội bộ, quy trình điện tử trong giải quyết thủ tục hành chính" + fields +
                                " thuộc phạm vi chức năng quản lý của " + scope + ".");
    frame.articles.emplace_back(electronic_article(c, processes, info));
    frame.articles.emplace_back(effect_article(c, processes, info));
    frame.articles.emplace_back(
        executing_article(c, proposer_of(c, {info.proposer, {}, {}}, department_of(c, processes, info))));
    add_decision(d, c, frame);

    add_appendix_title(d, c, "Quy trình nội bộ, quy trình điện tử trong giải quyết thủ tục hành chính" + fields +
                                 " thuộc phạm vi chức năng quản lý của " + scope,
                       info.number, info.date, true, "Ban hành kèm theo");
    const std::string hpd = std::to_string(c.info.hours_per_day);
    add(d, doc::para("Ghi chú: thời gian thực hiện tính bằng giờ làm việc, một ngày làm việc là " + hpd +
                         " giờ làm việc; bước ghi “Không tính thời gian” nằm ngoài thời hạn giải quyết.",
                     Align::justify, false, true));

    std::string level, field;
    int level_no = 0, field_no = 0, n = 0;
    for (const auto& r : processes) {
        if (!r.procedure) continue;
        const std::string l = main_level(*r.procedure);
        if (l != level) {
            level = l;
            field.clear();
            field_no = 0;
            add(d, heading(std::string(1, static_cast<char>('A' + level_no++)) + ". " + upper(level_heading(l))));
        }
        if (r.procedure->field.value != field) {
            field = r.procedure->field.value;
            add(d, heading(roman(++field_no) + ". LĨNH VỰC " + upper(field)));
        }
        process_table(d, ++n, r);
    }
    return d;
}

LedgerEntry process_ledger_entry(const Catalog& catalog, const std::vector<ResolvedProcess>& processes,
                                 const ProcessDecisionInfo& info)
{
    LedgerEntry entry;
    entry.number = info.number;
    entry.date = info.date;
    entry.effective = info.effective.value_or(info.date);
    entry.title = process_decision_title(catalog, processes, info);
    entry.signer = info.signer;
    entry.signer_title = info.signer_title;
    entry.sign_mode = info.sign_mode;
    entry.basis = ledger_basis(process_decision_basis(catalog, processes, info));
    for (const auto& r : processes) entry.processes.push_back(r.procedure->code.value);
    return entry;
}

}  // namespace tthc
