// TOML → model. toml++ stays inside this file: the rest of the toolkit sees
// only the model and diagnostics. Each file is converted on its own (so files
// are read in parallel); cross-file checks belong to lint.cpp.
#include "catalog/loader.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <initializer_list>
#include <sstream>
#include <thread>

#include "catalog/toml_tree.hpp"
#include "io/files.hpp"
#include "io/journal.hpp"
#include "util/i18n.hpp"
#include "util/parallel.hpp"
#include "util/suggest.hpp"
#include "util/unicode.hpp"

namespace tthc {

namespace fs = std::filesystem;

bool LoadResult::has_errors() const
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

namespace {

Pos pos_of(const TomlNode& n) { return n.pos; }

// What a TOML value is, as a finding names it ("'fee' must be ..., not a
// string"); translated, so called only when a finding is made.
const char* type_name(const TomlNode& n)
{
    switch (n.kind) {
    case TomlKind::string: return tr("a string");
    case TomlKind::integer: return tr("an integer");
    case TomlKind::floating: return tr("a decimal number");
    case TomlKind::boolean: return tr("a boolean");
    case TomlKind::date: return tr("a date");
    case TomlKind::time: return tr("a time");
    case TomlKind::date_time: return tr("a date-time");
    case TomlKind::array: return tr("an array");
    case TomlKind::table: return tr("a table");
    default: return tr("a value");
    }
}

// The tables of the format, as findings name them ("missing required key
// 'kind' in channels entry").
enum class Table {
    catalog_file, catalog_toml, legal_toml, units_toml, catalog, procedure, results, channels, dossier,
    legal_basis, legal_document, field, unit, process, process_step, plan, plan_change, decision, replaced,
};

// The name of a table in the language of the messages; translated only when a
// finding is made (a reader is made for every table of every file).
const char* table_name(Table t)
{
    switch (t) {
    // TRANSLATORS: the table names below end findings such as "missing required key 'name' in procedure"
    case Table::catalog_file: return trc("table", "the catalog file");
    // TRANSLATORS: a file name: keep it, e.g. "tập tin catalog.toml"
    case Table::catalog_toml: return trc("table", "catalog.toml");
    case Table::legal_toml: return trc("table", "legal.toml");
    case Table::units_toml: return trc("table", "units.toml");
    // TRANSLATORS: the [catalog] table of catalog.toml
    case Table::catalog: return trc("table", "[catalog]");
    case Table::procedure: return trc("table", "procedure");
    // TRANSLATORS: one [[results]] table of a procedure (kết quả thực hiện)
    case Table::results: return trc("table", "results entry");
    // TRANSLATORS: one [[channels]] table of a procedure (cách thức thực hiện)
    case Table::channels: return trc("table", "channels entry");
    // TRANSLATORS: one [[dossier]] table of a procedure (thành phần hồ sơ)
    case Table::dossier: return trc("table", "dossier entry");
    // TRANSLATORS: one [[legal_basis]] table of a procedure (căn cứ pháp lý)
    case Table::legal_basis: return trc("table", "legal_basis entry");
    // TRANSLATORS: one document of legal.toml, the register of legal documents
    case Table::legal_document: return trc("table", "legal document");
    // TRANSLATORS: a [[field]] table: one lĩnh vực of the catalog
    case Table::field: return trc("table", "field");
    // TRANSLATORS: a [[unit]] table of units.toml: an office (đơn vị)
    case Table::unit: return trc("table", "unit");
    // TRANSLATORS: an internal process (quy trình nội bộ) of a procedure
    case Table::process: return trc("table", "process");
    case Table::process_step: return trc("table", "process step");
    // TRANSLATORS: a simplification plan (phương án đơn giản hóa)
    case Table::plan: return trc("table", "plan");
    // TRANSLATORS: one [[changes]] table of a simplification plan
    case Table::plan_change: return trc("table", "plan change");
    // TRANSLATORS: a decision (quyết định công bố)
    case Table::decision: return trc("table", "decision");
    // TRANSLATORS: one entry of a decision's replaced = [...] (old and new codes)
    case Table::replaced: return trc("table", "replaced entry");
    }
    return "";
}

struct Key {
    std::string_view name;
    std::string_view label;  // the Vietnamese term of art, for messages
};

// Per-file state: where findings go and how much text was not NFC.
struct FileContext {
    explicit FileContext(std::string file) : sink(std::move(file)) {}
    DiagnosticSink sink;
    Pos first_non_nfc;
    std::size_t non_nfc = 0;

    // The string of a string node, in NFC.
    std::string text_of(const TomlNode& v)
    {
        const std::string_view s = v.string;
        check_characters(s, v);
        if (is_nfc(s)) return std::string(s);
        if (non_nfc++ == 0) first_non_nfc = pos_of(v);
        return to_nfc(s);
    }

    // Whether the eight bytes at p may hold a byte below 0x20 or 0xEF, the
    // first byte of U+FFFE and U+FFFF (the bit tricks of "Bit Twiddling Hacks":
    // a byte less than n, a zero byte); false means surely not.
    static bool may_hold_control(const char* p)
    {
        constexpr std::uint64_t ones = 0x0101010101010101, highs = 0x8080808080808080;
        std::uint64_t x;
        std::memcpy(&x, p, sizeof x);
        const std::uint64_t below = (x - ones * 0x20) & ~x & highs;
        const std::uint64_t ef = x ^ (ones * 0xEF);
        return (below | ((ef - ones) & ~ef & highs)) != 0;
    }

    // What XML 1.0 cannot carry (its Char production): C0 controls but tab, LF
    // and CR, and U+FFFE, U+FFFF. Reported once per string, at the string.
    void check_characters(std::string_view s, const TomlNode& v)
    {
        for (std::size_t i = 0, end = 0; i < s.size(); ++i) {
            if (i == end) {  // eight bytes at a time while none can start what XML cannot carry
                while (i + 8 <= s.size() && !may_hold_control(s.data() + i)) i += 8;
                end = std::min(s.size(), i + 8);
                if (i == s.size()) return;
            }
            const auto c = static_cast<unsigned char>(s[i]);
            std::uint32_t bad = 0x110000;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                bad = c;
            else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
                     (static_cast<unsigned char>(s[i + 2]) == 0xBE || static_cast<unsigned char>(s[i + 2]) == 0xBF))
                bad = 0xFFFE + (static_cast<unsigned char>(s[i + 2]) - 0xBE);
            if (bad == 0x110000) continue;
            char code[8];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(bad));
            // TRANSLATORS: {0} is a character's code point, e.g. U+0007
            sink.report(Rule::control_character, pos_of(v),
                        tr("the text holds {0}, a control character that XML cannot carry and no document shows; "
                           "remove it",
                           code));
            return;
        }
    }

