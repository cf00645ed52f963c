// Model → XML documents, with libxml2's streaming writer into a memory buffer:
// elements in the schema's order, lists in the catalog's order, two-space
// indentation, and nothing that depends on the clock or the machine, so the
// same catalog always gives the same bytes.
#include <libxml/xmlwriter.h>

#include <new>
#include <stdexcept>

#include "xml_io.hpp"
#include "xml_schema.hpp"

namespace tthc {

namespace {

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* x(const std::string& s) { return x(s.c_str()); }

class Writer {
public:
    Writer()
    {
        init_xml();
        buffer_ = xmlBufferCreate();
        if (!buffer_) throw std::bad_alloc();
        writer_ = xmlNewTextWriterMemory(buffer_, 0);
        if (!writer_) {
            xmlBufferFree(buffer_);
            throw std::bad_alloc();
        }
        xmlTextWriterSetIndent(writer_, 1);
        xmlTextWriterSetIndentString(writer_, x("  "));
        check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", nullptr));
    }
    ~Writer()
    {
        if (writer_) xmlFreeTextWriter(writer_);
        xmlBufferFree(buffer_);
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void root(const char* name)
    {
        check(xmlTextWriterStartElementNS(writer_, nullptr, x(name), x(std::string(xml_namespace))));
    }
    void start(const char* name) { check(xmlTextWriterStartElement(writer_, x(name))); }
    void end() { check(xmlTextWriterEndElement(writer_)); }
    void attribute(const char* name, const std::string& value)
    {
        check(xmlTextWriterWriteAttribute(writer_, x(name), x(value)));
    }
    void element(const char* name, const std::string& value)
    {
        check(xmlTextWriterWriteElement(writer_, x(name), x(value)));
    }
    // An optional value: written when the catalog had the key (even empty).
    void element(const char* name, const Text& t)
    {
        if (t.present) element(name, t.value);
    }
    void list(const char* outer, const char* inner, const std::vector<Text>& items)
    {
        if (items.empty()) return;
        start(outer);
        for (const auto& t : items) element(inner, t.value);
        end();
    }

    std::string finish()
    {
        check(xmlTextWriterEndDocument(writer_));
        xmlFreeTextWriter(writer_);  // flushes into the buffer
        writer_ = nullptr;
        return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)),
                           static_cast<std::size_t>(xmlBufferLength(buffer_)));
    }

private:
    static void check(int rc)
    {
        if (rc < 0) throw std::runtime_error("the XML writer failed (out of memory, or text that is not UTF-8)");
    }
    xmlBufferPtr buffer_ = nullptr;
    xmlTextWriterPtr writer_ = nullptr;
};

}  // namespace

std::string procedure_xml(const Procedure& p)
{
    Writer w;
    w.root("procedure");
    w.attribute("version", "1");
    w.attribute("status", p.abolished ? "abolished" : "in-force");
    if (p.parsed_code && p.parsed_code->kind == ProcedureCode::Kind::provisional) w.attribute("provisional", "true");
    w.element("code", p.code.value);
    w.element("name", p.name.value);
    w.element("field", p.field.value);
    w.start("levels");
    for (const auto& l : p.levels) w.element("level", l.value);
    w.end();
    w.element("kind", p.kind);
    w.list("subjects", "item", p.subjects);
    w.element("agency", p.agency.value);
    w.element("authority", p.authority);
    w.element("delegated", p.delegated);
    w.element("coordinating", p.coordinating);
    w.element("address", p.address);
    w.element("online", p.online);
    w.element("conditions", p.conditions);
    w.list("steps", "item", p.steps);
    w.list("related", "code", p.related);
    if (!p.results.empty()) {
        w.start("results");
        for (const auto& r : p.results) {
            w.start("result");
            w.element("name", r.name.value);
            w.element("code", r.code);
            w.end();
        }
        w.end();
    }
    w.start("channels");
    for (const auto& c : p.channels) {
        w.start("channel");
        w.element("kind", c.kind.value);
        w.element("time", c.time.value);
        if (c.fee) w.element("fee", std::to_string(*c.fee));
        w.element("currency", c.currency);
        w.element("feeNote", c.fee_note);
        w.element("case", c.case_name);
        w.element("note", c.note);
        w.end();
    }
    w.end();
    w.start("dossier");
    for (const auto& d : p.dossier) {
        w.start("document");
        w.element("name", d.name.value);
        w.element("form", d.form);
        w.element("originals", std::to_string(d.originals));
        w.element("copies", std::to_string(d.copies));
        w.element("case", d.case_name);
        if (d.present_only) w.element("presentOnly", "true");
        w.end();
    }
    w.end();
    w.start("legalBasis");
    for (const auto& b : p.legal_basis) {
        w.start("document");
        w.element("number", b.number.value);
        w.element("title", b.title.value);
        if (b.issued) w.element("issued", b.issued->to_string());
        w.element("issuer", b.issuer);
        w.end();
    }
    w.end();
    w.end();
    return w.finish();
}

