// XML documents → model. Procedures and decisions are small: each is parsed
// into a DOM of its own and walked. The manifest grows with the catalog, so it
// is read as a stream. Every parse: no network, no DTD loading, no entity
// substitution, and a DOCTYPE is refused before libxml2 sees the document.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include <charconv>
#include <cstring>
#include <memory>

#include "package/xml_documents.hpp"
#include "package/xml_schema.hpp"
#include "util/i18n.hpp"

namespace tthc {

namespace {

constexpr int parse_options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

[[noreturn]] void fail(long line, std::string message)
{
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    // TRANSLATORS: {0} is a line number of the XML document, {1} what is wrong there.
    throw Error(line > 0 ? tr("line {0}: {1}", line, message) : message);
}

std::string name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

bool in_namespace(const xmlNode* n)
{
    return n->ns && n->ns->href && std::string_view(reinterpret_cast<const char*>(n->ns->href)) == xml_namespace;
}

std::string content(const xmlNode* n)
{
    xmlChar* c = xmlNodeGetContent(n);
    std::string out = c ? reinterpret_cast<const char*>(c) : "";
    xmlFree(c);
    return out;
}

std::string attribute(const xmlNode* n, const char* name)
{
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}

std::vector<const xmlNode*> children(const xmlNode* n)
{
    std::vector<const xmlNode*> out;
    for (const xmlNode* c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            if (!in_namespace(c)) fail(c->line, tr("element '{0}' is not in the tthc namespace", name_of(c)));
            out.push_back(c);
        }
    return out;
}

Text text(const xmlNode* n) { return Text{content(n), Pos{}, true}; }

std::vector<Text> texts(const xmlNode* n)
{
    std::vector<Text> out;
    for (const xmlNode* c : children(n)) out.push_back(text(c));
    return out;
}

std::int64_t integer(const xmlNode* n)
{
    const std::string s = content(n);
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) fail(n->line, tr("'{0}' is not an integer", s));
    return v;
}

Date date(const xmlNode* n)
{
    const auto d = parse_date(content(n));
    if (!d) fail(n->line, tr("'{0}' is not a date", content(n)));
    return *d;
}

struct DocDeleter {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using Doc = std::unique_ptr<xmlDoc, DocDeleter>;

// Parses a document and returns it with its root, which must be `root_name`.
std::pair<Doc, const xmlNode*> parse(std::string_view xml, const char* root_name)
{
    init_xml();
    if (auto doctype = find_doctype(xml)) fail(doctype->pos.line, doctype->message);
    Doc doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, parse_options));
    if (!doc) {
        const xmlError* e = xmlGetLastError();
        // TRANSLATORS: {0} is libxml2's own message, in English.
        fail(e ? e->line : 0, tr("not well-formed XML: {0}", e && e->message ? e->message : tr("parse error")));
    }
    if (doc->intSubset || doc->extSubset) fail(0, tr("a DOCTYPE is not allowed"));
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!root || name_of(root) != root_name || !in_namespace(root))
        // TRANSLATORS: {0} is the XML element the document must start with (procedure, decision), {1} its namespace.
        fail(root ? root->line : 0, tr("not a tthc {0} document (expected <{0} xmlns=\"{1}\">)", root_name, xml_namespace));
    return {std::move(doc), root};
}

}  // namespace

