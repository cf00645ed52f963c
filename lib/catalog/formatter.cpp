#include "catalog/formatter.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <sstream>
#include <tuple>
#include <vector>

#include "catalog/catalog_writer.hpp"
#include "util/i18n.hpp"
#include "util/unicode.hpp"

namespace tthc {

namespace {

// ---- The key order of each table of the format (catalog-format.md) ----

struct KeySpec {
    std::string_view name;
    std::string_view child;  // the schema of the table(s) it holds, if any
    bool inline_tables = false;  // an array of inline tables (decision `replaced`), not [[name]]
};

struct Schema {
    std::string_view name;
    std::vector<KeySpec> keys;
};

const std::vector<Schema>& schemas()
{
    static const std::vector<Schema> all = {
        {"procedure",
         {{"code", ""}, {"name", ""}, {"field", ""}, {"levels", ""}, {"kind", ""}, {"subjects", ""}, {"agency", ""},
          {"authority", ""}, {"delegated", ""}, {"coordinating", ""}, {"address", ""}, {"online", ""},
          {"conditions", ""}, {"steps", ""}, {"related", ""}, {"results", "result"}, {"channels", "channel"},
          {"dossier", "dossier"}, {"legal_basis", "legal_basis"}}},
        {"result", {{"name", ""}, {"code", ""}}},
        {"channel",
         {{"kind", ""}, {"time", ""}, {"fee", ""}, {"currency", ""}, {"fee_note", ""}, {"case", ""}, {"note", ""}}},
        {"dossier",
         {{"name", ""}, {"form", ""}, {"originals", ""}, {"copies", ""}, {"case", ""}, {"present_only", ""}}},
        {"legal_basis", {{"number", ""}, {"title", ""}, {"issued", ""}, {"issuer", ""}}},
        {"catalog_file", {{"catalog", "catalog"}, {"field", "field"}}},
        {"catalog",
         {{"id", ""}, {"name", ""}, {"authority", ""}, {"authority_kind", ""}, {"agency_id", ""}, {"place", ""},
          {"hours_per_day", ""}, {"hour_value", ""}, {"special_zones", ""}}},
        {"field", {{"name", ""}, {"department", ""}, {"ministry", ""}}},
        {"legal_file", {{"document", "legal_document"}}},
        {"legal_document",
         {{"number", ""}, {"kind", ""}, {"title", ""}, {"issued", ""}, {"issuer", ""}, {"amends", ""},
          {"amends_procedures", ""}, {"abolishes_procedures", ""}}},
        {"units_file", {{"unit", "unit"}}},
        {"unit", {{"id", ""}, {"name", ""}, {"parent", ""}}},
        {"process", {{"procedure", ""}, {"channel", ""}, {"steps", "process_step"}}},
        {"process_step", {{"unit", ""}, {"task", ""}, {"time", ""}, {"counted", ""}, {"output", ""}}},
        {"plan",
         {{"id", ""}, {"procedure", ""}, {"dossiers_per_year", ""}, {"reason", ""}, {"recommendation", ""},
          {"changes", "plan_change"}}},
        {"plan_change", {{"kind", ""}, {"item", ""}, {"channel", ""}, {"time", ""}, {"fee", ""}, {"currency", ""}}},
        {"decision",
         {{"number", ""}, {"date", ""}, {"title", ""}, {"effective", ""}, {"signer", ""}, {"signer_title", ""},
          {"sign_mode", ""}, {"basis", ""}, {"new", ""}, {"amended", ""}, {"replaced", "replaced", true},
          {"abolished", ""}, {"processes", ""}}},
        {"replaced", {{"old", ""}, {"new", ""}}},
        {"single",
         {{"catalog", "catalog"}, {"procedure", "procedure"}, {"abolished", "procedure"}, {"process", "process"},
          {"plan", "plan"}, {"decision", "decision"}, {"unit", "unit"}, {"legal_document", "legal_document"},
          {"field", "field"}}},
    };
    return all;
}

const Schema* find_schema(std::string_view name)
{
    for (const auto& s : schemas())
        if (s.name == name) return &s;
    return nullptr;
}

const KeySpec* find_key(const Schema* schema, std::string_view key, std::size_t* index = nullptr)
{
    if (!schema) return nullptr;
    for (std::size_t i = 0; i < schema->keys.size(); ++i)
        if (schema->keys[i].name == key) {
            if (index) *index = i;
            return &schema->keys[i];
        }
    return nullptr;
}

// ---- Comments, found in the source text ----

struct SourceComment {
    std::uint32_t line = 0;
    bool own_line = false;  // nothing but white space before it on its line
    std::string text;       // from '#', trailing white space removed
};

struct SourceScan {
    std::vector<SourceComment> comments;
    std::vector<bool> blank;  // blank[line]: a line with nothing on it (1-based; outside strings)
};

// A small lexer that knows just enough TOML to tell a '#' that starts a
// comment from one inside a string (basic, literal, multi-line).
SourceScan scan_source(std::string_view s)
{
    SourceScan out;
    std::uint32_t line = 1;
    bool content = false;  // something other than white space on this line so far
    out.blank.assign(2, false);
    auto newline = [&] {
        if (out.blank.size() <= line) out.blank.resize(line + 1, false);
        out.blank[line] = !content;
        ++line;
        content = false;
    };
    std::size_t i = 0;
    auto starts = [&](std::string_view what) { return s.substr(i, what.size()) == what; };
    while (i < s.size()) {
        const char c = s[i];
        if (c == '\n') {
            newline();
            ++i;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
        } else if (c == '#') {
            std::size_t end = s.find('\n', i);
            if (end == std::string_view::npos) end = s.size();
            std::string_view text = s.substr(i, end - i);
            while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
                text.remove_suffix(1);
            out.comments.push_back({line, !content, to_nfc(text)});
            content = true;  // a comment line is not blank
            i = end;
        } else if (starts("\"\"\"") || starts("'''")) {
            const char q = c;
            const bool basic = q == '"';
            content = true;
            i += 3;
            while (i < s.size()) {
                if (basic && s[i] == '\\') {
                    if (i + 1 < s.size() && s[i + 1] == '\n') {
                        ++i;
                        continue;  // the newline is counted below
                    }
                    i += 2;
                    continue;
                }
                if (s[i] == q && s.substr(i, 3) == std::string(3, q)) {
                    i += 3;
                    while (i < s.size() && s[i] == q) ++i;  // up to two quotes may end the content
                    break;
                }
                if (s[i] == '\n') {
                    ++line;
                    if (out.blank.size() <= line) out.blank.resize(line + 1, false);
                }
                ++i;
            }
        } else if (c == '"' || c == '\'') {
            content = true;
            ++i;
            while (i < s.size() && s[i] != c && s[i] != '\n') {
                if (c == '"' && s[i] == '\\') ++i;
                ++i;
            }
            if (i < s.size() && s[i] == c) ++i;
        } else {
            content = true;
            ++i;
        }
    }
    if (content || !s.empty()) newline();
    return out;
}

// Where the comments go: before a key's line or a table's header, at the end
// of that line, at the top of the file or at its end.
struct Attached {
    std::vector<std::string> before;
    std::string trailing;
    bool detached = false;  // a blank line between `before` and its key or header
};

struct Anchor {
    std::uint32_t begin = 0, end = 0;
    const toml::node* node = nullptr;
};

bool is_header_table(const toml::node& n) { return n.is_table() && !n.as_table()->is_inline(); }

bool is_table_array(const toml::node& n, const KeySpec* spec)
{
    const toml::array* a = n.as_array();
    return a && !a->empty() && a->is_array_of_tables() && !(spec && spec->inline_tables);
}

// A table holding only tables (made by [a.b] alone) needs no header of its own.
bool needs_header(const toml::table& t, const Schema* schema)
{
    return t.empty() || std::any_of(t.begin(), t.end(), [&](const auto& kv) {
        return !is_header_table(kv.second) && !is_table_array(kv.second, find_key(schema, kv.first.str()));
    });
}

void collect_anchors(const toml::table& t, const Schema* schema, std::vector<Anchor>& out)
{
    for (const auto& [k, v] : t) {
        const KeySpec* spec = find_key(schema, k.str());
        const Schema* child = spec ? find_schema(spec->child) : nullptr;
        if (is_header_table(v)) {
            if (needs_header(*v.as_table(), child)) out.push_back({v.source().begin.line, v.source().begin.line, &v});
            collect_anchors(*v.as_table(), child, out);
        } else if (is_table_array(v, spec)) {
            for (const auto& e : *v.as_array()) {
                out.push_back({e.source().begin.line, e.source().begin.line, &e});
                collect_anchors(*e.as_table(), child, out);
            }
        } else {
            out.push_back({v.source().begin.line, std::max(v.source().begin.line, v.source().end.line), &v});
        }
    }
}

struct Comments {
    std::vector<std::string> top, bottom;
    std::map<const toml::node*, Attached> at;
};

Comments attach_comments(const SourceScan& scan, std::vector<Anchor> anchors)
{
    Comments out;
    std::sort(anchors.begin(), anchors.end(), [](const Anchor& a, const Anchor& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    auto blank_between = [&](std::uint32_t from, std::uint32_t to) {
        for (std::uint32_t l = from + 1; l < to && l < scan.blank.size(); ++l)
            if (scan.blank[l]) return true;
        return false;
    };
    for (const auto& c : scan.comments) {
        // a comment inside a value that spans lines (a list), or at the end of a value's line
        const Anchor* holder = nullptr;
        for (const auto& a : anchors)
            if (a.begin <= c.line && c.line <= a.end && !(c.own_line && a.begin == a.end)) {
                holder = &a;
                break;
            }
        if (holder) {
            Attached& at = out.at[holder->node];
            if (c.line == holder->end && !c.own_line && at.trailing.empty()) {
                at.trailing = c.text;
            } else {
                at.before.push_back(c.text);  // inside a multi-line value: moved before its key
                at.detached = false;
            }
            continue;
        }
        const auto next = std::find_if(anchors.begin(), anchors.end(), [&](const Anchor& a) { return a.begin > c.line; });
        if (next == anchors.end()) {
            out.bottom.push_back(c.text);
        } else if (next == anchors.begin() && blank_between(c.line, next->begin)) {
            out.top.push_back(c.text);
        } else {
            Attached& at = out.at[next->node];
            at.before.push_back(c.text);
            // a block set apart by a blank line (a section heading) keeps one
            at.detached = blank_between(c.line, next->begin);
        }
    }
    // the blank line is written as an empty line after the block
    for (auto& [node, at] : out.at)
        if (at.detached) at.before.emplace_back();
    return out;
}

// ---- Writing the tree back in the writer's layout ----

bool bare_key(std::string_view k)
{
    if (k.empty()) return false;
    return std::all_of(k.begin(), k.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

std::string key_text(std::string_view k) { return bare_key(k) ? std::string(k) : toml_quote(to_nfc(k)); }

std::string scalar_text(const toml::node& n)
{
    if (const auto* s = n.as_string()) return toml_quote(to_nfc(s->get()));
    if (const auto* i = n.as_integer()) return std::to_string(i->get());
    if (const auto* b = n.as_boolean()) return b->get() ? "true" : "false";
    std::ostringstream os;  // decimal numbers, dates and times: toml++ prints them as TOML
    if (const auto* f = n.as_floating_point()) os << *f;
    if (const auto* d = n.as_date()) os << *d;
    if (const auto* t = n.as_time()) os << *t;
    if (const auto* dt = n.as_date_time()) os << *dt;
    return os.str();
}

std::vector<std::pair<std::string_view, const toml::node*>> ordered(const toml::table& t, const Schema* schema)
{
    std::vector<std::pair<std::string_view, const toml::node*>> known, unknown;
    for (const auto& [k, v] : t) (find_key(schema, k.str()) ? known : unknown).emplace_back(k.str(), &v);
    std::sort(known.begin(), known.end(), [&](const auto& a, const auto& b) {
        std::size_t ia = 0, ib = 0;
        find_key(schema, a.first, &ia);
        find_key(schema, b.first, &ib);
        return ia < ib;
    });
    // toml++ keeps a table's keys sorted, so the unknown ones are already in byte order
    known.insert(known.end(), unknown.begin(), unknown.end());
    return known;
}

std::string inline_text(const toml::node& n, const Schema* schema);

std::string inline_table_text(const toml::table& t, const Schema* schema)
{
    if (t.empty()) return "{}";
    std::string s = "{ ";
    bool first = true;
    for (const auto& [k, v] : ordered(t, schema)) {
        if (!first) s += ", ";
        first = false;
        const KeySpec* spec = find_key(schema, k);
        s += key_text(k) + " = " + inline_text(*v, spec ? find_schema(spec->child) : nullptr);
    }
    return s + " }";
}

// A value on one line (an element of a list, a value inside an inline table).
std::string inline_text(const toml::node& n, const Schema* schema)
{
    if (const auto* t = n.as_table()) return inline_table_text(*t, schema);
    if (const auto* a = n.as_array()) {
        std::string s = "[";
        for (std::size_t i = 0; i < a->size(); ++i) s += (i ? ", " : "") + inline_text(*a->get(i), schema);
        return s + "]";
    }
    return scalar_text(n);
}

class Emitter {
public:
    explicit Emitter(const Comments& comments) : comments_(comments) {}

    void table(const toml::table& t, const Schema* schema, const std::string& path)
    {
        const auto keys = ordered(t, schema);
        // the keys of this table first, then its tables, as TOML requires
        for (const auto& [k, v] : keys) {
            const KeySpec* spec = find_key(schema, k);
            if (is_header_table(*v) || is_table_array(*v, spec)) continue;
            const Schema* child = spec ? find_schema(spec->child) : nullptr;
            const Attached* at = attached(v);
            if (at)
                for (const auto& c : at->before) out_.raw(c + "\n");
            if (const auto* a = v->as_array(); a && !a->empty()) {
                std::vector<std::string> items;
                for (const auto& e : *a) items.push_back(inline_text(e, child));
                out_.array(key_text(k), items);
            } else {
                out_.bare(key_text(k), inline_text(*v, child));
            }
            if (at && !at->trailing.empty()) out_.trailing(at->trailing);
        }
        for (const auto& [k, v] : keys) {
            const KeySpec* spec = find_key(schema, k);
            const Schema* child = spec ? find_schema(spec->child) : nullptr;
            const std::string sub = path.empty() ? key_text(k) : path + "." + key_text(k);
            if (is_header_table(*v)) {
                const toml::table& st = *v->as_table();
                if (needs_header(st, child)) open(v, sub, false);
                table(st, child, sub);
            } else if (is_table_array(*v, spec)) {
                for (const auto& e : *v->as_array()) {
                    open(&e, sub, true);
                    table(*e.as_table(), child, sub);
                }
            }
        }
    }

    std::string str() && { return std::move(out_).str(); }

private:
    const Attached* attached(const toml::node* n) const
    {
        const auto it = comments_.at.find(n);
        return it == comments_.at.end() ? nullptr : &it->second;
    }

    void open(const toml::node* n, const std::string& path, bool array)
    {
        const Attached* at = attached(n);
        out_.table(path, at ? at->before : std::vector<std::string>{}, array);
        if (at && !at->trailing.empty()) out_.trailing(at->trailing);
    }

    const Comments& comments_;
    TomlOut out_;
};

std::string_view schema_of(FileKind kind, const toml::table& root)
{
    switch (kind) {
    case FileKind::catalog: return "catalog_file";
    case FileKind::units: return "units_file";
    case FileKind::legal: return "legal_file";
    case FileKind::procedure:
    case FileKind::abolished: return "procedure";
    case FileKind::process: return "process";
    case FileKind::plan: return "plan";
    case FileKind::decision: return "decision";
    case FileKind::single: break;
    }
    // one procedure file on its own, as the loader reads it
    return !root.contains("catalog") && root.contains("code") ? "procedure" : "single";
}

}  // namespace

FormatResult format_catalog_text(std::string_view text, FileKind kind, const std::string& display)
{
    FormatResult out;
    toml::table root;
    try {
        root = toml::parse(text);
    } catch (const toml::parse_error&) {
        // the loader's own report of the syntax error, caret and all
        for (auto& d : load_catalog_text(text, display).diagnostics)
            if (d.rule == Rule::toml_syntax || d.rule == Rule::invalid_utf8) {
                out.error = std::move(d);
                break;
            }
        if (!out.error)
            out.error = make_diagnostic(display, Pos{1, 1}, Rule::toml_syntax, tr("the file does not parse"));
        return out;
    }
    const Schema* schema = find_schema(schema_of(kind, root));
    std::vector<Anchor> anchors;
    collect_anchors(root, schema, anchors);
    const Comments comments = attach_comments(scan_source(text), std::move(anchors));
    Emitter e(comments);
    e.table(root, schema, "");
    std::string body = std::move(e).str();
    std::string head;
    for (const auto& c : comments.top) head += c + "\n";
    if (!head.empty() && !body.empty()) head += "\n";
    std::string tail;
    for (const auto& c : comments.bottom) tail += c + "\n";
    if (!tail.empty() && !body.empty()) body += "\n";
    out.text = head + body + tail;
    return out;
}

namespace {

// The end of the TOML string literal that starts at byte i of s, or npos when
// none starts there.
std::size_t literal_end(std::string_view s, std::size_t i)
{
    if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) return std::string_view::npos;
    const char q = s[i];
    const bool basic = q == '"';
    if (s.substr(i, 3) == std::string(3, q)) {
        for (std::size_t j = i + 3; j < s.size(); ++j) {
            if (basic && s[j] == '\\') {
                ++j;
                continue;
            }
            if (s.substr(j, 3) == std::string(3, q)) {
                j += 3;
                for (int extra = 0; extra < 2 && j < s.size() && s[j] == q; ++extra) ++j;
                return j;
            }
        }
        return std::string_view::npos;
    }
    for (std::size_t j = i + 1; j < s.size() && s[j] != '\n'; ++j) {
        if (basic && s[j] == '\\') {
            ++j;
            continue;
        }
        if (s[j] == q) return j + 1;
    }
    return std::string_view::npos;
}

// The byte offset of a position as toml++ counts it (lines from 1, columns
// in code points from 1), or npos.
std::size_t offset_of(std::string_view s, Pos pos)
{
    std::size_t i = 0;
    for (std::uint32_t line = 1; line < pos.line; ++line) {
        i = s.find('\n', i);
        if (i == std::string_view::npos) return i;
        ++i;
    }
    for (std::uint32_t col = 1; col < pos.column && i < s.size() && s[i] != '\n'; ++col) {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;  // the rest of a code point
    }
    return i;
}

// The text a string literal holds, as toml++ reads it.
std::optional<std::string> literal_text(std::string_view literal)
{
    try {
        toml::table t = toml::parse("x = " + std::string(literal));
        if (const auto* v = t["x"].as_string()) return v->get();
    } catch (const toml::parse_error&) {
    }
    return std::nullopt;
}

}  // namespace

FixedText apply_fixes(std::string_view text, const std::vector<Diagnostic>& findings)
{
    FixedText out;
    for (const auto& d : findings)
        if (d.fix && d.fix->whole_file) {
            out.text = to_nfc(text);
            if (out.text != text) out.applied.push_back({d.rule, d.fix->at, {}, {}, true});
            return out;
        }
    struct Edit {
        std::size_t begin, end;
        std::string with;
    };
    std::vector<Edit> edits;
    for (const auto& d : findings) {
        if (!d.fix || d.fix->old_text == d.fix->new_text) continue;
        const std::size_t begin = offset_of(text, d.fix->at);
        const std::size_t end = literal_end(text, begin);
        if (end == std::string_view::npos) continue;
        const auto held = literal_text(text.substr(begin, end - begin));
        if (!held || to_nfc(*held) != d.fix->old_text) continue;
        if (std::any_of(edits.begin(), edits.end(), [&](const Edit& e) { return e.begin < end && begin < e.end; }))
            continue;  // one fix per literal a round
        edits.push_back({begin, end, toml_quote(d.fix->new_text)});
        out.applied.push_back({d.rule, d.fix->at, d.fix->old_text, d.fix->new_text, false});
    }
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
    out.text = std::string(text);
    for (const auto& e : edits) out.text.replace(e.begin, e.end - e.begin, e.with);
    std::sort(out.applied.begin(), out.applied.end(), [](const AppliedFix& a, const AppliedFix& b) {
        return std::tie(a.at.line, a.at.column) < std::tie(b.at.line, b.at.column);
    });
    return out;
}

FileKind file_kind_of_path(const std::string& path)
{
    const std::filesystem::path p = std::filesystem::path(path).lexically_normal();
    const std::string name = p.filename().string();
    if (name == "catalog.toml") return FileKind::catalog;
    if (name == "units.toml") return FileKind::units;
    if (name == "legal.toml") return FileKind::legal;
    // the nearest folder of the format among the parents (sub-folders of procedures/ are free)
    for (std::filesystem::path dir = p.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
        const std::string d = dir.filename().string();
        if (d == "procedures") return FileKind::procedure;
        if (d == "abolished") return FileKind::abolished;
        if (d == "processes") return FileKind::process;
        if (d == "plans") return FileKind::plan;
        if (d == "decisions") return FileKind::decision;
        if (dir.parent_path() == dir) break;
    }
    return FileKind::single;
}

}  // namespace tthc