std::string decision_xml(const Decision& d)
{
    Writer w;
    w.root("decision");
    w.attribute("version", "1");
    w.element("number", d.number.value);
    w.element("date", d.date ? d.date->to_string() : std::string());
    w.element("title", d.title.value);
    w.element("effective", d.effective ? d.effective->to_string() : std::string());
    w.element("signer", d.signer);
    w.element("signerTitle", d.signer_title);
    w.element("signMode", d.sign_mode);
    w.list("basis", "item", d.basis);
    w.list("new", "code", d.new_codes);
    w.list("amended", "code", d.amended);
    if (!d.replaced.empty()) {
        w.start("replaced");
        for (const auto& r : d.replaced) {
            w.start("replacement");
            w.attribute("old", r.old_code.value);
            w.attribute("new", r.new_code.value);
            w.end();
        }
        w.end();
    }
    w.list("abolished", "code", d.abolished);
    w.list("processes", "code", d.processes);
    w.end();
    return w.finish();
}

std::string manifest_xml(const Manifest& m)
{
    Writer w;
    w.root("manifest");
    w.attribute("version", "1");
    w.start("package");
    w.attribute("id", m.package_id);
    w.attribute("created", m.created.to_string());
    w.attribute("kind", m.kind);
    w.end();
    const CatalogInfo& c = m.catalog;
    w.start("catalog");
    w.attribute("id", c.id.value);
    w.attribute("name", c.name.value);
    w.attribute("authority", c.authority.value);
    w.attribute("authorityKind", c.authority_kind.value);
    if (c.agency_id.present) w.attribute("agencyId", c.agency_id.value);
    w.attribute("place", c.place.value);
    w.attribute("hoursPerDay", std::to_string(c.hours_per_day));
    w.attribute("hourValue", std::to_string(c.hour_value));
    w.end();
    w.start("entries");
    w.attribute("count", std::to_string(m.entries.size()));
    for (const auto& e : m.entries) {
        if (e.type == ManifestEntry::Type::abolish) {
            w.start("abolish");
            w.attribute("code", e.code);
            if (!e.decision.empty()) w.attribute("decision", e.decision);
            w.end();
            continue;
        }
        w.start("file");
        w.attribute("path", e.path);
        w.attribute("type", e.type == ManifestEntry::Type::procedure  ? "procedure"
                            : e.type == ManifestEntry::Type::decision ? "decision"
                                                                      : "schema");
        if (!e.code.empty()) w.attribute("code", e.code);
        if (!e.number.empty()) w.attribute("number", e.number);
        if (!e.action.empty()) w.attribute("action", e.action);
        if (!e.decision.empty()) w.attribute("decision", e.decision);
        if (e.provisional) w.attribute("provisional", "true");
        w.attribute("sha256", e.sha256);
        w.attribute("size", std::to_string(e.size));
        w.end();
    }
    w.end();
    w.end();
    return w.finish();
}

}  // namespace tthc
