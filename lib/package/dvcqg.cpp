// The national format both ways (tthc-dvcqg(5)). Writing follows the keys the
// consumers read (HuanVu201/DichVuCong_KhoaLuan_PASETO, VietOpenCPS/opencps-v2):
// every key they read without checking is written, empty when the catalog has
// no value. Each value that the national keys cannot give back exactly goes
// into X_TTHC, decided by asking the reader: what the reader would rebuild
// from the national keys is compared with the catalog's value.
#include "package/dvcqg.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <regex>
#include <tuple>
#include <filesystem>
#include <map>
#include <set>

#include "catalog/catalog_writer.hpp"
#include "catalog/ledger.hpp"
#include "catalog/loader.hpp"
#include "checks/lint.hpp"
#include "io/files.hpp"
#include "package/dvcqg_json.hpp"
#include "util/i18n.hpp"
#include "util/unicode.hpp"

namespace tthc {

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

namespace {

constexpr const char* list_file = "LayDanhSachTTHC.json";

// CAPTHUCHIEN codes, KENH codes and LOAITTHC codes with the catalog's words.
const std::vector<std::pair<std::string, std::string>> level_codes = {
    {"0", "bộ"}, {"1", "tỉnh"}, {"2", "huyện"}, {"3", "xã"}};
const std::map<std::string, std::string> level_names = {
    {"0", "Cấp Bộ"}, {"1", "Cấp Tỉnh"}, {"2", "Cấp Huyện"}, {"3", "Cấp Xã"}};
const std::vector<std::pair<std::string, std::string>> channel_codes = {
    {"1", "trực tiếp"}, {"2", "trực tuyến"}, {"3", "bưu chính"}};
const std::vector<std::pair<std::string, std::string>> kind_codes = {
    {"1", "TTHC được giao luật quy định chi tiết"},
    {"2", "TTHC không được luật giao cho địa phương quy định"},
    {"3", "Loại khác"}};

std::string code_of(const std::vector<std::pair<std::string, std::string>>& table, const std::string& word)
{
    for (const auto& [c, w] : table)
        if (w == word) return c;
    return {};
}

std::string word_of(const std::vector<std::pair<std::string, std::string>>& table, const std::string& code)
{
    for (const auto& [c, w] : table)
        if (c == code) return w;
    return {};
}

ojson units(const Text& t)
{
    ojson a = ojson::array();
    if (t.present) a.push_back({{"MADONVI", ""}, {"TENDONVI", t.value}});
    return a;
}

// A duration as THOIGIANGIAIQUYET (the leading number as written) and
// DONVITINH (the rest): "5 Ngày làm việc" → ("5", "Ngày làm việc"); words
// without a number go whole into DONVITINH.
std::pair<std::string, std::string> split_time(const std::string& t)
{
    std::size_t i = 0;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    if (i > 0 && i + 1 < t.size() && (t[i] == ',' || t[i] == '.') && std::isdigit(static_cast<unsigned char>(t[i + 1]))) {
        ++i;
        while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    }
    if (i == 0) return {"", t};
    if (i == t.size()) return {t, ""};
    if (t[i] != ' ') return {"", t};
    return {t.substr(0, i), t.substr(i + 1)};
}

std::string join_time(const std::string& amount, const std::string& unit)
{
    if (amount.empty()) return unit;
    return unit.empty() ? amount : amount + " " + unit;
}

// dd/mm/yyyy, the portal's way of writing a date.
std::string portal_date(const Date& d)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
    return buf;
}

ojson record(const Procedure& p, const std::string& agency_id)
{
    ojson x = ojson::object();  // X_TTHC
    ojson r;
    r["MATTHC"] = p.code.value;
    r["TENTTHC"] = p.name.value;
    r["MACOQUANCONGBO"] = agency_id;
    const std::string kind_code = p.kind.present ? code_of(kind_codes, p.kind.value) : "";
    r["LOAITTHC"] = kind_code;
    if (p.kind.present && kind_code.empty()) x["kind"] = p.kind.value;
    r["TRANGTHAI"] = p.abolished ? "0" : "1";
    if (p.abolished) x["abolished"] = true;

    ojson levels = ojson::array();
    bool all_levels = true;
    for (const auto& l : p.levels) {
        const std::string c = code_of(level_codes, l.value);
        if (c.empty()) {
            all_levels = false;
            continue;
        }
        levels.push_back({{"CAPTHUCHIEN", c}, {"TENCAP", level_names.at(c)}});
    }
    r["CAPTHUCHIEN"] = levels;
    if (!all_levels) {
        ojson all = ojson::array();
        for (const auto& l : p.levels) all.push_back(l.value);
        x["levels"] = all;
    }
    r["LINHVUCTHUCHIEN"] = ojson::array({{{"MALINHVUC", ""}, {"TENLINHVUC", p.field.value}}});
    ojson subjects = ojson::array();
    for (const auto& s : p.subjects) subjects.push_back({{"MADOITUONG", ""}, {"TENDOITUONG", s.value}});
    r["DOITUONGTHUCHIEN"] = subjects;
    r["COQUANTHUCHIEN"] = units(p.agency);
    r["COQUANCOTHAMQUYEN"] = units(p.authority);
    r["COQUANDUOCUYQUYEN"] = units(p.delegated);
    r["COQUANPHOIHOP"] = units(p.coordinating);
    if (p.address.present) r["DIACHITIEPNHAN"] = p.address.value;
    if (p.online.present) r["MUCDO"] = p.online.value;
    if (p.conditions.present) r["YEUCAU"] = p.conditions.value;

    ojson steps = ojson::array();
    for (const auto& s : p.steps) steps.push_back({{"TENTRINHTU", s.value}});
    r["TRINHTUTHUCHIEN"] = p.steps.empty() ? ojson::array()
                                           : ojson::array({{{"TRUONGHOP", ""}, {"TRINHTU", steps}}});

    ojson channels = ojson::array(), xchannels = ojson::array();
    bool any_xchannel = false;
    for (const auto& c : p.channels) {
        ojson xc = ojson::object();
        const std::string kenh = code_of(channel_codes, c.kind.value);
        if (kenh.empty()) xc["kind"] = c.kind.value;
        const auto [amount, unit] = split_time(c.time.value);
        if (c.time.present && (c.time.value.empty() || join_time(amount, unit) != c.time.value)) xc["time"] = c.time.value;
        ojson fees = ojson::array();
        if (c.fee || c.currency.present || c.fee_note.present)
            fees.push_back({{"MAPHILEPHI", ""},
                            {"SOTIEN", c.fee ? std::to_string(*c.fee) : ""},
                            {"DONVI", c.currency.value},
                            {"MOTA", c.fee_note.value}});
        if (c.case_name.present) xc["case"] = c.case_name.value;
        ojson time = {{"THOIGIANGIAIQUYET", c.time.present ? amount : ""},
                      {"DONVITINH", c.time.present ? unit : ""},
                      {"MOTA", c.note.value},
                      {"PHILEPHI", fees}};
        channels.push_back({{"KENH", kenh}, {"THOIGIAN", ojson::array({time})}});
        any_xchannel = any_xchannel || !xc.empty();
        xchannels.push_back(xc);
    }
    r["CACHTHUCTHUCHIEN"] = channels;
    if (any_xchannel) x["channels"] = xchannels;

    // Consecutive entries of one case form one THANHPHANHOSO group, so the order survives.
    ojson groups = ojson::array(), xdossier = ojson::array();
    bool any_xdossier = false;
    for (std::size_t i = 0; i < p.dossier.size(); ++i) {
        const DossierItem& d = p.dossier[i];
        if (i == 0 || p.dossier[i - 1].case_name.value != d.case_name.value)
            groups.push_back({{"TRUONGHOP", d.case_name.value}, {"GIAYTO", ojson::array()}});
        groups.back()["GIAYTO"].push_back({{"MAGIAYTO", ""},
                                           {"TENGIAYTO", d.name.value},
                                           {"SOBANCHINH", std::to_string(d.originals)},
                                           {"SOBANSAO", std::to_string(d.copies)},
                                           {"TENMAUDON", d.form.value},
                                           {"URL", ""}});
        ojson xd = ojson::object();
        if (d.present_only) xd["present_only"] = true;
        any_xdossier = any_xdossier || !xd.empty();
        xdossier.push_back(xd);
    }
    r["THANHPHANHOSO"] = groups;
    if (any_xdossier) x["dossier"] = xdossier;

    ojson results = ojson::array();
    for (const auto& res : p.results) results.push_back({{"MAKETQUA", res.code.value}, {"TENKETQUA", res.name.value}});
    r["KETQUATHUCHIEN"] = results;
    ojson legal = ojson::array();
    for (const auto& b : p.legal_basis)
        legal.push_back({{"SOVANBAN", b.number.value},
                         {"TENVANBAN", b.title.value},
                         {"NGAYBANHANH", b.issued ? portal_date(*b.issued) : ""},
                         {"COQUANBANHANH", b.issuer.value}});
    r["CANCUPHAPLY"] = legal;
    ojson related = ojson::array();
    for (const auto& c : p.related) related.push_back({{"MATTHC", c.value}});
    r["TTHCLIENQUAN"] = related;
    if (!x.empty()) r[std::string(dvcqg_extension_key)] = x;
    return r;
}

std::string dump(const ojson& j) { return j.dump(2, ' ', false, ojson::error_handler_t::strict) + "\n"; }

// ---- reading ------------------------------------------------------------------

class RecordReader {
public:
    RecordReader(std::string_view text, const std::string& display, std::vector<Diagnostic>& out)
        : text_(text), display_(display), out_(out)
    {
    }

