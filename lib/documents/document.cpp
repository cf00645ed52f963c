#include "documents/document.hpp"

#include <map>
#include <numeric>

namespace tthc::doc {

Para para(std::string text, Align align, bool bold, bool italic, int size)
{
    Para p;
    p.spans.push_back({std::move(text), bold, italic});
    p.align = align;
    p.size = size;
    return p;
}

Para body(std::string text)
{
    Para p = para(std::move(text));
    p.indent = true;
    return p;
}

Cell cell(std::string text, Align align, bool bold)
{
    Cell c;
    c.paras.push_back(para(std::move(text), align, bold));
    return c;
}

namespace {

// ---- Markdown --------------------------------------------------------------

std::string md_escape(const std::string& s, bool in_table)
{
    std::string out;
    for (char c : s) {
        if (c == '*' || c == '_' || c == '`' || c == '\\' || (in_table && c == '|')) out.push_back('\\');
        if (c == '\n') {
            out += in_table ? "<br>" : "  \n";
            continue;
        }
        out.push_back(c);
    }
    return out;
}

std::string md_spans(const Para& p, bool in_table)
{
    std::string out;
    for (const auto& s : p.spans) {
        if (s.text.empty()) continue;
        std::string t = md_escape(s.text, in_table);
        // emphasis markers must hug the text: keep outer spaces outside them
        const auto first = t.find_first_not_of(' ');
        if (first == std::string::npos) {
            out += t;
            continue;
        }
        const auto last = t.find_last_not_of(' ');
        const std::string lead = t.substr(0, first), trail = t.substr(last + 1);
        std::string core = t.substr(first, last - first + 1);
        if (s.bold) core = "**" + core + "**";
        if (s.italic) core = "*" + core + "*";
        out += lead + core + trail;
    }
    return out;
}

std::string md_cell(const Cell& c)
{
    if (c.merged_above) return "";
    std::string out;
    for (const auto& p : c.paras) out += (out.empty() ? "" : "<br>") + md_spans(p, true);
    return out;
}

void md_table(std::string& out, const Table& t)
{
    const std::size_t columns = t.widths.size();
    auto row_text = [&](const Row& r) {
        std::string line = "|";
        std::size_t used = 0;
        for (const auto& c : r.cells) {
            line += " " + md_cell(c) + " |";
            for (int k = 1; k < c.colspan; ++k) line += " |";
            used += static_cast<std::size_t>(c.colspan);
        }
        for (; used < columns; ++used) line += " |";
        return line + "\n";
    };
    std::size_t i = 0;
    if (!t.rows.empty()) out += row_text(t.rows[i++]);
    out += "|";
    for (std::size_t k = 0; k < columns; ++k) out += "---|";
    out += "\n";
    for (; i < t.rows.size(); ++i) out += row_text(t.rows[i]);
}

// ---- HTML ------------------------------------------------------------------

std::string html_escape(const std::string& s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\n': out += "<br>"; break;
        default: out.push_back(c);
        }
    }
    return out;
}

const char* align_class(Align a)
{
    switch (a) {
    case Align::left: return "l";
    case Align::center: return "c";
    case Align::right: return "r";
    case Align::justify: return "j";
    }
    return "j";
}

std::string html_para(const Para& p)
{
    std::string cls = align_class(p.align);
    if (p.indent) cls += " i";
    if (p.space_before) cls += " sb";
    std::string out = "<p class=\"" + cls + "\"";
    if (p.size) out += " style=\"font-size:" + std::to_string(p.size) + "pt\"";
    out += ">";
    for (const auto& s : p.spans) {
        std::string t = html_escape(s.text);
        if (s.italic) t = "<i>" + t + "</i>";
        if (s.bold) t = "<b>" + t + "</b>";
        out += t;
    }
    out += "</p>\n";
    if (p.rule_after) out += "<hr class=\"short\">\n";
    return out;
}

// Row spans of vertically merged cells, by (row, grid column).
std::map<std::pair<std::size_t, int>, int> row_spans(const Table& t)
{
    std::map<std::pair<std::size_t, int>, int> spans;
    std::map<int, std::pair<std::size_t, int>> open;  // grid column -> (start row, span)
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        int col = 0;
        for (const auto& c : t.rows[r].cells) {
            if (c.merged_above && open.count(col))
                ++spans[{open[col].first, col}];
            else if (c.rowspan_start) {
                spans[{r, col}] = 1;
                open[col] = {r, 1};
            } else {
                open.erase(col);
            }
            col += c.colspan;
        }
    }
    return spans;
}

