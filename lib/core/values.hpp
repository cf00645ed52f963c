// Value types of the domain, each with a parser that returns nothing on bad
// input (the caller knows the position and reports it): durations (thời hạn),
// procedure codes, legal document numbers, currencies and dates.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tthc {

// A thời hạn (catalog-format.md 3.2). Amounts are kept in thousandths so that
// "0,5 ngày làm việc" adds up exactly.
struct Duration {
    enum class Unit { immediate, same_day, working_hours, working_days, calendar_days, months };
    Unit unit = Unit::immediate;
    std::int64_t milli = 0;  // amount × 1000 (0 for immediate and same_day)

    // Working hours × 1000, or nothing for calendar days and months, which do
    // not convert. "Trong ngày" counts as one full working day.
    std::optional<std::int64_t> working_millihours(int hours_per_day) const;

    // The canonical spelling: "5 ngày làm việc", "0,5 giờ làm việc", "Trong ngày".
    std::string to_string() const;

    bool operator==(const Duration& o) const { return unit == o.unit && milli == o.milli; }
};

// Parses a duration; case, leading zeros, a comma or dot decimal mark and extra
// spaces do not matter. Nothing when the text is not a duration.
std::optional<Duration> parse_duration(std::string_view text);

// Formats thousandths with a Vietnamese decimal comma: 80000 -> "80", 500 -> "0,5".
std::string format_milli(std::int64_t milli);

// A mã thủ tục (catalog-format.md 3.1).
struct ProcedureCode {
    enum class Kind { national, provincial, provisional };
    Kind kind = Kind::national;
    std::string text;      // as written
    std::string identity;  // the national code for national and provincial codes; the text for provisional ones
    std::string agency;    // provincial instances: "000.00.00.H48" or "H19"
};

std::optional<ProcedureCode> parse_code(std::string_view text);

// A số ký hiệu (catalog-format.md 3.3).
struct LegalNumber {
    std::string number;        // "123", "66.7"
    std::optional<int> year;   // normative documents carry the year
    std::string symbol;        // "NĐ-CP", "QĐ-BCA-C06"
};

std::optional<LegalNumber> parse_legal_number(std::string_view text);

// Whether a signature line is one of the forms of Nghị định 30/2020/NĐ-CP
// (thẩm quyền ký): it starts with TM., KT., Q., TL. or TUQ. ("KT. CHỦ TỊCH").
bool is_sign_mode(std::string_view text);

// ISO 4217 codes the toolkit accepts for fees.
bool is_known_currency(std::string_view code);

struct Date {
    int year = 0, month = 0, day = 0;
    auto operator<=>(const Date&) const = default;
    std::string to_string() const;  // ISO 8601: 2025-07-01
};

// Parses YYYY-MM-DD, checking the calendar; nothing otherwise.
std::optional<Date> parse_date(std::string_view text);

}  // namespace tthc
