#include "core/values.hpp"

#include <unicode/uchar.h>

#include <array>
#include <cstdio>

#include "util/unicode.hpp"

namespace tthc {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads "12", "0,5", "1.25" from the front of s into thousandths.
std::optional<std::int64_t> take_number(std::string_view& s)
{
    std::size_t i = 0;
    std::int64_t whole = 0;
    while (i < s.size() && is_digit(s[i])) {
        whole = whole * 10 + (s[i] - '0');
        if (whole > 1'000'000'000) return std::nullopt;
        ++i;
    }
    if (i == 0) return std::nullopt;
    std::int64_t frac = 0;
    if (i < s.size() && (s[i] == ',' || s[i] == '.') && i + 1 < s.size() && is_digit(s[i + 1])) {
        ++i;
        int places = 0;
        while (i < s.size() && is_digit(s[i])) {
            if (places == 3) return std::nullopt;  // finer than a thousandth: not a duration anyone writes
            frac = frac * 10 + (s[i] - '0');
            ++places;
            ++i;
        }
        while (places++ < 3) frac *= 10;
    }
    s.remove_prefix(i);
    return whole * 1000 + frac;
}

}  // namespace

std::optional<std::int64_t> Duration::working_millihours(int hours_per_day) const
{
    switch (unit) {
    case Unit::immediate: return 0;
    case Unit::same_day: return std::int64_t{hours_per_day} * 1000;
    case Unit::working_hours: return milli;
    case Unit::working_days: return milli * hours_per_day;
    case Unit::calendar_days:
    case Unit::months: return std::nullopt;
    }
    return std::nullopt;
}

std::string format_milli(std::int64_t milli)
{
    std::string out = std::to_string(milli / 1000);
    std::int64_t frac = milli % 1000;
    if (frac != 0) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%03lld", static_cast<long long>(frac));
        std::string f(buf);
        while (!f.empty() && f.back() == '0') f.pop_back();
        out += "," + f;
    }
    return out;
}

std::string Duration::to_string() const
{
    switch (unit) {
    case Unit::immediate: return "Ngay";
    case Unit::same_day: return "Trong ngày";
    case Unit::working_hours: return format_milli(milli) + " giờ làm việc";
    case Unit::working_days: return format_milli(milli) + " ngày làm việc";
    case Unit::calendar_days: return format_milli(milli) + " ngày";
    case Unit::months: return format_milli(milli) + " tháng";
    }
    return {};
}

std::optional<Duration> parse_duration(std::string_view text)
{
    const std::string folded = fold(text);
    std::string_view s = folded;
    if (s == "ngay") return Duration{Duration::Unit::immediate, 0};
    if (s == "trong ngày") return Duration{Duration::Unit::same_day, 0};
    auto amount = take_number(s);
    if (!amount) return std::nullopt;
    s = trim(s);
    static const std::array<std::pair<std::string_view, Duration::Unit>, 5> units = {{
        {"giờ làm việc", Duration::Unit::working_hours},
        {"giờ", Duration::Unit::working_hours},
        {"ngày làm việc", Duration::Unit::working_days},
        {"ngày", Duration::Unit::calendar_days},
        {"tháng", Duration::Unit::months},
    }};
    for (const auto& [word, unit] : units)
        if (s == word) return Duration{unit, *amount};
    return std::nullopt;
}

namespace {

bool all_digits(std::string_view s, std::size_t n)
{
    if (s.size() != n) return false;
    for (char c : s)
        if (!is_digit(c)) return false;
    return true;
}

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

// "000.00.00.H48"
bool is_long_agency(std::string_view s)
{
    return s.size() == 13 && all_digits(s.substr(0, 3), 3) && s[3] == '.' && all_digits(s.substr(4, 2), 2) &&
           s[6] == '.' && all_digits(s.substr(7, 2), 2) && s[9] == '.' && is_upper_ascii(s[10]) &&
           all_digits(s.substr(11, 2), 2);
}

// "H19"
bool is_short_agency(std::string_view s)
{
    return s.size() == 3 && is_upper_ascii(s[0]) && all_digits(s.substr(1), 2);
}

bool is_slug(std::string_view s)
{
    if (s.empty() || s.front() == '-' || s.back() == '-') return false;
    char prev = 0;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || is_digit(c) || c == '-';
        if (!ok || (c == '-' && prev == '-')) return false;
        prev = c;
    }
    return true;
}

}  // namespace