    void finish()
    {
        if (non_nfc > 0)
            sink.report(Rule::not_nfc, first_non_nfc,
                        trn("text is not in Unicode NFC ({0} string, the first here); it is compared in NFC, but "
                            "save the file in NFC",
                            "text is not in Unicode NFC ({0} strings, the first here); it is compared in NFC, but "
                            "save the file in NFC",
                            non_nfc, non_nfc),
                        Fix{first_non_nfc, {}, {}, true});
    }
};

// The fix of a số ký hiệu that is one once its white space is removed
// ("63/2010/NĐ- CP", " 280/QĐ-UBND"): the number without it.
std::optional<Fix> spaced_number_fix(const Text& t)
{
    std::string compact;
    for (std::size_t i = 0; i < t.value.size(); ++i) {
        const char c = t.value[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        if (c == '\xC2' && i + 1 < t.value.size() && t.value[i + 1] == '\xA0') {  // no-break space
            ++i;
            continue;
        }
        compact.push_back(c);
    }
    if (compact == t.value || !parse_legal_number(compact)) return std::nullopt;
    return Fix{t.pos, t.value, compact, false};
}

enum class Need { optional, required };

// Reads one table against the keys the format defines for it; unknown keys are
// reported (with the closest known key) as soon as the reader is made.
class TableReader {
public:
    TableReader(FileContext& ctx, const TomlNode& table, Pos pos, Table what, std::initializer_list<Key> keys)
        : ctx_(ctx), table_(table), pos_(pos), what_(what), keys_(keys)
    {
        for (const auto& m : table_.members)
            if (std::none_of(keys_.begin(), keys_.end(), [&](const Key& key) { return key.name == m.key; }))
                report_unknown(m.key, m.key_pos);
    }

    Pos pos() const { return pos_; }
    FileContext& ctx() { return ctx_; }
    const TomlNode* node(std::string_view key) const { return table_.get(key); }

    // The key's node; a missing required key is reported (and nothing returned).
    const TomlNode* lookup(std::string_view key, Need need)
    {
        const TomlNode* n = table_.get(key);
        if (!n && need == Need::required) missing(key);
        return n;
    }

    Text text(std::string_view key, Need need)
    {
        Text out{{}, pos_, false};
        const TomlNode* n = lookup(key, need);
        if (!n) return out;
        if (!n->is_string()) {
            type_error(key, *n, tr("a string"));
            return out;
        }
        out.value = ctx_.text_of(*n);
        out.pos = pos_of(*n);
        out.present = true;
        if (need == Need::required && trim(out.value).empty()) empty(key, out.pos);
        return out;
    }

    std::vector<Text> texts(std::string_view key, Need need)
    {
        std::vector<Text> out;
        const TomlNode* n = lookup(key, need);
        if (!n) return out;
        if (!n->is_array()) {
            if (n->is_string())
                // TRANSLATORS: {0} is a key, {1} its value; the end is TOML to type as it is: levels = ["xã"]
                ctx_.sink.report(Rule::bad_type, pos_of(*n),
                                 tr("'{0}' must be an array of strings: write {0} = [\"{1}\"]", key,
                                    n->string));
            else
                type_error(key, *n, tr("an array of strings"));
            return out;
        }
        for (const TomlNode* e : n->items) {
            if (e->is_string())
                out.push_back(Text{ctx_.text_of(*e), pos_of(*e), true});
            else
                // TRANSLATORS: {0} is a key, {1} a kind of value ("a table", "an integer")
                ctx_.sink.report(Rule::bad_type, pos_of(*e), tr("'{0}' must hold strings, not {1}", key, type_name(*e)));
        }
        if (need == Need::required && out.empty() && n->items.empty()) empty(key, pos_of(*n));
        return out;
    }

    std::optional<std::int64_t> integer(std::string_view key, Need need = Need::optional)
    {
        const TomlNode* n = lookup(key, need);
        if (!n) return std::nullopt;
        if (n->kind == TomlKind::integer) return n->integer;
        type_error(key, *n, tr("an integer"));
        return std::nullopt;
    }

    std::optional<bool> boolean(std::string_view key)
    {
        const TomlNode* n = table_.get(key);
        if (!n) return std::nullopt;
        if (n->kind == TomlKind::boolean) return n->boolean;
        type_error(key, *n, tr("true or false"));
        return std::nullopt;
    }

    std::optional<Date> date(std::string_view key, Need need)
    {
        const TomlNode* n = lookup(key, need);
        if (!n) return std::nullopt;
        if (n->kind == TomlKind::date) return n->date;
        type_error(key, *n, tr("a date such as 2025-07-01 (without quotes)"));
        return std::nullopt;
    }

    // The tables of an array of tables, each with its position.
    std::vector<std::pair<const TomlNode*, Pos>> tables(std::string_view key, Need need)
    {
        std::vector<std::pair<const TomlNode*, Pos>> out;
        const TomlNode* n = lookup(key, need);
        if (!n) return out;
        if (!n->is_array()) {
            // TRANSLATORS: {0} is a key; [[{0}]] is TOML, as the file writes it
            type_error(key, *n, tr("an array of tables ([[{0}]])", key));
            return out;
        }
        for (const TomlNode* e : n->items) {
            if (e->is_table())
                out.emplace_back(e, pos_of(*e));
            else
                // TRANSLATORS: {0} is a key, {1} a kind of value ("a string", "an integer")
                ctx_.sink.report(Rule::bad_type, pos_of(*e), tr("'{0}' must hold tables, not {1}", key, type_name(*e)));
        }
        return out;
    }

    void missing(std::string_view key)
    {
        // TRANSLATORS: {0} is a key, {1} its Vietnamese name in brackets (or nothing), {2} a table ("procedure")
        ctx_.sink.report(Rule::missing_key, pos_,
                         tr("missing required key '{0}'{1} in {2}", key, label(key), table_name(what_)));
    }

    // `expected` is in the language of the messages ("an integer").
    void type_error(std::string_view key, const TomlNode& n, std::string_view expected)
    {
        // TRANSLATORS: {0} is a key, {1} what it must be, {2} what it is ("an integer", "a string")
        ctx_.sink.report(Rule::bad_type, pos_of(n), tr("'{0}' must be {1}, not {2}", key, expected, type_name(n)));
    }

    void bad_value(const Text& t, std::string_view key, const std::vector<std::string_view>& allowed)
    {
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "\"" : ", \"") + std::string(a) + "\"";
        // TRANSLATORS: {0} is a key, {1} its value, {2} the values allowed, as TOML strings ("trực tiếp")
        ctx_.sink.report(Rule::bad_value, t.pos, tr("'{0}' is \"{1}\"; expected one of {2}", key, t.value, list));
    }

private:
    void empty(std::string_view key, Pos pos)
    {
        // TRANSLATORS: {0} is a key, {1} its Vietnamese name in brackets (or nothing), {2} a table ("procedure")
        ctx_.sink.report(Rule::missing_key, pos,
                         tr("required key '{0}'{1} is empty in {2}", key, label(key), table_name(what_)));
    }

    std::string label(std::string_view key) const
    {
        for (const auto& k : keys_)
            if (k.name == key && !k.label.empty()) return " (" + std::string(k.label) + ")";
        return {};
    }

    void report_unknown(std::string_view name, Pos pos)
    {
        std::vector<std::string_view> names;
        for (const auto& k : keys_) names.push_back(k.name);
        std::string message;
        if (auto best = closest_match(name, names))
            // TRANSLATORS: {0} is the key as written, {1} a table ("procedure"), {2} the known key closest to it
            message = tr("unknown key '{0}' in {1}; did you mean '{2}'?", name, table_name(what_), *best);
        else
            // TRANSLATORS: {0} is the key as written, {1} a table ("procedure")
            message = tr("unknown key '{0}' in {1}; its value is not read", name, table_name(what_));
        ctx_.sink.report(Rule::unknown_key, pos, std::move(message));
    }

    FileContext& ctx_;
    const TomlNode& table_;
    Pos pos_;
    Table what_;
    std::vector<Key> keys_;
};

