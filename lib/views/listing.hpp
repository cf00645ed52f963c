// The danh mục of a catalog (tthc list): one row per procedure in force, in
// the order the decisions of announce list them (by the levels the procedure
// is run at, the highest first, then by lĩnh vực in Vietnamese order, then by
// code), rendered as aligned text, RFC 4180 CSV, JSON or an XLSX sheet.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "catalog/model.hpp"
#include "io/xlsx_writer.hpp"

namespace tthc {

struct ListRow {
    const Procedure* procedure = nullptr;
    std::string code, name, field, levels, time, fee, agency;  // levels "cấp tỉnh, cấp xã"; time and fee summed up
};

// The procedures in force, in the danh mục order above.
std::vector<ListRow> list_rows(const Catalog& catalog);

// Thời hạn of every channel in one line: "5 ngày làm việc" when every channel
// has the same, else "Trực tiếp: 5 ngày làm việc; Trực tuyến: 3 ngày làm việc".
std::string time_summary(const Procedure& p);

// Phí, lệ phí in one line: "Không thu", "50.000 đồng", per channel when they
// differ ("Trực tiếp: 50.000 đồng; Trực tuyến: 25.000 đồng"), "Không quy định"
// when no channel states a fee.
std::string fee_summary(const Procedure& p);

// Aligned columns under a Vietnamese header, the name last (it is long).
void write_list_text(std::ostream& out, const std::vector<ListRow>& rows);
// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break; UTF-8.
void write_list_csv(std::ostream& out, const std::vector<ListRow>& rows);
// An array of objects, one per row, with each channel's kind, case, time, fee and currency.
void write_list_json(std::ostream& out, const std::vector<ListRow>& rows);
// One sheet "Danh mục" with a Vietnamese header (STT first) for xlsx_bytes().
XlsxSheet list_sheet(const std::vector<ListRow>& rows);

}  // namespace tthc
