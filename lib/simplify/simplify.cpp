// The rule file and `suggest`: each rule names one of a few checks written
// here and supplies the terms, wording and legal pointers from the file.
#include "simplify/simplify.hpp"

#include "core/version.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "decisions/decision_doc.hpp"
#include "io/files.hpp"
#include "util/i18n.hpp"
#include "util/json.hpp"
#include "util/unicode.hpp"
#include "core/vietnamese.hpp"

namespace tthc {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> checks = {"dossier-mentions", "no-online", "time-above-median", "fee-without-basis"};

std::string where(const std::string& path, const toml::source_region& s)
{
    return path + ":" + std::to_string(s.begin.line) + ":" + std::to_string(s.begin.column) + ": ";
}

std::vector<std::string> strings(const toml::node& n, const std::string& path, const std::string& key)
{
    std::vector<std::string> out;
    const auto* arr = n.as_array();
    if (!arr) throw Error(where(path, n.source()) + tr("{0} must be an array of strings", key));
    for (const auto& x : *arr) {
        const auto* s = x.as_string();
        if (!s) throw Error(where(path, x.source()) + tr("{0} must be an array of strings", key));
        out.push_back(to_nfc(s->get()));
    }
    return out;
}

std::int64_t hours_milli(const toml::node& n, const std::string& path, const std::string& key)
{
    double v = 0;
    if (const auto* i = n.as_integer()) v = static_cast<double>(i->get());
    else if (const auto* f = n.as_floating_point()) v = f->get();
    else throw Error(where(path, n.source()) + tr("{0} must be a number of hours", key));
    if (v < 0) throw Error(where(path, n.source()) + tr("{0} cannot be negative", key));
    return std::llround(v * 1000);
}

void read_cost(const toml::table& t, const std::string& path, CostDefaults& d)
{
    const std::map<std::string, std::int64_t*> hours = {
        {"learn_hours", &d.learn},
        {"entry_hours", &d.per_entry},
        {"submit_direct_hours", &d.submit_direct},
        {"submit_post_hours", &d.submit_post},
        {"submit_online_hours", &d.submit_online},
        {"receive_direct_hours", &d.receive_direct},
        {"receive_post_hours", &d.receive_post},
        {"receive_online_hours", &d.receive_online},
    };
    for (const auto& [k, v] : t) {
        const std::string key(k.str());
        if (auto it = hours.find(key); it != hours.end()) {
            *it->second = hours_milli(v, path, key);
        } else if (key == "certified_copy_fee") {
            const auto* i = v.as_integer();
            if (!i || i->get() < 0) throw Error(where(path, v.source()) + tr("{0} must be a whole number of đồng", key));
            d.certified_copy_fee = i->get();
        } else {
            throw Error(where(path, v.source()) + tr("unknown key \"{0}\" in [cost]", key));
        }
    }
}

SimplifyRule read_rule(const toml::table& t, const std::string& path)
{
    SimplifyRule r;
    std::set<std::string> seen;
    for (const auto& [k, v] : t) {
        const std::string key(k.str());
        seen.insert(key);
        // A named reference: C++17/clang 14 cannot capture a structured binding in a lambda.
        const toml::node& value = v;
        auto text = [&]() {
            const auto* s = value.as_string();
            if (!s) throw Error(where(path, value.source()) + tr("{0} must be a string", key));
            return to_nfc(s->get());
        };
        if (key == "id") r.id = text();
        else if (key == "check") {
            r.check = text();
            if (std::find(checks.begin(), checks.end(), r.check) == checks.end())
                // TRANSLATORS: {0} is the check the rule file names, {1} the list of the checks there are
                throw Error(where(path, v.source()) + tr("unknown check \"{0}\"; one of {1}", r.check,
                                                         "dossier-mentions, no-online, time-above-median, fee-without-basis"));
        } else if (key == "message") r.message = text();
        else if (key == "reason") r.reason = text();
        else if (key == "legal") r.legal = text();
        else if (key == "proposal") r.proposal = text();
        else if (key == "none") r.none = strings(v, path, key);
        else if (key == "terms") r.terms = strings(v, path, key);
        else if (key == "all") {
            const auto* arr = v.as_array();
            if (!arr) throw Error(where(path, v.source()) + tr("all must be an array of arrays of strings"));
            for (const auto& g : *arr) r.all.push_back(strings(g, path, key));
        } else if (key == "min_group") {
            const auto* i = v.as_integer();
            if (!i || i->get() < 1) throw Error(where(path, v.source()) + tr("min_group must be a whole number, at least 1"));
            r.min_group = i->get();
        } else
            throw Error(where(path, v.source()) + tr("unknown key \"{0}\" in [[rule]]", key));
    }
    for (const char* need : {"id", "check", "message", "reason", "legal"})
        if (!seen.count(need)) throw Error(where(path, t.source()) + tr("[[rule]] has no {0}", need));
    if (r.check == "dossier-mentions" && r.all.empty())
        throw Error(where(path, t.source()) + tr("rule {0}: check dossier-mentions needs `all`", r.id));
    if (r.check == "fee-without-basis" && r.terms.empty())
        throw Error(where(path, t.source()) + tr("rule {0}: check fee-without-basis needs `terms`", r.id));
    return r;
}

}  // namespace