std::optional<ProcedureCode> parse_code(std::string_view text)
{
    if (text.starts_with("TAM-")) {
        if (!is_slug(text.substr(4))) return std::nullopt;
        return ProcedureCode{ProcedureCode::Kind::provisional, std::string(text), std::string(text), {}};
    }
    if (text.size() < 8 || !is_digit(text[0]) || text[1] != '.' || !all_digits(text.substr(2, 6), 6))
        return std::nullopt;
    const std::string national(text.substr(0, 8));
    if (text.size() == 8) return ProcedureCode{ProcedureCode::Kind::national, national, national, {}};
    if (text[8] != '.') return std::nullopt;
    const std::string_view agency = text.substr(9);
    if (!is_long_agency(agency) && !is_short_agency(agency)) return std::nullopt;
    return ProcedureCode{ProcedureCode::Kind::provincial, std::string(text), national, std::string(agency)};
}

std::optional<LegalNumber> parse_legal_number(std::string_view text)
{
    LegalNumber out;
    std::string_view s = text;
    // number: digits, optionally a dot and digits
    std::size_t i = 0;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == 0) return std::nullopt;
    if (i < s.size() && s[i] == '.') {
        std::size_t j = i + 1;
        while (j < s.size() && is_digit(s[j])) ++j;
        if (j == i + 1) return std::nullopt;
        i = j;
    }
    out.number = std::string(s.substr(0, i));
    s.remove_prefix(i);
    if (s.empty() || s.front() != '/') return std::nullopt;
    s.remove_prefix(1);
    if (s.size() > 5 && all_digits(s.substr(0, 4), 4) && s[4] == '/') {
        const int year = std::stoi(std::string(s.substr(0, 4)));
        if (year < 1945 || year > 2100) return std::nullopt;
        out.year = year;
        s.remove_prefix(5);
    }
    // symbol: groups of letters and digits joined by '-', at least one letter
    if (s.empty()) return std::nullopt;
    bool group_empty = true, any_letter = false;
    for (std::size_t k = 0; k < s.size();) {
        const int32_t c = next_code_point(s, k);
        if (c == '-') {
            if (group_empty) return std::nullopt;
            group_empty = true;
        } else if (c >= '0' && c <= '9') {
            group_empty = false;
        } else if (c > 0 && u_isalpha(c)) {
            group_empty = false;
            any_letter = true;
        } else {
            return std::nullopt;
        }
    }
    if (group_empty || !any_letter) return std::nullopt;
    out.symbol = std::string(s);
    return out;
}

bool is_sign_mode(std::string_view text)
{
    static constexpr std::string_view modes[] = {"TM.", "KT.", "Q.", "TL.", "TUQ."};
    for (auto m : modes)
        if (text.starts_with(m)) return true;
    return false;
}

bool is_known_currency(std::string_view code)
{
    static constexpr std::array<std::string_view, 17> known = {"AUD", "CAD", "CHF", "CNY", "EUR", "GBP",
                                                               "HKD", "JPY", "KHR", "KRW", "LAK", "RUB",
                                                               "SGD", "THB", "TWD", "USD", "VND"};
    for (auto k : known)
        if (k == code) return true;
    return false;
}

std::string Date::to_string() const
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::optional<Date> parse_date(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4), 4) ||
        !all_digits(text.substr(5, 2), 2) || !all_digits(text.substr(8, 2), 2))
        return std::nullopt;
    Date d{std::stoi(std::string(text.substr(0, 4))), std::stoi(std::string(text.substr(5, 2))),
           std::stoi(std::string(text.substr(8, 2)))};
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days[d.month - 1]) return std::nullopt;
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    if (d.month == 2 && d.day == 29 && !leap) return std::nullopt;
    return d;
}

}  // namespace tthc
