// The one XML writer of the toolkit: the tthc vocabulary, the DOCX parts, BPMN
// and SVG are all written through it into memory. It escapes text and
// attribute values and writes names as given (a prefixed name such as "w:p" is
// written as is; its prefix is declared with attr("xmlns:w", ...)). Nothing in
// it depends on the clock or the machine: the same calls give the same bytes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tthc {

// Initialises libxml2 once for the process (thread safety, no external entity
// loader). Called by everything in lib/ that touches XML; harmless to repeat.
void init_xml();


struct XmlOutOptions {
    // Each nested element on its own line, indented by this string once per
    // level; nullopt writes the document on one line after the declaration.
    std::optional<std::string> indent = "  ";
    // The declaration is always <?xml version="1.0" encoding="UTF-8"?>; with
    // standalone it also says standalone="yes" (as Office Open XML parts do).
    bool standalone = false;
};

// Writes one document, element by element; the XML declaration is written at
// construction. Every call throws Error when libxml2 fails (out of memory, or
// the writer used out of order: end() with no element open, a call after
// finish()). Text must be UTF-8; it is not checked here. Not copyable.
class XmlOut {
public:
    explicit XmlOut(const XmlOutOptions& options = {});
    ~XmlOut();
    XmlOut(const XmlOut&) = delete;
    XmlOut& operator=(const XmlOut&) = delete;

    // Starts the root element in `default_namespace`: xmlns="..." is written
    // after the attributes given to the root.
    void root(std::string_view name, std::string_view default_namespace);
    // Starts an element; end() closes the innermost one still open.
    void start(std::string_view name);
    void end();
    // An attribute of the element just started (before any content).
    void attr(std::string_view name, std::string_view value);
    void attr(std::string_view name, std::int64_t value);
    // Character content of the element open.
    void text(std::string_view content);
    // <name>content</name>
    void element(std::string_view name, std::string_view content);
    // <name/>, and <name attribute="value"/>
    void empty(std::string_view name);
    void empty(std::string_view name, std::string_view attribute, std::string_view value);

    // Closes whatever is still open and returns the document's bytes; the
    // writer cannot be used afterwards.
    std::string finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The line of the first "<!" in the prolog of an XML document (after a BOM,
// the XML declaration, comments, processing instructions and white space),
// where a DOCTYPE can only be; 0 when the root element comes first. What every
// reader of untrusted XML refuses before libxml2 sees the bytes.
std::uint32_t doctype_line(std::string_view xml);

}  // namespace tthc
