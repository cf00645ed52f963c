#include "catalog/catalog_writer.hpp"

#include "util/json.hpp"

namespace tthc {

std::string toml_quote(std::string_view s) { return backslash_quote(s); }

std::string replaced_entry(std::string_view old_code, std::string_view new_code)
{
    return "{ old = " + toml_quote(old_code) + ", new = " + toml_quote(new_code) + " }";
}

void TomlOut::key(std::string_view k, const std::string& v) { out_ += std::string(k) + " = " + toml_quote(v) + "\n"; }

void TomlOut::key(std::string_view k, const Text& t)
{
    if (t.present) key(k, t.value);
}

void TomlOut::bare(std::string_view k, const std::string& v) { out_ += std::string(k) + " = " + v + "\n"; }

void TomlOut::list(std::string_view k, const std::vector<std::string>& items, bool required)
{
    if (items.empty() && !required) return;
    std::vector<std::string> quoted;
    for (const auto& t : items) quoted.push_back(toml_quote(t));
    array(k, quoted);
}

void TomlOut::array(std::string_view k, const std::vector<std::string>& items)
{
    if (items.empty()) {
        out_ += std::string(k) + " = []\n";
        return;
    }
    out_ += std::string(k) + " = [\n";
    for (const auto& t : items) out_ += "  " + t + ",\n";
    out_ += "]\n";
}

void TomlOut::list(std::string_view k, const std::vector<Text>& items, bool required)
{
    std::vector<std::string> values;
    for (const auto& t : items) values.push_back(t.value);
    list(k, values, required);
}

void TomlOut::table(std::string_view name, const std::vector<std::string>& comments, bool list)
{
    if (!out_.empty()) out_ += "\n";
    for (const auto& c : comments) out_ += c + "\n";
    out_ += (list ? "[[" : "[") + std::string(name) + (list ? "]]\n" : "]\n");
}

void TomlOut::trailing(const std::string& comment)
{
    if (!out_.empty() && out_.back() == '\n') out_.pop_back();
    out_ += "  " + comment + "\n";
}

void TomlOut::raw(const std::string& s) { out_ += s; }

std::string TomlOut::str() && { return std::move(out_); }


std::string procedure_toml(const Procedure& p)
{
    TomlOut t;
    t.key("code", p.code.value);
    t.key("name", p.name.value);
    t.key("field", p.field.value);
    t.list("levels", p.levels, true);
    t.key("kind", p.kind);
    t.list("subjects", p.subjects);
    t.key("agency", p.agency);  // absent only in data kept as published (export --as-published)
    t.key("authority", p.authority);
    t.key("delegated", p.delegated);
    t.key("coordinating", p.coordinating);
    t.key("address", p.address);
    t.key("online", p.online);
    t.key("conditions", p.conditions);
    t.list("steps", p.steps);
    t.list("related", p.related);
    if (p.dossier.empty()) t.array("dossier", {});  // a key: before the first table
    for (const auto& r : p.results) {
        t.table("results");
        t.key("name", r.name.value);
        t.key("code", r.code);
    }
    for (const auto& c : p.channels) {
        t.table("channels");
        t.key("kind", c.kind.value);
        t.key("time", c.time);
        if (c.fee) t.bare("fee", std::to_string(*c.fee));
        t.key("currency", c.currency);
        t.key("fee_note", c.fee_note);
        t.key("case", c.case_name);
        t.key("note", c.note);
    }
    for (const auto& d : p.dossier) {
        t.table("dossier");
        t.key("name", d.name.value);
        t.key("form", d.form);
        t.bare("originals", std::to_string(d.originals));
        t.bare("copies", std::to_string(d.copies));
        t.key("case", d.case_name);
        if (d.present_only) t.bare("present_only", "true");
    }
    for (const auto& b : p.legal_basis) {
        t.table("legal_basis");
        t.key("number", b.number.value);
        t.key("title", b.title.value);
        if (b.issued) t.bare("issued", b.issued->to_string());
        t.key("issuer", b.issuer);
    }
    return std::move(t).str();
}

std::string decision_toml(const Decision& d)
{
    TomlOut t;
    t.key("number", d.number.value);
    if (d.date) t.bare("date", d.date->to_string());
    t.key("title", d.title.value);
    if (d.effective) t.bare("effective", d.effective->to_string());
    t.key("signer", d.signer);
    t.key("signer_title", d.signer_title);
    t.key("sign_mode", d.sign_mode);
    t.list("basis", d.basis);
    t.list("new", d.new_codes);
    t.list("amended", d.amended);
    std::vector<std::string> replaced;
    for (const auto& r : d.replaced)
        replaced.push_back(replaced_entry(r.old_code.value, r.new_code.value));
    if (!replaced.empty()) t.array("replaced", replaced);
    t.list("abolished", d.abolished);
    t.list("processes", d.processes);
    return std::move(t).str();
}

std::string catalog_toml(const CatalogInfo& c)
{
    TomlOut t;
    t.table("catalog", {}, false);
    t.key("id", c.id.value);
    t.key("name", c.name.value);
    t.key("authority", c.authority.value);
    t.key("authority_kind", c.authority_kind.value);
    t.key("agency_id", c.agency_id);
    t.key("place", c.place.value);
    if (c.hours_per_day != 8) t.bare("hours_per_day", std::to_string(c.hours_per_day));
    if (c.hour_value != 40000) t.bare("hour_value", std::to_string(c.hour_value));
    return std::move(t).str();
}

}  // namespace tthc
