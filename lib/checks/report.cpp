#include "checks/report.hpp"

#include <filesystem>
#include <map>
#include <system_error>

#include "core/rule_texts.hpp"
#include "util/json.hpp"
#include "util/unicode.hpp"

namespace tthc {

namespace fs = std::filesystem;

std::optional<ReportFormat> parse_report_format(std::string_view name)
{
    if (name == "text") return ReportFormat::text;
    if (name == "json") return ReportFormat::json;
    if (name == "sarif") return ReportFormat::sarif;
    if (name == "github") return ReportFormat::github;
    return std::nullopt;
}

void count_severities(const std::vector<Diagnostic>& diags, ReportSummary& summary)
{
    for (const auto& d : diags) {
        if (d.severity == Severity::error) ++summary.errors;
        if (d.severity == Severity::warning) ++summary.warnings;
    }
}

namespace {

constexpr std::string_view bold = "\033[1m", red = "\033[1;31m", magenta = "\033[1;35m", cyan = "\033[1;36m",
                           green = "\033[1;32m", reset = "\033[0m";

std::string location(const Diagnostic& d)
{
    std::string s = d.file;
    if (d.pos.line > 0) s += ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column);
    return s;
}

std::string_view severity_color(Severity s)
{
    return s == Severity::error ? red : s == Severity::warning ? magenta : cyan;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d, bool color)
{
    auto paint = [&](std::string_view code, const std::string& text) {
        return color ? std::string(code) + text + std::string(reset) : text;
    };
    std::string out = paint(bold, location(d) + ":") + " " +
                      paint(severity_color(d.severity), std::string(severity_label(d.severity)) + ":") + " " +
                      d.message + " [" + std::string(rule_id(d.rule)) + "]\n";
    if (!d.source_line.empty() && d.pos.line > 0) {
        const std::string num = std::to_string(d.pos.line);
        out += " " + num + " | " + d.source_line + "\n";
        std::string pad;
        // the caret goes under the column-th code point; tabs are kept so it lines up
        std::size_t cp = 1;
        for (std::size_t i = 0; i < d.source_line.size() && cp < d.pos.column; ++i) {
            const auto c = static_cast<unsigned char>(d.source_line[i]);
            if ((c & 0xC0) == 0x80) continue;
            pad.push_back(c == '\t' ? '\t' : ' ');
            ++cp;
        }
        out += " " + std::string(num.size(), ' ') + " | " + pad + paint(green, "^") + "\n";
    }
    return out;
}

namespace {

void write_text(std::ostream& out, const std::vector<Diagnostic>& diags, bool color)
{
    for (const auto& d : diags) out << format_diagnostic(d, color);
}

void write_json(std::ostream& out, const std::vector<Diagnostic>& diags, const ReportSummary& s)
{
    out << "{\n  \"diagnostics\": [";
    bool first = true;
    for (const auto& d : diags) {
        out << (first ? "\n" : ",\n") << "    {\"file\": " << json_quote(d.file) << ", \"line\": " << d.pos.line
            << ", \"column\": " << d.pos.column << ", \"severity\": " << json_quote(severity_name(d.severity))
            << ", \"rule\": " << json_quote(rule_id(d.rule)) << ", \"message\": " << json_quote(d.message) << "}";
        first = false;
    }
    out << (first ? "],\n" : "\n  ],\n");
    out << "  \"summary\": {\"errors\": " << s.errors << ", \"warnings\": " << s.warnings << ", \"files\": " << s.files
        << ", \"procedures\": " << s.procedures << "}\n}\n";
}

std::string_view sarif_level(Severity s)
{
    return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

// Where a finding's file is for tools that place it in a repository (SARIF
// viewers, GitHub annotations): relative to the root of the git work tree that
// holds it (the nearest folder upwards with a .git), whatever path lint was
// given; a file outside any work tree keeps a relative path as given and an
// absolute one becomes a file:// URI. Roots are looked up once per folder.
class FileLocations {
public:
    struct Location {
        std::string relative;  // to root; empty when there is no root
        std::string root;      // the work tree's absolute path, with a trailing '/'; or empty
        std::string as_given;
        std::string absolute;  // normalised
    };

    const Location& of(const std::string& file)
    {
        auto [it, inserted] = files_.try_emplace(file);
        if (!inserted) return it->second;
        Location& l = it->second;
        l.as_given = file;
        std::error_code ec;
        const fs::path absolute = fs::absolute(fs::path(file), ec).lexically_normal();
        if (ec) return l;
        l.absolute = absolute.generic_string();
        const std::string root = root_of(absolute.parent_path());
        if (!root.empty()) {
            l.root = root;
            l.relative = absolute.generic_string().substr(root.size());
        }
        return l;
    }

    // The roots seen, for SARIF's originalUriBaseIds (one run has one: the first).
    const std::string& first_root() const { return first_root_; }

private:
    std::string root_of(const fs::path& dir)
    {
        const std::string key = dir.generic_string();
        if (auto it = roots_.find(key); it != roots_.end()) return it->second;
        std::string root;
        std::error_code ec;
        if (fs::exists(dir / ".git", ec)) {
            root = key == "/" ? key : key + "/";
        } else if (dir.has_parent_path() && dir.parent_path() != dir) {
            root = root_of(dir.parent_path());
        }
        if (!root.empty() && first_root_.empty()) first_root_ = root;
        return roots_.emplace(key, root).first->second;
    }

    std::map<std::string, Location> files_;
    std::map<std::string, std::string> roots_;
    std::string first_root_;
};

// RFC 3986: every byte but the unreserved characters and '/' percent-encoded
// (UTF-8 bytes included, as URIs carry them).
std::string uri_path(std::string_view path)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~' || c == '/') {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 0xF]);
        }
    }
    return out;
}

