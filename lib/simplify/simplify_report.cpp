// The catalog's plans against the 30% targets of Nghị quyết 66/NQ-CP: totals
// per field and overall, as a table (text, Markdown, JSON) and as an SVG bar
// chart written with XmlOut (lib/xml_out.hpp).
#include <algorithm>
#include <map>

#include "decisions/decision_doc.hpp"
#include "util/json.hpp"
#include "simplify/simplify.hpp"
#include "util/unicode.hpp"
#include "core/vietnamese.hpp"
#include "io/xml_out.hpp"

namespace tthc {

namespace {

void finish(ReportRow& r)
{
    r.time_bp = reduction_bp(r.time_before, r.time_after);
    r.cost_bp = reduction_bp(r.cost_before, r.cost_after);
    r.time_share_bp = r.time_bp <= 0 ? 0 : r.time_bp * 10000 / target_bp;
    r.cost_share_bp = r.cost_bp <= 0 ? 0 : r.cost_bp * 10000 / target_bp;
}

void accumulate(ReportRow& r, const PlanEvaluation& e)
{
    ++r.plans;
    r.time_before += e.time_before;
    r.time_after += e.time_after;
    r.cost_before += e.cost_before.per_year;
    r.cost_after += e.cost_after.per_year;
}

std::string label(const ReportRow& r) { return r.field.empty() ? "Tổng cộng" : r.field; }

}  // namespace

bool SimplifyReport::targets_met() const
{
    return total.plans > 0 && total.time_bp >= target_bp && total.cost_bp >= target_bp;
}

SimplifyReport build_report(const Catalog&, const std::vector<PlanEvaluation>& plans)
{
    SimplifyReport r;
    std::map<std::string, ReportRow> by_field;  // keyed by folded field
    for (const auto& e : plans) {
        ReportRow& row = by_field[fold(e.before->field.value)];
        if (row.field.empty()) row.field = e.before->field.value;
        accumulate(row, e);
        accumulate(r.total, e);
    }
    for (auto& [k, row] : by_field) {
        finish(row);
        r.fields.push_back(row);
    }
    std::sort(r.fields.begin(), r.fields.end(), [](const ReportRow& a, const ReportRow& b) { return vi_less(a.field, b.field); });
    finish(r.total);
    return r;
}

namespace {

std::vector<const ReportRow*> rows_of(const SimplifyReport& r)
{
    std::vector<const ReportRow*> rows;
    for (const auto& f : r.fields) rows.push_back(&f);
    rows.push_back(&r.total);
    return rows;
}

std::string pad(const std::string& s, std::size_t width, bool right)
{
    const std::size_t n = code_points(s);
    const std::string fill(n < width ? width - n : 0, ' ');
    return right ? fill + s : s + fill;
}

std::string days(const Catalog& c, std::int64_t mh) { return format_days(mh, c.info.hours_per_day); }

}  // namespace

std::string report_text(const Catalog& c, const SimplifyReport& r)
{
    const std::vector<std::string> heads = {"Lĩnh vực",      "Phương án", "Thời hạn trước", "Thời hạn sau", "Cắt giảm",
                                            "Đạt mục tiêu",  "Chi phí trước (đồng/năm)", "Chi phí sau (đồng/năm)",
                                            "Cắt giảm",      "Đạt mục tiêu"};
    std::vector<std::vector<std::string>> table = {heads};
    for (const ReportRow* row : rows_of(r))
        table.push_back({label(*row), std::to_string(row->plans), days(c, row->time_before), days(c, row->time_after),
                         format_percent_bp(row->time_bp), format_percent_bp(row->time_share_bp),
                         money(row->cost_before, "VND"), money(row->cost_after, "VND"), format_percent_bp(row->cost_bp),
                         format_percent_bp(row->cost_share_bp)});
    std::vector<std::size_t> width(heads.size(), 0);
    for (const auto& line : table)
        for (std::size_t i = 0; i < line.size(); ++i) width[i] = std::max(width[i], code_points(line[i]));
    std::string out = c.info.name.value + ": phương án đơn giản hóa so với mục tiêu cắt giảm 30% (Nghị quyết số 66/NQ-CP)\n\n";
    for (std::size_t l = 0; l < table.size(); ++l) {
        std::string line;
        for (std::size_t i = 0; i < table[l].size(); ++i)
            line += (i ? "  " : "") + pad(table[l][i], width[i], i > 0 && l > 0);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    out += "\n\"Đạt mục tiêu\": tỷ lệ cắt giảm so với mục tiêu 30% (100% là đạt).\n";
    out += std::string("Tổng cộng: ") + (r.targets_met() ? "đạt" : "chưa đạt") + " mục tiêu cắt giảm 30% thời gian và 30% chi phí.\n";
    return out;
}

std::string report_markdown(const Catalog& c, const SimplifyReport& r)
{
    std::string out = "# Kết quả đơn giản hóa thủ tục hành chính\n\n" + c.info.name.value +
                      ": phương án đơn giản hóa so với mục tiêu cắt giảm ít nhất 30% thời gian giải quyết và 30% chi phí "
                      "tuân thủ (Nghị quyết số 66/NQ-CP " + date_in_words(Date{2025, 3, 26}) + " của Chính phủ).\n\n";
    out += "| Lĩnh vực | Phương án | Thời hạn trước | Thời hạn sau | Cắt giảm | Đạt mục tiêu | Chi phí trước (đồng/năm) | "
           "Chi phí sau (đồng/năm) | Cắt giảm | Đạt mục tiêu |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n";
    for (const ReportRow* row : rows_of(r)) {
        const std::string b = row->field.empty() ? "**" : "";
        out += "| " + b + label(*row) + b + " | " + std::to_string(row->plans) + " | " + days(c, row->time_before) + " | " +
               days(c, row->time_after) + " | " + format_percent_bp(row->time_bp) + " | " +
               format_percent_bp(row->time_share_bp) + " | " + money(row->cost_before, "VND") + " | " +
               money(row->cost_after, "VND") + " | " + format_percent_bp(row->cost_bp) + " | " +
               format_percent_bp(row->cost_share_bp) + " |\n";
    }
    out += std::string("\nTổng cộng: ") + (r.targets_met() ? "đạt" : "chưa đạt") +
           " mục tiêu cắt giảm 30% thời gian và 30% chi phí.\n";
    return out;
}

std::string report_json(const Catalog& c, const SimplifyReport& r)
{
    auto row = [&](const ReportRow& x) {
        return "{\"field\": " + json_quote(x.field) + ", \"plans\": " + std::to_string(x.plans) +
               ", \"time_before_millihours\": " + std::to_string(x.time_before) + ", \"time_after_millihours\": " +
               std::to_string(x.time_after) + ", \"time_reduction_bp\": " + std::to_string(x.time_bp) +
               ", \"time_target_share_bp\": " + std::to_string(x.time_share_bp) + ", \"cost_before\": " +
               std::to_string(x.cost_before) + ", \"cost_after\": " + std::to_string(x.cost_after) +
               ", \"cost_reduction_bp\": " + std::to_string(x.cost_bp) + ", \"cost_target_share_bp\": " +
               std::to_string(x.cost_share_bp) + "}";
    };
    std::string out = "{\n  \"catalog\": " + json_quote(c.info.id.value) + ",\n  \"target_bp\": " +
                      std::to_string(target_bp) + ",\n  \"fields\": [";
    for (std::size_t i = 0; i < r.fields.size(); ++i) out += (i ? ",\n    " : "\n    ") + row(r.fields[i]);
    out += r.fields.empty() ? "],\n" : "\n  ],\n";
    out += "  \"total\": " + row(r.total) + ",\n";
    out += std::string("  \"targets_met\": ") + (r.targets_met() ? "true" : "false") + "\n}\n";
    return out;
}

// ---------------------------------------------------------------- SVG

std::string report_svg(const Catalog& c, const SimplifyReport& r)
{
    // Layout: one group of two horizontal bars (time, cost) per field, the total
    // last; the axis runs from 0 to at least 50%; a dashed line marks 30%.
    const auto rows = rows_of(r);
    std::int64_t max_bp = 5000;
    for (const ReportRow* row : rows) max_bp = std::max({max_bp, row->time_bp, row->cost_bp});
    max_bp = (max_bp + 999) / 1000 * 1000;
    const long left = 230, plot = 520, top = 86, bar = 16, group = 50;
    const long width = left + plot + 90;
    const long height = top + static_cast<long>(rows.size()) * group + 60;
    auto xpos = [&](std::int64_t bp) { return left + static_cast<long>(std::max<std::int64_t>(bp, 0) * plot / max_bp); };

    XmlOut s;
    s.start("svg");
    s.attr("xmlns", "http://www.w3.org/2000/svg");
    s.attr("width", width);
    s.attr("height", height);
    s.attr("viewBox", "0 0 " + std::to_string(width) + " " + std::to_string(height));
    s.attr("font-family", "Times New Roman, serif");
    s.attr("font-size", "14");
    s.start("title");
    s.text("Kết quả đơn giản hóa thủ tục hành chính: " + c.info.name.value);
    s.end();
    s.start("rect");
    s.attr("width", width);
    s.attr("height", height);
    s.attr("fill", "#ffffff");
    s.end();
    auto text = [&](long x, long y, const std::string& t, const char* anchor = "start", const char* weight = "normal",
                    const char* size = nullptr) {
        s.start("text");
        s.attr("x", x);
        s.attr("y", y);
        if (std::string(anchor) != "start") s.attr("text-anchor", anchor);
        if (std::string(weight) != "normal") s.attr("font-weight", weight);
        if (size) s.attr("font-size", size);
        s.text(t);
        s.end();
    };
    text(width / 2, 28, "Tỷ lệ cắt giảm thời gian giải quyết và chi phí tuân thủ", "middle", "bold", "17");
    text(width / 2, 48, c.info.name.value + ", so với mục tiêu 30% (Nghị quyết số 66/NQ-CP)", "middle", "normal", "13");
    // Legend.
    const long ly = 66;
    auto swatch = [&](long x, const char* fill, const std::string& t) {
        s.start("rect");
        s.attr("x", x);
        s.attr("y", ly - 11);
        s.attr("width", 12);
        s.attr("height", 12);
        s.attr("fill", fill);
        s.end();
        text(x + 18, ly, t, "start", "normal", "13");
    };
    swatch(left, "#1f5fa8", "Thời gian giải quyết");
    swatch(left + 170, "#c8731e", "Chi phí tuân thủ");
    // Grid and axis labels every 10%.
    const long axis_bottom = top + static_cast<long>(rows.size()) * group;
    for (std::int64_t bp = 0; bp <= max_bp; bp += 1000) {
        s.start("line");
        s.attr("x1", xpos(bp));
        s.attr("x2", xpos(bp));
        s.attr("y1", top - 6);
        s.attr("y2", axis_bottom);
        s.attr("stroke", bp == 0 ? "#333333" : "#dddddd");
        s.end();
        text(xpos(bp), axis_bottom + 18, format_percent_bp(bp), "middle", "normal", "12");
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const ReportRow& row = *rows[i];
        const long y = top + static_cast<long>(i) * group;
        text(left - 10, y + bar + 5, label(row) + " (" + std::to_string(row.plans) + ")", "end",
             row.field.empty() ? "bold" : "normal");
        const std::pair<std::int64_t, const char*> bars[] = {{row.time_bp, "#1f5fa8"}, {row.cost_bp, "#c8731e"}};
        for (std::size_t b = 0; b < 2; ++b) {
            const long by = y + static_cast<long>(b) * (bar + 2);
            s.start("rect");
            s.attr("x", left);
            s.attr("y", by);
            s.attr("width", xpos(bars[b].first) - left);
            s.attr("height", bar);
            s.attr("fill", bars[b].second);
            s.end();
            const bool met = bars[b].first >= target_bp;
            text(xpos(bars[b].first) + 6, by + bar - 3, format_percent_bp(bars[b].first) + (met ? " ✓" : ""), "start",
                 met ? "bold" : "normal", "12");
        }
    }
    // The target line last, so that it shows over the bars.
    s.start("line");
    s.attr("x1", xpos(target_bp));
    s.attr("x2", xpos(target_bp));
    s.attr("y1", top - 12);
    s.attr("y2", axis_bottom);
    s.attr("stroke", "#c0392b");
    s.attr("stroke-width", 2);
    s.attr("stroke-dasharray", "6 4");
    s.end();
    text(xpos(target_bp), axis_bottom + 38, "Mục tiêu 30%", "middle", "bold", "12");
    text(left, height - 8,
         std::string("Tổng cộng: ") + (r.targets_met() ? "đạt" : "chưa đạt") + " mục tiêu; (n): số phương án",
         "start", "normal", "12");
    s.end();
    return s.finish();
}

}  // namespace tthc
