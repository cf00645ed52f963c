// DOCX (Office Open XML WordprocessingML) output. The XML parts are written
// with XmlOut (io/xml_out.hpp, correct escaping) and zipped with libzip; every
// entry gets the same fixed time so the same document gives the same bytes.
// Page and type follow Nghị định 30/2020/NĐ-CP: A4, margins top/bottom 20 mm,
// left 30 mm, right 15 mm, Times New Roman 14 pt body.
#include <zip.h>

#include <ctime>
#include <memory>
#include <numeric>
#include <stdexcept>

#include "core/diagnostic.hpp"
#include "documents/document.hpp"
#include "io/xml_out.hpp"
#include "util/i18n.hpp"

namespace tthc::doc {

namespace {

constexpr const char* W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// The XML parts as Word writes them: one line, declared standalone.
const XmlOutOptions part_options{.indent = std::nullopt, .standalone = true};

const char* jc(Align a)
{
    switch (a) {
    case Align::left: return "left";
    case Align::center: return "center";
    case Align::right: return "right";
    case Align::justify: return "both";
    }
    return "both";
}

void run(XmlOut& w, const Span& s, int size)
{
    w.start("w:r");
    w.start("w:rPr");
    if (s.bold) w.empty("w:b");
    if (s.italic) w.empty("w:i");
    if (size) {
        w.empty("w:sz", "w:val", std::to_string(size * 2));
        w.empty("w:szCs", "w:val", std::to_string(size * 2));
    }
    w.end();
    // line breaks inside a span become <w:br/>
    std::size_t start = 0;
    while (true) {
        const std::size_t nl = s.text.find('\n', start);
        w.start("w:t");
        w.attr("xml:space", "preserve");
        w.text(s.text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        w.end();
        if (nl == std::string::npos) break;
        w.empty("w:br");
        start = nl + 1;
    }
    w.end();
}

void paragraph(XmlOut& w, const Para& p, int default_size)
{
    const int size = p.size ? p.size : default_size;
    w.start("w:p");
    w.start("w:pPr");
    w.start("w:spacing");
    w.attr("w:before", p.space_before ? "240" : "0");
    w.attr("w:after", default_size == 14 ? "120" : "0");
    w.end();
    if (p.indent) w.empty("w:ind", "w:firstLine", "567");
    w.empty("w:jc", "w:val", jc(p.align));
    w.end();
    for (const auto& s : p.spans) run(w, s, size);
    w.end();
    if (p.rule_after) {
        Para rule;
        rule.align = Align::center;
        rule.spans.push_back({"\u2014\u2014\u2014\u2014\u2014", false, false});
        paragraph(w, rule, size);
    }
}

void section_properties(XmlOut& w, bool landscape)
{
    w.start("w:sectPr");
    w.start("w:pgSz");
    w.attr("w:w", landscape ? "16838" : "11906");
    w.attr("w:h", landscape ? "11906" : "16838");
    if (landscape) w.attr("w:orient", "landscape");
    w.end();
    w.start("w:pgMar");
    w.attr("w:top", "1134");
    w.attr("w:right", "851");
    w.attr("w:bottom", "1134");
    w.attr("w:left", "1701");
    w.attr("w:header", "720");
    w.attr("w:footer", "720");
    w.attr("w:gutter", "0");
    w.end();
    w.end();
}

void table(XmlOut& w, const Table& t, int text_width)
{
    const int size = t.size ? t.size : (t.borders ? 12 : 14);
    const int total = std::accumulate(t.widths.begin(), t.widths.end(), 0);
    w.start("w:tbl");
    w.start("w:tblPr");
    w.empty("w:tblW", "w:w", std::to_string(text_width));
    w.empty("w:tblLayout", "w:type", "fixed");
    if (t.borders) {
        w.start("w:tblBorders");
        for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
            w.start(side);
            w.attr("w:val", "single");
            w.attr("w:sz", "4");
            w.attr("w:space", "0");
            w.attr("w:color", "000000");
            w.end();
        }
        w.end();
    }
    w.start("w:tblCellMar");
    for (const char* side : {"w:left", "w:right"}) {
        w.start(side);
        w.attr("w:w", "57");
        w.attr("w:type", "dxa");
        w.end();
    }
    w.end();
    w.end();
    w.start("w:tblGrid");
    std::vector<int> widths;
    for (int x : t.widths) widths.push_back(total ? x * text_width / total : 0);
    for (int x : widths) w.empty("w:gridCol", "w:w", std::to_string(x));
    w.end();
    for (const auto& row : t.rows) {
        w.start("w:tr");
        if (row.header) {
            w.start("w:trPr");
            w.empty("w:tblHeader");
            w.end();
        }
        int col = 0;
        for (const auto& c : row.cells) {
            int width = 0;
            for (int k = 0; k < c.colspan && col + k < static_cast<int>(widths.size()); ++k) width += widths[static_cast<std::size_t>(col + k)];
            w.start("w:tc");
            w.start("w:tcPr");
            w.start("w:tcW");
            w.attr("w:w", std::to_string(width));
            w.attr("w:type", "dxa");
            w.end();
            if (c.colspan > 1) w.empty("w:gridSpan", "w:val", std::to_string(c.colspan));
            if (c.rowspan_start) w.empty("w:vMerge", "w:val", "restart");
            if (c.merged_above) w.empty("w:vMerge");
            w.end();
            if (c.merged_above || c.paras.empty()) {
                w.empty("w:p");
            } else {
                for (const auto& p : c.paras) {
                    Para q = p;
                    if (row.header) {
                        for (auto& s : q.spans) s.bold = true;
                        q.align = Align::center;
                    }
                    paragraph(w, q, size);
                }
            }
            w.end();
            col += c.colspan;
        }
        w.end();
    }
    w.end();
    // Word requires a paragraph between two tables and after a table at the end
    w.start("w:p");
    w.end();
}

std::string document_xml(const Document& d)
{
    XmlOut w(part_options);
    w.start("w:document");
    w.attr("xmlns:w", W);
    w.start("w:body");
    bool landscape = false;
    for (const auto& b : d.blocks) {
        if (const auto* p = std::get_if<Para>(&b)) {
            paragraph(w, *p, 14);
        } else if (const auto* t = std::get_if<Table>(&b)) {
            // text width in twips: page width less the 30 mm and 15 mm side margins
            table(w, *t, (landscape ? 16838 : 11906) - 1701 - 851);
        } else if (std::holds_alternative<ShortRule>(b)) {
            Para rule;
            rule.align = Align::center;
            rule.spans.push_back({"\u2014\u2014\u2014\u2014\u2014", false, false});
            paragraph(w, rule, 14);
        } else if (std::get<PageBreak>(b).landscape && !landscape) {
            // end the portrait section here; what follows is a landscape section
            w.start("w:p");
            w.start("w:pPr");
            section_properties(w, false);
            w.end();
            w.end();
            landscape = true;
        } else {
            w.start("w:p");
            w.start("w:r");
            w.empty("w:br", "w:type", "page");
            w.end();
            w.end();
        }
    }
    section_properties(w, landscape);
    w.end();
    w.end();
    return w.finish();
}

std::string styles_xml()
{
    XmlOut w(part_options);
    w.start("w:styles");
    w.attr("xmlns:w", W);
    w.start("w:docDefaults");
    w.start("w:rPrDefault");
    w.start("w:rPr");
    w.start("w:rFonts");
    for (const char* a : {"w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"}) w.attr(a, "Times New Roman");
    w.end();
    w.empty("w:sz", "w:val", "28");
    w.empty("w:szCs", "w:val", "28");
    w.empty("w:lang", "w:val", "vi-VN");
    w.end();
    w.end();
    w.start("w:pPrDefault");
    w.start("w:pPr");
    w.start("w:spacing");
    w.attr("w:after", "0");
    w.attr("w:line", "276");
    w.attr("w:lineRule", "auto");
    w.end();
    w.end();
    w.end();
    w.end();
    w.start("w:style");
    w.attr("w:type", "paragraph");
    w.attr("w:default", "1");
    w.attr("w:styleId", "Normal");
    w.empty("w:name", "w:val", "Normal");
    w.end();
    w.end();
    return w.finish();
}

std::string core_xml(const Document& d)
{
    XmlOut w(part_options);
    w.start("cp:coreProperties");
    w.attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
    w.attr("xmlns:dc", "http://purl.org/dc/elements/1.1/");
    w.start("dc:title");
    w.text(d.title);
    w.end();
    w.start("dc:language");
    w.text("vi-VN");
    w.end();
    w.end();
    return w.finish();
}

const char* content_types =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "</Types>\n";

const char* package_rels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
    "Target=\"docProps/core.xml\"/>"
    "</Relationships>\n";

const char* document_rels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/>"
    "</Relationships>\n";

// libzip stores entry times as local time: pass the instant whose local time
// reads as `mtime` in UTC, so the bytes do not depend on the time zone.
time_t local_twin(long long mtime)
{
    const time_t t = static_cast<time_t>(mtime);
    std::tm utc{};
    gmtime_r(&t, &utc);
    utc.tm_isdst = -1;
    return std::mktime(&utc);
}

}  // namespace

std::string render_docx(const Document& d, long long mtime)
{
    const std::vector<std::pair<const char*, std::string>> parts = {
        {"[Content_Types].xml", content_types},   {"_rels/.rels", package_rels},
        {"word/_rels/document.xml.rels", document_rels}, {"word/document.xml", document_xml(d)},
        {"word/styles.xml", styles_xml()},        {"docProps/core.xml", core_xml(d)},
    };
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!out) throw Error(tr("cannot create the DOCX buffer"));
    zip_t* za = zip_open_from_source(out, ZIP_TRUNCATE, &error);
    if (!za) {
        zip_source_free(out);
        throw Error(tr("cannot create the DOCX archive"));
    }
    zip_source_keep(out);
    for (const auto& [name, data] : parts) {
        zip_source_t* src = zip_source_buffer(za, data.data(), data.size(), 0);
        const zip_int64_t idx = src ? zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8) : -1;
        if (idx < 0) {
            if (src) zip_source_free(src);
            zip_discard(za);
            zip_source_free(out);
            // TRANSLATORS: {0} is the name of a part of the DOCX file (word/document.xml).
            throw Error(tr("cannot add {0} to the DOCX archive", name));
        }
        zip_file_set_mtime(za, static_cast<zip_uint64_t>(idx), local_twin(mtime), 0);
    }
    if (zip_close(za) < 0) {
        zip_discard(za);
        zip_source_free(out);
        throw Error(tr("cannot write the DOCX archive"));
    }
    std::string bytes;
    if (zip_source_open(out) == 0) {
        zip_stat_t st;
        zip_stat_init(&st);
        zip_source_stat(out, &st);
        bytes.resize(static_cast<std::size_t>(st.size));
        zip_source_read(out, bytes.data(), st.size);
        zip_source_close(out);
    }
    zip_source_free(out);
    return bytes;
}

}  // namespace tthc::doc