bool one_of(std::string_view v, const std::vector<std::string_view>& allowed)
{
    return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
}

const std::vector<std::string_view> channel_kinds = {"trực tiếp", "trực tuyến", "bưu chính"};

std::optional<Duration> read_duration(TableReader& r, const Text& t)
{
    if (!t.present) return std::nullopt;
    auto d = parse_duration(t.value);
    if (!d)
        // TRANSLATORS: {0} is a thời hạn as written; the examples are values to type as they are
        r.ctx().sink.report(Rule::bad_duration, t.pos,
                            tr("thời hạn \"{0}\" is not a duration; write for example \"5 ngày làm việc\", "
                               "\"4 giờ làm việc\", \"30 ngày\", \"Trong ngày\" or \"Ngay\"",
                               t.value));
    return d;
}

std::optional<std::int64_t> read_fee(TableReader& r, std::string_view key, Pos& pos)
{
    const TomlNode* n = r.node(key);
    if (!n) return std::nullopt;
    pos = pos_of(*n);
    if (n->kind == TomlKind::integer) {
        if (n->integer < 0) {
            // TRANSLATORS: {0} is an amount of money as written
            r.ctx().sink.report(Rule::bad_fee, pos, tr("fee {0} is negative", std::to_string(n->integer)));
            return std::nullopt;
        }
        return n->integer;
    }
    if (n->kind == TomlKind::floating) {
        const double v = n->floating;
        std::ostringstream os;
        os << v;
        if (!std::isfinite(v) || v != std::floor(v)) {
            // TRANSLATORS: {0} is an amount of money as written, e.g. 2.5
            r.ctx().sink.report(Rule::bad_fee, pos,
                                tr("fee {0} is fractional; write the whole amount per dossier", os.str()));
            return std::nullopt;
        }
        if (v < 0) {
            r.ctx().sink.report(Rule::bad_fee, pos, tr("fee {0} is negative", os.str()));
            return std::nullopt;
        }
        return static_cast<std::int64_t>(v);
    }
    r.type_error(key, *n, tr("an integer amount"));
    return std::nullopt;
}

void check_code(TableReader& r, const Text& t)
{
    if (t.present && !t.value.empty() && !parse_code(t.value))
        // TRANSLATORS: {0} is a code as written; TAM-<slug> is a temporary code: TAM- and a name without diacritics
        r.ctx().sink.report(Rule::bad_code, t.pos,
                            tr("\"{0}\" is not a procedure code: expected a national code such as 1.001193, a "
                               "provincial instance such as 1.001612.000.00.00.H48 or 1.012753.H19, or TAM-<slug>",
                               t.value));
}

std::vector<ResultDoc> convert_results(TableReader& r)
{
    FileContext& ctx = r.ctx();
    std::vector<ResultDoc> out;
    for (const auto& [tab, tpos] : r.tables("results", Need::optional)) {
        TableReader rr(ctx, *tab, tpos, Table::results, {{"name", "tên kết quả"}, {"code", "mã kết quả"}});
        ResultDoc res;
        res.pos = tpos;
        res.name = rr.text("name", Need::required);
        res.code = rr.text("code", Need::optional);
        out.push_back(std::move(res));
    }
    return out;
}

// cách thức thực hiện: each channel with its thời hạn and fee.
std::vector<Channel> convert_channels(TableReader& r)
{
    FileContext& ctx = r.ctx();
    std::vector<Channel> out;
    const auto channels = r.tables("channels", Need::required);
    if (r.node("channels") && channels.empty() && r.node("channels")->is_array())
        ctx.sink.report(Rule::missing_key, pos_of(*r.node("channels")),
                        tr("a procedure needs at least one channels entry (cách thức thực hiện)"));
    for (const auto& [tab, tpos] : channels) {
        TableReader rc(ctx, *tab, tpos, Table::channels,
                       {{"kind", "hình thức nộp"}, {"time", "thời hạn giải quyết"}, {"fee", "phí, lệ phí"},
                        {"currency", ""}, {"fee_note", ""}, {"case", "trường hợp"}, {"note", "mô tả"}});
        Channel c;
        c.pos = tpos;
        c.kind = rc.text("kind", Need::required);
        if (c.kind.present && !c.kind.value.empty() && !one_of(c.kind.value, channel_kinds))
            rc.bad_value(c.kind, "kind", channel_kinds);
        c.time = rc.text("time", Need::required);
        if (c.time.present && !trim(c.time.value).empty()) c.duration = read_duration(rc, c.time);
        c.fee = read_fee(rc, "fee", c.fee_pos);
        c.currency = rc.text("currency", Need::optional);
        if (c.currency.present && !is_known_currency(c.currency.value))
            // TRANSLATORS: {0} is a currency as written, e.g. VNĐ
            ctx.sink.report(Rule::unknown_currency, c.currency.pos,
                            tr("currency \"{0}\" is not a known ISO 4217 code (VND, USD, EUR, ...)", c.currency.value));
        c.fee_note = rc.text("fee_note", Need::optional);
        c.case_name = rc.text("case", Need::optional);
        c.note = rc.text("note", Need::optional);
        out.push_back(std::move(c));
    }
    return out;
}

