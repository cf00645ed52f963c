// libxml2's streaming writer (xmlTextWriter) into a memory buffer, behind
// XmlOut so that libxml2 stays in this file. Every return code is checked: a
// document the writer could not finish is never handed out as if it were whole.
#include "io/xml_out.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>

#include <mutex>

#include "util/error.hpp"
#include "util/i18n.hpp"

namespace tthc {

namespace {

// Every external resource (a DTD, an external entity, an xsd:import) is
// refused: a package is checked with what the program carries, never with
// what a document points at.
xmlParserInputPtr no_external_entities(const char*, const char*, xmlParserCtxtPtr) { return nullptr; }

// libxml2's "generic" errors bypass the structured handlers every parse and
// validation installs, and go straight to stderr: its schema validator prints
// "Unimplemented block at xmlschemas.c:..." for some malformed documents
// (found by fuzzing), text that would break the one-line-per-finding output.
// Every real problem reaches us through the structured handlers.
void discard_generic_error(void*, const char*, ...) {}


struct WriterDeleter {
    void operator()(xmlTextWriter* w) const { xmlFreeTextWriter(w); }
};
struct BufferDeleter {
    void operator()(xmlBuffer* b) const { xmlBufferFree(b); }
};

// libxml2 wants NUL-terminated strings; a string_view need not be one.
class Chars {
public:
    explicit Chars(std::string_view s) : s_(s) {}
    operator const xmlChar*() const { return reinterpret_cast<const xmlChar*>(s_.c_str()); }

private:
    std::string s_;
};

}  // namespace

void init_xml()
{
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(no_external_entities);
        // Both: the handler is per thread; the second is the default for threads made later.
        xmlSetGenericErrorFunc(nullptr, discard_generic_error);
        xmlThrDefSetGenericErrorFunc(nullptr, discard_generic_error);
    });
}


struct XmlOut::Impl {
    // Declared in this order so that the writer, which flushes into the
    // buffer when freed, goes first.
    std::unique_ptr<xmlBuffer, BufferDeleter> buffer;
    std::unique_ptr<xmlTextWriter, WriterDeleter> writer;  // null once finished

    // Runs one libxml2 call, which returns a negative number when it failed;
    // `action` (a message id, N_) and `name` say what it was, for the message.
    template <class Call>
    void run(std::string_view action, std::string_view name, Call call)
    {
        // TRANSLATORS: {0} is what was asked of the writer ("start the element", and an element's name)
        if (!writer) throw Error(tr("internal error: the XML writer cannot {0} after finish()", say(action, name)));
        check(call(writer.get()), action, name);
    }
    static void check(int rc, std::string_view action, std::string_view name = {})
    {
        if (rc < 0)
            // TRANSLATORS: {0} is what was asked of the writer ("start the element", and an element's name)
            throw Error(tr("internal error: the XML writer could not {0} (out of memory, or the writer used out of "
                           "order)",
                           say(action, name)));
    }
    static std::string say(std::string_view action, std::string_view name)
    {
        std::string s = tr(std::string(action).c_str());
        if (!name.empty()) s.append(" ").append(name);
        return s;
    }
};

XmlOut::XmlOut(const XmlOutOptions& options) : impl_(std::make_unique<Impl>())
{
    init_xml();
    impl_->buffer.reset(xmlBufferCreate());
    if (impl_->buffer) impl_->writer.reset(xmlNewTextWriterMemory(impl_->buffer.get(), 0));
    if (!impl_->writer) throw Error(tr("cannot create the XML writer (out of memory)"));
    xmlTextWriter* w = impl_->writer.get();
    if (options.indent) {
        Impl::check(xmlTextWriterSetIndent(w, 1), N_("turn on indentation"));
        Impl::check(xmlTextWriterSetIndentString(w, Chars(*options.indent)), N_("set the indentation"));
    }
    Impl::check(xmlTextWriterStartDocument(w, "1.0", "UTF-8", options.standalone ? "yes" : nullptr),
                N_("write the XML declaration"));
}

XmlOut::~XmlOut() = default;

void XmlOut::root(std::string_view name, std::string_view default_namespace)
{
    impl_->run(N_("start the element"), name, [&](xmlTextWriter* w) {
        return xmlTextWriterStartElementNS(w, nullptr, Chars(name), Chars(default_namespace));
    });
}

void XmlOut::start(std::string_view name)
{
    impl_->run(N_("start the element"), name,
               [&](xmlTextWriter* w) { return xmlTextWriterStartElement(w, Chars(name)); });
}

void XmlOut::end()
{
    impl_->run(N_("end an element"), {}, [](xmlTextWriter* w) { return xmlTextWriterEndElement(w); });
}

void XmlOut::attr(std::string_view name, std::string_view value)
{
    impl_->run(N_("write the attribute"), name,
               [&](xmlTextWriter* w) { return xmlTextWriterWriteAttribute(w, Chars(name), Chars(value)); });
}

void XmlOut::attr(std::string_view name, std::int64_t value) { attr(name, std::to_string(value)); }

void XmlOut::text(std::string_view content)
{
    impl_->run(N_("write text"), {}, [&](xmlTextWriter* w) { return xmlTextWriterWriteString(w, Chars(content)); });
}

void XmlOut::element(std::string_view name, std::string_view content)
{
    impl_->run(N_("write the element"), name,
               [&](xmlTextWriter* w) { return xmlTextWriterWriteElement(w, Chars(name), Chars(content)); });
}

void XmlOut::empty(std::string_view name)
{
    start(name);
    end();
}

void XmlOut::empty(std::string_view name, std::string_view attribute, std::string_view value)
{
    start(name);
    attr(attribute, value);
    end();
}

std::string XmlOut::finish()
{
    impl_->run(N_("finish the document"), {}, [](xmlTextWriter* w) { return xmlTextWriterEndDocument(w); });
    impl_->writer.reset();  // flushes into the buffer
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(impl_->buffer.get())),
                       static_cast<std::size_t>(xmlBufferLength(impl_->buffer.get())));
}

std::uint32_t doctype_line(std::string_view xml)
{
    std::size_t i = xml.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    std::uint32_t line = 1;
    auto skip_to = [&](std::string_view end) {
        const std::size_t at = xml.find(end, i);
        const std::size_t stop = at == std::string_view::npos ? xml.size() : at + end.size();
        for (; i < stop; ++i)
            if (xml[i] == '\n') ++line;
    };
    while (i < xml.size()) {
        const char c = xml[i];
        if (c == '\n') {
            ++line;
            ++i;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
        } else if (xml.substr(i, 4) == "<!--") {
            skip_to("-->");
        } else if (xml.substr(i, 2) == "<?") {
            skip_to("?>");
        } else {
            return xml.substr(i, 2) == "<!" ? line : 0;
        }
    }
    return 0;
}

}  // namespace tthc
