// Writing spreadsheets for officers who review lists in Excel: sheets of rows
// of cells, each sheet with a header row in bold, frozen, under an autofilter,
// and its column widths set. libxlsxwriter appears only in xlsx_writer.cpp.
// The bytes depend only on the sheets and `created` (docProps/core.xml; the
// zip entries carry libxlsxwriter's fixed date), so two runs give the same file.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace tthc {

struct XlsxCell {
    std::string text;               // written as a string unless `number` is set
    std::optional<double> number;   // written as a number
};

struct XlsxSheet {
    std::string name;                         // at most 31 characters, none of []:*?/\ (Excel's rule)
    std::vector<std::string> header;          // the first row
    std::vector<double> widths;               // column widths in characters, one per header cell
    std::vector<std::vector<XlsxCell>> rows;  // the rows below the header
};

// The XLSX file holding `sheets`, in order, with `created` as its creation
// date. libxlsxwriter writes through a file: it is made in a private
// temporary directory, read back and removed. Throws Error with
// libxlsxwriter's message when it cannot be written.
std::string xlsx_bytes(const std::vector<XlsxSheet>& sheets, std::time_t created);

// The creation date the commands give a spreadsheet: SOURCE_DATE_EPOCH when it
// is set (reproducible builds' convention), else 2000-01-01T00:00:00Z, so that
// the same catalog always gives the same bytes.
std::time_t xlsx_created_time();

}  // namespace tthc
