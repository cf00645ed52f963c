// Model → XML documents, written with XmlOut (io/xml_out.hpp) into memory:
// elements in the schema's order, lists in the catalog's order, two-space
// indentation, and nothing that depends on the clock or the machine, so the
// same catalog always gives the same bytes.
#include "package/xml_documents.hpp"
#include "io/xml_out.hpp"
#include "package/xml_schema.hpp"

namespace tthc {

namespace {

// The generic writer plus the vocabulary's conventions: every root in the
// tthc namespace, optional values, and lists of values under one element.
class Writer : public XmlOut {
public:
    void root(const char* name) { XmlOut::root(name, xml_namespace); }
    using XmlOut::element;
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
};

}  // namespace

std::string procedure_xml(const Procedure& p)
{
    Writer w;
    w.root("procedure");
    w.attr("version", "1");
    w.attr("status", p.abolished ? "abolished" : "in-force");
    if (p.parsed_code && p.parsed_code->kind == ProcedureCode::Kind::provisional) w.attr("provisional", "true");
    w.element("code", p.code.value);
    w.element("name", p.name.value);
    w.element("field", p.field.value);
    w.start("levels");
    for (const auto& l : p.levels) w.element("level", l.value);
    w.end();
    w.element("kind", p.kind);
    w.list("subjects", "item", p.subjects);
    w.element("agency", p.agency);  // absent only in a package made --as-published
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
        w.element("time", c.time);  // absent only in a package made --as-published
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
    w.attr("version", "1");
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
            w.attr("old", r.old_code.value);
            w.attr("new", r.new_code.value);
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
    w.attr("version", "1");
    w.start("package");
    w.attr("id", m.package_id);
    w.attr("created", m.created.to_string());
    w.attr("kind", m.kind);
    w.end();
    const CatalogInfo& c = m.catalog;
    w.start("catalog");
    w.attr("id", c.id.value);
    w.attr("name", c.name.value);
    w.attr("authority", c.authority.value);
    w.attr("authorityKind", c.authority_kind.value);
    if (c.agency_id.present) w.attr("agencyId", c.agency_id.value);
    w.attr("place", c.place.value);
    w.attr("hoursPerDay", std::to_string(c.hours_per_day));
    w.attr("hourValue", std::to_string(c.hour_value));
    w.end();
    w.start("entries");
    w.attr("count", std::to_string(m.entries.size()));
    for (const auto& e : m.entries) {
        if (e.type == ManifestEntry::Type::abolish) {
            w.start("abolish");
            w.attr("code", e.code);
            if (!e.decision.empty()) w.attr("decision", e.decision);
            w.end();
            continue;
        }
        w.start("file");
        w.attr("path", e.path);
        w.attr("type", e.type == ManifestEntry::Type::procedure  ? "procedure"
                            : e.type == ManifestEntry::Type::decision ? "decision"
                                                                      : "schema");
        if (!e.code.empty()) w.attr("code", e.code);
        if (!e.number.empty()) w.attr("number", e.number);
        if (!e.action.empty()) w.attr("action", e.action);
        if (!e.decision.empty()) w.attr("decision", e.decision);
        if (e.provisional) w.attr("provisional", "true");
        w.attr("sha256", e.sha256);
        w.attr("size", std::to_string(e.size));
        w.end();
    }
    w.end();
    w.end();
    return w.finish();
}

}  // namespace tthc
