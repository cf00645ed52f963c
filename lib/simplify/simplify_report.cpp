// The catalog's plans against the 30% targets of Nghị quyết 66/NQ-CP: totals
// per field and overall, as a table (text, Markdown, JSON) and as an SVG bar
// chart written with XmlOut (io/xml_out.hpp).
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

namespace {

// The chart's layout, in SVG user units (pixels): the label column on the
// left, the plot, one group of two bars per row, the legend above the plot.
constexpr long chart_left = 230, chart_plot = 520, chart_right = 90, chart_top = 86, chart_bottom = 60;
constexpr long bar_h = 16, bar_gap = 2, group_h = 50, legend_y = 66, swatch_size = 12;
constexpr const char* time_colour = "#1f5fa8";
constexpr const char* cost_colour = "#c8731e";

// One horizontal bar chart: one group of two bars (time, cost) per field, the
// total last; the axis runs from 0 to at least 50%; a dashed line marks 30%.
class BarChart {
public:
    explicit BarChart(std::vector<const ReportRow*> rows) : rows_(std::move(rows))
    {
        for (const ReportRow* row : rows_) max_bp_ = std::max({max_bp_, row->time_bp, row->cost_bp});
        max_bp_ = (max_bp_ + 999) / 1000 * 1000;
        width_ = chart_left + chart_plot + chart_right;
        axis_bottom_ = chart_top + static_cast<long>(rows_.size()) * group_h;
        height_ = axis_bottom_ + chart_bottom;
    }

    std::string draw(const Catalog& c, const SimplifyReport& r)
    {
        frame(c);
        legend();
        grid();
        for (std::size_t i = 0; i < rows_.size(); ++i) bars(*rows_[i], chart_top + static_cast<long>(i) * group_h);
        target();
        text(chart_left, height_ - 8,
             std::string("Tổng cộng: ") + (r.targets_met() ? "đạt" : "chưa đạt") + " mục tiêu; (n): số phương án",
             "start", "normal", "12");
        s_.end();
        return s_.finish();
    }

private:
    long xpos(std::int64_t bp) const
    {
        return chart_left + static_cast<long>(std::max<std::int64_t>(bp, 0) * chart_plot / max_bp_);
    }

    void text(long x, long y, const std::string& t, const char* anchor = "start", const char* weight = "normal",
              const char* size = nullptr)
    {
        s_.start("text");
        s_.attr("x", x);
        s_.attr("y", y);
        if (std::string(anchor) != "start") s_.attr("text-anchor", anchor);
        if (std::string(weight) != "normal") s_.attr("font-weight", weight);
        if (size) s_.attr("font-size", size);
        s_.text(t);
        s_.end();
    }

    void rect(long x, long y, long w, long h, const char* fill)
    {
        s_.start("rect");
        if (x || y) {
            s_.attr("x", x);
            s_.attr("y", y);
        }
        s_.attr("width", w);
        s_.attr("height", h);
        s_.attr("fill", fill);
        s_.end();
    }

    void frame(const Catalog& c)
    {
        s_.start("svg");
        s_.attr("xmlns", "http://www.w3.org/2000/svg");
        s_.attr("width", width_);
        s_.attr("height", height_);
        s_.attr("viewBox", "0 0 " + std::to_string(width_) + " " + std::to_string(height_));
        s_.attr("font-family", "Times New Roman, serif");
        s_.attr("font-size", "14");
        s_.start("title");
        s_.text("Kết quả đơn giản hóa thủ tục hành chính: " + c.info.name.value);
        s_.end();
        rect(0, 0, width_, height_, "#ffffff");
        text(width_ / 2, 28, "Tỷ lệ cắt giảm thời gian giải quyết và chi phí tuân thủ", "middle", "bold", "17");
        text(width_ / 2, 48, c.info.name.value + ", so với mục tiêu 30% (Nghị quyết số 66/NQ-CP)", "middle", "normal",
             "13");
    }

    void legend()
    {
        auto swatch = [&](long x, const char* fill, const std::string& t) {
            rect(x, legend_y - 11, swatch_size, swatch_size, fill);
            text(x + 18, legend_y, t, "start", "normal", "13");
        };
        swatch(chart_left, time_colour, "Thời gian giải quyết");
        swatch(chart_left + 170, cost_colour, "Chi phí tuân thủ");
    }

    // Grid lines and axis labels every 10%.
    void grid()
    {
        for (std::int64_t bp = 0; bp <= max_bp_; bp += 1000) {
            s_.start("line");
            s_.attr("x1", xpos(bp));
            s_.attr("x2", xpos(bp));
            s_.attr("y1", chart_top - 6);
            s_.attr("y2", axis_bottom_);
            s_.attr("stroke", bp == 0 ? "#333333" : "#dddddd");
            s_.end();
            text(xpos(bp), axis_bottom_ + 18, format_percent_bp(bp), "middle", "normal", "12");
        }
    }

    void bars(const ReportRow& row, long y)
    {
        text(chart_left - 10, y + bar_h + 5, label(row) + " (" + std::to_string(row.plans) + ")", "end",
             row.field.empty() ? "bold" : "normal");
        const std::pair<std::int64_t, const char*> values[] = {{row.time_bp, time_colour}, {row.cost_bp, cost_colour}};
        for (std::size_t b = 0; b < 2; ++b) {
            const long by = y + static_cast<long>(b) * (bar_h + bar_gap);
            rect(chart_left, by, xpos(values[b].first) - chart_left, bar_h, values[b].second);
            const bool met = values[b].first >= target_bp;
            text(xpos(values[b].first) + 6, by + bar_h - 3, format_percent_bp(values[b].first) + (met ? " ✓" : ""),
                 "start", met ? "bold" : "normal", "12");
        }
    }

    // The target line last, so that it shows over the bars.
    void target()
    {
        s_.start("line");
        s_.attr("x1", xpos(target_bp));
        s_.attr("x2", xpos(target_bp));
        s_.attr("y1", chart_top - 12);
        s_.attr("y2", axis_bottom_);
        s_.attr("stroke", "#c0392b");
        s_.attr("stroke-width", 2);
        s_.attr("stroke-dasharray", "6 4");
        s_.end();
        text(xpos(target_bp), axis_bottom_ + 38, "Mục tiêu 30%", "middle", "bold", "12");
    }

    std::vector<const ReportRow*> rows_;
    std::int64_t max_bp_ = 5000;
    long width_ = 0, height_ = 0, axis_bottom_ = 0;
    XmlOut s_;
};

}  // namespace

std::string report_svg(const Catalog& c, const SimplifyReport& r) { return BarChart(rows_of(r)).draw(c, r); }

}  // namespace tthc
