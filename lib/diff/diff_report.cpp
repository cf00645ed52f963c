#include "diff/diff_report.hpp"

#include <algorithm>
#include <array>

#include "util/i18n.hpp"
#include "util/json.hpp"
#include "util/unicode.hpp"

namespace tthc {

std::optional<DiffFormat> parse_diff_format(std::string_view name)
{
    if (name == "text") return DiffFormat::text;
    if (name == "json") return DiffFormat::json;
    if (name == "markdown" || name == "md") return DiffFormat::markdown;
    if (name == "stat") return DiffFormat::stat;
    return std::nullopt;
}

std::string diff_summary(const CatalogDiff& d)
{
    // TRANSLATORS: the counts of procedures new, amended, replaced, abolished and unchanged between two catalogs
    return tr("{0} new, {1} amended, {2} replaced, {3} abolished, {4} unchanged", d.added.size(), d.amended.size(),
              d.replaced.size(), d.abolished.size(), d.unchanged);
}

namespace {

constexpr std::string_view green = "\033[32m", red = "\033[31m", yellow = "\033[33m", bold = "\033[1m",
                           reset = "\033[0m";

std::string show(const std::optional<std::string>& v) { return v ? json_quote(*v) : std::string(tr("(none)")); }

// The class of each line, in a column as wide as the widest class in the
// language in use and two spaces ("abolished  " in English).
std::array<std::string, 4> class_labels()
{
    std::array<std::string, 4> labels = {trc("diff class", "new"), trc("diff class", "amended"),
                                         trc("diff class", "replaced"), trc("diff class", "abolished")};
    std::size_t width = 0;
    for (const auto& l : labels) width = std::max(width, code_points(l));
    for (auto& l : labels) l += std::string(width + 2 - code_points(l), ' ');
    return labels;
}

void write_text(std::ostream& out, const CatalogDiff& d, bool color)
{
    if (d.empty()) return;
    auto paint = [&](std::string_view c, const std::string& s) {
        return color ? std::string(c) + s + std::string(reset) : s;
    };
    const auto [new_label, amended_label, replaced_label, abolished_label] = class_labels();
    for (const auto& p : d.added) out << paint(green, new_label) << p.code << "  " << p.name << "\n";
    for (const auto& p : d.amended) {
        out << paint(yellow, amended_label) << p.code << "  " << p.name << "\n";
        for (const auto& f : p.fields) {
            out << "    " << paint(bold, f.field) << ": ";
            if (!f.before)
                // TRANSLATORS: a field of an amended procedure that NEW has and OLD had not; {0} is its value
                out << paint(green, tr("added {0}", show(f.after)));
            else if (!f.after)
                // TRANSLATORS: a field of an amended procedure that OLD had and NEW has not; {0} is its value
                out << paint(red, tr("removed {0}", show(f.before)));
            else
                out << paint(red, show(f.before)) << " → " << paint(green, show(f.after));
            out << "\n";
        }
    }
    for (const auto& r : d.replaced)
        out << paint(yellow, replaced_label) << r.old_code << " → " << r.new_code << "  " << r.new_name << " "
            << (r.reason == "same name" ? std::string(tr("(detected: same name)"))
                                        // TRANSLATORS: {0} is the số ký hiệu of the decision that declares the replacement
                                        : tr("(declared in {0})", r.reason))
            << "\n";
    for (const auto& p : d.abolished)
        out << paint(red, abolished_label) << p.code << "  " << p.name
            << (p.missing ? std::string(" ") + tr("(missing: vanished from NEW without being moved to abolished/)") : "")
            << "\n";
}

void write_json(std::ostream& out, const CatalogDiff& d)
{
    auto opt = [](const std::optional<std::string>& v) { return v ? json_quote(*v) : std::string("null"); };
    out << "{\n  \"new\": [";
    for (std::size_t i = 0; i < d.added.size(); ++i)
        out << (i ? ",\n" : "\n") << "    {\"code\": " << json_quote(d.added[i].code) << ", \"name\": "
            << json_quote(d.added[i].name) << "}";
    out << (d.added.empty() ? "],\n" : "\n  ],\n") << "  \"amended\": [";
    for (std::size_t i = 0; i < d.amended.size(); ++i) {
        const auto& p = d.amended[i];
        out << (i ? ",\n" : "\n") << "    {\"code\": " << json_quote(p.code) << ", \"name\": " << json_quote(p.name)
            << ", \"fields\": [";
        for (std::size_t k = 0; k < p.fields.size(); ++k)
            out << (k ? ",\n" : "\n") << "      {\"field\": " << json_quote(p.fields[k].field)
                << ", \"before\": " << opt(p.fields[k].before) << ", \"after\": " << opt(p.fields[k].after) << "}";
        out << "\n    ]}";
    }
    out << (d.amended.empty() ? "],\n" : "\n  ],\n") << "  \"abolished\": [";
    for (std::size_t i = 0; i < d.abolished.size(); ++i)
        out << (i ? ",\n" : "\n") << "    {\"code\": " << json_quote(d.abolished[i].code)
            << ", \"name\": " << json_quote(d.abolished[i].name)
            << ", \"missing\": " << (d.abolished[i].missing ? "true" : "false") << "}";
    out << (d.abolished.empty() ? "],\n" : "\n  ],\n") << "  \"replaced\": [";
    for (std::size_t i = 0; i < d.replaced.size(); ++i)
        out << (i ? ",\n" : "\n") << "    {\"old\": " << json_quote(d.replaced[i].old_code)
            << ", \"new\": " << json_quote(d.replaced[i].new_code) << ", \"reason\": " << json_quote(d.replaced[i].reason)
            << "}";
    out << (d.replaced.empty() ? "],\n" : "\n  ],\n") << "  \"unchanged\": " << d.unchanged << "\n}\n";
}

std::string cell(const std::string& s)
{
    std::string out;
    for (char c : s) {
        if (c == '|') out += "\\|";
        else if (c == '\n') out += ' ';
        else out.push_back(c);
    }
    return out;
}

void write_markdown(std::ostream& out, const CatalogDiff& d)
{
    out << "**tthc diff**: " << diff_summary(d) << "\n";
    if (d.empty()) return;
    out << "\n| Thay đổi | Mã TTHC | Tên thủ tục hành chính | Chi tiết |\n|---|---|---|---|\n";
    for (const auto& p : d.added) out << "| mới ban hành | " << p.code << " | " << cell(p.name) << " | |\n";
    for (const auto& p : d.amended) {
        std::string fields;
        for (const auto& f : p.fields) fields += (fields.empty() ? "`" : ", `") + cell(f.field) + "`";
        out << "| sửa đổi, bổ sung | " << p.code << " | " << cell(p.name) << " | " << fields << " |\n";
    }
    for (const auto& r : d.replaced)
        out << "| thay thế | " << r.old_code << " → " << r.new_code << " | " << cell(r.new_name) << " | "
            << (r.reason == "same name" ? "cùng tên (phát hiện tự động)" : "theo " + cell(r.reason)) << " |\n";
    for (const auto& p : d.abolished)
        out << "| bãi bỏ | " << p.code << " | " << cell(p.name) << " | "
            << (p.missing ? "⚠ biến mất khỏi danh mục, không chuyển vào abolished/" : "") << " |\n";
}

}  // namespace

std::vector<XlsxSheet> diff_sheets(const CatalogDiff& d)
{
    auto text = [](const std::string& s) { return XlsxCell{s, {}}; };
    auto stt = [](std::size_t n) { return XlsxCell{{}, static_cast<double>(n)}; };
    auto value = [](const std::optional<std::string>& v) { return XlsxCell{v ? *v : "(không có)", {}}; };
    std::vector<XlsxSheet> sheets(4);
    XlsxSheet& added = sheets[0];
    added.name = "mới ban hành";
    added.header = {"STT", "Mã thủ tục", "Tên thủ tục"};
    added.widths = {6, 18, 80};
    for (const auto& p : d.added) added.rows.push_back({stt(added.rows.size() + 1), text(p.code), text(p.name)});

    XlsxSheet& amended = sheets[1];
    amended.name = "sửa đổi, bổ sung";
    amended.header = {"STT", "Mã thủ tục", "Tên thủ tục", "Nội dung sửa đổi", "Trước", "Sau"};
    amended.widths = {6, 18, 60, 30, 50, 50};
    std::size_t n = 0;
    for (const auto& p : d.amended) {
        ++n;
        for (const auto& f : p.fields)
            amended.rows.push_back({stt(n), text(p.code), text(p.name), text(f.field), value(f.before), value(f.after)});
    }

    XlsxSheet& replaced = sheets[2];
    replaced.name = "thay thế";
    replaced.header = {"STT", "Mã thủ tục bị thay thế", "Tên thủ tục bị thay thế", "Mã thủ tục thay thế",
                       "Tên thủ tục thay thế", "Căn cứ"};
    replaced.widths = {6, 22, 60, 20, 60, 30};
    for (const auto& r : d.replaced)
        replaced.rows.push_back({stt(replaced.rows.size() + 1), text(r.old_code), text(r.old_name), text(r.new_code),
                                 text(r.new_name),
                                 text(r.reason == "same name" ? "cùng tên (phát hiện tự động)" : "theo " + r.reason)});

    XlsxSheet& abolished = sheets[3];
    abolished.name = "bãi bỏ";
    abolished.header = {"STT", "Mã thủ tục", "Tên thủ tục", "Ghi chú"};
    abolished.widths = {6, 18, 80, 50};
    for (const auto& p : d.abolished)
        abolished.rows.push_back({stt(abolished.rows.size() + 1), text(p.code), text(p.name),
                                  text(p.missing ? "biến mất khỏi danh mục, không chuyển vào abolished/" : "")});
    return sheets;
}

void write_diff(std::ostream& out, DiffFormat format, const CatalogDiff& diff, bool color)
{
    switch (format) {
    case DiffFormat::text: write_text(out, diff, color); break;
    case DiffFormat::json: write_json(out, diff); break;
    case DiffFormat::markdown: write_markdown(out, diff); break;
    case DiffFormat::stat:
        out << "new " << diff.added.size() << "\namended " << diff.amended.size() << "\nreplaced "
            << diff.replaced.size() << "\nabolished " << diff.abolished.size() << "\nunchanged " << diff.unchanged
            << "\n";
        break;
    }
}

}  // namespace tthc
