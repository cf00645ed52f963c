// Conventions of Vietnamese administrative writing (Nghị định 30/2020/NĐ-CP):
// dates in words with the decree's leading zeros, capitals, money amounts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/values.hpp"

namespace tthc {

// "ngày 11 tháng 01 năm 2023": days below 10 and the months January and
// February take a leading zero (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.5).
std::string date_in_words(const Date& d);

// "11/01/2023"
std::string date_numeric(const Date& d);

// Upper case with Vietnamese rules ("Ủy ban nhân dân" -> "ỦY BAN NHÂN DÂN").
std::string upper(std::string_view utf8);

// First letter in upper case.
std::string capitalize(std::string_view utf8);

// The digits of n grouped by thousands with `separator`: "70.702" (the
// Vietnamese way, and money's), "70,702" in English.
std::string group_thousands(std::uint64_t n, std::string_view separator = ".");

// "8.000 đồng", "10 USD", "0 đồng".
std::string money(std::int64_t amount, std::string_view currency);

// Working days (Monday to Friday) from `from` (exclusive) to `to` (inclusive);
// public holidays are not known and so are counted as working days.
int working_days_between(const Date& from, const Date& to);

// Days since 1970-01-01 (for date arithmetic).
long days_from_civil(const Date& d);

// Midnight (UTC) of the date, in seconds since 1970-01-01: the timestamp a
// document dated `d` carries (DOCX entries), so it never depends on the clock.
long long epoch_seconds(const Date& d);

}  // namespace tthc
