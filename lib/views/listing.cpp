#include "views/listing.hpp"

#include <algorithm>

#include "core/vietnamese.hpp"
#include "decisions/decision_doc.hpp"
#include "util/json.hpp"
#include "util/unicode.hpp"

namespace tthc {

namespace {

std::string join(const std::vector<std::string>& items, const std::string& sep)
{
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
    return out;
}

// "Trực tiếp" or "Trực tiếp (Gửi hồ sơ qua bưu chính)".
std::string channel_label(const Channel& c)
{
    std::string label = kind_label(c.kind.value);
    if (!c.case_name.value.empty()) label += " (" + c.case_name.value + ")";
    return label;
}

std::string channel_time(const Channel& c) { return c.duration ? c.duration->to_string() : c.time.value; }

std::string channel_fee(const Channel& c)
{
    if (!c.fee) return "Không quy định";
    if (*c.fee == 0) return "Không thu";
    return money(*c.fee, c.currency.present ? c.currency.value : "VND");
}

// One value when every channel has the same, else "Label: value" per channel.
std::string per_channel(const Procedure& p, std::string (*value)(const Channel&), const std::string& none)
{
    if (p.channels.empty()) return none;
    std::vector<std::string> distinct;
    for (const auto& c : p.channels)
        if (std::find(distinct.begin(), distinct.end(), value(c)) == distinct.end()) distinct.push_back(value(c));
    if (distinct.size() == 1) return distinct[0];
    std::vector<std::string> parts;
    for (const auto& c : p.channels) parts.push_back(channel_label(c) + ": " + value(c));
    return join(parts, "; ");
}

std::string csv_field(const std::string& s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::string time_summary(const Procedure& p) { return per_channel(p, channel_time, ""); }

std::string fee_summary(const Procedure& p)
{
    const bool stated = std::any_of(p.channels.begin(), p.channels.end(), [](const Channel& c) { return c.fee.has_value(); });
    if (!stated) return "Không quy định";
    return per_channel(p, channel_fee, "Không quy định");
}

std::vector<ListRow> list_rows(const Catalog& catalog)
{
    std::vector<const Procedure*> procs;
    for (const auto& p : catalog.procedures) procs.push_back(&p);
    std::vector<std::vector<std::string>> levels(procs.size());
    for (std::size_t i = 0; i < procs.size(); ++i) levels[i] = sorted_levels(*procs[i]);
    std::vector<std::size_t> order(procs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (levels[a] != levels[b]) return levels_less(levels[a], levels[b]);
        const auto &fa = procs[a]->field.value, &fb = procs[b]->field.value;
        if (fa != fb) return vi_less(fa, fb);
        return procs[a]->code.value < procs[b]->code.value;
    });
    std::vector<ListRow> rows;
    for (std::size_t i : order) {
        const Procedure& p = *procs[i];
        rows.push_back({&p, p.code.value, p.name.value, p.field.value, join(levels[i], ", "), time_summary(p),
                        fee_summary(p), p.agency.value});
    }
    return rows;
}

void write_list_text(std::ostream& out, const std::vector<ListRow>& rows)
{
    std::vector<std::vector<std::string>> table;
    table.push_back({"Mã", "Lĩnh vực", "Cấp", "Thời hạn", "Phí, lệ phí", "Cơ quan thực hiện", "Tên thủ tục"});
    for (const auto& r : rows) table.push_back({r.code, r.field, r.levels, r.time, r.fee, r.agency, r.name});
    std::vector<std::size_t> width(table.front().size(), 0);
    for (const auto& row : table)
        for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], code_points(row[c]));
    for (const auto& row : table) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size()) line += std::string(width[c] - code_points(row[c]) + 2, ' ');
        }
        out << line << "\n";
    }
}

void write_list_csv(std::ostream& out, const std::vector<ListRow>& rows)
{
    out << "code,name,field,levels,time,fee,agency\r\n";
    for (const auto& r : rows)
        out << csv_field(r.code) << ',' << csv_field(r.name) << ',' << csv_field(r.field) << ',' << csv_field(r.levels)
            << ',' << csv_field(r.time) << ',' << csv_field(r.fee) << ',' << csv_field(r.agency) << "\r\n";
}

void write_list_json(std::ostream& out, const std::vector<ListRow>& rows)
{
    out << "[";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const ListRow& r = rows[i];
        out << (i ? ",\n  " : "\n  ") << "{\"code\": " << json_quote(r.code) << ", \"name\": " << json_quote(r.name)
            << ", \"field\": " << json_quote(r.field) << ", \"levels\": [";
        const auto levels = sorted_levels(*r.procedure);
        for (std::size_t l = 0; l < levels.size(); ++l) out << (l ? ", " : "") << json_quote(levels[l]);
        out << "], \"time\": " << json_quote(r.time) << ", \"fee\": " << json_quote(r.fee)
            << ", \"agency\": " << json_quote(r.agency) << ", \"channels\": [";
        const auto& channels = r.procedure->channels;
        for (std::size_t c = 0; c < channels.size(); ++c) {
            const Channel& ch = channels[c];
            out << (c ? ", " : "") << "{\"kind\": " << json_quote(ch.kind.value);
            if (!ch.case_name.value.empty()) out << ", \"case\": " << json_quote(ch.case_name.value);
            out << ", \"time\": " << json_quote(channel_time(ch)) << ", \"fee\": ";
            if (ch.fee)
                out << *ch.fee;
            else
                out << "null";
            out << ", \"currency\": " << json_quote(ch.currency.present ? ch.currency.value : "VND") << "}";
        }
        out << "]}";
    }
    out << (rows.empty() ? "]\n" : "\n]\n");
}

XlsxSheet list_sheet(const std::vector<ListRow>& rows)
{
    XlsxSheet s;
    s.name = "Danh mục";
    s.header = {"STT", "Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Thời hạn giải quyết", "Phí, lệ phí",
                "Cơ quan thực hiện"};
    s.widths = {6, 16, 70, 24, 14, 28, 22, 36};
    std::size_t n = 0;
    for (const auto& r : rows) {
        const Procedure& p = *r.procedure;
        XlsxCell fee{r.fee, {}};
        const bool one_fee = !p.channels.empty() && p.channels.front().fee && *p.channels.front().fee != 0 &&
                             std::all_of(p.channels.begin(), p.channels.end(), [&](const Channel& c) {
                                 return c.fee == p.channels.front().fee && c.currency.value == p.channels.front().currency.value;
                             });
        // A single fee in đồng is a number, so officers can sum and filter it.
        if (one_fee && (!p.channels.front().currency.present || p.channels.front().currency.value == "VND"))
            fee = {{}, static_cast<double>(*p.channels.front().fee)};
        s.rows.push_back({{{}, static_cast<double>(++n)}, {r.code, {}}, {r.name, {}}, {r.field, {}}, {r.levels, {}},
                          {r.time, {}}, fee, {r.agency, {}}});
    }
    return s;
}

}  // namespace tthc