// thành phần hồ sơ; an empty one needs `conditions` to say why.
std::vector<DossierItem> convert_dossier(TableReader& r, const Text& conditions)
{
    FileContext& ctx = r.ctx();
    std::vector<DossierItem> out;
    const TomlNode* dossier_node = r.node("dossier");
    for (const auto& [tab, tpos] : r.tables("dossier", Need::required)) {
        TableReader rd(ctx, *tab, tpos, Table::dossier,
                       {{"name", "tên giấy tờ"}, {"form", "mẫu đơn, tờ khai"}, {"originals", "số bản chính"},
                        {"copies", "số bản sao"}, {"case", "trường hợp"}, {"present_only", "giấy tờ xuất trình"}});
        DossierItem d;
        d.pos = tpos;
        d.name = rd.text("name", Need::required);
        d.form = rd.text("form", Need::optional);
        for (auto [key, slot] : {std::pair{"originals", &d.originals}, std::pair{"copies", &d.copies}}) {
            if (auto v = rd.integer(key)) {
                if (*v < 0)
                    // TRANSLATORS: {0} is originals or copies (số bản chính, số bản sao), {1} a number
                    ctx.sink.report(Rule::bad_value, pos_of(*rd.node(key)),
                                    tr("'{0}' is {1}; a count cannot be negative", key, std::to_string(*v)));
                else
                    *slot = *v;
            }
        }
        d.case_name = rd.text("case", Need::optional);
        d.present_only = rd.boolean("present_only").value_or(false);
        out.push_back(std::move(d));
    }
    if (dossier_node && dossier_node->is_array() && dossier_node->items.empty() &&
        trim(conditions.value).empty())
        ctx.sink.report(Rule::empty_dossier, pos_of(*dossier_node),
                        tr("dossier (thành phần hồ sơ) is empty and conditions does not say why no dossier is "
                           "needed"));
    return out;
}

// căn cứ pháp lý: each legal document with its số ký hiệu checked.
std::vector<LegalBasis> convert_legal_basis(TableReader& r)
{
    FileContext& ctx = r.ctx();
    std::vector<LegalBasis> out;
    const TomlNode* basis_node = r.node("legal_basis");
    for (const auto& [tab, tpos] : r.tables("legal_basis", Need::required)) {
        TableReader rl(ctx, *tab, tpos, Table::legal_basis,
                       {{"number", "số ký hiệu"}, {"title", "trích yếu"}, {"issued", "ngày ban hành"},
                        {"issuer", "cơ quan ban hành"}});
        LegalBasis b;
        b.pos = tpos;
        b.number = rl.text("number", Need::optional);
        if (!b.number.present)
            rl.missing("number");
        else if (trim(b.number.value).empty())
            ctx.sink.report(Rule::no_legal_number, b.number.pos,
                            tr("legal basis has no số ký hiệu; it cannot be traced (write the number when the "
                               "document has one)"));
        else if (!parse_legal_number(b.number.value))
            // TRANSLATORS: {0} is a số ký hiệu as written
            ctx.sink.report(Rule::bad_legal_number, b.number.pos,
                            tr("\"{0}\" is not a số ký hiệu; expected for example 123/2015/NĐ-CP or 280/QĐ-UBND",
                               b.number.value),
                            spaced_number_fix(b.number));
        b.title = rl.text("title", Need::required);
        b.issued = rl.date("issued", Need::optional);
        b.issuer = rl.text("issuer", Need::optional);
        out.push_back(std::move(b));
    }
    if (basis_node && basis_node->is_array() && basis_node->items.empty())
        ctx.sink.report(Rule::missing_key, pos_of(*basis_node),
                        tr("a procedure needs at least one legal_basis entry (căn cứ pháp lý)"));
    return out;
}

Procedure convert_procedure(FileContext& ctx, const TomlNode& t, Pos pos, bool abolished)
{
    TableReader r(ctx, t, pos, Table::procedure,
                  {{"code", "mã thủ tục"}, {"name", "tên thủ tục"}, {"field", "lĩnh vực"},
                   {"levels", "cấp thực hiện"}, {"kind", "loại thủ tục"}, {"subjects", "đối tượng thực hiện"},
                   {"agency", "cơ quan thực hiện"}, {"authority", "cơ quan có thẩm quyền"},
                   {"delegated", "cơ quan được ủy quyền"}, {"coordinating", "cơ quan phối hợp"},
                   {"address", "địa chỉ tiếp nhận hồ sơ"}, {"online", "mức độ dịch vụ công trực tuyến"},
                   {"conditions", "yêu cầu, điều kiện"}, {"steps", "trình tự thực hiện"},
                   {"related", "thủ tục liên quan"}, {"results", "kết quả thực hiện"},
                   {"channels", "cách thức thực hiện"}, {"dossier", "thành phần hồ sơ"},
                   {"legal_basis", "căn cứ pháp lý"}});
    Procedure p;
    p.pos = pos;
    p.abolished = abolished;
    p.code = r.text("code", Need::required);
    if (p.code.present && !p.code.value.empty()) {
        p.parsed_code = parse_code(p.code.value);
        check_code(r, p.code);
    }
    p.name = r.text("name", Need::required);
    p.field = r.text("field", Need::required);
    p.levels = r.texts("levels", Need::required);
    for (const auto& l : p.levels)
        if (!one_of(l.value, {"bộ", "tỉnh", "huyện", "xã", "khác"}))
            // TRANSLATORS: {0} is a cấp thực hiện as written; the values allowed are TOML strings to type as such
            ctx.sink.report(Rule::bad_level, l.pos,
                            tr("cấp thực hiện \"{0}\" is not a level; expected one of \"bộ\", \"tỉnh\", "
                               "\"huyện\", \"xã\", \"khác\"",
                               l.value));
    p.kind = r.text("kind", Need::optional);
    p.subjects = r.texts("subjects", Need::optional);
    p.agency = r.text("agency", Need::required);
    p.authority = r.text("authority", Need::optional);
    p.delegated = r.text("delegated", Need::optional);
    p.coordinating = r.text("coordinating", Need::optional);
    p.address = r.text("address", Need::optional);
    p.online = r.text("online", Need::optional);
    if (p.online.present && !one_of(p.online.value, {"toàn trình", "một phần", "không"}))
        r.bad_value(p.online, "online", {"toàn trình", "một phần", "không"});
    p.conditions = r.text("conditions", Need::optional);
    p.steps = r.texts("steps", Need::optional);
    p.related = r.texts("related", Need::optional);
    for (const auto& c : p.related) check_code(r, c);

    p.results = convert_results(r);

    p.channels = convert_channels(r);

    p.dossier = convert_dossier(r, p.conditions);

    p.legal_basis = convert_legal_basis(r);
    return p;
}

