// Schema validation with libxml2. The compiled schema is parsed once, from the
// text compiled into the program (never from the package being checked), and
// shared by the validators of every thread. Documents are validated as a
// stream (xmlTextReader + a schema validation context): about three times
// faster than parsing a DOM and validating it, and flat in memory.
#include "package/xml_schema.hpp"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <mutex>
#include <new>
#include <stdexcept>

#include "package/schema_xsd.hpp"
#include "util/digest.hpp"
#include "util/i18n.hpp"

namespace tthc {

namespace {

// schema/tthc-1.xsd, embedded at configure time (lib/CMakeLists.txt), so the
// program and the file shipped beside it cannot differ.
constexpr std::string_view schema_text = tthc_schema_xsd;

struct SchemaHolder {
    xmlSchemaPtr schema = nullptr;
    SchemaHolder()
    {
        init_xml();
        const std::string_view text = xml_schema_text();
        xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewMemParserCtxt(text.data(), static_cast<int>(text.size()));
        schema = xmlSchemaParse(pctxt);
        xmlSchemaFreeParserCtxt(pctxt);
        if (!schema) throw std::logic_error("the built-in XML schema does not compile");
    }
    ~SchemaHolder() { xmlSchemaFree(schema); }
};

const SchemaHolder& compiled_schema()
{
    static const SchemaHolder holder;
    return holder;
}

std::string trimmed_message(const xmlError* e)
{
    std::string m = e && e->message ? e->message : tr("unknown error");
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    return m;
}

void collect(void* data, xmlErrorPtr e)
{
    if (!e || e->level == XML_ERR_WARNING) return;
    auto* out = static_cast<std::vector<XmlProblem>*>(data);
    // Schema errors carry no column: 1, the start of the line, keeps "file:line:col" well-formed.
    const auto line = static_cast<std::uint32_t>(e->line > 0 ? e->line : 0);
    const auto column = static_cast<std::uint32_t>(e->int2 > 0 ? e->int2 : 1);
    // TRANSLATORS: {0} is libxml2's own message, in English (a schema or XML error); English shows it alone.
    out->push_back({Pos{line, line ? column : 0}, fmt::format(fmt::runtime(trc("an XML error from libxml2", "{0}")),
                                                              trimmed_message(e))});
}

}  // namespace

std::string_view xml_schema_text() { return schema_text; }

bool is_schema_revision(std::string_view bytes)
{
    if (bytes == xml_schema_text()) return true;
    // SHA-256 of the earlier revisions of schema/tthc-1.xsd, oldest first:
    // 281a574 (the first), e462a36 (agency and a channel's time optional).
    static constexpr std::string_view earlier[] = {
        "058b804d664aaadfdc6a548b00a98618317c084b4c6af73edaea299a7b647924",
        "cb624d8fb2b35999ab396d5d8269f570e1e0a620b39e85784a9cedd3dc3df970",
    };
    const std::string sum = sha256_hex(bytes);
    return std::find(std::begin(earlier), std::end(earlier), sum) != std::end(earlier);
}

std::optional<XmlProblem> find_doctype(std::string_view xml)
{
    if (const std::uint32_t line = doctype_line(xml))
        return XmlProblem{Pos{line, 1}, tr("a DOCTYPE is not allowed (the toolkit reads no DTD and expands no entity)")};
    return std::nullopt;
}

struct SchemaValidator::Impl {
    xmlSchemaValidCtxtPtr ctxt = nullptr;
};

SchemaValidator::SchemaValidator() : impl_(std::make_unique<Impl>())
{
    impl_->ctxt = xmlSchemaNewValidCtxt(compiled_schema().schema);
    if (!impl_->ctxt) throw std::bad_alloc();
}

SchemaValidator::~SchemaValidator() { xmlSchemaFreeValidCtxt(impl_->ctxt); }

std::vector<XmlProblem> SchemaValidator::validate(std::string_view xml)
{
    std::vector<XmlProblem> problems;
    if (auto doctype = find_doctype(xml)) {
        problems.push_back(std::move(*doctype));
        return problems;
    }
    // NONET and nothing else: no DTD loading, no entity substitution.
    xmlTextReaderPtr reader = xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!reader) throw std::bad_alloc();
    xmlTextReaderSetStructuredErrorHandler(
        reader,
        [](void* data, xmlErrorPtr e) { collect(data, e); },
        &problems);
    xmlSchemaSetValidStructuredErrors(impl_->ctxt, collect, &problems);
    if (xmlTextReaderSchemaValidateCtxt(reader, impl_->ctxt, 0) != 0)
        problems.push_back({Pos{}, tr("cannot start schema validation")});
    int rc = 0;
    while ((rc = xmlTextReaderRead(reader)) == 1) {
        if (xmlTextReaderNodeType(reader) == XML_READER_TYPE_DOCUMENT_TYPE) {
            problems.push_back({Pos{static_cast<std::uint32_t>(xmlTextReaderGetParserLineNumber(reader)), 1},
                                tr("a DOCTYPE is not allowed (the toolkit reads no DTD and expands no entity)")});
            break;
        }
    }
    if (problems.empty() && rc != 0) problems.push_back({Pos{}, tr("the document is not well-formed XML")});
    if (problems.empty() && xmlTextReaderIsValid(reader) != 1) problems.push_back({Pos{}, tr("the document is not valid")});
    xmlTextReaderSchemaValidateCtxt(reader, nullptr, 0);
    xmlFreeTextReader(reader);
    return problems;
}

}  // namespace tthc
