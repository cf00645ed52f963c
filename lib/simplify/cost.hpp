// Compliance cost (chi phí tuân thủ) of a procedure. Two methods:
// - by thời hạn (the default, the one real decisions use, e.g. Đồng Nai
//   2816/QĐ-UBND of 2025): thời hạn in working hours × the value of an hour ×
//   the dossiers a year, plus fees;
// - by activity (Thông tư 02/2017/TT-VPCP's compliance-cost form): the hours a
//   person spends on each activity × the value of an hour, plus fees and other
//   costs, × the dossiers a year.
// Money is integer đồng; hours are kept in thousandths so that half hours add
// up exactly. Both are documented in tthc-simplify(1).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/model.hpp"

namespace tthc {

// Hours per dossier (× 1000) of the activities the catalog does not record;
// defaults are the toolkit's, overridable in the [cost] table of the rule file.
struct CostDefaults {
    std::int64_t learn = 1000;             // tìm hiểu thông tin về thủ tục
    std::int64_t per_entry = 1000;         // chuẩn bị mỗi thành phần hồ sơ phải nộp
    std::int64_t submit_direct = 2000;     // nộp hồ sơ trực tiếp (đi lại, chờ tiếp nhận)
    std::int64_t submit_post = 1000;       // gửi hồ sơ qua bưu chính
    std::int64_t submit_online = 500;      // nộp hồ sơ trực tuyến
    std::int64_t receive_direct = 2000;    // nhận kết quả trực tiếp
    std::int64_t receive_post = 500;       // nhận kết quả qua bưu chính
    std::int64_t receive_online = 500;     // nhận kết quả trực tuyến
    std::int64_t certified_copy_fee = 2000;  // đồng per certified copy handed in (chi phí khác)
    bool activities = false;               // the activity method instead of the thời hạn method (the default)
};

// One line of the cost: an activity's hours, or money (fees, other costs).
struct CostLine {
    std::string id;     // stable: learn, prepare, submit, wait, receive, fee, other
    std::string label;  // Vietnamese, as printed in documents
    std::int64_t millihours = 0;  // per dossier (0 for money lines)
    std::int64_t per_year = 0;    // đồng a year
};

struct ProcedureCost {
    std::string channel;                  // the channel counted ("" when the procedure is abolished)
    std::int64_t wait_millihours = 0;     // the thời hạn counted, in working hours × 1000
    std::vector<CostLine> lines;          // always the same ids in the same order
    std::int64_t per_year = 0;            // the sum of the lines
    std::vector<std::string> notes;       // what could not be counted, for people (translated)
};

// The cost a year of `p` for `dossiers_per_year` dossiers. Of several channels
// the one that costs a person least is counted (ties: the first). A thời hạn in
// calendar days counts each day as a working day, a month as 30 days; fees in
// another currency than VND are not counted (a note says so).
ProcedureCost compliance_cost(const Procedure& p, const CatalogInfo& info, const CostDefaults& defaults,
                              std::int64_t dossiers_per_year);

// The cost of nothing (an abolished procedure): every line zero.
ProcedureCost zero_cost();

// A thời hạn in working hours × 1000 as the cost counts it (see compliance_cost).
std::int64_t counted_millihours(const Duration& d, int hours_per_day);

// (before - after) / before in hundredths of a percent, rounded half up; 0 when before is 0.
std::int64_t reduction_bp(std::int64_t before, std::int64_t after);

// "10%", "12,35%", "-5%".
std::string format_percent_bp(std::int64_t bp);

// Working hours × 1000 as days: "10 ngày làm việc", "2,5 ngày làm việc".
std::string format_days(std::int64_t millihours, int hours_per_day);

}  // namespace tthc
