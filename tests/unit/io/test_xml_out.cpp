#include <catch2/catch.hpp>

#include "core/diagnostic.hpp"
#include "io/xml_out.hpp"

using namespace tthc;

namespace {

// The same small document, whatever the options: a root in a default
// namespace, attributes, text that needs escaping, an element, empty elements.
std::string small_document(const XmlOutOptions& options)
{
    XmlOut w(options);
    w.root("catalog", "urn:example");
    w.attr("version", "1");
    w.attr("count", std::int64_t{2});
    w.start("entry");
    w.attr("name", "Hộ tịch \"A\" & <B>");
    w.text("a < b & c");
    w.end();
    w.element("note", "ngày 01/7");
    w.empty("flag");
    w.empty("size", "val", "28");
    w.start("open");  // left open: finish() closes it
    return w.finish();
}

}  // namespace

TEST_CASE("XmlOut indents with the given string")
{
    CHECK(small_document({}) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<catalog version=\"1\" count=\"2\" xmlns=\"urn:example\">\n"
          "  <entry name=\"Hộ tịch &quot;A&quot; &amp; &lt;B&gt;\">a &lt; b &amp; c</entry>\n"
          "  <note>ngày 01/7</note>\n"
          "  <flag/>\n"
          "  <size val=\"28\"/>\n"
          "  <open/>\n"
          "</catalog>\n");
    CHECK(small_document({.indent = "\t"}).find("\n\t<note>ngày 01/7</note>\n") != std::string::npos);
}

TEST_CASE("XmlOut without indentation writes one line, standalone when asked")
{
    CHECK(small_document({.indent = std::nullopt, .standalone = true}) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<catalog version=\"1\" count=\"2\" xmlns=\"urn:example\">"
          "<entry name=\"Hộ tịch &quot;A&quot; &amp; &lt;B&gt;\">a &lt; b &amp; c</entry>"
          "<note>ngày 01/7</note><flag/><size val=\"28\"/><open/></catalog>\n");
}

TEST_CASE("XmlOut throws Error when used out of order")
{
    XmlOut w;
    w.start("a");
    w.end();
    CHECK_THROWS_WITH(w.end(), "internal error: the XML writer could not end an element "
                               "(out of memory, or the writer used out of order)");
    CHECK_THROWS_WITH(w.start(""), "internal error: the XML writer could not start the element "
                                   "(out of memory, or the writer used out of order)");
    w.finish();
    CHECK_THROWS_AS(w.text("x"), Error);
    CHECK_THROWS_WITH(w.start("b"), "internal error: the XML writer cannot start the element b after finish()");
}