SimplifyRules parse_simplify_rules(const std::string& text, const std::string& path)
{
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        throw Error(where(path, e.source()) + std::string(e.description()));
    }
    SimplifyRules out;
    out.path = path;
    std::set<std::string> ids;
    for (const auto& [k, v] : root) {
        const std::string key(k.str());
        if (key == "version") {
            if (v.value<std::int64_t>() != 1) throw Error(where(path, v.source()) + tr("version must be 1"));
        } else if (key == "cost") {
            const auto* t = v.as_table();
            if (!t) throw Error(where(path, v.source()) + tr("cost must be a table"));
            read_cost(*t, path, out.cost);
        } else if (key == "rule") {
            const auto* arr = v.as_array();
            if (!arr) throw Error(where(path, v.source()) + tr("rule must be an array of tables ([[rule]])"));
            for (const auto& n : *arr) {
                const auto* t = n.as_table();
                if (!t) throw Error(where(path, n.source()) + tr("rule must be an array of tables ([[rule]])"));
                SimplifyRule r = read_rule(*t, path);
                if (!ids.insert(r.id).second)
                    throw Error(where(path, t->source()) + tr("rule id \"{0}\" is used twice", r.id));
                out.rules.push_back(std::move(r));
            }
        } else {
            throw Error(where(path, v.source()) + tr("unknown key \"{0}\"; the file holds version, [cost] and [[rule]]", key));
        }
    }
    return out;
}

SimplifyRules load_simplify_rules(const std::string& path) { return parse_simplify_rules(read_file(path), path); }

std::string find_simplify_rules(const std::string& explicit_path, const std::string& exe_dir)
{
    if (!explicit_path.empty()) {
        if (!fs::exists(explicit_path)) throw Error(tr("rule file '{0}' does not exist", explicit_path));
        return explicit_path;
    }
    std::vector<fs::path> candidates;
    if (!exe_dir.empty()) {
        candidates.push_back(fs::path(exe_dir) / ".." / "share" / "tthc" / "simplify-rules.toml");
        candidates.push_back(fs::path(exe_dir) / "simplify-rules.toml");
    }
    // The source tree this library was built from (a build directory's binary).
    candidates.push_back(fs::path(source_data_dir) / "simplify-rules.toml");
    for (const auto& c : candidates)
        if (fs::exists(c)) return c.lexically_normal().string();
    throw Error(tr("no simplify-rules.toml next to the program or in its source tree"), tr("give one with --rules FILE"));
}

// ---------------------------------------------------------------- matching