    Pos pos(const JsonValue& v) const { return json_pos(text_, v.offset); }
    void problem(const JsonValue& v, const std::string& message)
    {
        out_.push_back(make_diagnostic(display_, pos(v), Rule::dvcqg_record, message));
    }

    // A string or a number as text; null or absent is nothing.
    std::optional<std::string> text(const JsonValue& obj, std::string_view key)
    {
        const JsonValue* v = obj.find(key);
        if (!v || v->type == JsonValue::Type::null) return std::nullopt;
        if (v->type == JsonValue::Type::string || v->type == JsonValue::Type::number) return v->text;
        // TRANSLATORS: {0} is a key of the national format (SOBANCHINH), {1} a kind of JSON value (an array).
        problem(*v, tr("{0}: expected a string or a number, found {1}", key, json_type_name(v->type)));
        return std::nullopt;
    }
    std::string str(const JsonValue& obj, std::string_view key) { return text(obj, key).value_or(""); }
    Text text_value(const JsonValue& obj, std::string_view key)
    {
        Text t;
        const auto s = text(obj, key);
        t.pos = pos(obj);
        if (s) {
            t.value = *s;
            t.present = true;
            t.pos = pos(*obj.find(key));
        }
        return t;
    }
    // The elements of an array of objects (strings too, when `strings`); null or absent is none.
    std::vector<const JsonValue*> array(const JsonValue& obj, std::string_view key, bool strings = false)
    {
        std::vector<const JsonValue*> out;
        const JsonValue* v = obj.find(key);
        if (!v || v->type == JsonValue::Type::null) return out;
        if (v->type != JsonValue::Type::array) {
            // TRANSLATORS: {0} is a key of the national format (CAPTHUCHIEN), {1} a kind of JSON value (a string).
            problem(*v, tr("{0}: expected an array, found {1}", key, json_type_name(v->type)));
            return out;
        }
        for (const auto& e : v->items) {
            if (e.type == JsonValue::Type::object || (strings && e.type == JsonValue::Type::string))
                out.push_back(&e);
            else if (e.type != JsonValue::Type::null)
                // TRANSLATORS: {0} is a key of the national format, {1} a kind of JSON value (a string).
                problem(e, tr("{0}: expected an object, found {1}", key, json_type_name(e.type)));
        }
        return out;
    }
    const JsonValue* object(const JsonValue& obj, std::string_view key)
    {
        const JsonValue* v = obj.find(key);
        if (!v || v->type == JsonValue::Type::null) return nullptr;
        if (v->type != JsonValue::Type::object) {
            problem(*v, tr("{0}: expected an object, found {1}", key, json_type_name(v->type)));
            return nullptr;
        }
        return v;
    }
    std::int64_t count(const JsonValue& obj, std::string_view key)
    {
        const auto s = text(obj, key);
        if (!s || s->empty()) return 0;
        std::int64_t n = 0;
        for (const char c : *s) {
            if (!std::isdigit(static_cast<unsigned char>(c)) || n > 1'000'000) {
                // TRANSLATORS: {0} is SOBANCHINH or SOBANSAO (originals, copies of a dossier entry), {1} its value.
                problem(*obj.find(key), tr("{0}: \"{1}\" is not a number of copies", key, *s));
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
    bool flag(const JsonValue* x, std::string_view key)
    {
        const JsonValue* v = x ? x->find(key) : nullptr;
        return v && v->type == JsonValue::Type::boolean && v->text == "true";
    }
    // The X_TTHC string `key`, when there is one.
    std::optional<std::string> extension(const JsonValue* x, std::string_view key)
    {
        return x ? text(*x, key) : std::nullopt;
    }

    Procedure procedure(const JsonValue& r);
    std::optional<CatalogInfo> catalog(const JsonValue& x);

private:
    void channels(const JsonValue& r, const JsonValue* x, Procedure& p);
    void dossier(const JsonValue& r, const JsonValue* x, Procedure& p);
    std::string_view text_;
    const std::string& display_;
    std::vector<Diagnostic>& out_;
};

// "5000", "5.000", "5,000,000", "50000.0" (a JSON number) → the whole amount;
// nothing for anything else ("1.5", "Miễn phí").
std::optional<std::int64_t> parse_amount(const std::string& s)
{
    static const std::regex plain("[0-9]{1,15}"), fraction("([0-9]{1,15})[.,]0{1,2}"),
        thousands("[0-9]{1,3}([., ][0-9]{3}){1,4}");
    std::smatch m;
    std::string digits;
    if (std::regex_match(s, plain)) digits = s;
    else if (std::regex_match(s, m, fraction)) digits = m[1];
    else if (std::regex_match(s, thousands))
        for (const char c : s)
            if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
    if (digits.empty()) return std::nullopt;
    return std::stoll(digits);
}

std::optional<Date> parse_portal_date(const std::string& s)
{
    if (s.size() >= 10 && s[2] == '/' && s[5] == '/')
        return parse_date(s.substr(6, 4) + "-" + s.substr(3, 2) + "-" + s.substr(0, 2));
    return parse_date(s.substr(0, std::min<std::size_t>(s.size(), 10)));  // 2014-11-20, 2014-11-20T00:00:00
}

void RecordReader::channels(const JsonValue& r, const JsonValue* x, Procedure& p)
{
    std::vector<const JsonValue*> xchannels;
    if (x) xchannels = array(*x, "channels");
    std::size_t index = 0;
    for (const JsonValue* c : array(r, "CACHTHUCTHUCHIEN")) {
        const std::string kenh = str(*c, "KENH");
        std::string kind = word_of(channel_codes, kenh);
        if (kind.empty()) kind = kenh;
        // PHILEPHI beside THOIGIAN (one consumer reads it there) applies to each of its times.
        const auto beside = array(*c, "PHILEPHI");
        auto times = array(*c, "THOIGIAN");
        if (times.empty()) times.push_back(c);  // no THOIGIAN: a channel without a time
        for (const JsonValue* t : times) {
            const JsonValue* xc = index < xchannels.size() ? xchannels[index] : nullptr;
            ++index;
            Channel ch;
            ch.pos = pos(*c);
            ch.kind = {extension(xc, "kind").value_or(kind), pos(*c), true};
            if (const auto xt = extension(xc, "time")) {
                ch.time = {*xt, pos(*t), true};
            } else {
                const std::string joined = join_time(str(*t, "THOIGIANGIAIQUYET"), str(*t, "DONVITINH"));
                if (!joined.empty()) ch.time = {joined, pos(*t), true};
            }
            std::string note = str(*t, "MOTA");
            if (note.empty()) note = str(*c, "MOTA");
            if (!note.empty()) ch.note = {note, pos(*t), true};
            if (const auto xcase = extension(xc, "case")) ch.case_name = {*xcase, pos(*c), true};
            auto fees = array(*t, "PHILEPHI");
            if (fees.empty()) fees = beside;
            std::vector<std::string> notes;
            for (const JsonValue* f : fees) {
                const std::string amount = str(*f, "SOTIEN"), unit = str(*f, "DONVI"), what = str(*f, "MOTA");
                if (!amount.empty()) {
                    if (const auto n = parse_amount(amount)) ch.fee = ch.fee.value_or(0) + *n;
                    else notes.push_back(amount);
                }
                if (!unit.empty() && !ch.currency.present) ch.currency = {unit, pos(*f), true};
                if (!what.empty()) notes.push_back(what);
            }
            if (!notes.empty()) {
                std::string joined;
                for (const auto& n : notes) joined += (joined.empty() ? "" : "; ") + n;
                ch.fee_note = {joined, pos(*fees.front()), true};
            }
            ch.fee_pos = ch.pos;
            p.channels.push_back(std::move(ch));
        }
    }
}

void RecordReader::dossier(const JsonValue& r, const JsonValue* x, Procedure& p)
{
    std::vector<const JsonValue*> xdossier;
    if (x) xdossier = array(*x, "dossier");
    std::size_t index = 0;
    for (const JsonValue* g : array(r, "THANHPHANHOSO")) {
        const std::string case_name = str(*g, "TRUONGHOP");
        for (const JsonValue* d : array(*g, "GIAYTO")) {
            DossierItem item;
            item.pos = pos(*d);
            item.name = text_value(*d, "TENGIAYTO");
            item.name.present = true;
            const std::string form = str(*d, "TENMAUDON");
            if (!form.empty()) item.form = {form, pos(*d), true};
            item.originals = count(*d, "SOBANCHINH");
            item.copies = count(*d, "SOBANSAO");
            if (!case_name.empty()) item.case_name = {case_name, pos(*g), true};
            item.present_only = flag(index < xdossier.size() ? xdossier[index] : nullptr, "present_only");
            ++index;
            p.dossier.push_back(std::move(item));
        }
    }
}

Procedure RecordReader::procedure(const JsonValue& r)
{
    Procedure p;
    p.pos = pos(r);
    const JsonValue* x = object(r, dvcqg_extension_key);
    p.abolished = flag(x, "abolished");
    p.code = text_value(r, "MATTHC");
    if (!p.code.present || p.code.value.empty()) problem(r, tr("the record has no MATTHC (the procedure's code)"));
    p.name = text_value(r, "TENTTHC");
    p.name.present = true;
    p.parsed_code = parse_code(p.code.value);

    if (const auto k = extension(x, "kind")) {
        p.kind = {*k, pos(r), true};
    } else if (const std::string code = str(r, "LOAITTHC"); !code.empty()) {
        const std::string word = word_of(kind_codes, code);
        p.kind = {word.empty() ? code : word, pos(*r.find("LOAITTHC")), true};
    }
    if (x && x->find("levels")) {
        for (const JsonValue* l : array(*x, "levels", true)) p.levels.push_back({l->text, pos(*l), true});
    } else {
        for (const JsonValue* l : array(r, "CAPTHUCHIEN")) {
            const std::string code = str(*l, "CAPTHUCHIEN");
            std::string word = word_of(level_codes, code);
            if (word.empty()) word = str(*l, "TENCAP");
            p.levels.push_back({word, pos(*l), true});
        }
    }
    for (const JsonValue* f : array(r, "LINHVUCTHUCHIEN")) {
        p.field = {str(*f, "TENLINHVUC"), pos(*f), true};
        break;  // the first lĩnh vực is the procedure's
    }
    p.field.present = true;
    for (const JsonValue* s : array(r, "DOITUONGTHUCHIEN", true))
        p.subjects.push_back({s->type == JsonValue::Type::string ? s->text : str(*s, "TENDOITUONG"), pos(*s), true});
    auto units_of = [&](std::string_view key) {
        Text t;
        t.pos = pos(r);
        for (const JsonValue* u : array(r, key)) {
            t.value += (t.present ? "; " : "") + str(*u, "TENDONVI");
            if (!t.present) t.pos = pos(*u);
            t.present = true;
        }
        return t;
    };
    p.agency = units_of("COQUANTHUCHIEN");
    p.authority = units_of("COQUANCOTHAMQUYEN");
    p.delegated = units_of("COQUANDUOCUYQUYEN");
    p.coordinating = units_of("COQUANPHOIHOP");
    p.address = text_value(r, "DIACHITIEPNHAN");
    const JsonValue* levels = r.find("CAPTHUCHIEN");
    if (!p.address.present && levels && levels->type == JsonValue::Type::array)  // one consumer reads it there
        for (const JsonValue& l : levels->items)
            if (l.type == JsonValue::Type::object)
                if (auto a = text_value(l, "DIACHITIEPNHAN"); a.present && !a.value.empty()) {
                    p.address = a;
                    break;
                }
    p.online = text_value(r, "MUCDO");
    p.conditions = text_value(r, "YEUCAU");
    if (!p.conditions.present) p.conditions = text_value(r, "YEUCAUDIEUKIEN");
    for (const JsonValue* g : array(r, "TRINHTUTHUCHIEN")) {
        if (const auto c = text_value(*g, "TRUONGHOP"); c.present && !c.value.empty()) p.steps.push_back(c);
        for (const JsonValue* s : array(*g, "TRINHTU", true))
            p.steps.push_back({s->type == JsonValue::Type::string ? s->text : str(*s, "TENTRINHTU"), pos(*s), true});
    }
    for (const JsonValue* c : array(r, "TTHCLIENQUAN", true))
        p.related.push_back({c->type == JsonValue::Type::string ? c->text : str(*c, "MATTHC"), pos(*c), true});
    for (const JsonValue* k : array(r, "KETQUATHUCHIEN")) {
        ResultDoc d;
        d.pos = pos(*k);
        d.name = {str(*k, "TENKETQUA"), pos(*k), true};
        if (const std::string code = str(*k, "MAKETQUA"); !code.empty()) d.code = {code, pos(*k), true};
        p.results.push_back(std::move(d));
    }
    channels(r, x, p);
    dossier(r, x, p);
    for (const JsonValue* b : array(r, "CANCUPHAPLY")) {
        LegalBasis l;
        l.pos = pos(*b);
        l.number = {str(*b, "SOVANBAN"), pos(*b), true};
        l.title = {str(*b, "TENVANBAN"), pos(*b), true};
        if (const std::string issued = str(*b, "NGAYBANHANH"); !issued.empty()) {
            l.issued = parse_portal_date(issued);
            if (!l.issued) problem(*b->find("NGAYBANHANH"), tr("NGAYBANHANH: \"{0}\" is not a date (dd/mm/yyyy)", issued));
        }
        if (const std::string issuer = str(*b, "COQUANBANHANH"); !issuer.empty()) l.issuer = {issuer, pos(*b), true};
        p.legal_basis.push_back(std::move(l));
    }
    return p;
}

std::optional<CatalogInfo> RecordReader::catalog(const JsonValue& x)
{
    const JsonValue* c = object(x, "catalog");
    if (!c) return std::nullopt;
    CatalogInfo info;
    info.pos = pos(*c);
    info.id = text_value(*c, "id");
    info.name = text_value(*c, "name");
    info.authority = text_value(*c, "authority");
    info.authority_kind = text_value(*c, "authority_kind");
    info.agency_id = text_value(*c, "agency_id");
    info.place = text_value(*c, "place");
    if (const auto h = text(*c, "hours_per_day")) info.hours_per_day = std::atoi(h->c_str());
    if (const auto v = text(*c, "hour_value")) info.hour_value = std::atoll(v->c_str());
    return info;
}

bool is_detailed(const JsonValue& r)
{
    return r.find("CACHTHUCTHUCHIEN") || r.find("THANHPHANHOSO") || r.find("TRINHTUTHUCHIEN");
}

// A code that can name a file: no separator, no dot first, no control character.
bool is_file_name(const std::string& code)
{
    if (code.empty() || code.front() == '.' || code.size() > 100) return false;
    for (const char c : code)
        if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
    return true;
}

}  // namespace

std::string dvcqg_procedure_json(const Procedure& p, const std::string& agency_id)
{
    ojson reply;
    reply["error_code"] = 0;
    reply["result"] = ojson::array({record(p, agency_id)});
    return dump(reply);
}

std::string dvcqg_list_json(const CatalogInfo& info, const std::vector<const Procedure*>& procedures)
{
    ojson list = ojson::array();
    for (const Procedure* p : procedures) {
        const std::string kind_code = p->kind.present ? code_of(kind_codes, p->kind.value) : "";
        list.push_back({{"MATTHC", p->code.value},
                        {"TENTTHC", p->name.value},
                        {"MACOQUANCONGBO", info.agency_id.value},
                        {"LOAITTHC", kind_code},
                        {"TRANGTHAI", p->abolished ? "0" : "1"}});
    }
    ojson c;
    c["id"] = info.id.value;
    c["name"] = info.name.value;
    c["authority"] = info.authority.value;
    c["authority_kind"] = info.authority_kind.value;
    if (info.agency_id.present) c["agency_id"] = info.agency_id.value;
    c["place"] = info.place.value;
    c["hours_per_day"] = info.hours_per_day;
    c["hour_value"] = info.hour_value;
    ojson reply;
    reply["error_code"] = 0;
    reply["result"] = list;
    reply[std::string(dvcqg_extension_key)] = {{"catalog", c}};
    return dump(reply);
}

DvcqgFile read_dvcqg_json(std::string_view text, const std::string& display)
{
    DvcqgFile out;
    auto parsed = parse_json_tree(text);
    if (auto* e = std::get_if<JsonError>(&parsed)) {
        // Say it in our words, at the first bad byte, and never echo the byte.
        if (const auto bad = find_invalid_utf8(text)) {
            out.diagnostics.push_back(make_diagnostic(display, *bad, Rule::json_syntax,
                                                      tr("invalid UTF-8 byte; the file must be saved as UTF-8")));
            return out;
        }
        Diagnostic d = make_diagnostic(display, json_pos(text, e->offset), Rule::json_syntax, e->message);
        d.source_line = json_line(text, e->offset);
        out.diagnostics.push_back(std::move(d));
        return out;
    }
    const JsonValue& root = std::get<JsonValue>(parsed);
    RecordReader reader(text, display, out.diagnostics);
    std::vector<const JsonValue*> records;
    if (root.type == JsonValue::Type::array) {
        for (const auto& e : root.items) {
            if (e.type == JsonValue::Type::object) records.push_back(&e);
            else reader.problem(e, tr("expected a record (an object), found {0}", json_type_name(e.type)));
        }
    } else if (root.type == JsonValue::Type::object && root.find("result")) {
        const auto code = reader.text(root, "error_code");
        if (code && *code != "0") {
            reader.problem(*root.find("error_code"), tr("the service replied with error_code {0}, not 0", *code));
            return out;
        }
        if (const JsonValue* x = reader.object(root, dvcqg_extension_key)) out.catalog = reader.catalog(*x);
        const JsonValue* result = root.find("result");
        if (result->type == JsonValue::Type::object) records.push_back(result);
        else records = reader.array(root, "result");
    } else if (root.type == JsonValue::Type::object) {
        records.push_back(&root);
    } else {
        reader.problem(root, tr("expected a record, an array of records or a service reply, found {0}",
                                json_type_name(root.type)));
    }
    for (const JsonValue* r : records) {
        if (!is_detailed(*r)) {
            ++out.list_entries;
            continue;
        }
        out.procedures.push_back(reader.procedure(*r));
    }
    sort_diagnostics(out.diagnostics);
    return out;
}

DvcqgExportResult export_dvcqg(const std::string& catalog_path, const DvcqgExportOptions& o)
{
    StagingDir::check_target(o.out, o.force, list_file);
    DvcqgExportResult result;
    LoadResult loaded = load_catalog(catalog_path);
    std::vector<Diagnostic> findings = std::move(loaded.diagnostics);
    for (auto& d : check_catalog(loaded.catalog, LintOptions{o.today})) findings.push_back(std::move(d));
    for (auto& d : findings) {
        if (d.severity != Severity::error) continue;
        if (is_tolerated_as_published(d.rule)) ++result.tolerated;
        else result.diagnostics.push_back(std::move(d));
    }
    if (!result.diagnostics.empty()) {
        sort_diagnostics(result.diagnostics);
        return result;
    }
    const Catalog& catalog = loaded.catalog;
    std::vector<const Procedure*> all;
    for (const auto& p : catalog.procedures) all.push_back(&p);
    for (const auto& p : catalog.abolished) all.push_back(&p);
    std::sort(all.begin(), all.end(), [](const Procedure* a, const Procedure* b) {
        return std::tie(a->abolished, a->code.value) < std::tie(b->abolished, b->code.value);
    });
    for (const Procedure* p : all)
        if (!is_file_name(p->code.value))
            throw Error(tr("the code \"{0}\" cannot name a file", p->code.value),
                        tr("fix the code in {0}", catalog.files.at(p->file)));

    StagingDir staging(o.out, o.force, list_file);
    write_staged_file(staging.path() / list_file, dvcqg_list_json(catalog.info, all));
    fs::create_directories(staging.path() / "procedures");
    if (!catalog.abolished.empty()) fs::create_directories(staging.path() / "abolished");
    for (const Procedure* p : all) {
        const fs::path path = staging.path() / (p->abolished ? "abolished" : "procedures") / (p->code.value + ".json");
        write_staged_file(path, dvcqg_procedure_json(*p, catalog.info.agency_id.value));
        ++(p->abolished ? result.abolished : result.procedures);
    }
    staging.commit();
    result.written = true;
    return result;
}

DvcqgImportResult import_dvcqg(const std::vector<std::string>& paths, const DvcqgImportOptions& o)
{
    StagingDir::check_target(o.out, o.force, "catalog.toml");
    std::vector<std::string> files;
    for (const auto& path : paths) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec))
                if (it->path().extension() == ".json" && !it->is_directory()) found.push_back(it->path().generic_string());
            if (ec) throw Error(tr("cannot list '{0}': {1}", path, ec.message()));
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(path);
        }
    }
    DvcqgImportResult result;
    std::optional<CatalogInfo> info;
    std::vector<std::pair<std::string, Procedure>> procedures;  // (file, procedure)
    std::map<std::string, std::pair<std::string, Pos>> seen;      // code → where it was first read
    for (const auto& file : files) {
        const std::string bytes = read_regular_file(file);
        DvcqgFile f = read_dvcqg_json(bytes, file);
        ++result.files;
        result.list_entries += f.list_entries;
        if (!info && f.catalog) info = f.catalog;
        for (auto& d : f.diagnostics) result.diagnostics.push_back(std::move(d));
        for (auto& p : f.procedures) {
            if (p.code.value.empty()) continue;
            if (!is_file_name(p.code.value)) {
                result.diagnostics.push_back(make_diagnostic(file, p.code.pos, Rule::dvcqg_record,
                                                             tr("MATTHC \"{0}\" cannot name a file", p.code.value)));
                continue;
            }
            const auto [it, fresh] = seen.emplace(p.code.value, std::make_pair(file, p.code.pos));
            if (!fresh) {
                const Pos& first = it->second.second;
                result.diagnostics.push_back(make_diagnostic(
                    file, p.code.pos, Rule::duplicate_code,
                    // TRANSLATORS: {0} is a procedure code; {1}:{2}:{3} the file, line and column where it was first read.
                    tr("the procedure {0} was already read at {1}:{2}:{3}", p.code.value, it->second.first, first.line,
                       first.column)));
                continue;
            }
            procedures.emplace_back(file, std::move(p));
        }
    }
    if (!result.diagnostics.empty()) {
        sort_diagnostics(result.diagnostics);
        return result;
    }
    if (!info) {
        // Records straight from the portal: a catalog.toml to complete by hand.
        info.emplace();
        bool ministry = !procedures.empty();
        for (const auto& [file, p] : procedures)
            for (const auto& l : p.levels) ministry = ministry && l.value == "bộ";
        info->id = {"dvcqg", {}, true};
        info->name = {"Thủ tục hành chính nhập từ Cổng Dịch vụ công quốc gia", {}, true};
        info->authority = {"", {}, true};
        info->authority_kind = {ministry ? "ministry" : "province", {}, true};
        info->place = {"", {}, true};
    }
    StagingDir staging(o.out, o.force, "catalog.toml");
    write_staged_file(staging.path() / "catalog.toml", catalog_toml(*info));
    fs::create_directories(staging.path() / "procedures");
    for (const auto& [file, p] : procedures) {
        fs::path dir = staging.path() / (p.abolished ? "abolished" : "procedures");
        if (const std::string slug = ascii_slug(p.field.value); !slug.empty()) dir /= slug;
        fs::create_directories(dir);
        write_staged_file(dir / (p.code.value + ".toml"), procedure_toml(p));
        ++(p.abolished ? result.abolished : result.procedures);
    }
    staging.commit();
    result.written = true;
    return result;
}

}  // namespace tthc
