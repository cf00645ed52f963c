// Plans: applying a phương án đơn giản hóa to its procedure in memory, costing
// the procedure before, after and after each change (so every effect shows on
// its own), writing the amended procedure as a draft, and drafting the
// appendix a decision approving the plan carries.
#include <algorithm>
#include <filesystem>

#include "decisions/decision_doc.hpp"
#include "util/i18n.hpp"
#include "util/json.hpp"
#include "simplify/simplify.hpp"

#include "catalog/catalog_writer.hpp"
#include "io/files.hpp"
#include "io/journal.hpp"
#include "util/unicode.hpp"
#include "core/vietnamese.hpp"

namespace tthc {

namespace {

std::string curly_quoted(const std::string& s) { return "“" + s + "”"; }

std::string channel_words(const std::string& kind)
{
    if (kind == "bưu chính") return "qua dịch vụ bưu chính";
    return kind;
}

std::string time_words(const Channel& ch) { return ch.duration ? ch.duration->to_string() : ch.time.value; }

std::string fee_words(const Channel& ch)
{
    return money(ch.fee.value_or(0), ch.currency.value.empty() ? "VND" : ch.currency.value);
}

// The counted thời hạn (0 when abolished or without a duration).
std::int64_t counted_time(const Procedure& p, const ProcedureCost& cost, int hpd)
{
    for (const auto& ch : p.channels)
        if (ch.kind.value == cost.channel && ch.duration) return counted_millihours(*ch.duration, hpd);
    return 0;
}

// Applies one change; returns its description. Throws Error naming the plan.
std::string apply(Procedure& p, bool& abolished, const PlanChange& ch, const Plan& plan)
{
    const std::string& k = ch.kind.value;
    const std::string& id = plan.id.value;
    if (k == "remove-dossier") {
        const std::string want = fold(ch.item.value);
        auto it = std::find_if(p.dossier.begin(), p.dossier.end(),
                               [&](const DossierItem& d) { return fold(d.name.value) == want; });
        if (it == p.dossier.end())
            // TRANSLATORS: {0} is the plan's id, {1} the procedure code, {2} the dossier entry the plan removes
            throw Error(tr("plan {0}: procedure {1} has no dossier entry \"{2}\"", id, p.code.value, ch.item.value),
                        tr("run 'tthc lint' for the closest entry"));
        std::string name = it->name.value;
        while (!name.empty() && (name.back() == '.' || name.back() == ';' || name.back() == ':' || name.back() == ' '))
            name.pop_back();
        p.dossier.erase(it);
        return "Bãi bỏ thành phần hồ sơ " + curly_quoted(name) + ".";
    }
    if (k == "set-time" || k == "set-fee") {
        // TRANSLATORS: {0} is the plan's id, {1} the time it gives
        if (k == "set-time" && !ch.duration) throw Error(tr("plan {0}: \"{1}\" is not a thời hạn", id, ch.time.value));
        std::string old;
        bool any = false;
        for (auto& c : p.channels) {
            if (ch.channel.value != "*" && c.kind.value != ch.channel.value) continue;
            if (!any) old = k == "set-time" ? time_words(c) : fee_words(c);
            any = true;
            if (k == "set-time") {
                c.time.value = ch.duration->to_string();
                c.duration = ch.duration;
            } else {
                c.fee = ch.fee.value_or(0);
                if (ch.currency.present) c.currency = ch.currency;
            }
        }
        // TRANSLATORS: {0} is the plan's id, {1} the procedure code, {2} the channel (cách thức thực hiện)
        if (!any) throw Error(tr("plan {0}: procedure {1} has no channel \"{2}\"", id, p.code.value, ch.channel.value));
        const std::string scope = ch.channel.value == "*" ? "" : " (cách thức " + channel_words(ch.channel.value) + ")";
        if (k == "set-time")
            return "Rút ngắn thời hạn giải quyết" + scope + " từ " + old + " xuống " + ch.duration->to_string() + ".";
        Channel probe;
        probe.fee = ch.fee;
        probe.currency = ch.currency;
        return "Sửa đổi phí, lệ phí" + scope + " từ " + old + " thành " + fee_words(probe) + ".";
    }
    if (k == "add-channel") {
        if (!ch.duration) throw Error(tr("plan {0}: \"{1}\" is not a thời hạn", id, ch.time.value));
        if (std::any_of(p.channels.begin(), p.channels.end(), [&](const Channel& c) { return c.kind.value == ch.channel.value; }))
            // TRANSLATORS: {0} is the plan's id, {1} the procedure code, {2} the channel (cách thức thực hiện)
            throw Error(tr("plan {0}: procedure {1} already has a channel \"{2}\"", id, p.code.value, ch.channel.value),
                        tr("use set-time or set-fee to change it"));
        Channel c;
        c.kind = ch.channel;
        c.time.value = ch.duration->to_string();
        c.time.present = true;
        c.duration = ch.duration;
        c.fee = ch.fee.value_or(0);
        c.currency = ch.currency;
        p.channels.push_back(c);
        if (ch.channel.value == "trực tuyến" && (p.online.value.empty() || p.online.value == "không")) {
            p.online.value = "toàn trình";
            p.online.present = true;
        }
        return "Bổ sung cách thức thực hiện " + channel_words(ch.channel.value) + " với thời hạn giải quyết " +
               ch.duration->to_string() + ", " + (c.fee.value_or(0) == 0 ? "không thu phí, lệ phí" : "mức thu phí, lệ phí " + fee_words(c)) + ".";
    }
    if (k == "abolish") {
        abolished = true;
        return "Bãi bỏ thủ tục hành chính.";
    }
    // TRANSLATORS: {0} is the plan's id, {1} the kind of change it names
    throw Error(tr("plan {0}: unknown change kind \"{1}\"", id, k), tr("run 'tthc lint'"));
}

}  // namespace

const Plan* find_plan(const Catalog& c, const std::string& id)
{
    for (const auto& p : c.plans)
        if (p.id.value == id) return &p;
    return nullptr;
}

PlanEvaluation evaluate_plan(const Catalog& c, const Plan& plan, const CostDefaults& d)
{
    PlanEvaluation e;
    e.plan = &plan;
    const int hpd = c.info.hours_per_day;
    for (const auto& p : c.procedures)
        if (p.code.value == plan.procedure.value) e.before = &p;
    if (!e.before)
        // TRANSLATORS: {0} is the plan's id, {1} the procedure code it names
        throw Error(tr("plan {0}: procedure {1} is not in force in this catalog", plan.id.value, plan.procedure.value),
                    tr("run 'tthc lint'"));
    const std::int64_t n = plan.dossiers_per_year;
    e.after = *e.before;
    e.cost_before = compliance_cost(*e.before, c.info, d, n);
    e.time_before = counted_time(*e.before, e.cost_before, hpd);
    ProcedureCost cur = e.cost_before;
    std::int64_t cur_time = e.time_before;
    for (const auto& ch : plan.changes) {
        ChangeEffect eff;
        eff.description = apply(e.after, e.abolished, ch, plan);
        eff.time_before = cur_time;
        eff.cost_before = cur.per_year;
        cur = e.abolished ? zero_cost() : compliance_cost(e.after, c.info, d, n);
        cur_time = e.abolished ? 0 : counted_time(e.after, cur, hpd);
        eff.time_after = cur_time;
        eff.cost_after = cur.per_year;
        e.effects.push_back(std::move(eff));
    }
    e.cost_after = cur;
    e.time_after = cur_time;
    e.time_bp = reduction_bp(e.time_before, e.time_after);
    e.cost_bp = reduction_bp(e.cost_before.per_year, e.cost_after.per_year);
    e.time_met = e.time_bp >= target_bp;
    e.cost_met = e.cost_bp >= target_bp;
    return e;
}

// ---------------------------------------------------------------- draft

std::string draft_relative_path(const Catalog& c, const PlanEvaluation& e)
{
    namespace fs = std::filesystem;
    const std::string file = c.files.at(e.before->file);
    std::string rel = fs::path(file).lexically_relative(c.root).generic_string();
    const std::string code = e.before->code.value;
    if (rel.empty() || rel.starts_with("..") || !rel.starts_with("procedures/")) rel = "procedures/" + code + ".toml";
    if (rel == "." || !rel.ends_with(".toml")) rel = "procedures/" + code + ".toml";
    if (e.abolished) rel = "abolished/" + rel.substr(std::string("procedures/").size());
    return rel;
}

// ---------------------------------------------------------------- document

namespace {

using doc::Align;

std::string hours(std::int64_t mh) { return format_milli(mh); }

// An amount in a column headed "(đồng/năm)": the digits alone.
std::string amount(std::int64_t v)
{
    std::string m = money(v, "VND");
    return m.substr(0, m.size() - std::string(" đồng").size());
}

std::string procedure_title(const Procedure& p)
{
    const std::string& n = p.name.value;
    const std::string t = fold(n).starts_with("thủ tục") ? n : "Thủ tục " + n;
    return t + " (mã " + p.code.value + ")";
}

std::string met_words(bool met) { return met ? "đạt" : "chưa đạt"; }

}  // namespace

namespace {

// "Giảm thời gian giải quyết; Bãi bỏ thành phần hồ sơ": what the plan proposes, in the list of Phần I.
std::string proposal_words(const Plan& plan)
{
    std::vector<std::string> out;
    for (const auto& ch : plan.changes) {
        const std::string& k = ch.kind.value;
        const std::string w = k == "remove-dossier" ? "Bãi bỏ thành phần hồ sơ"
                              : k == "set-time"     ? "Giảm thời gian giải quyết"
                              : k == "set-fee"      ? "Giảm phí, lệ phí"
                              : k == "add-channel"  ? "Bổ sung cách thức thực hiện " + ch.channel.value
                              : k == "abolish"      ? "Bãi bỏ thủ tục hành chính"
                                                    : k;
        if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
    }
    std::string joined;
    for (const auto& w : out) joined += (joined.empty() ? "" : "; ") + w;
    return joined;
}

std::string department_for(const Catalog& c, const Procedure& p, const PlanDocInfo& info)
{
    return is_ministry(c) ? c.info.authority.value : managing_department(c, {p.field.value}, info.scope);
}

DecisionFrame plan_frame(const Catalog& c, const PlanEvaluation& e, const PlanDocInfo& info, const std::string& subject)
{
    const std::string dep = department_for(c, *e.before, info);
    DecisionFrame f;
    f.number = info.number.empty() ? "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/QĐ-UBND" : info.number;
    f.date = info.date.value_or(Date{});
    f.summary = "Về việc thông qua phương án đơn giản hóa " + subject;
    f.basis = standing_basis(c);
    f.basis.push_back("Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ về thực hiện thủ tục "
                      "hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia");
    f.basis.push_back("Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Bộ trưởng, Chủ nhiệm Văn phòng "
                      "Chính phủ hướng dẫn nghiệp vụ về kiểm soát thủ tục hành chính");
    f.basis.push_back(proposal_line(c, {info.proposer, info.submission, info.submission_date}, dep));
    f.signature = {info.signer, info.signer_title, info.sign_mode};
    const std::string who = dep.empty() ? std::string("Các cơ quan chuyên môn") : dep;
    f.articles.emplace_back("Thông qua phương án đơn giản hóa 01 " + subject + " (Phụ lục danh mục và nội dung kèm theo).");
    f.articles.emplace_back(
        "Trách nhiệm thực hiện",
        std::vector<std::string>{
            "1. " + who + " chủ động triển khai các nội dung đơn giản hóa thuộc thẩm quyền; dự thảo văn bản thực thi "
            "phương án đơn giản hóa sau khi được cơ quan có thẩm quyền thông qua.",
            "2. Đối với các nội dung kiến nghị sửa đổi văn bản quy phạm pháp luật của trung ương: " + who +
                " theo dõi, tham mưu " + competent_person_lower(c) + " triển khai sau khi văn bản tương ứng được sửa "
                "đổi, bổ sung hoặc ban hành mới.",
            "3. Văn phòng " + c.info.authority.value + " theo dõi, đôn đốc, kiểm tra việc thực thi phương án đơn giản "
                "hóa."});
    f.articles.emplace_back("Quyết định này có hiệu lực thi hành kể từ ngày ký.");
    f.articles.emplace_back(executing_article(c, proposer_of(c, {info.proposer, {}, {}}, dep)));
    if (!is_ministry(c)) f.ministries = managing_ministries(c, {e.before->field.value});
    return f;
}

void plan_list(doc::Document& d, const Procedure& p, const Plan& plan)
{
    d.blocks.push_back(heading("Phần I. DANH MỤC PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH"));
    d.blocks.push_back(heading("A. " + upper(levels_heading(sorted_levels(p)))));
    doc::Table t;
    t.widths = {8, 16, 46, 30};
    t.rows.push_back(header_row({"STT", "Mã số TTHC", "Tên thủ tục hành chính", "Nội dung đề xuất"}));
    t.rows.push_back(group_row("I. Lĩnh vực " + p.field.value, 4));
    doc::Row r;
    r.cells = {text_cell("1", doc::Align::center), text_cell(p.code.value), text_cell(p.name.value),
               text_cell(proposal_words(plan))};
    t.rows.push_back(std::move(r));
    d.blocks.push_back(std::move(t));
}

// "(5 ngày làm việc = 40 giờ × 40.000 đồng/giờ) × 120 hồ sơ/năm = 192.000.000 đồng/năm"
std::string time_formula(const ProcedureCost& cost, const CatalogInfo& info, std::int64_t n, std::int64_t time)
{
    std::string out = "(" + format_days(time, info.hours_per_day) + " = " + format_milli(time) + " giờ × " +
                      money(info.hour_value, "VND") + "/giờ) × " + std::to_string(n) + " hồ sơ/năm";
    const std::int64_t fees = cost.lines[5].per_year;
    if (fees > 0) out += " + phí, lệ phí " + money(fees, "VND") + "/năm";
    return out + " = " + money(cost.per_year, "VND") + "/năm";
}

void activity_table(doc::Document& d, const Catalog& c, const PlanEvaluation& e)
{
    const int hpd = c.info.hours_per_day;
    d.blocks.push_back(heading("Chi phí tuân thủ theo từng hoạt động (" + std::to_string(e.plan->dossiers_per_year) +
                               " hồ sơ/năm; " + money(c.info.hour_value, "VND") + "/giờ; " + std::to_string(hpd) +
                               " giờ/ngày làm việc)"));
    doc::Table t;
    t.widths = {5, 31, 9, 15, 9, 15, 16};
    t.rows.push_back(header_row({"TT", "Hoạt động", "Trước (giờ/hồ sơ)", "Trước (đồng/năm)", "Sau (giờ/hồ sơ)",
                                 "Sau (đồng/năm)", "Tiết kiệm (đồng/năm)"}));
    for (std::size_t i = 0; i < e.cost_before.lines.size(); ++i) {
        const CostLine& b = e.cost_before.lines[i];
        const CostLine& a = e.cost_after.lines[i];
        const bool is_money = b.id == "fee" || b.id == "other";
        doc::Row r;
        r.cells = {text_cell(std::to_string(i + 1), Align::center), text_cell(b.label),
                   text_cell(is_money ? "-" : hours(b.millihours), Align::right), text_cell(amount(b.per_year), Align::right),
                   text_cell(is_money ? "-" : hours(a.millihours), Align::right), text_cell(amount(a.per_year), Align::right),
                   text_cell(amount(b.per_year - a.per_year), Align::right)};
        t.rows.push_back(std::move(r));
    }
    doc::Row r;
    doc::Cell label = doc::cell("Tổng cộng", Align::left, true);
    label.colspan = 3;
    r.cells = {label, doc::cell(amount(e.cost_before.per_year), Align::right, true), doc::cell("", Align::right),
               doc::cell(amount(e.cost_after.per_year), Align::right, true),
               doc::cell(amount(e.cost_before.per_year - e.cost_after.per_year), Align::right, true)};
    t.rows.push_back(std::move(r));
    d.blocks.push_back(std::move(t));
}

void benefits(doc::Document& d, const Catalog& c, const PlanEvaluation& e, bool activities)
{
    const int hpd = c.info.hours_per_day;
    const std::int64_t n = e.plan->dossiers_per_year;
    auto body = [&](const std::string& s) { d.blocks.push_back(doc::body(s)); };
    d.blocks.push_back(heading("1.3. Lợi ích của phương án đơn giản hóa"));
    if (!activities && !e.abolished) {
        body("- Chi phí tuân thủ thủ tục hành chính trước khi đơn giản hóa: " + time_formula(e.cost_before, c.info, n, e.time_before) + ".");
        body("- Chi phí tuân thủ thủ tục hành chính sau khi đơn giản hóa: " + time_formula(e.cost_after, c.info, n, e.time_after) + ".");
    } else {
        body("- Chi phí tuân thủ thủ tục hành chính trước khi đơn giản hóa: " + money(e.cost_before.per_year, "VND") + "/năm.");
        body("- Chi phí tuân thủ thủ tục hành chính sau khi đơn giản hóa: " + money(e.cost_after.per_year, "VND") + "/năm.");
    }
    body("- Chi phí tiết kiệm: " + money(e.cost_before.per_year - e.cost_after.per_year, "VND") + "/năm.");
    body("- Tỷ lệ cắt giảm chi phí: " + format_percent_bp(e.cost_bp) + ".");
    body("- Thời hạn giải quyết: trước khi đơn giản hóa " + format_days(e.time_before, hpd) + ", sau khi đơn giản hóa " +
         (e.abolished ? std::string("không còn (thủ tục bị bãi bỏ)") : format_days(e.time_after, hpd)) +
         "; tỷ lệ cắt giảm thời gian: " + format_percent_bp(e.time_bp) + ".");
    body("- So với mục tiêu cắt giảm ít nhất 30% thời gian giải quyết và 30% chi phí tuân thủ thủ tục hành chính "
         "(Nghị quyết số 66/NQ-CP " + date_in_words(Date{2025, 3, 26}) + " của Chính phủ): thời gian " +
         met_words(e.time_met) + ", chi phí " + met_words(e.cost_met) + ".");
    if (!activities) return;
    activity_table(d, c, e);
    d.blocks.push_back(heading("Tác động của từng nội dung đơn giản hóa (áp dụng lần lượt)"));
    doc::Table fx;
    fx.widths = {6, 54, 20, 20};
    fx.rows.push_back(header_row({"TT", "Nội dung", "Thời hạn giải quyết cắt giảm", "Chi phí tiết kiệm (đồng/năm)"}));
    for (std::size_t i = 0; i < e.effects.size(); ++i) {
        const auto& x = e.effects[i];
        doc::Row r;
        r.cells = {text_cell(std::string(1, static_cast<char>('a' + std::min<std::size_t>(i, 25))), Align::center),
                   text_cell(x.description), text_cell(format_days(x.time_before - x.time_after, hpd), Align::right),
                   text_cell(amount(x.cost_before - x.cost_after), Align::right)};
        fx.rows.push_back(std::move(r));
    }
    d.blocks.push_back(std::move(fx));
}

void plan_content(doc::Document& d, const Catalog& c, const PlanEvaluation& e, const PlanDocInfo& info)
{
    const Procedure& p = *e.before;
    const Plan& plan = *e.plan;
    auto add = [&](doc::Block b) { d.blocks.push_back(std::move(b)); };
    add(heading("Phần II. NỘI DUNG PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH"));
    add(heading("A. " + upper(levels_heading(sorted_levels(p)))));
    add(heading("I. LĨNH VỰC " + upper(p.field.value)));
    add(heading("1. " + procedure_title(p)));
    add(heading("1.1. Nội dung đơn giản hóa"));
    for (std::size_t i = 0; i < e.effects.size(); ++i)
        add(doc::body(std::string(1, static_cast<char>('a' + std::min<std::size_t>(i, 25))) + ") " + e.effects[i].description));
    if (!plan.reason.value.empty()) {
        doc::Para r = doc::body("");
        r.spans = {{"Lý do: ", false, true}, {plan.reason.value, false, false}};
        add(r);
    }
    add(heading("1.2. Kiến nghị thực thi"));
    add(doc::body(plan.recommendation.value.empty() ? "(chưa có kiến nghị thực thi)" : plan.recommendation.value));
    benefits(d, c, e, info.activities);
    const std::string method =
        info.activities
            ? "Chi phí tuân thủ tính theo từng hoạt động (biểu mẫu tính chi phí tuân thủ thủ tục hành chính của Thông tư số "
              "02/2017/TT-VPCP): số giờ thực hiện từng hoạt động × giá trị một giờ + phí, lệ phí + chi phí khác, × số hồ "
              "sơ/năm."
            : "Chi phí tuân thủ tính theo thời hạn giải quyết: số ngày làm việc × " + std::to_string(c.info.hours_per_day) +
                  " giờ × " + money(c.info.hour_value, "VND") + "/giờ × số hồ sơ/năm, cộng phí, lệ phí.";
    add(doc::para(method + " Cách thức được tính: " + channel_words(e.cost_before.channel) + " (trước), " +
                      (e.abolished ? std::string("không còn") : channel_words(e.cost_after.channel)) + " (sau).",
                  Align::justify, false, true, 12));
}

}  // namespace

doc::Document plan_document(const Catalog& c, const PlanEvaluation& e, const PlanDocInfo& info)
{
    const Procedure& p = *e.before;
    const std::string dep = department_for(c, p, info);
    const std::string subject = "thủ tục hành chính lĩnh vực " + p.field.value +
                                (dep.empty() ? std::string(" thuộc phạm vi quản lý của ") + c.info.authority.value
                                             : " thuộc phạm vi chức năng quản lý của " + dep);
    doc::Document d;
    d.title = "Quyết định thông qua phương án đơn giản hóa " + e.plan->id.value;
    const DecisionFrame frame = plan_frame(c, e, info, subject);
    add_decision(d, c, frame);
    add_appendix_title(d, c, "Danh mục và nội dung phương án đơn giản hóa " + subject, frame.number,
                       info.date.value_or(Date{}), false);
    plan_list(d, p, *e.plan);
    plan_content(d, c, e, info);
    return d;
}

std::string plan_json(const Catalog& c, const PlanEvaluation& e)
{
    const int hpd = c.info.hours_per_day;
    auto cost = [&](const ProcedureCost& pc) {
        std::string s = "{\"channel\": " + json_quote(pc.channel) + ", \"per_year\": " + std::to_string(pc.per_year) +
                        ", \"lines\": [";
        for (std::size_t i = 0; i < pc.lines.size(); ++i) {
            const auto& l = pc.lines[i];
            s += (i ? ", " : "") + std::string("{\"id\": ") + json_quote(l.id) + ", \"label\": " + json_quote(l.label) +
                 ", \"millihours\": " + std::to_string(l.millihours) + ", \"per_year\": " + std::to_string(l.per_year) + "}";
        }
        return s + "]}";
    };
    std::string out = "{\n";
    out += "  \"plan\": " + json_quote(e.plan->id.value) + ",\n";
    out += "  \"procedure\": " + json_quote(e.before->code.value) + ",\n";
    out += "  \"name\": " + json_quote(e.before->name.value) + ",\n";
    out += "  \"field\": " + json_quote(e.before->field.value) + ",\n";
    out += "  \"abolished\": " + std::string(e.abolished ? "true" : "false") + ",\n";
    out += "  \"dossiers_per_year\": " + std::to_string(e.plan->dossiers_per_year) + ",\n";
    out += "  \"hour_value\": " + std::to_string(c.info.hour_value) + ",\n";
    out += "  \"hours_per_day\": " + std::to_string(hpd) + ",\n";
    out += "  \"time\": {\"before_millihours\": " + std::to_string(e.time_before) + ", \"after_millihours\": " +
           std::to_string(e.time_after) + ", \"before\": " + json_quote(format_days(e.time_before, hpd)) + ", \"after\": " +
           json_quote(format_days(e.time_after, hpd)) + ", \"reduction_bp\": " + std::to_string(e.time_bp) +
           ", \"target_met\": " + (e.time_met ? "true" : "false") + "},\n";
    out += "  \"cost\": {\"before\": " + std::to_string(e.cost_before.per_year) + ", \"after\": " +
           std::to_string(e.cost_after.per_year) + ", \"saving\": " +
           std::to_string(e.cost_before.per_year - e.cost_after.per_year) + ", \"reduction_bp\": " +
           std::to_string(e.cost_bp) + ", \"target_met\": " + (e.cost_met ? "true" : "false") + "},\n";
    out += "  \"before\": " + cost(e.cost_before) + ",\n";
    out += "  \"after\": " + cost(e.cost_after) + ",\n";
    out += "  \"effects\": [";
    for (std::size_t i = 0; i < e.effects.size(); ++i) {
        const auto& x = e.effects[i];
        out += (i ? ",\n" : "\n") + std::string("    {\"change\": ") + json_quote(e.plan->changes[i].kind.value) +
               ", \"description\": " + json_quote(x.description) + ", \"time_saved_millihours\": " +
               std::to_string(x.time_before - x.time_after) + ", \"cost_saved\": " + std::to_string(x.cost_before - x.cost_after) + "}";
    }
    out += e.effects.empty() ? "]\n" : "\n  ]\n";
    return out + "}\n";
}

std::string write_plan_draft(const Catalog& c, const PlanEvaluation& e, const std::string& catalog_path,
                             const std::string& out_dir, bool force)
{
    namespace fs = std::filesystem;
    const fs::path out = fs::weakly_canonical(fs::absolute(out_dir));
    const fs::path root = fs::weakly_canonical(fs::absolute(catalog_path));
    const auto rel = out.lexically_relative(root);
    if (fs::is_directory(catalog_path) && (rel.empty() || rel == "." || !rel.string().starts_with("..")))
        // TRANSLATORS: {0} is the directory given to --out, {1} the catalog
        throw Error(tr("--out '{0}' is inside the catalog '{1}'", out_dir, catalog_path),
                    tr("choose a separate directory; the catalog is never rewritten"));
    const std::string shown = (fs::path(out_dir) / draft_relative_path(c, e)).string();
    const fs::path target = out / draft_relative_path(c, e);
    if (fs::exists(target) && !force) throw Error(tr("'{0}' exists", shown), tr("use --force to replace it"));
    const std::string text = "# Draft: procedure " + e.before->code.value + " amended by plan " + e.plan->id.value +
                             " (tthc simplify plan). Review before use.\n" + procedure_toml(e.after);
    FileTransaction tx;  // the draft and the directories it needs, each durable, or nothing
    tx.make_directory(target.parent_path().string());
    if (force)
        tx.write(target.string(), text);
    else
        tx.create(target.string(), text);
    tx.commit();
    return shown;
}

}  // namespace tthc
