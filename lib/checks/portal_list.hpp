// "Is my catalog the portal's?": the list of an authority's procedures that
// the national portal (Cổng Dịch vụ công quốc gia) exports, compared with a
// catalog (lint --portal-list). The export is a spreadsheet (io/spreadsheet.hpp):
// a title row merged across the columns, the header row
// "Mã số | Tên | Cơ quan ban hành | Cơ quan thực hiện | Lĩnh vực", then one row
// per procedure. The header is found by its "Mã số" cell, so a CSV saved with
// or without the title row reads alike.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "catalog/model.hpp"
#include "checks/lint.hpp"
#include "core/diagnostic.hpp"
#include "io/spreadsheet.hpp"

namespace tthc {

struct PortalEntry {
    std::uint32_t row = 0;  // the sheet row (XLSX) or record (CSV)
    Pos code_pos, name_pos;
    std::string code;       // the Mã số as a code: a number stored as 1.00119 reads 1.001190
    std::string name;       // the Tên, as written
};

struct PortalList {
    std::string file;  // as given, for the findings' positions
    std::vector<PortalEntry> entries;  // in row order; rows without a Mã số are left out
};

// The entries of a sheet's rows: the header is the first row (of the first
// 20) with a cell "Mã số"; it must have a "Tên" (or "Tên thủ tục") cell.
// Throws Error ("FILE: ..." or "FILE:ROW:COLUMN: ...") when it has none.
PortalList portal_list_from_rows(const std::vector<SheetRow>& rows, const std::string& file);

// read_sheet and portal_list_from_rows: throws Error when the file cannot be
// read or is not such a list.
PortalList read_portal_list(const std::string& path);

// The catalog against the list: portal-missing and portal-name at the
// catalog's procedures (those kept whole in `catalog`, and `keys`),
// portal-extra, portal-abolished, portal-duplicate and bad-code at the list's
// rows. Unsorted.
std::vector<Diagnostic> check_portal_list(const PortalList& list, const Catalog& catalog,
                                          const std::vector<ProcedureKey>& keys);

}  // namespace tthc
