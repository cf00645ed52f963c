// The value parsers (durations, codes, legal numbers, dates) on arbitrary
// text, with the oracles their contracts give: what parses prints in a
// canonical spelling that parses back to the same value, and the arithmetic
// on a parsed value stays defined (UBSan checks the overflow).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/values.hpp"
#include "core/vietnamese.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace tthc;
    using fuzz::fail;
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    if (const auto d = parse_duration(text)) {
        const std::string canonical = d->to_string();
        const auto again = parse_duration(canonical);
        if (!again || !(*again == *d)) fail("a duration does not parse back from its spelling", canonical);
        for (int hours : {1, 8, 24}) (void)d->working_millihours(hours);
    }
    if (const auto c = parse_code(text)) {
        if (c->text != text) fail("a code is not kept as written");
        const auto again = parse_code(c->text);
        if (!again || again->identity != c->identity || again->agency != c->agency || again->kind != c->kind)
            fail("a code parses differently the second time", c->text);
        if (c->kind != ProcedureCode::Kind::provisional && !parse_code(c->identity))
            fail("the national code of a code is not a code", c->identity);
    }
    if (const auto n = parse_legal_number(text)) {
        if (n->number.empty() || n->symbol.empty()) fail("a legal number without number or symbol", text);
        const std::string rebuilt = n->number + "/" + (n->year ? std::to_string(*n->year) + "/" : "") + n->symbol;
        if (rebuilt != text) fail("a legal number does not rebuild into its text", rebuilt);
    }
    if (const auto date = parse_date(text)) {
        if (date->to_string() != text) fail("a date does not print as it was written", date->to_string());
        (void)date_in_words(*date);
        (void)date_numeric(*date);
        // From the first of January: bounded work per input, and a count no calendar exceeds.
        const int working = working_days_between(Date{date->year, 1, 1}, *date);
        if (working < 0 || working > 262) fail("working days in part of one year out of range", text);
        if (days_from_civil(*date) - days_from_civil(Date{date->year, 1, 1}) > 365)
            fail("a day of the year beyond 366", text);
    }
    return 0;
}