CatalogInfo convert_catalog_info(FileContext& ctx, const TomlNode& t, Pos pos)
{
    TableReader r(ctx, t, pos, Table::catalog,
                  {{"id", ""}, {"name", "tên bộ thủ tục"}, {"authority", "cơ quan công bố"},
                   {"authority_kind", ""}, {"agency_id", "mã định danh cơ quan"}, {"place", "địa danh"},
                   {"hours_per_day", "giờ làm việc mỗi ngày"}, {"hour_value", "chi phí một giờ"},
                   {"special_zones", "đặc khu"}});
    CatalogInfo c;
    c.pos = pos;
    c.id = r.text("id", Need::required);
    if (c.id.present && !c.id.value.empty() &&
        c.id.value.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
        ctx.sink.report(Rule::bad_value, c.id.pos,
                        tr("catalog id \"{0}\" may hold only a-z, 0-9 and '-'", c.id.value));
    c.name = r.text("name", Need::required);
    c.authority = r.text("authority", Need::required);
    c.authority_kind = r.text("authority_kind", Need::required);
    if (c.authority_kind.present && !one_of(c.authority_kind.value, {"province", "ministry"}))
        r.bad_value(c.authority_kind, "authority_kind", {"province", "ministry"});
    c.agency_id = r.text("agency_id", Need::optional);
    c.place = r.text("place", Need::required);
    if (auto h = r.integer("hours_per_day")) {
        if (*h < 1 || *h > 24)
            ctx.sink.report(Rule::bad_value, pos_of(*r.node("hours_per_day")),
                            tr("hours_per_day is {0}; expected 1 to 24", std::to_string(*h)));
        else
            c.hours_per_day = static_cast<int>(*h);
    }
    if (auto v = r.integer("hour_value")) {
        if (*v < 0)
            ctx.sink.report(Rule::bad_value, pos_of(*r.node("hour_value")), tr("hour_value cannot be negative"));
        else
            c.hour_value = *v;
    }
    c.special_zones = r.boolean("special_zones").value_or(false);
    return c;
}

LegalDocument convert_legal_document(FileContext& ctx, const TomlNode& t, Pos pos)
{
    TableReader r(ctx, t, pos, Table::legal_document,
                  {{"number", "số ký hiệu"}, {"kind", "loại văn bản"}, {"title", "trích yếu"},
                   {"issued", "ngày ban hành"}, {"issuer", "cơ quan ban hành"}, {"amends", "văn bản được sửa đổi"},
                   {"amends_procedures", "thủ tục được sửa đổi"}, {"abolishes_procedures", "thủ tục bị bãi bỏ"}});
    LegalDocument d;
    d.pos = pos;
    d.number = r.text("number", Need::required);
    if (d.number.present && !d.number.value.empty() && !parse_legal_number(d.number.value))
        // TRANSLATORS: {0} is a số ký hiệu as written
        ctx.sink.report(Rule::bad_legal_number, d.number.pos,
                        tr("\"{0}\" is not a số ký hiệu; expected for example 123/2015/NĐ-CP", d.number.value),
                        spaced_number_fix(d.number));
    d.kind = r.text("kind", Need::optional);
    d.title = r.text("title", Need::optional);
    d.issued = r.date("issued", Need::optional);
    d.issuer = r.text("issuer", Need::optional);
    d.amends = r.texts("amends", Need::optional);
    for (const auto& a : d.amends)
        if (!a.value.empty() && !parse_legal_number(a.value))
            // TRANSLATORS: {0} is a số ký hiệu as written
            ctx.sink.report(Rule::bad_legal_number, a.pos, tr("\"{0}\" is not a số ký hiệu", a.value),
                            spaced_number_fix(a));
    d.amends_procedures = r.texts("amends_procedures", Need::optional);
    d.abolishes_procedures = r.texts("abolishes_procedures", Need::optional);
    for (const auto* list : {&d.amends_procedures, &d.abolishes_procedures})
        for (const auto& c : *list) check_code(r, c);
    return d;
}

FieldInfo convert_field(FileContext& ctx, const TomlNode& t, Pos pos)
{
    TableReader r(ctx, t, pos, Table::field,
                  {{"name", "lĩnh vực"}, {"department", "cơ quan chuyên môn quản lý"}, {"ministry", "bộ quản lý"}});
    FieldInfo f;
    f.pos = pos;
    f.name = r.text("name", Need::required);
    f.department = r.text("department", Need::optional);
    f.ministry = r.text("ministry", Need::optional);
    return f;
}

Unit convert_unit(FileContext& ctx, const TomlNode& t, Pos pos)
{
    TableReader r(ctx, t, pos, Table::unit, {{"id", ""}, {"name", "tên đơn vị"}, {"parent", "đơn vị cấp trên"}});
    Unit u;
    u.pos = pos;
    u.id = r.text("id", Need::required);
    u.name = r.text("name", Need::required);
    u.parent = r.text("parent", Need::optional);
    return u;
}

Process convert_process(FileContext& ctx, const TomlNode& t, Pos pos)
{
    TableReader r(ctx, t, pos, Table::process,
                  {{"procedure", "mã thủ tục"}, {"channel", "cách thức thực hiện"}, {"steps", "các bước"}});
    Process p;
    p.pos = pos;
    p.procedure = r.text("procedure", Need::required);
    check_code(r, p.procedure);
    p.channel = r.text("channel", Need::optional);
    if (p.channel.present && !one_of(p.channel.value, channel_kinds)) r.bad_value(p.channel, "channel", channel_kinds);
    for (const auto& [tab, tpos] : r.tables("steps", Need::required)) {
        TableReader rs(ctx, *tab, tpos, Table::process_step,
                       {{"unit", "đơn vị thực hiện"}, {"task", "nội dung công việc"}, {"time", "thời gian"},
                        {"counted", ""}, {"output", "kết quả"}});
        ProcessStep s;
        s.pos = tpos;
        s.unit = rs.text("unit", Need::required);
        s.task = rs.text("task", Need::required);
        s.time = rs.text("time", Need::required);
        if (s.time.present && !trim(s.time.value).empty()) s.duration = read_duration(rs, s.time);
        s.counted = rs.boolean("counted").value_or(true);
        s.output = rs.text("output", Need::optional);
        p.steps.push_back(std::move(s));
    }
    return p;
}

Plan convert_plan(FileContext& ctx, const TomlNode& t, Pos pos)
{
    TableReader r(ctx, t, pos, Table::plan,
                  {{"id", ""}, {"procedure", "mã thủ tục"}, {"dossiers_per_year", "số hồ sơ/năm"},
                   {"reason", "lý do"}, {"recommendation", "kiến nghị thực thi"}, {"changes", "nội dung"}});
    Plan p;
    p.pos = pos;
    p.id = r.text("id", Need::required);
    p.procedure = r.text("procedure", Need::required);
    check_code(r, p.procedure);
    if (auto n = r.integer("dossiers_per_year")) {
        if (*n < 0)
            ctx.sink.report(Rule::bad_value, pos_of(*r.node("dossiers_per_year")),
                            tr("dossiers_per_year cannot be negative"));
        else
            p.dossiers_per_year = *n;
    }
    p.reason = r.text("reason", Need::optional);
    p.recommendation = r.text("recommendation", Need::optional);
    static const std::vector<std::string_view> kinds = {"remove-dossier", "set-time", "set-fee",
                                                                      "add-channel", "abolish"};
    for (const auto& [tab, tpos] : r.tables("changes", Need::required)) {
        TableReader rc(ctx, *tab, tpos, Table::plan_change,
                       {{"kind", ""}, {"item", "thành phần hồ sơ"}, {"channel", "cách thức"}, {"time", "thời hạn"},
                        {"fee", "phí, lệ phí"}, {"currency", ""}});
        PlanChange c;
        c.pos = tpos;
        c.kind = rc.text("kind", Need::required);
        const std::string& k = c.kind.value;
        if (c.kind.present && !one_of(k, kinds)) rc.bad_value(c.kind, "kind", kinds);
        c.item = rc.text("item", k == "remove-dossier" ? Need::required : Need::optional);
        c.channel = rc.text("channel", (k == "set-time" || k == "set-fee" || k == "add-channel") ? Need::required
                                                                                                 : Need::optional);
        if (c.channel.present && c.channel.value != "*" && !one_of(c.channel.value, channel_kinds))
            rc.bad_value(c.channel, "channel", {"*", "trực tiếp", "trực tuyến", "bưu chính"});
        c.time = rc.text("time", (k == "set-time" || k == "add-channel") ? Need::required : Need::optional);
        if (c.time.present && !trim(c.time.value).empty()) c.duration = read_duration(rc, c.time);
        Pos fee_pos;
        c.fee = read_fee(rc, "fee", fee_pos);
        if (k == "set-fee" && !rc.node("fee")) rc.missing("fee");
        c.currency = rc.text("currency", Need::optional);
        if (c.currency.present && !is_known_currency(c.currency.value))
            ctx.sink.report(Rule::unknown_currency, c.currency.pos,
                            tr("currency \"{0}\" is not a known ISO 4217 code (VND, USD, EUR, ...)", c.currency.value));
        p.changes.push_back(std::move(c));
    }
    return p;
}

std::vector<Text> read_codes(TableReader& r, std::string_view key)
{
    auto codes = r.texts(key, Need::optional);
    for (const auto& c : codes) check_code(r, c);
    return codes;
}

Decision convert_decision(FileContext& ctx, const TomlNode& t, Pos pos)
{
    TableReader r(ctx, t, pos, Table::decision,
                  {{"number", "số ký hiệu"}, {"date", "ngày ký"}, {"title", "trích yếu"},
                   {"effective", "ngày có hiệu lực"}, {"signer", "người ký"}, {"signer_title", "chức vụ"},
                   {"sign_mode", "thẩm quyền ký"}, {"basis", "căn cứ"}, {"new", "mới ban hành"},
                   {"amended", "sửa đổi, bổ sung"}, {"replaced", "thay thế"}, {"abolished", "bãi bỏ"},
                   {"processes", "quy trình nội bộ"}});
    Decision d;
    d.pos = pos;
    d.number = r.text("number", Need::required);
    if (d.number.present && !d.number.value.empty() && !parse_legal_number(d.number.value))
        // TRANSLATORS: {0} is a số ký hiệu as written
        ctx.sink.report(Rule::bad_legal_number, d.number.pos,
                        tr("\"{0}\" is not a số ký hiệu; expected for example 280/QĐ-UBND", d.number.value),
                        spaced_number_fix(d.number));
    d.date = r.date("date", Need::required);
    d.title = r.text("title", Need::required);
    d.effective = r.date("effective", Need::required);
    d.signer = r.text("signer", Need::optional);
    d.signer_title = r.text("signer_title", Need::optional);
    d.sign_mode = r.text("sign_mode", Need::optional);
    if (d.sign_mode.present && !is_sign_mode(d.sign_mode.value))
        // TRANSLATORS: {0} is a sign_mode as written; TM., KT., Q., TL., TUQ. are the marks of who signs
        ctx.sink.report(Rule::bad_value, d.sign_mode.pos,
                        tr("sign_mode \"{0}\" must start with TM., KT., Q., TL. or TUQ.", d.sign_mode.value));
    d.basis = r.texts("basis", Need::optional);
    d.new_codes = read_codes(r, "new");
    d.amended = read_codes(r, "amended");
    d.abolished = read_codes(r, "abolished");
    d.processes = read_codes(r, "processes");
    for (const auto& [tab, tpos] : r.tables("replaced", Need::optional)) {
        TableReader rr(ctx, *tab, tpos, Table::replaced, {{"old", "thủ tục bị thay thế"}, {"new", "thủ tục thay thế"}});
        Replacement rep;
        rep.pos = tpos;
        rep.old_code = rr.text("old", Need::required);
        rep.new_code = rr.text("new", Need::required);
        check_code(rr, rep.old_code);
        check_code(rr, rep.new_code);
        d.replaced.push_back(std::move(rep));
    }
    return d;
}

// ---- files -------------------------------------------------------------


struct FileResult {
    std::optional<CatalogInfo> info;
    std::vector<Procedure> procedures, abolished;
    std::vector<Unit> units;
    std::vector<Process> processes;
    std::vector<Plan> plans;
    std::vector<Decision> decisions;
    std::vector<LegalDocument> legal_documents;
    std::vector<FieldInfo> fields;
    std::vector<Diagnostic> diagnostics;
};

std::string line_at(std::string_view text, std::uint32_t line)
{
    std::size_t start = 0;
    for (std::uint32_t l = 1; l < line; ++l) {
        const std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) return {};
        start = nl + 1;
    }
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view s = text.substr(start, end - start);
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    return std::string(s);
}

