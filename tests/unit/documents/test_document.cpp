#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>

#include "documents/document.hpp"

using namespace tthc::doc;

namespace {

Document sample()
{
    Document d;
    d.title = "Thử";
    Para p;
    p.indent = true;
    p.spans = {{"Điều 1.", true, false}, {" Công bố *kèm theo* <Quyết định>", false, false}};
    d.blocks.push_back(p);
    Table t;
    t.widths = {1, 3};
    Row h;
    h.header = true;
    h.cells = {cell("STT"), cell("Tên | thủ tục")};
    t.rows.push_back(h);
    Row g;
    Cell wide = cell("A. Cấp xã", Align::left, true);
    wide.colspan = 2;
    g.cells = {wide};
    t.rows.push_back(g);
    d.blocks.push_back(t);
    d.blocks.push_back(PageBreak{true});
    d.blocks.push_back(para("PHỤ LỤC", Align::center, true));
    return d;
}

}  // namespace

TEST_CASE("markdown: emphasis, escaping, tables with spanned cells")
{
    CHECK(render_markdown(sample()) == "**Điều 1.** Công bố \\*kèm theo\\* <Quyết định>\n\n"
                                       "| STT | Tên \\| thủ tục |\n"
                                       "|---|---|\n"
                                       "| **A. Cấp xã** | |\n\n"
                                       "---\n\n"
                                       "**PHỤ LỤC**\n");
}

TEST_CASE("html: escaped text, colspan, landscape section after the break")
{
    const std::string html = render_html(sample());
    CHECK(html.find("<p class=\"j i\"><b>Điều 1.</b> Công bố *kèm theo* &lt;Quyết định&gt;</p>") != std::string::npos);
    CHECK(html.find("<tr><th><p class=\"l\">STT</p>\n</th><th><p class=\"l\">Tên | thủ tục</p>\n</th></tr>") != std::string::npos);
    CHECK(html.find("<td colspan=\"2\"><p class=\"l\"><b>A. Cấp xã</b></p>\n</td>") != std::string::npos);
    CHECK(html.find("</div>\n<div class=\"pb\"></div>\n<div class=\"landscape\">\n<p class=\"c\"><b>PHỤ LỤC</b></p>") !=
          std::string::npos);
    CHECK(html.find("@page { size: A4; margin: 20mm 15mm 20mm 30mm; }") != std::string::npos);
}

TEST_CASE("docx: the same document gives the same bytes in any time zone, and a zip")
{
    const std::string a = render_docx(sample(), 1700000000);
    const char* old_tz = std::getenv("TZ");
    const std::string saved = old_tz ? old_tz : "";
    setenv("TZ", "America/New_York", 1);
    tzset();
    const std::string b = render_docx(sample(), 1700000000);
    if (old_tz) setenv("TZ", saved.c_str(), 1); else unsetenv("TZ");
    tzset();
    CHECK(a == b);
    REQUIRE(a.size() > 4);
    CHECK(a.substr(0, 4) == std::string("PK\x03\x04", 4));
}
