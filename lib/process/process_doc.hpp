// Internal processes (quy trình nội bộ, catalog-format.md section 4) made ready
// for what `tthc process` produces from them: the processes a run is about,
// each resolved against its procedure, channel and units; their findings (the
// lint checks, not a second copy of them); and the quyết định phê duyệt quy
// trình nội bộ with its appendix table. BPMN and flowcharts (bpmn.hpp,
// flowchart.hpp) draw the same resolved processes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/ledger.hpp"
#include "core/diagnostic.hpp"
#include "documents/document.hpp"
#include "catalog/model.hpp"
#include "core/values.hpp"

namespace tthc {

// One step with what the outputs need: the unit's name from units.toml (the
// id when the unit is unknown) and the step's time in working hours × 1000
// (nothing when the time did not parse or is in calendar time).
struct ResolvedStep {
    const ProcessStep* step = nullptr;
    std::string unit_name;
    std::optional<std::int64_t> millihours;
};

struct ResolvedProcess {
    const Process* process = nullptr;
    const Procedure* procedure = nullptr;  // nothing when the process names no procedure of the catalog
    const Channel* channel = nullptr;      // process_channel(): the thời hạn the process must fit, or nothing
    std::vector<ResolvedStep> steps;
    std::int64_t counted_millihours = 0;   // the counted steps that convert to working hours
    int hours_per_day = 8;

    // The procedure code as the catalog writes it (the process's `procedure` key).
    const std::string& code() const { return process->procedure.value; }
};

// The processes a run is about: those of the procedures named by `codes` (any
// spelling of the same code), or every process of the catalog when `codes` is
// empty; sorted as decisions list procedures (level, field, code). Throws Error
// for a code that is not a procedure code, not in the catalog, abolished, or
// without an internal process.
std::vector<ResolvedProcess> select_processes(const Catalog& catalog, const std::vector<std::string>& codes);

// The findings about these processes, sorted: the load findings in their files
// and those of the catalog checks (check_catalog(), shared with `tthc lint`:
// units, the procedure, the sum against the thời hạn) that land in them.
std::vector<Diagnostic> process_findings(const Catalog& catalog, const std::vector<Diagnostic>& load_findings,
                                         const std::vector<ResolvedProcess>& processes, const Date& today);

// "8 giờ làm việc"; "Không tính thời gian" for a step outside the deadline; the
// time as written when it does not convert to working hours.
std::string step_time_text(const ResolvedStep& s);

// "80 giờ làm việc (tương đương 10 ngày làm việc)".
std::string total_text(const ResolvedProcess& p);

struct ProcessDecisionInfo {
    std::string number;                    // "2002/QĐ-UBND"; may be a blank draft number "      /QĐ-UBND"
    Date date;                             // signing date
    std::optional<Date> effective;         // nothing: "kể từ ngày ký"
    std::string signer, signer_title, sign_mode;
    std::string proposer;                  // Theo đề nghị của ... (default as for announcements)
    std::string submission;                // Tờ trình "125/TTr-STP"
    std::optional<Date> submission_date;
    std::string scope;                     // managing department (default: catalog.toml [[field]], else the authority)
    std::vector<std::string> extra_basis;  // more căn cứ, as written
};

// The trích yếu: "Về việc phê duyệt quy trình nội bộ giải quyết thủ tục hành chính lĩnh vực ...".
std::string process_decision_title(const Catalog& catalog, const std::vector<ResolvedProcess>& processes,
                                   const ProcessDecisionInfo& info);

// The căn cứ, each without its final punctuation: the organisation law, Nghị
// định 63/2010 (as amended), Nghị định 118/2025 (one-stop mechanism), the
// ledger's decisions that announced these procedures, `extra_basis`, and the
// proposer.
std::vector<std::string> process_decision_basis(const Catalog& catalog, const std::vector<ResolvedProcess>& processes,
                                                const ProcessDecisionInfo& info);

// The whole decision with its appendix: per procedure, grouped by level and
// field, the table Thứ tự công việc | Đơn vị/người thực hiện | Nội dung công
// việc | Thời gian thực hiện | Kết quả/biểu mẫu and the total. Every process
// must have its procedure (select_processes() and findings without errors
// guarantee it).
doc::Document build_process_decision(const Catalog& catalog, const std::vector<ResolvedProcess>& processes,
                                     const ProcessDecisionInfo& info);

// The ledger entry of the approval decision (catalog-format.md section 6): its
// number, dates, signer, căn cứ and the processes it approves.
LedgerEntry process_ledger_entry(const Catalog& catalog, const std::vector<ResolvedProcess>& processes,
                                 const ProcessDecisionInfo& info);

}  // namespace tthc
