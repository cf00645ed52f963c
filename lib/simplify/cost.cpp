#include "simplify/cost.hpp"

#include "util/i18n.hpp"
#include "util/unicode.hpp"

namespace tthc {

namespace {

struct ChannelHours {
    std::int64_t submit = 0, receive = 0;
};

ChannelHours channel_hours(const std::string& kind, const CostDefaults& d)
{
    if (kind == "trực tuyến") return {d.submit_online, d.receive_online};
    if (kind == "bưu chính") return {d.submit_post, d.receive_post};
    return {d.submit_direct, d.receive_direct};
}

// Rounds half up: amounts here are never negative.
std::int64_t div_round(std::int64_t a, std::int64_t b) { return (a + b / 2) / b; }

std::int64_t hours_money(std::int64_t millihours, std::int64_t hour_value, std::int64_t n)
{
    return div_round(millihours * hour_value * n, 1000);
}

std::vector<CostLine> empty_lines()
{
    return {{"learn", "Tìm hiểu thông tin về thủ tục hành chính", 0, 0},
            {"prepare", "Chuẩn bị thành phần hồ sơ", 0, 0},
            {"submit", "Nộp hồ sơ", 0, 0},
            {"wait", "Chờ đợi kết quả (thời hạn giải quyết)", 0, 0},
            {"receive", "Nhận kết quả", 0, 0},
            {"fee", "Phí, lệ phí", 0, 0},
            {"other", "Chi phí khác (chứng thực bản sao)", 0, 0}};
}

}  // namespace

std::int64_t counted_millihours(const Duration& d, int hours_per_day)
{
    if (auto h = d.working_millihours(hours_per_day)) return *h;
    if (d.unit == Duration::Unit::calendar_days) return d.milli * hours_per_day;
    return d.milli * 30 * hours_per_day;  // months
}

ProcedureCost zero_cost()
{
    ProcedureCost c;
    c.lines = empty_lines();
    return c;
}

ProcedureCost compliance_cost(const Procedure& p, const CatalogInfo& info, const CostDefaults& d,
                              std::int64_t n)
{
    const std::int64_t hv = info.hour_value;
    const int hpd = info.hours_per_day;

    std::int64_t entries = 0, certified = 0;
    for (const auto& e : p.dossier) {
        if (e.present_only || e.originals + e.copies <= 0) continue;
        ++entries;
        if (fold(e.name.value).find("chứng thực") != std::string::npos) certified += e.copies;
    }

    std::optional<ProcedureCost> best;
    for (const auto& ch : p.channels) {
        ProcedureCost c;
        c.channel = ch.kind.value;
        c.lines = empty_lines();
        const ChannelHours h = channel_hours(ch.kind.value, d);
        c.wait_millihours = ch.duration ? counted_millihours(*ch.duration, hpd) : 0;
        if (!ch.duration) c.notes.push_back(tr("the thời hạn of channel \"{0}\" is not a duration; waiting is not counted", ch.kind.value));
        std::int64_t hours[] = {d.learn, entries * d.per_entry, h.submit, c.wait_millihours, h.receive};
        if (!d.activities) hours[0] = hours[1] = hours[2] = hours[4] = 0;  // the thời hạn alone
        for (std::size_t i = 0; i < 5; ++i) {
            c.lines[i].millihours = hours[i];
            c.lines[i].per_year = hours_money(hours[i], hv, n);
        }
        const std::string currency = ch.currency.value.empty() ? "VND" : ch.currency.value;
        if (ch.fee && currency == "VND")
            c.lines[5].per_year = *ch.fee * n;
        else if (ch.fee && *ch.fee > 0)
            // TRANSLATORS: {0} is the channel (cách thức thực hiện), {1} a currency code such as USD
            c.notes.push_back(tr("the fee of channel \"{0}\" is in {1} and is not counted", ch.kind.value, currency));
        c.lines[6].per_year = d.activities ? certified * d.certified_copy_fee * n : 0;
        for (const auto& l : c.lines) c.per_year += l.per_year;
        if (!best || c.per_year < best->per_year) best = std::move(c);
    }
    if (!best) {
        ProcedureCost c = zero_cost();
        c.notes.push_back(tr("procedure {0} has no channel; nothing is counted", p.code.value));
        return c;
    }
    return *best;
}

std::int64_t reduction_bp(std::int64_t before, std::int64_t after)
{
    if (before <= 0) return 0;
    const std::int64_t num = (before - after) * 10000;
    // Round half away from zero so that a rise prints symmetrically.
    return num >= 0 ? (num + before / 2) / before : -((-num + before / 2) / before);
}

std::string format_percent_bp(std::int64_t bp)
{
    if (bp < 0) return "-" + format_milli(-bp * 10) + "%";
    return format_milli(bp * 10) + "%";
}

std::string format_days(std::int64_t millihours, int hours_per_day)
{
    if (hours_per_day <= 0) hours_per_day = 8;
    return format_milli(div_round(millihours, hours_per_day)) + " ngày làm việc";
}

}  // namespace tthc