// toml++'s messages, reworded where a person would not recognise the cause.
std::string syntax_message(std::string_view description, const std::string& line, Pos p)
{
    const bool at_end_of_line = code_points(line) < p.column;
    if (description.find("unescaped control characters") != std::string_view::npos && at_end_of_line)
        return tr("the string is not closed: a closing quote (\") is missing at the end of this line");
    constexpr std::string_view prefix = "Error while parsing ";
    if (description.starts_with(prefix)) {
        description.remove_prefix(prefix.size());
        const std::size_t colon = description.find(": ");
        if (colon != std::string_view::npos)
            // TRANSLATORS: {0} is what was being read ("boolean"), {1} the parser's words (toml++, in English)
            return tr("invalid TOML ({0}): {1}", description.substr(0, colon), description.substr(colon + 2));
    }
    // TRANSLATORS: {0} is the parser's words (toml++, in English)
    return tr("invalid TOML: {0}", description);
}

template <class F>
void each_table(TableReader& r, std::string_view key, F&& f)
{
    for (const auto& [tab, tpos] : r.tables(key, Need::optional)) f(*tab, tpos);
}

// The [catalog] table of catalog.toml or of a single-file catalog (required).
void read_catalog_table(FileContext& ctx, TableReader& r, const TomlNode& root, FileResult& out)
{
    if (const TomlNode* n = root.get("catalog")) {
        if (n->is_table())
            out.info = convert_catalog_info(ctx, *n, pos_of(*n));
        else
            r.type_error("catalog", *n, tr("a table ([catalog])"));
    } else {
        r.missing("catalog");
    }
}