Procedure read_procedure_xml(std::string_view xml)
{
    auto [doc, root] = parse(xml, "procedure");
    Procedure p;
    p.abolished = attribute(root, "status") == "abolished";
    for (const xmlNode* n : children(root)) {
        const std::string e = name_of(n);
        if (e == "code") p.code = text(n);
        else if (e == "name") p.name = text(n);
        else if (e == "field") p.field = text(n);
        else if (e == "levels") p.levels = texts(n);
        else if (e == "kind") p.kind = text(n);
        else if (e == "subjects") p.subjects = texts(n);
        else if (e == "agency") p.agency = text(n);
        else if (e == "authority") p.authority = text(n);
        else if (e == "delegated") p.delegated = text(n);
        else if (e == "coordinating") p.coordinating = text(n);
        else if (e == "address") p.address = text(n);
        else if (e == "online") p.online = text(n);
        else if (e == "conditions") p.conditions = text(n);
        else if (e == "steps") p.steps = texts(n);
        else if (e == "related") p.related = texts(n);
        else if (e == "results") {
            for (const xmlNode* r : children(n)) {
                ResultDoc res;
                for (const xmlNode* f : children(r)) {
                    if (name_of(f) == "name") res.name = text(f);
                    else if (name_of(f) == "code") res.code = text(f);
                }
                p.results.push_back(std::move(res));
            }
        } else if (e == "channels") {
            for (const xmlNode* c : children(n)) {
                Channel ch;
                for (const xmlNode* f : children(c)) {
                    const std::string k = name_of(f);
                    if (k == "kind") ch.kind = text(f);
                    else if (k == "time") {
                        ch.time = text(f);
                        ch.duration = parse_duration(ch.time.value);
                    } else if (k == "fee") ch.fee = integer(f);
                    else if (k == "currency") ch.currency = text(f);
                    else if (k == "feeNote") ch.fee_note = text(f);
                    else if (k == "case") ch.case_name = text(f);
                    else if (k == "note") ch.note = text(f);
                }
                p.channels.push_back(std::move(ch));
            }
        } else if (e == "dossier") {
            for (const xmlNode* d : children(n)) {
                DossierItem item;
                for (const xmlNode* f : children(d)) {
                    const std::string k = name_of(f);
                    if (k == "name") item.name = text(f);
                    else if (k == "form") item.form = text(f);
                    else if (k == "originals") item.originals = integer(f);
                    else if (k == "copies") item.copies = integer(f);
                    else if (k == "case") item.case_name = text(f);
                    else if (k == "presentOnly") item.present_only = content(f) == "true" || content(f) == "1";
                }
                p.dossier.push_back(std::move(item));
            }
        } else if (e == "legalBasis") {
            for (const xmlNode* d : children(n)) {
                LegalBasis b;
                for (const xmlNode* f : children(d)) {
                    const std::string k = name_of(f);
                    if (k == "number") b.number = text(f);
                    else if (k == "title") b.title = text(f);
                    else if (k == "issued") b.issued = date(f);
                    else if (k == "issuer") b.issuer = text(f);
                }
                p.legal_basis.push_back(std::move(b));
            }
        } else {
            fail(n->line, tr("unknown element '{0}' in a procedure", e));
        }
    }
    if (!p.code.value.empty()) p.parsed_code = parse_code(p.code.value);
    return p;
}

Decision read_decision_xml(std::string_view xml)
{
    auto [doc, root] = parse(xml, "decision");
    Decision d;
    for (const xmlNode* n : children(root)) {
        const std::string e = name_of(n);
        if (e == "number") d.number = text(n);
        else if (e == "date") d.date = date(n);
        else if (e == "title") d.title = text(n);
        else if (e == "effective") d.effective = date(n);
        else if (e == "signer") d.signer = text(n);
        else if (e == "signerTitle") d.signer_title = text(n);
        else if (e == "signMode") d.sign_mode = text(n);
        else if (e == "basis") d.basis = texts(n);
        else if (e == "new") d.new_codes = texts(n);
        else if (e == "amended") d.amended = texts(n);
        else if (e == "abolished") d.abolished = texts(n);
        else if (e == "processes") d.processes = texts(n);
        else if (e == "replaced") {
            for (const xmlNode* r : children(n)) {
                Replacement rep;
                rep.old_code = Text{attribute(r, "old"), Pos{}, true};
                rep.new_code = Text{attribute(r, "new"), Pos{}, true};
                d.replaced.push_back(std::move(rep));
            }
        } else {
            fail(n->line, tr("unknown element '{0}' in a decision", e));
        }
    }
    return d;
}

namespace {

struct ReaderDeleter {
    void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};

class ManifestReader {
public:
    explicit ManifestReader(std::string_view xml)
        : reader_(xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, parse_options))
    {
        if (!reader_) throw std::bad_alloc();
    }