void html_table(std::string& out, const Table& t)
{
    const int total = std::accumulate(t.widths.begin(), t.widths.end(), 0);
    out += std::string("<table class=\"") + (t.borders ? "grid" : "plain") + "\"";
    if (t.size) out += " style=\"font-size:" + std::to_string(t.size) + "pt\"";
    out += ">\n<colgroup>";
    for (int w : t.widths) out += "<col style=\"width:" + std::to_string(total ? w * 100 / total : 0) + "%\">";
    out += "</colgroup>\n";
    const auto spans = row_spans(t);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const Row& row = t.rows[r];
        out += "<tr>";
        int col = 0;
        for (const auto& c : row.cells) {
            if (!c.merged_above) {
                const char* tag = row.header ? "th" : "td";
                out += std::string("<") + tag;
                if (c.colspan > 1) out += " colspan=\"" + std::to_string(c.colspan) + "\"";
                if (auto it = spans.find({r, col}); it != spans.end() && it->second > 1)
                    out += " rowspan=\"" + std::to_string(it->second) + "\"";
                out += ">";
                for (const auto& p : c.paras) out += html_para(p);
                out += std::string("</") + tag + ">";
            }
            col += c.colspan;
        }
        out += "</tr>\n";
    }
    out += "</table>\n";
}

}  // namespace

std::optional<Format> parse_format(std::string_view name)
{
    if (name == "md" || name == "markdown") return Format::markdown;
    if (name == "html") return Format::html;
    if (name == "docx") return Format::docx;
    return std::nullopt;
}

std::string render(const Document& d, Format format, long long mtime)
{
    switch (format) {
    case Format::markdown: return render_markdown(d);
    case Format::html: return render_html(d);
    case Format::docx: return render_docx(d, mtime);
    }
    return {};
}

std::string render_markdown(const Document& d)
{
    std::string out;
    for (const auto& b : d.blocks) {
        if (const auto* p = std::get_if<Para>(&b)) {
            const std::string text = md_spans(*p, false);
            if (!text.empty()) out += text + "\n\n";
        } else if (const auto* t = std::get_if<Table>(&b)) {
            md_table(out, *t);
            out += "\n";
        } else if (std::holds_alternative<PageBreak>(b)) {
            out += "---\n\n";
        }
    }
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

std::string render_html(const Document& d)
{
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(d.title) +
        "</title>\n<style>\n"
        "@page { size: A4; margin: 20mm 15mm 20mm 30mm; }\n"
        "@page wide { size: A4 landscape; margin: 20mm 15mm 20mm 30mm; }\n"
        "body { font-family: \"Times New Roman\", Times, serif; font-size: 14pt; line-height: 1.25; margin: 10mm auto; }\n"
        ".portrait { max-width: 165mm; margin: 0 auto; }\n"
        ".landscape { page: wide; max-width: 252mm; margin: 0 auto; }\n"
        "p { margin: 0 0 6pt; }\n"
        "p.j { text-align: justify; } p.c { text-align: center; } p.l { text-align: left; } "
        "p.r { text-align: right; }\n"
        "p.i { text-indent: 10mm; } p.sb { margin-top: 12pt; }\n"
        "table { border-collapse: collapse; width: 100%; margin: 0 0 8pt; }\n"
        "table.plain td { vertical-align: top; padding: 0 2pt; }\n"
        "table.grid { font-size: 12pt; }\n"
        "table.grid td, table.grid th { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }\n"
        "table.grid th { font-weight: bold; text-align: center; }\n"
        "table p { margin: 0; }\n"
        "hr.short { width: 25%; border: 0; border-top: 1px solid #000; margin: 0 auto 6pt; }\n"
        ".pb { page-break-after: always; break-after: page; height: 0; }\n"
        "@media screen { .pb { border-top: 1px dashed #999; margin: 12mm 0; } }\n"
        "</style>\n</head>\n<body>\n<div class=\"portrait\">\n";
    for (const auto& b : d.blocks) {
        if (const auto* p = std::get_if<Para>(&b))
            out += html_para(*p);
        else if (const auto* t = std::get_if<Table>(&b))
            html_table(out, *t);
        else if (std::holds_alternative<ShortRule>(b))
            out += "<hr class=\"short\">\n";
        else if (std::get<PageBreak>(b).landscape)
            out += "</div>\n<div class=\"pb\"></div>\n<div class=\"landscape\">\n";
        else
            out += "<div class=\"pb\"></div>\n";
    }
    out += "</div>\n</body>\n</html>\n";
    return out;
}

}  // namespace tthc::doc