namespace {

// Folded words: letters and digits (any non-ASCII byte counts as a letter).
std::vector<std::string> words(const std::string& text)
{
    std::vector<std::string> out;
    std::string cur;
    for (const char ch : fold(text)) {
        const auto u = static_cast<unsigned char>(ch);
        if (u >= 0x80 || std::isalnum(u)) {
            cur.push_back(ch);
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

bool has_words(const std::vector<std::string>& hay, const std::string& term)
{
    const auto needle = words(term);
    if (needle.empty() || needle.size() > hay.size()) return false;
    return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

bool has_any(const std::vector<std::string>& hay, const std::vector<std::string>& terms)
{
    return std::any_of(terms.begin(), terms.end(), [&](const std::string& t) { return has_words(hay, t); });
}

std::string shorten(const std::string& s, std::size_t max_points = 90)
{
    if (code_points(s) <= max_points) return s;
    std::size_t i = 0, n = 0;
    while (i < s.size() && n < max_points) {
        next_code_point(s, i);
        ++n;
    }
    std::string out = s.substr(0, i);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "…";
}

std::string fill(std::string t, const std::map<std::string, std::string>& vars)
{
    for (const auto& [k, v] : vars) {
        const std::string key = "{" + k + "}";
        for (std::size_t at = t.find(key); at != std::string::npos; at = t.find(key, at + v.size()))
            t.replace(at, key.size(), v);
    }
    return t;
}

// The shortest thời hạn of a procedure, in counted working hours × 1000, and the channel.
std::optional<std::pair<std::int64_t, const Channel*>> shortest_time(const Procedure& p, int hpd)
{
    std::optional<std::pair<std::int64_t, const Channel*>> best;
    for (const auto& ch : p.channels)
        if (ch.duration) {
            const std::int64_t h = counted_millihours(*ch.duration, hpd);
            if (!best || h < best->first) best = std::pair(h, &ch);
        }
    return best;
}

struct Checker {
    const Catalog& c;
    std::vector<Suggestion>& out;

    void add(const Procedure& p, Pos pos, const SimplifyRule& r, std::map<std::string, std::string> vars)
    {
        vars["code"] = p.code.value;
        vars["name"] = p.name.value;
        Suggestion s;
        s.file = c.files.at(p.file);
        s.pos = pos;
        s.rule = r.id;
        s.code = p.code.value;
        s.name = p.name.value;
        s.field = p.field.value;
        s.message = fill(r.message, vars);
        s.reason = fill(r.reason, vars);
        s.legal = fill(r.legal, vars);
        s.proposal = fill(r.proposal, vars);
        out.push_back(std::move(s));
    }

    void dossier_mentions(const SimplifyRule& r)
    {
        for (const auto& p : c.procedures)
            for (const auto& e : p.dossier) {
                const auto w = words(e.name.value);
                const bool all = std::all_of(r.all.begin(), r.all.end(), [&](const auto& g) { return has_any(w, g); });
                if (all && !has_any(w, r.none)) add(p, e.pos, r, {{"entry", shorten(e.name.value)}});
            }
    }

    void no_online(const SimplifyRule& r)
    {
        for (const auto& p : c.procedures) {
            const bool online = std::any_of(p.channels.begin(), p.channels.end(),
                                            [](const Channel& ch) { return ch.kind.value == "trực tuyến"; });
            if (!online && !p.channels.empty()) add(p, p.channels.front().pos, r, {});
        }
    }

    void time_above_median(const SimplifyRule& r)
    {
        const int hpd = c.info.hours_per_day;
        std::map<std::pair<std::string, std::string>, std::vector<std::int64_t>> groups;
        for (const auto& p : c.procedures)
            if (auto t = shortest_time(p, hpd)) groups[{fold(p.field.value), main_level(p)}].push_back(t->first);
        for (auto& [k, v] : groups) std::sort(v.begin(), v.end());
        for (const auto& p : c.procedures) {
            const auto t = shortest_time(p, hpd);
            if (!t) continue;
            const auto& g = groups.at({fold(p.field.value), main_level(p)});
            if (static_cast<std::int64_t>(g.size()) < r.min_group) continue;
            const std::size_t n = g.size();
            const std::int64_t median = n % 2 ? g[n / 2] : (g[n / 2 - 1] + g[n / 2]) / 2;
            if (t->first <= median) continue;
            add(p, t->second->pos, r,
                {{"time", t->second->duration->to_string()},
                 {"median", format_days(median, hpd)},
                 {"group", std::to_string(n) + " thủ tục lĩnh vực " + p.field.value + " " +
                               (main_level(p) == "khác" ? std::string("do cơ quan khác thực hiện") : "cấp " + main_level(p))}});
        }
    }

    void fee_without_basis(const SimplifyRule& r)
    {
        for (const auto& p : c.procedures) {
            const Channel* charged = nullptr;
            for (const auto& ch : p.channels)
                if (ch.fee && *ch.fee > 0) {
                    charged = &ch;
                    break;
                }
            if (!charged) continue;
            const bool named = std::any_of(p.legal_basis.begin(), p.legal_basis.end(), [&](const LegalBasis& b) {
                return has_any(words(b.title.value), r.terms);
            });
            if (named) continue;
            const std::string currency = charged->currency.value.empty() ? "VND" : charged->currency.value;
            add(p, charged->fee_pos.line ? charged->fee_pos : charged->pos, r,
                {{"fee", money(*charged->fee, currency)}, {"channel", charged->kind.value}});
        }
    }
};

}  // namespace

std::vector<Suggestion> suggest(const Catalog& c, const SimplifyRules& rules, const std::vector<std::string>& only)
{
    for (const auto& id : only)
        if (std::none_of(rules.rules.begin(), rules.rules.end(), [&](const SimplifyRule& r) { return r.id == id; })) {
            std::string ids;
            for (const auto& r : rules.rules) ids += (ids.empty() ? "" : ", ") + r.id;
            throw Error(tr("no rule \"{0}\" in the rule file", id),
                        ids.empty() ? std::string(tr("it has no rules")) : tr("its rules: {0}", ids));
        }
    std::vector<Suggestion> out;
    Checker ck{c, out};
    for (const auto& r : rules.rules) {
        if (!only.empty() && std::find(only.begin(), only.end(), r.id) == only.end()) continue;
        if (r.check == "dossier-mentions") ck.dossier_mentions(r);
        else if (r.check == "no-online") ck.no_online(r);
        else if (r.check == "time-above-median") ck.time_above_median(r);
        else if (r.check == "fee-without-basis") ck.fee_without_basis(r);
    }
    std::stable_sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) {
        return std::tie(a.file, a.pos.line, a.pos.column, a.rule) < std::tie(b.file, b.pos.line, b.pos.column, b.rule);
    });
    return out;
}

std::string suggestions_text(const std::vector<Suggestion>& s)
{
    std::string out;
    if (s.empty()) return out;
    // TRANSLATORS: the severity of a simplification suggestion, as "error" and "warning" are lint's
    const std::string severity = trc("severity", "suggestion");
    for (const auto& x : s) {
        out += x.file + ":" + std::to_string(x.pos.line) + ":" + std::to_string(x.pos.column) + ": " + severity + ": " +
               x.code + ": " + x.message + " [" + x.rule + "]\n";
        out += "    lý do: " + x.reason + "\n";
        out += "    căn cứ: " + x.legal + "\n";
        if (!x.proposal.empty()) out += "    đề xuất: " + x.proposal + "\n";
    }
    return out;
}

std::string suggestions_json(const std::vector<Suggestion>& s)
{
    std::string out = "{\n  \"suggestions\": [";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto& x = s[i];
        out += i ? ",\n" : "\n";
        out += "    {\"file\": " + json_quote(x.file) + ", \"line\": " + std::to_string(x.pos.line) +
               ", \"column\": " + std::to_string(x.pos.column) + ", \"rule\": " + json_quote(x.rule) +
               ", \"code\": " + json_quote(x.code) + ", \"name\": " + json_quote(x.name) +
               ", \"field\": " + json_quote(x.field) + ", \"message\": " + json_quote(x.message) +
               ", \"reason\": " + json_quote(x.reason) + ", \"legal\": " + json_quote(x.legal) +
               ", \"proposal\": " + json_quote(x.proposal) + "}";
    }
    out += s.empty() ? "],\n" : "\n  ],\n";
    out += "  \"count\": " + std::to_string(s.size()) + "\n}\n";
    return out;
}

namespace {

std::string md_cell(std::string s)
{
    for (std::size_t at = s.find('|'); at != std::string::npos; at = s.find('|', at + 2)) s.replace(at, 1, "\\|");
    return s;
}

}  // namespace

std::string suggestions_markdown(const Catalog& c, const std::vector<Suggestion>& s)
{
    std::string out = "# Đề xuất đơn giản hóa thủ tục hành chính\n\n";
    out += c.info.name.value + ": " + std::to_string(s.size()) + " đề xuất.\n";
    // One section per rule, in the order the rules first appear.
    std::vector<std::string> order;
    for (const auto& x : s)
        if (std::find(order.begin(), order.end(), x.rule) == order.end()) order.push_back(x.rule);
    for (const auto& rule : order) {
        const Suggestion* first = nullptr;
        std::string rows;
        std::size_t n = 0;
        for (const auto& x : s) {
            if (x.rule != rule) continue;
            if (!first) first = &x;
            ++n;
            rows += "| " + x.code + " | " + md_cell(x.name) + " | " + md_cell(x.message) + " | " + x.file + ":" +
                    std::to_string(x.pos.line) + " |\n";
        }
        out += "\n## " + rule + " (" + std::to_string(n) + ")\n\n";
        out += "**Lý do:** " + first->reason + "\n\n";
        out += "**Căn cứ:** " + first->legal + "\n\n";
        if (!first->proposal.empty()) out += "**Đề xuất:** " + first->proposal + "\n\n";
        out += "| Mã | Thủ tục | Nội dung | Vị trí |\n|---|---|---|---|\n" + rows;
    }
    return out;
}

}  // namespace tthc
