// One small document model for everything the toolkit drafts for a signature
// (decisions, appendices, process and plan documents), rendered to Markdown,
// HTML (A4 print layout) and DOCX. Builders decide content; renderers decide
// nothing but layout, so the three outputs never disagree.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tthc::doc {

enum class Align { left, center, right, justify };

struct Span {
    std::string text;
    bool bold = false;
    bool italic = false;
};

struct Para {
    std::vector<Span> spans;
    Align align = Align::justify;
    bool indent = false;  // first-line indent (body paragraphs, căn cứ, articles)
    int size = 0;         // point size; 0 means the body size (14 pt)
    bool space_before = false;
    bool rule_after = false;  // a short centred line under the paragraph (issuing body, motto, title)
};

// A cell spans `colspan` columns; a vertical merge continues the cell above
// when `merged_above` is set (its content is then ignored).
struct Cell {
    std::vector<Para> paras;
    int colspan = 1;
    bool merged_above = false;
    bool rowspan_start = false;  // the first cell of a vertical merge
};

struct Row {
    std::vector<Cell> cells;
    bool header = false;
};

struct Table {
    std::vector<int> widths;  // relative column widths
    std::vector<Row> rows;
    bool borders = true;
    int size = 0;             // point size of the text; 0: 12 pt for bordered tables
};

struct ShortRule {};  // the short line under the issuing body, motto and title
struct PageBreak {
    bool landscape = false;  // the pages after the break are A4 landscape (wide appendix tables)
};

using Block = std::variant<Para, Table, ShortRule, PageBreak>;

struct Document {
    std::string title;  // for the HTML <title> and DOCX properties
    std::vector<Block> blocks;
};

// Convenience builders.
Para para(std::string text, Align align = Align::justify, bool bold = false, bool italic = false, int size = 0);
Para body(std::string text);  // justified, first-line indent
Cell cell(std::string text, Align align = Align::left, bool bold = false);

std::string render_markdown(const Document& d);
std::string render_html(const Document& d);

// The bytes of a .docx file (Office Open XML). `mtime` (seconds since the
// epoch) stamps every zip entry so the same document gives the same bytes.
std::string render_docx(const Document& d, long long mtime);

// 1980-01-01, the earliest time a zip entry can carry: the stamp of a
// document that has no date of its own.
inline constexpr long long zip_epoch = 315532800;

enum class Format { markdown, html, docx };

// "md", "markdown", "html", "docx"; nothing for anything else.
std::optional<Format> parse_format(std::string_view name);

// The document in `format`; `mtime` as for render_docx.
std::string render(const Document& d, Format format, long long mtime);

}  // namespace tthc::doc
