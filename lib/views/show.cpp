#include "views/show.hpp"

#include <vector>

#include "core/values.hpp"
#include "core/vietnamese.hpp"
#include "decisions/decision_doc.hpp"
#include "util/json.hpp"
#include "util/unicode.hpp"
#include "views/listing.hpp"

namespace tthc {

const Procedure* find_by_code(const Catalog& catalog, std::string_view code)
{
    for (const auto* list : {&catalog.procedures, &catalog.abolished})
        for (const auto& p : *list)
            if (p.code.value == code) return &p;
    const auto wanted = parse_code(trim(code));
    if (!wanted || !wanted->agency.empty()) return nullptr;
    for (const auto* list : {&catalog.procedures, &catalog.abolished})
        for (const auto& p : *list)
            if (p.parsed_code && p.parsed_code->identity == wanted->identity) return &p;
    return nullptr;
}

std::vector<std::string_view> all_codes(const Catalog& catalog)
{
    std::vector<std::string_view> out;
    for (const auto* list : {&catalog.procedures, &catalog.abolished})
        for (const auto& p : *list) out.push_back(p.code.value);
    return out;
}

std::string wrap(std::string_view text, std::size_t width, const std::string& first, const std::string& rest)
{
    std::string out;
    bool first_line = true;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        const std::string_view para = text.substr(start, nl - start);
        std::string line = first_line ? first : rest;
        std::size_t used = code_points(line);
        bool empty = true;
        first_line = false;
        std::size_t i = 0;
        while (i < para.size()) {
            while (i < para.size() && para[i] == ' ') ++i;
            if (i >= para.size()) break;
            std::size_t j = para.find(' ', i);
            if (j == std::string_view::npos) j = para.size();
            const std::string_view word = para.substr(i, j - i);
            const std::size_t w = code_points(word);
            if (!empty && used + 1 + w > width) {
                out += line + "\n";
                line = rest;
                used = code_points(rest);
                empty = true;
            }
            if (!empty) {
                line += ' ';
                ++used;
            }
            line += word;
            used += w;
            empty = false;
            i = j;
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
        if (nl == text.size()) break;
        start = nl + 1;
    }
    return out;
}

namespace {

class Layout {
public:
    Layout(std::ostream& out, std::size_t width, bool color) : out_(out), width_(width), color_(color) {}