void convert_single(FileContext& ctx, const TomlNode& root, FileResult& out)
{
    // A file with a code and no [catalog] is one procedure on its own (an
    // editor linting the file it has open).
    if (!root.contains("catalog") && root.contains("code")) {
        out.procedures.push_back(convert_procedure(ctx, root, Pos{1, 1}, false));
        return;
    }
    TableReader r(ctx, root, Pos{1, 1}, Table::catalog_file,
                  {{"catalog", ""}, {"procedure", ""}, {"abolished", ""}, {"process", ""}, {"plan", ""},
                   {"decision", ""}, {"unit", ""}, {"legal_document", ""}, {"field", ""}});
    read_catalog_table(ctx, r, root, out);
    each_table(r, "procedure", [&](const TomlNode& t, Pos p) {
        out.procedures.push_back(convert_procedure(ctx, t, p, false));
    });
    each_table(r, "abolished", [&](const TomlNode& t, Pos p) {
        out.abolished.push_back(convert_procedure(ctx, t, p, true));
    });
    each_table(r, "unit", [&](const TomlNode& t, Pos p) { out.units.push_back(convert_unit(ctx, t, p)); });
    each_table(r, "process", [&](const TomlNode& t, Pos p) { out.processes.push_back(convert_process(ctx, t, p)); });
    each_table(r, "plan", [&](const TomlNode& t, Pos p) { out.plans.push_back(convert_plan(ctx, t, p)); });
    each_table(r, "decision", [&](const TomlNode& t, Pos p) { out.decisions.push_back(convert_decision(ctx, t, p)); });
    each_table(r, "legal_document", [&](const TomlNode& t, Pos p) {
        out.legal_documents.push_back(convert_legal_document(ctx, t, p));
    });
    each_table(r, "field", [&](const TomlNode& t, Pos p) { out.fields.push_back(convert_field(ctx, t, p)); });
}

void convert_file(FileKind kind, FileContext& ctx, const TomlNode& root, const fs::path& path, FileResult& out)
{
    const Pos top{1, 1};
    switch (kind) {
    case FileKind::single: convert_single(ctx, root, out); return;
    case FileKind::catalog: {
        TableReader r(ctx, root, top, Table::catalog_toml, {{"catalog", ""}, {"field", "lĩnh vực"}});
        read_catalog_table(ctx, r, root, out);
        each_table(r, "field", [&](const TomlNode& t, Pos p) { out.fields.push_back(convert_field(ctx, t, p)); });
        return;
    }
    case FileKind::legal: {
        TableReader r(ctx, root, top, Table::legal_toml, {{"document", "văn bản"}});
        each_table(r, "document", [&](const TomlNode& t, Pos p) {
            out.legal_documents.push_back(convert_legal_document(ctx, t, p));
        });
        return;
    }
    case FileKind::units: {
        TableReader r(ctx, root, top, Table::units_toml, {{"unit", "đơn vị"}});
        each_table(r, "unit", [&](const TomlNode& t, Pos p) { out.units.push_back(convert_unit(ctx, t, p)); });
        return;
    }
    case FileKind::procedure:
    case FileKind::abolished: {
        Procedure p = convert_procedure(ctx, root, top, kind == FileKind::abolished);
        const std::string stem = path.stem().string();
        if (p.code.present && !p.code.value.empty() && stem != p.code.value)
            // TRANSLATORS: {0} is the file's name, {1} the procedure code written in it
            ctx.sink.report(Rule::file_name, p.code.pos,
                            tr("file name \"{0}\" does not match code \"{1}\"; name the file {1}.toml",
                               path.filename().string(), p.code.value));
        (kind == FileKind::abolished ? out.abolished : out.procedures).push_back(std::move(p));
        return;
    }
    case FileKind::process: out.processes.push_back(convert_process(ctx, root, top)); return;
    case FileKind::plan: out.plans.push_back(convert_plan(ctx, root, top)); return;
    case FileKind::decision: out.decisions.push_back(convert_decision(ctx, root, top)); return;
    }
}

FileResult load_text(FileKind kind, std::string_view text, const std::string& display, const fs::path& path)
{
    FileResult out;
    FileContext ctx(display);
    thread_local TomlTree tree;  // one per thread, cleared per file
    TomlSyntaxError error;
    if (!parse_toml(text, tree, error)) {
        // toml++ rejects invalid UTF-8 too; say so in our words, at the first
        // bad byte (checked only here: a valid file does not pay for it).
        if (auto bad = find_invalid_utf8(text)) {
            ctx.sink.report(Rule::invalid_utf8, *bad, tr("invalid UTF-8 byte; the file must be saved as UTF-8"));
            out.diagnostics = std::move(ctx.sink.diagnostics());
            return out;
        }
        const Pos p = error.pos;
        std::string line = line_at(text, p.line);
        ctx.sink.report(Rule::toml_syntax, p, syntax_message(error.description, line, p));
        ctx.sink.diagnostics().back().source_line = std::move(line);
        out.diagnostics = std::move(ctx.sink.diagnostics());
        return out;
    }
    convert_file(kind, ctx, tree.root(), path, out);
    ctx.finish();
    out.diagnostics = std::move(ctx.sink.diagnostics());
    return out;
}

FileResult load_job(const CatalogFile& job, const SkipFile& skip = {}, std::size_t index = 0)
{
    if (skip.unread && skip.unread(index)) return {};
    thread_local std::string text;  // reused: the TOML tree's views into it serve only load_text
    ReadRefusal why;
    const bool read = job.source ? job.source->read(job.path, job.id, text, why) : try_read_regular_file(job.path, text, why);
    if (!read) {
        FileResult out;
        DiagnosticSink sink(job.display);
        sink.report(Rule::io_error, Pos{}, refusal_message(why));
        out.diagnostics = std::move(sink.diagnostics());
        return out;
    }
    if (skip.read && skip.read(index, text)) return {};
    return load_text(job.kind, text, job.display, job.path);
}

// The catalog root as shown in paths: normalised, without a trailing '/'.
std::string display_root(const std::string& root)
{
    std::string r = fs::path(root).lexically_normal().generic_string();
    while (r.size() > 1 && r.back() == '/') r.pop_back();
    return r;
}

std::string display_path(const std::string& shown_root, const std::string& rel)
{
    if (rel.empty()) return shown_root;
    if (shown_root == ".") return rel;
    return shown_root.back() == ':' ? shown_root + rel : shown_root + "/" + rel;  // "HEAD:" is a repository's root
}

