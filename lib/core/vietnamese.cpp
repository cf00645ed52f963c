#include "core/vietnamese.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cstdio>

namespace tthc {

std::string date_in_words(const Date& d)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "ngày %02d tháng %s năm %d", d.day,
                  d.month < 3 ? (d.month == 1 ? "01" : "02") : std::to_string(d.month).c_str(), d.year);
    return buf;
}

std::string date_numeric(const Date& d)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
    return buf;
}

namespace {
const icu::Locale& vietnamese()
{
    static const icu::Locale vi("vi");
    return vi;
}
}  // namespace

std::string upper(std::string_view utf8)
{
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    u.toUpper(vietnamese());
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string capitalize(std::string_view utf8)
{
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    if (u.length() == 0) return {};
    icu::UnicodeString first = u.tempSubString(0, 1);
    first.toUpper(vietnamese());
    std::string out;
    (first + u.tempSubString(1)).toUTF8String(out);
    return out;
}

std::string group_thousands(std::uint64_t n, std::string_view separator)
{
    const std::string digits = std::to_string(n);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += separator;
        grouped += digits[i];
    }
    return grouped;
}

std::string money(std::int64_t amount, std::string_view currency)
{
    const std::uint64_t magnitude =
        amount < 0 ? std::uint64_t(0) - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
    std::string grouped = group_thousands(magnitude);
    if (amount < 0) grouped.insert(grouped.begin(), '-');
    if (currency.empty() || currency == "VND") return grouped + " đồng";
    return grouped + " " + std::string(currency);
}

long days_from_civil(const Date& date)
{
    // Howard Hinnant's algorithm
    int y = date.year;
    const unsigned m = static_cast<unsigned>(date.month), d = static_cast<unsigned>(date.day);
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3u : 9u)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

int working_days_between(const Date& from, const Date& to)
{
    int count = 0;
    for (long day = days_from_civil(from) + 1; day <= days_from_civil(to); ++day) {
        const long weekday = ((day % 7) + 7 + 4) % 7;  // 1970-01-01 was a Thursday (4); 0 = Sunday
        if (weekday != 0 && weekday != 6) ++count;
    }
    return count;
}

long long epoch_seconds(const Date& d)
{
    constexpr long long seconds_per_day = 86400;
    return days_from_civil(d) * seconds_per_day;
}

}  // namespace tthc
