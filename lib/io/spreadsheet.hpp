// Reading the first sheet of a spreadsheet as rows of text cells with their
// positions: the national portal exports its lists as XLSX, and people save
// them as CSV. Nothing here knows what the columns mean (checks/portal_list.hpp
// does).
//
// No packaged C or C++ library reads XLSX on Debian 12, so the XLSX reader is
// our own, on the libzip and libxml2 the build already has: it reads
// xl/workbook.xml for the first sheet, xl/_rels/workbook.xml.rels for its part
// and the shared strings, the sheet's cells (shared strings with their
// rich-text runs, inline strings, numbers as stored, cell references with
// gaps) and its merged ranges. The files are untrusted: each part is read up
// to a size cap whatever the zip says it holds (zip bombs), and an XML part
// with a DOCTYPE is refused (no DTD is read, no entity expanded, no network).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace tthc {

struct SheetCell {
    std::uint32_t column = 0;  // 1-based: column A or the first field of a CSV record is 1
    Pos pos;                   // where to report it: XLSX sheet row and column; CSV line and column (in code points) where the field begins
    std::string text;          // UTF-8, as stored (line breaks inside a cell kept as "\n")
    bool number = false;       // XLSX: stored as a number, `text` is the number as written in the file ("1.001193")
};

struct SheetRow {
    std::uint32_t row = 0;         // 1-based: the XLSX sheet row, the CSV record
    std::vector<SheetCell> cells;  // in column order; empty cells are left out
};

// The biggest part of an XLSX file (or CSV file) read; anything bigger is refused.
inline constexpr std::size_t max_sheet_bytes = 64u << 20;

// The rows of the first sheet of an XLSX file whose bytes are `bytes`, in row
// order (rows without a value are left out). `name` names the file in errors.
// Throws Error ("NAME: ...", with the part and line inside the archive when
// an XML part is at fault) when the bytes are not a readable XLSX workbook.
std::vector<SheetRow> parse_xlsx(std::string_view bytes, const std::string& name);

// The records of an RFC 4180 CSV text: fields separated by commas, records by
// CRLF or LF, a field in double quotes may hold commas, line breaks and doubled
// quotes; UTF-8 with or without a byte order mark. Throws Error
// ("NAME:LINE:COLUMN: ...") on invalid UTF-8 or a broken quote.
std::vector<SheetRow> parse_csv(std::string_view bytes, const std::string& name);

// Reads `path` (a regular file, never through a link) and parses it by its
// extension, .xlsx or .csv (any case). Throws Error naming the path.
std::vector<SheetRow> read_sheet(const std::string& path);

}  // namespace tthc