// The files of a directory catalog, in a stable order. Paths are built as
// strings: at national scale (70,000 files) std::filesystem::path arithmetic
// per file costs more than reading the directory.
std::vector<CatalogFile> discover(const std::shared_ptr<const FileSource>& source, std::vector<Diagnostic>& diags,
                                  const EnterDirectory& enter)
{
    std::vector<CatalogFile> jobs;
    const std::string shown = source->local() ? display_root(source->display()) : source->display();
    static const std::pair<std::string_view, FileKind> folders[] = {
        {"procedures", FileKind::procedure}, {"abolished", FileKind::abolished}, {"processes", FileKind::process},
        {"plans", FileKind::plan},           {"decisions", FileKind::decision},
    };
    static const std::pair<std::string_view, FileKind> top_files[] = {
        {"catalog.toml", FileKind::catalog}, {"units.toml", FileKind::units}, {"legal.toml", FileKind::legal}};
    bool has_catalog = false;
    auto add = [&](FileKind kind, const std::string& rel, const SourceEntry& e) {
        jobs.push_back({kind, display_path(shown, rel), rel, source->path_of(rel), source, e.id});
    };
    std::string error;
    // the lock and the journal (io/journal.hpp) are in .tthc, never read
    source->walk(
        [&](const SourceEntry& e) {
            const std::string& rel = e.relative;
            if (e.type == EntryType::directory && enter && !e.id.empty() && !enter(rel, e.id)) return false;
            const bool toml = rel.size() >= 5 && rel.compare(rel.size() - 5, 5, ".toml") == 0;
            if (toml && rel.find('/') == std::string::npos) {
                // a symbolic link or a FIFO here is listed, and refused by load_job without being opened
                const auto top = std::find_if(std::begin(top_files), std::end(top_files),
                                              [&](const auto& f) { return rel == f.first; });
                if (top != std::end(top_files)) {
                    if (e.type == EntryType::directory) return true;
                    if (top->second == FileKind::catalog) has_catalog = true;
                    add(top->second, rel, e);
                    return true;
                }
            }
            // Untrusted input (a pull request): a link is never followed, a FIFO
            // or a device never opened; the finding names it without reading it.
            if (e.type == EntryType::symlink && (toml || e.link_to_directory)) {
                diags.push_back({display_path(shown, rel), Pos{}, Severity::error, Rule::io_error,
                                 refusal_message(ReadRefusal::symlink), {}, {}});
                return true;
            }
            if (!toml) return true;
            if (e.type != EntryType::regular) {
                if (e.type != EntryType::directory)
                    diags.push_back({display_path(shown, rel), Pos{}, Severity::error, Rule::io_error,
                                     refusal_message(ReadRefusal::not_regular), {}, {}});
                return true;
            }
            const std::size_t slash = rel.find('/');
            const std::string_view top = slash == std::string::npos ? std::string_view() : std::string_view(rel).substr(0, slash);
            const auto folder = std::find_if(std::begin(folders), std::end(folders),
                                             [&](const auto& f) { return top == f.first; });
            if (folder == std::end(folders)) {
                diags.push_back({display_path(shown, rel), Pos{}, Severity::warning, Rule::unknown_file,
                                 tr("this TOML file is outside procedures/, abolished/, processes/, plans/ and "
                                    "decisions/ and is not read"),
                                 {}, {}});
                return true;
            }
            add(folder->second, rel, e);
            return true;
        },
        ".tthc", error);
    if (!has_catalog)
        diags.push_back({display_path(shown, "catalog.toml"), Pos{}, Severity::error, Rule::missing_file,
                         tr("no catalog.toml: a catalog directory needs one with a [catalog] table"), {}, {}});
    if (!error.empty()) diags.push_back({display_path(shown, ""), Pos{}, Severity::error, Rule::io_error, error, {}, {}});
    std::sort(jobs.begin(), jobs.end(), [](const CatalogFile& a, const CatalogFile& b) { return a.display < b.display; });
    return jobs;
}

template <class T>
void append(std::vector<T>& to, std::vector<T>& from, std::size_t file)
{
    for (auto& x : from) {
        x.file = file;
        to.push_back(std::move(x));
    }
}

void merge(Catalog& c, std::vector<Diagnostic>& diags, FileResult& r, const std::string& display)
{
    const std::size_t file = c.files.size();
    c.files.push_back(display);
    if (r.info) {
        c.info = std::move(*r.info);
        c.info.file = file;
    }
    append(c.procedures, r.procedures, file);
    append(c.abolished, r.abolished, file);
    append(c.units, r.units, file);
    append(c.processes, r.processes, file);
    append(c.plans, r.plans, file);
    append(c.decisions, r.decisions, file);
    append(c.legal_documents, r.legal_documents, file);
    append(c.fields, r.fields, file);
    for (auto& d : r.diagnostics) diags.push_back(std::move(d));
}

}  // namespace

std::vector<CatalogFile> list_catalog_files(const std::string& path, std::vector<Diagnostic>& diags,
                                            const EnterDirectory& enter)
{
    const std::shared_ptr<const FileSource> source = open_source(path);
    switch (source->root_type()) {
    case EntryType::missing: throw Error(tr("cannot read '{0}': no such file or directory", path));
    case EntryType::regular: {
        const std::string in_source = source->path_of("");
        const std::string shown = source->local() ? fs::path(path).lexically_normal().generic_string() : source->display();
        return {CatalogFile{FileKind::single, shown, fs::path(in_source).filename().string(), in_source, source, {}}};
    }
    case EntryType::directory:
        if (source->local()) refuse_if_interrupted(path);
        return discover(source, diags, enter);
    default: throw Error(tr("cannot read '{0}': neither a file nor a directory", path));
    }
}

LoadResult load_files(const std::string& root, const std::vector<CatalogFile>& jobs, const LoadOptions& options)
{
    LoadResult result;
    result.catalog.root = root;
    std::vector<FileResult> results(jobs.size());
    parallel_for(jobs.size(), options.threads,
                 [&](std::size_t i) { results[i] = load_job(jobs[i], options.skip, options.first_index + i); });
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        merge(result.catalog, result.diagnostics, results[i], jobs[i].display);
        results[i] = FileResult{};  // release as we go
    }
    sort_diagnostics(result.diagnostics);
    return result;
}

LoadResult load_catalog(const std::string& path, const LoadOptions& options)
{
    std::vector<Diagnostic> layout;
    const std::vector<CatalogFile> files = list_catalog_files(path, layout);
    LoadResult result = load_files(path, files, options);
    result.diagnostics.insert(result.diagnostics.end(), layout.begin(), layout.end());
    sort_diagnostics(result.diagnostics);
    return result;
}

LoadResult load_catalog_text(std::string_view text, const std::string& display_path_)
{
    LoadResult result;
    result.catalog.root = display_path_;
    FileResult r = load_text(FileKind::single, text, display_path_, fs::path(display_path_));
    merge(result.catalog, result.diagnostics, r, display_path_);
    sort_diagnostics(result.diagnostics);
    return result;
}

LoadResult load_file_text(FileKind kind, std::string_view text, const std::string& display, const std::string& path)
{
    LoadResult result;
    result.catalog.root = display;
    FileResult r = load_text(kind, text, display, fs::path(path));
    merge(result.catalog, result.diagnostics, r, display);
    sort_diagnostics(result.diagnostics);
    return result;
}

}  // namespace tthc