    void title(const std::string& s)
    {
        const std::string text = wrap(s, width_, "", "");
        out_ << (color_ ? "\x1b[1m" + text.substr(0, text.size() - 1) + "\x1b[0m\n" : text);
    }
    void heading(const std::string& s)
    {
        out_ << "\n" << (color_ ? "\x1b[1m" + s + "\x1b[0m" : s) << "\n";
    }
    // "Label: value", wrapped under the label's indent of two spaces.
    void pair(const std::string& label, const std::string& value)
    {
        if (value.empty()) return;
        out_ << wrap(value, width_, label + ": ", "  ");
    }
    void item(const std::string& marker, const std::string& text, const std::string& indent = "  ")
    {
        out_ << wrap(text, width_, indent + marker, indent + std::string(code_points(marker), ' '));
    }
    void note(const std::string& label, const std::string& text, std::size_t indent)
    {
        if (text.empty()) return;
        out_ << wrap(label + text, width_, std::string(indent, ' '), std::string(indent, ' '));
    }

private:
    std::ostream& out_;
    std::size_t width_;
    bool color_;
};

std::string joined(const std::vector<Text>& items, const std::string& sep)
{
    std::string out;
    for (const auto& t : items) out += (out.empty() ? "" : sep) + t.value;
    return out;
}

std::string fee_text(const Channel& c)
{
    if (!c.fee) return "không quy định";
    if (*c.fee == 0) return "không thu";
    return money(*c.fee, c.currency.present ? c.currency.value : "VND");
}

std::string copies_text(const DossierItem& d)
{
    if (d.present_only) return "xuất trình";
    return std::to_string(d.originals) + " bản chính, " + std::to_string(d.copies) + " bản sao";
}

const Procedure* related_procedure(const Catalog& c, const std::string& code) { return find_by_code(c, code); }

std::string count(const std::string& heading, std::size_t n) { return heading + " (" + std::to_string(n) + ")"; }

}  // namespace

void write_show_text(std::ostream& out, const Catalog& catalog, const Procedure& p, std::size_t width, bool color)
{
    Layout l(out, width, color);
    l.title(p.name.value);
    if (p.abolished) l.pair("Tình trạng", "đã bãi bỏ");
    l.pair("Mã thủ tục", p.code.value);
    l.pair("Lĩnh vực", p.field.value);
    l.pair("Cấp thực hiện", [&] {
        std::string s;
        for (const auto& v : sorted_levels(p)) s += (s.empty() ? "" : ", ") + v;
        return s;
    }());
    l.pair("Loại thủ tục", p.kind.value);
    l.pair("Đối tượng thực hiện", joined(p.subjects, "; "));
    l.pair("Cơ quan thực hiện", p.agency.value);
    l.pair("Cơ quan có thẩm quyền", p.authority.value);
    l.pair("Cơ quan được ủy quyền", p.delegated.value);
    l.pair("Cơ quan phối hợp", p.coordinating.value);
    l.pair("Địa chỉ tiếp nhận hồ sơ", p.address.value);
    l.pair("Dịch vụ công trực tuyến", p.online.value);

    l.heading(count("Cách thức thực hiện", p.channels.size()));
    for (const auto& c : p.channels) {
        std::string line = kind_label(c.kind.value);
        if (!c.case_name.value.empty()) line += " (" + c.case_name.value + ")";
        line += ": thời hạn " + (c.duration ? c.duration->to_string() : c.time.value) + "; phí, lệ phí " + fee_text(c);
        l.item("- ", line);
        l.note("", c.fee_note.value, 4);
        l.note("Mô tả: ", c.note.value, 4);
    }
    if (!p.steps.empty()) {
        l.heading(count("Trình tự thực hiện", p.steps.size()));
        for (std::size_t i = 0; i < p.steps.size(); ++i) l.item(std::to_string(i + 1) + ". ", p.steps[i].value);
    }
    l.heading(count("Thành phần hồ sơ", p.dossier.size()));
    for (std::size_t i = 0; i < p.dossier.size(); ++i) {
        const DossierItem& d = p.dossier[i];
        const std::string marker = std::to_string(i + 1) + ". ";
        l.item(marker, d.name.value + " (" + copies_text(d) + ")");
        const std::size_t indent = 2 + marker.size();
        l.note("Mẫu: ", d.form.value, indent);
        l.note("Trường hợp: ", d.case_name.value, indent);
    }
    if (!p.conditions.value.empty()) {
        l.heading("Yêu cầu, điều kiện thực hiện");
        out << wrap(p.conditions.value, width, "  ", "  ");
    }
    if (!p.results.empty()) {
        l.heading(count("Kết quả thực hiện", p.results.size()));
        for (const auto& r : p.results) l.item("- ", r.name.value + (r.code.value.empty() ? "" : " (" + r.code.value + ")"));
    }
    l.heading(count("Căn cứ pháp lý", p.legal_basis.size()));
    for (const auto& b : p.legal_basis) {
        std::string line = b.number.value.empty() ? b.title.value : b.number.value + ": " + b.title.value;
        std::string extra;
        if (b.issued) extra = "ban hành ngày " + date_numeric(*b.issued);
        if (!b.issuer.value.empty()) extra += (extra.empty() ? "" : ", ") + b.issuer.value;
        if (!extra.empty()) line += " (" + extra + ")";
        l.item("- ", line);
    }
    if (!p.related.empty()) {
        l.heading(count("Thủ tục liên quan", p.related.size()));
        for (const auto& r : p.related) {
            const Procedure* other = related_procedure(catalog, r.value);
            l.item("- ", r.value + (other ? " " + other->name.value : " (không có trong danh mục)"));
        }
    }
}

namespace {

void text_key(std::ostream& out, const char* key, const Text& t, bool& first)
{
    if (!t.present) return;
    out << (first ? "" : ", ") << json_quote(key) << ": " << json_quote(t.value);
    first = false;
}

void text_array(std::ostream& out, const char* key, const std::vector<Text>& items, bool& first)
{
    out << (first ? "" : ", ") << json_quote(key) << ": [";
    for (std::size_t i = 0; i < items.size(); ++i) out << (i ? ", " : "") << json_quote(items[i].value);
    out << "]";
    first = false;
}

}  // namespace

void write_show_json(std::ostream& out, const Procedure& p)
{
    bool first = true;
    out << "{";
    text_key(out, "code", p.code, first);
    text_key(out, "name", p.name, first);
    out << ", \"abolished\": " << (p.abolished ? "true" : "false");
    text_key(out, "field", p.field, first);
    text_array(out, "levels", p.levels, first);
    text_key(out, "kind", p.kind, first);
    text_array(out, "subjects", p.subjects, first);
    text_key(out, "agency", p.agency, first);
    text_key(out, "authority", p.authority, first);
    text_key(out, "delegated", p.delegated, first);
    text_key(out, "coordinating", p.coordinating, first);
    text_key(out, "address", p.address, first);
    text_key(out, "online", p.online, first);
    text_key(out, "conditions", p.conditions, first);
    text_array(out, "steps", p.steps, first);
    text_array(out, "related", p.related, first);
    out << ",\n \"results\": [";
    for (std::size_t i = 0; i < p.results.size(); ++i) {
        bool f = true;
        out << (i ? ", " : "") << "{";
        text_key(out, "name", p.results[i].name, f);
        text_key(out, "code", p.results[i].code, f);
        out << "}";
    }
    out << "],\n \"channels\": [";
    for (std::size_t i = 0; i < p.channels.size(); ++i) {
        const Channel& c = p.channels[i];
        bool f = true;
        out << (i ? ",\n  " : "\n  ") << "{";
        text_key(out, "kind", c.kind, f);
        text_key(out, "time", c.time, f);
        if (c.fee) {
            out << (f ? "" : ", ") << "\"fee\": " << *c.fee;
            f = false;
        }
        text_key(out, "currency", c.currency, f);
        text_key(out, "fee_note", c.fee_note, f);
        text_key(out, "case", c.case_name, f);
        text_key(out, "note", c.note, f);
        out << "}";
    }
    out << "],\n \"dossier\": [";
    for (std::size_t i = 0; i < p.dossier.size(); ++i) {
        const DossierItem& d = p.dossier[i];
        bool f = true;
        out << (i ? ",\n  " : "\n  ") << "{";
        text_key(out, "name", d.name, f);
        text_key(out, "form", d.form, f);
        out << (f ? "" : ", ") << "\"originals\": " << d.originals << ", \"copies\": " << d.copies;
        text_key(out, "case", d.case_name, f);
        out << ", \"present_only\": " << (d.present_only ? "true" : "false") << "}";
    }
    out << "],\n \"legal_basis\": [";
    for (std::size_t i = 0; i < p.legal_basis.size(); ++i) {
        const LegalBasis& b = p.legal_basis[i];
        bool f = true;
        out << (i ? ",\n  " : "\n  ") << "{";
        text_key(out, "number", b.number, f);
        text_key(out, "title", b.title, f);
        if (b.issued) {
            out << (f ? "" : ", ") << "\"issued\": " << json_quote(b.issued->to_string());
            f = false;
        }
        text_key(out, "issuer", b.issuer, f);
        out << "}";
    }
    out << "]}\n";
}

}  // namespace tthc