void write_sarif(std::ostream& out, const std::vector<Diagnostic>& diags, const ReportOptions& o)
{
    // The catalog rules: SARIF is written for lint (a rule's ruleIndex is its
    // place in this list).
    const auto rules = rules_of(Scope::catalog);
    std::map<Rule, std::size_t> index;
    for (std::size_t i = 0; i < rules.size(); ++i) index[rules[i]->rule] = i;
    out << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
        << "  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n          \"name\": \"tthc\",\n"
        << "          \"version\": " << json_quote(o.tool_version) << ",\n"
        << "          \"rules\": [";
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const RuleInfo& r = *rules[i];
        out << (i ? ",\n" : "\n") << "            {\"id\": " << json_quote(r.id)
            << ", \"shortDescription\": {\"text\": " << json_quote(rule_summary(r)) << "}"
            << ", \"fullDescription\": {\"text\": " << json_quote(rule_help(r)) << "}"
            << ", \"help\": {\"text\": " << json_quote(rule_help(r)) << "}"
            << ", \"defaultConfiguration\": {\"level\": " << json_quote(sarif_level(r.severity)) << "}}";
    }
    out << "\n          ]\n        }\n      },\n";
    // every location relative to the work tree's root (SRCROOT) when the file is in one
    FileLocations locations;
    for (const auto& d : diags) locations.of(d.file);
    if (!locations.first_root().empty())
        out << "      \"originalUriBaseIds\": {\"SRCROOT\": {\"uri\": "
            << json_quote("file://" + uri_path(locations.first_root())) << "}},\n";
    out << "      \"results\": [";
    bool first = true;
    for (const auto& d : diags) {
        out << (first ? "\n" : ",\n") << "        {\"ruleId\": " << json_quote(rule_id(d.rule));
        if (auto it = index.find(d.rule); it != index.end()) out << ", \"ruleIndex\": " << it->second;
        out << ", \"level\": " << json_quote(sarif_level(d.severity)) << ", \"message\": {\"text\": "
            << json_quote(d.message) << "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {";
        const auto& l = locations.of(d.file);
        if (!l.root.empty() && l.root == locations.first_root())
            out << "\"uri\": " << json_quote(uri_path(l.relative)) << ", \"uriBaseId\": \"SRCROOT\"}";
        else if (!l.root.empty() || (!l.as_given.empty() && l.as_given.front() == '/'))
            out << "\"uri\": " << json_quote("file://" + uri_path(l.absolute)) << "}";
        else
            out << "\"uri\": " << json_quote(uri_path(l.as_given)) << "}";
        if (d.pos.line > 0)
            out << ", \"region\": {\"startLine\": " << d.pos.line << ", \"startColumn\": " << d.pos.column << "}";
        out << "}}]}";
        first = false;
    }
    out << (first ? "]\n" : "\n      ]\n") << "    }\n  ]\n}\n";
}

std::string escape_data(std::string_view s)
{
    std::string out;
    for (char c : s) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else out.push_back(c);
    }
    return out;
}

std::string escape_property(std::string_view s)
{
    std::string out;
    for (char c : escape_data(s)) {
        if (c == ':') out += "%3A";
        else if (c == ',') out += "%2C";
        else out.push_back(c);
    }
    return out;
}

void write_github(std::ostream& out, const std::vector<Diagnostic>& diags)
{
    FileLocations locations;  // GitHub places an annotation by its path in the repository
    for (const auto& d : diags) {
        const auto& l = locations.of(d.file);
        out << "::" << (d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "notice")
            << " file=" << escape_property(l.root.empty() ? l.as_given : l.relative);
        if (d.pos.line > 0) out << ",line=" << d.pos.line << ",col=" << d.pos.column;
        out << ",title=" << escape_property("tthc " + std::string(rule_id(d.rule))) << "::" << escape_data(d.message) << "\n";
    }
}

}  // namespace

void write_report(std::ostream& out, ReportFormat format, const std::vector<Diagnostic>& diags,
                  const ReportSummary& summary, const ReportOptions& options)
{
    switch (format) {
    case ReportFormat::text: write_text(out, diags, options.color); break;
    case ReportFormat::json: write_json(out, diags, summary); break;
    case ReportFormat::sarif: write_sarif(out, diags, options); break;
    case ReportFormat::github: write_github(out, diags); break;
    }
}

}  // namespace tthc
