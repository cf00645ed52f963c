// Simplification (đơn giản hóa thủ tục hành chính): candidates found by the
// rules of an editable rule file (data/simplify-rules.toml), plans applied to a
// procedure and costed (cost.hpp), and the catalog's progress against the 30%
// targets of Nghị quyết 66/NQ-CP ngày 26/3/2025. Rules live in a file rather
// than in code so that legal officers can change the wording, the legal
// pointers and the terms matched without a new build.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "simplify/cost.hpp"
#include "documents/document.hpp"
#include "catalog/model.hpp"

namespace tthc {

// ---------------------------------------------------------------- rules

// A rule of the rule file: which check it runs and the words it prints.
struct SimplifyRule {
    std::string id;        // stable, [a-z0-9-]
    std::string check;     // dossier-mentions | no-online | time-above-median | fee-without-basis
    std::vector<std::vector<std::string>> all;  // dossier-mentions: every group must match one of its terms
    std::vector<std::string> none;              // dossier-mentions: no term may match
    std::vector<std::string> terms;             // fee-without-basis: words naming fees in a legal basis
    std::int64_t min_group = 3;                 // time-above-median: fewer procedures compare with nothing
    std::string message, reason, legal, proposal;  // {code} {entry} {time} {median} {group} {fee} are filled in
};

struct SimplifyRules {
    std::string path;  // where they were read from
    std::vector<SimplifyRule> rules;
    CostDefaults cost;
};

// Reads a rule file. Throws Error "path:line:col: message" on a syntax error,
// an unknown key or check, or a missing required key.
SimplifyRules load_simplify_rules(const std::string& path);
SimplifyRules parse_simplify_rules(const std::string& text, const std::string& display_path);

// The rule file to use: `explicit_path` when given, else the first that exists
// of <exe_dir>/../share/tthc/simplify-rules.toml, <exe_dir>/simplify-rules.toml
// and the source tree's data/simplify-rules.toml. Throws Error when none does.
std::string find_simplify_rules(const std::string& explicit_path, const std::string& exe_dir);

// ---------------------------------------------------------------- suggest

struct Suggestion {
    std::string file;     // as in diagnostics
    Pos pos;              // the entry, channel or procedure concerned
    std::string rule;     // the rule id
    std::string code, name, field;
    std::string message, reason, legal, proposal;
};

// Every candidate of every rule in `only` (all rules when empty), sorted by
// file, position and rule. Throws Error for an id in `only` that no rule has.
std::vector<Suggestion> suggest(const Catalog& c, const SimplifyRules& rules, const std::vector<std::string>& only = {});

std::string suggestions_text(const std::vector<Suggestion>& s);
std::string suggestions_json(const std::vector<Suggestion>& s);
std::string suggestions_markdown(const Catalog& c, const std::vector<Suggestion>& s);

// ---------------------------------------------------------------- plans

struct ChangeEffect {
    std::string description;  // Vietnamese: "Bãi bỏ thành phần hồ sơ “...”"
    std::int64_t time_before = 0, time_after = 0;  // working hours × 1000
    std::int64_t cost_before = 0, cost_after = 0;  // đồng a year
};

struct PlanEvaluation {
    const Plan* plan = nullptr;
    const Procedure* before = nullptr;
    Procedure after;          // the procedure with the plan applied
    bool abolished = false;   // the plan abolishes the procedure
    ProcedureCost cost_before, cost_after;
    std::vector<ChangeEffect> effects;  // one per change, applied in order
    std::int64_t time_before = 0, time_after = 0;  // working hours × 1000 (the counted channel)
    std::int64_t time_bp = 0, cost_bp = 0;         // reduction rates, hundredths of a percent
    bool time_met = false, cost_met = false;       // at least 30%
};

constexpr std::int64_t target_bp = 3000;  // 30%, Nghị quyết 66/NQ-CP

// The plan with this id, or nullptr.
const Plan* find_plan(const Catalog& c, const std::string& id);

// Applies a plan to its procedure and costs both. Throws Error when the
// procedure is not in the catalog or a change names what the procedure lacks.
PlanEvaluation evaluate_plan(const Catalog& c, const Plan& plan, const CostDefaults& defaults);

// Where the draft goes inside an output directory: procedures/<sub>/<code>.toml
// (abolished/... for a plan that abolishes), mirroring the catalog.
std::string draft_relative_path(const Catalog& c, const PlanEvaluation& e);

struct PlanDocInfo {
    std::string number;          // of the decision; blank when unknown
    std::optional<Date> date;    // blank when unknown
    std::string signer, signer_title, sign_mode;
    std::string proposer, submission, scope;  // as for announcements
    std::optional<Date> submission_date;
    bool activities = false;     // the cost was counted by activity (the table of activities is shown)
};

// The quyết định thông qua phương án đơn giản hóa (as Đồng Nai 2816/QĐ-UBND of
// 2025 lays it out) with its appendix: Phần I, the list (STT | Mã số TTHC |
// Tên | Nội dung đề xuất) grouped by level and field; Phần II, per procedure
// Nội dung đơn giản hóa, Lý do, Kiến nghị thực thi and Lợi ích with the costs.
doc::Document plan_document(const Catalog& c, const PlanEvaluation& e, const PlanDocInfo& info);

std::string plan_json(const Catalog& c, const PlanEvaluation& e);

// ---------------------------------------------------------------- report

struct ReportRow {
    std::string field;        // "" for the total
    std::size_t plans = 0;
    std::int64_t time_before = 0, time_after = 0;  // working hours × 1000, summed
    std::int64_t cost_before = 0, cost_after = 0;  // đồng a year, summed
    std::int64_t time_bp = 0, cost_bp = 0;         // reduction rates
    std::int64_t time_share_bp = 0, cost_share_bp = 0;  // rate / 30%
};

struct SimplifyReport {
    std::vector<ReportRow> fields;  // Vietnamese order
    ReportRow total;
    bool targets_met() const;       // both overall rates at least 30% (false without plans)
};

SimplifyReport build_report(const Catalog& c, const std::vector<PlanEvaluation>& plans);

std::string report_text(const Catalog& c, const SimplifyReport& r);
std::string report_markdown(const Catalog& c, const SimplifyReport& r);
std::string report_json(const Catalog& c, const SimplifyReport& r);
// A bar chart of the reduction rates per field against the 30% line (libxml2 xmlTextWriter).
std::string report_svg(const Catalog& c, const SimplifyReport& r);

// Writes the procedure as the plan leaves it, as a catalog-format draft under
// `out_dir` (at draft_relative_path), for review; returns the path written, as
// `out_dir` joined with it. Refuses (Error) an `out_dir` inside the catalog at
// `catalog_path` (the catalog is never rewritten) and an existing draft
// unless `force`; the write is atomic.
std::string write_plan_draft(const Catalog& c, const PlanEvaluation& e, const std::string& catalog_path,
                             const std::string& out_dir, bool force);

}  // namespace tthc
