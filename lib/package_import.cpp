// Import: a verified full package → a catalog directory (catalog-format.md).
// The TOML is written here by hand (toml++ stays in loader.cpp, which only
// reads): keys in the order of the format, every string escaped, dates bare,
// so that loading the result gives back the model the package was made from.
#include <mutex>
#include <set>

#include "package.hpp"
#include "package_internal.hpp"
#include "xml_io.hpp"

namespace tthc {

using namespace package_detail;

namespace {

std::string quote(std::string_view s)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = "\"";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\f': out += "\\f"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20 || c == 0x7F) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            } else {
                out += ch;
            }
        }
    }
    return out + "\"";
}

class TomlOut {
public:
    void key(std::string_view k, const std::string& v) { out_ += std::string(k) + " = " + quote(v) + "\n"; }
    void key(std::string_view k, const Text& t)
    {
        if (t.present) key(k, t.value);
    }
    void bare(std::string_view k, const std::string& v) { out_ += std::string(k) + " = " + v + "\n"; }
    // One element a line when there are several: friendlier to review in git.
    void list(std::string_view k, const std::vector<Text>& items, bool required = false)
    {
        if (items.empty() && !required) return;
        if (items.size() <= 1) {
            out_ += std::string(k) + " = [" + (items.empty() ? "" : quote(items[0].value)) + "]\n";
            return;
        }
        out_ += std::string(k) + " = [\n";
        for (const auto& t : items) out_ += "  " + quote(t.value) + ",\n";
        out_ += "]\n";
    }
    void table(std::string_view name) { out_ += "\n[[" + std::string(name) + "]]\n"; }
    void raw(const std::string& s) { out_ += s; }
    std::string str() && { return std::move(out_); }

private:
    std::string out_;
};

std::string procedure_toml(const Procedure& p)
{
    TomlOut t;
    t.key("code", p.code.value);
    t.key("name", p.name.value);
    t.key("field", p.field.value);
    t.list("levels", p.levels, true);
    t.key("kind", p.kind);
    t.list("subjects", p.subjects);
    t.key("agency", p.agency.value);
    t.key("authority", p.authority);
    t.key("delegated", p.delegated);
    t.key("coordinating", p.coordinating);
    t.key("address", p.address);
    t.key("online", p.online);
    t.key("conditions", p.conditions);
    t.list("steps", p.steps);
    t.list("related", p.related);
    if (p.dossier.empty()) t.raw("dossier = []\n");  // a key: before the first table
    for (const auto& r : p.results) {
        t.table("results");
        t.key("name", r.name.value);
        t.key("code", r.code);
    }
    for (const auto& c : p.channels) {
        t.table("channels");
        t.key("kind", c.kind.value);
        t.key("time", c.time.value);
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
    if (!d.replaced.empty()) {
        std::string s = "replaced = [\n";
        for (const auto& r : d.replaced)
            s += "  { old = " + quote(r.old_code.value) + ", new = " + quote(r.new_code.value) + " },\n";
        t.raw(s + "]\n");
    }
    t.list("abolished", d.abolished);
    t.list("processes", d.processes);
    return std::move(t).str();
}

std::string catalog_toml(const CatalogInfo& c)
{
    TomlOut t;
    t.raw("[catalog]\n");
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

}  // namespace

ImportResult import_package(const std::string& package_dir, const ImportOptions& o)
{
    StagingDir::check_target(o.out, o.force, "catalog.toml");
    ImportResult result;
    VerifyResult verified = verify_package(package_dir, VerifyOptions{o.cert, 0});
    if (!verified.diagnostics.empty()) {
        result.diagnostics = std::move(verified.diagnostics);
        return result;
    }
    if (verified.kind != "full")
        throw Error("'" + package_dir + "' is a delta package: it holds only changes",
                    "import a full package (tthc export without --since)");

    const fs::path root(package_dir);
    const Manifest m = read_manifest_xml(read_bytes(root / "manifest.xml"));
    std::vector<const ManifestEntry*> docs;
    for (const auto& e : m.entries)
        if (e.type == ManifestEntry::Type::procedure || e.type == ManifestEntry::Type::decision) docs.push_back(&e);

    StagingDir staging(o.out, o.force, "catalog.toml");
    write_bytes(staging.path() / "catalog.toml", catalog_toml(m.catalog));
    std::set<fs::path> dirs;
    for (const auto* e : docs) dirs.insert(fs::path(e->path).parent_path());
    for (const auto& d : dirs)
        if (!d.empty()) fs::create_directories(staging.path() / d);

    std::mutex mutex;
    parallel_for(docs.size(), 0, [&](std::size_t i) {
        const ManifestEntry& e = *docs[i];
        const std::string name = (root / e.path).lexically_normal().generic_string();
        auto problem = [&](const std::string& message) {
            std::lock_guard lock(mutex);
            result.diagnostics.push_back({name, {}, Severity::error, "document", message, {}});
        };
        const std::string bytes = read_bytes(root / e.path);
        if (sha256_hex(bytes) != e.sha256) return problem("the file changed after it was verified");
        const bool is_procedure = e.type == ManifestEntry::Type::procedure;
        const std::string folder = e.path.substr(0, e.path.find('/'));
        try {
            std::string toml;
            if (is_procedure) {
                const Procedure p = read_procedure_xml(bytes);
                if (folder != (p.abolished ? "abolished" : "procedures"))
                    return problem(std::string("a procedure ") + (p.abolished ? "abolished" : "in force") +
                                   " cannot be imported into " + folder + "/");
                if (p.code.value != e.code)
                    return problem("the document's code \"" + p.code.value + "\" is not the manifest's \"" + e.code + "\"");
                toml = procedure_toml(p);
            } else {
                if (folder != "decisions") return problem("a decision cannot be imported into " + folder + "/");
                toml = decision_toml(read_decision_xml(bytes));
            }
            if (!e.path.ends_with(".xml")) return problem("a document's name must end in .xml");
            write_bytes(staging.path() / (e.path.substr(0, e.path.size() - 4) + ".toml"), toml);
        } catch (const Error& err) {
            problem(err.what());
        }
        std::lock_guard lock(mutex);
        ++(is_procedure ? result.counts.procedures : result.counts.decisions);
    });
    if (!result.diagnostics.empty()) {
        sort_diagnostics(result.diagnostics);
        result.counts = {};
        return result;
    }
    staging.commit();
    result.counts.abolished = verified.counts.abolished;
    result.counts.procedures -= std::min(result.counts.procedures, verified.counts.abolished);
    result.counts.files = docs.size() + 1;
    result.written = true;
    return result;
}

}  // namespace tthc