    std::string attr(const char* name)
    {
        xmlChar* v = xmlTextReaderGetAttribute(reader_.get(), reinterpret_cast<const xmlChar*>(name));
        std::string out = v ? reinterpret_cast<const char*>(v) : "";
        xmlFree(v);
        return out;
    }
    bool has(const char* name)
    {
        xmlChar* v = xmlTextReaderGetAttribute(reader_.get(), reinterpret_cast<const xmlChar*>(name));
        xmlFree(v);
        return v != nullptr;
    }
    std::uint64_t number(const char* name)
    {
        const std::string s = attr(name);
        std::uint64_t v = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        // TRANSLATORS: {0} is the name of an XML attribute (size, hoursPerDay), {1} its value.
        if (ec != std::errc() || end != s.data() + s.size()) fail(line(), tr("{0} '{1}' is not a number", name, s));
        return v;
    }
    long line() { return xmlTextReaderGetParserLineNumber(reader_.get()); }

    Manifest read()
    {
        Manifest m;
        bool saw_root = false;
        int rc;
        while ((rc = xmlTextReaderRead(reader_.get())) == 1) {
            const int type = xmlTextReaderNodeType(reader_.get());
            if (type == XML_READER_TYPE_DOCUMENT_TYPE) fail(line(), tr("a DOCTYPE is not allowed"));
            if (type != XML_READER_TYPE_ELEMENT) continue;
            const char* ns = reinterpret_cast<const char*>(xmlTextReaderConstNamespaceUri(reader_.get()));
            const std::string name = reinterpret_cast<const char*>(xmlTextReaderConstLocalName(reader_.get()));
            if (!ns || std::string_view(ns) != xml_namespace) {
                if (saw_root && ns && std::string_view(ns) == "http://www.w3.org/2000/09/xmldsig#" &&
                    xmlTextReaderDepth(reader_.get()) == 1) {
                    if (xmlTextReaderNext(reader_.get()) != 1) break;  // the signature: signature.cpp's business
                    continue;
                }
                fail(line(), tr("element '{0}' is not in the tthc namespace", name));
            }
            if (!saw_root) {
                if (name != "manifest") fail(line(), tr("not a tthc manifest (the root element is '{0}')", name));
                saw_root = true;
            } else if (name == "package") {
                m.package_id = attr("id");
                m.kind = attr("kind");
                const auto d = parse_date(attr("created"));
                // TRANSLATORS: "created" is the name of the XML attribute, {0} its value.
                if (!d) fail(line(), tr("created '{0}' is not a date", attr("created")));
                m.created = *d;
            } else if (name == "catalog") {
                auto t = [&](const char* a) { return Text{attr(a), Pos{}, has(a)}; };
                m.catalog.id = t("id");
                m.catalog.name = t("name");
                m.catalog.authority = t("authority");
                m.catalog.authority_kind = t("authorityKind");
                m.catalog.agency_id = t("agencyId");
                m.catalog.place = t("place");
                m.catalog.hours_per_day = static_cast<int>(number("hoursPerDay"));
                m.catalog.hour_value = static_cast<std::int64_t>(number("hourValue"));
            } else if (name == "file" || name == "abolish") {
                ManifestEntry e;
                if (name == "abolish") {
                    e.type = ManifestEntry::Type::abolish;
                } else {
                    const std::string file_type = attr("type");
                    e.type = file_type == "procedure"  ? ManifestEntry::Type::procedure
                             : file_type == "decision" ? ManifestEntry::Type::decision
                                                  : ManifestEntry::Type::schema;
                    e.path = attr("path");
                    e.sha256 = attr("sha256");
                    e.size = number("size");
                }
                e.code = attr("code");
                e.number = attr("number");
                e.action = attr("action");
                e.decision = attr("decision");
                e.provisional = attr("provisional") == "true";
                m.entries.push_back(std::move(e));
            } else if (name != "entries") {
                fail(line(), tr("unknown element '{0}' in a manifest", name));
            }
        }
        if (rc != 0) {
            const xmlError* e = xmlGetLastError();
            fail(e ? e->line : line(), tr("not well-formed XML: {0}", e && e->message ? e->message : tr("parse error")));
        }
        if (!saw_root) fail(0, tr("not a tthc manifest (no root element)"));
        return m;
    }

private:
    std::unique_ptr<xmlTextReader, ReaderDeleter> reader_;
};

}  // namespace

Manifest read_manifest_xml(std::string_view xml)
{
    init_xml();
    if (auto doctype = find_doctype(xml)) fail(doctype->pos.line, doctype->message);
    return ManifestReader(xml).read();
}

}  // namespace tthc
