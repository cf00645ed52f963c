// tthc simplify: suggest candidates for simplification (rules from a rule
// file), evaluate one plan (figures, draft procedure, the plan appendix) and
// report every plan of a catalog against the 30% targets.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>
#include <algorithm>
#include <iostream>

#include "catalog/catalog_writer.hpp"
#include "command.hpp"
#include "decision_options.hpp"
#include "io/files.hpp"
#include "catalog/loader.hpp"
#include "checks/report.hpp"
#include "decisions/decision_doc.hpp"
#include "simplify/simplify.hpp"
#include "core/version.hpp"
#include "core/vietnamese.hpp"

namespace tthc::cli {

namespace {

namespace fs = std::filesystem;

struct SimplifyArgs {
    CommonOptions common;
    std::string catalog, plan_id, rules, out_dir, output, number, date, submission_date, cost_method = "time";
    std::vector<std::string> only;
    bool force = false;
    PlanDocInfo info;
};

std::string exe_dir()
{
    std::error_code ec;
    const fs::path p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : p.parent_path().string();
}

SimplifyRules rules_for(const SimplifyArgs& a)
{
    SimplifyRules r = load_simplify_rules(find_simplify_rules(a.rules, exe_dir()));
    r.cost.activities = a.cost_method == "activities";
    return r;
}

// A file that cannot be read stops the run; other errors (a value that did
// not parse) leave that value empty, which the checks and the cost skip.
LoadResult load_tolerant(const std::string& path, bool quiet)
{
    LoadResult r = load_whole(path, "evaluated");
    const auto errors = static_cast<std::size_t>(std::count_if(
        r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
    if (errors && !quiet)
        spdlog::warn("warning: '{}' has {} lint error{}; values that did not load are left out (run 'tthc lint {}')", path,
                     errors, errors == 1 ? "" : "s", path);
    return r;
}

void print_notes(const PlanEvaluation& e, bool quiet)
{
    if (quiet) return;
    for (const auto* cost : {&e.cost_before, &e.cost_after})
        for (const auto& n : cost->notes) spdlog::warn("warning: plan {}: {}", e.plan->id.value, n);
}

int run_suggest(const SimplifyArgs& a)
{
    const SimplifyRules rules = rules_for(a);
    const LoadResult r = load_tolerant(a.catalog, a.common.quiet);
    const auto found = suggest(r.catalog, rules, a.only);
    const std::string& f = a.common.format;
    emit(f == "json" ? suggestions_json(found) : f == "md" ? suggestions_markdown(r.catalog, found) : suggestions_text(found),
         a.output, false);
    if (!a.common.quiet)
        spdlog::info("simplify: {} suggestion{} in {} procedure{} (rules: {})", found.size(), found.size() == 1 ? "" : "s",
                     r.catalog.procedures.size(), r.catalog.procedures.size() == 1 ? "" : "s", rules.path);
    return found.empty() ? exit_ok : exit_findings;
}

int run_plan(const SimplifyArgs& a)
{
    PlanDocInfo info = a.info;
    info.number = a.number;
    if (!a.number.empty()) check_decision_number(a.number, "280/QĐ-UBND");
    info.activities = a.cost_method == "activities";
    info.date = a.date.empty() ? today() : parse_date_option(a.date, "--date");
    if (!a.submission_date.empty()) info.submission_date = parse_date_option(a.submission_date, "--submission-date");
    check_sign_mode(info.sign_mode);
    const SimplifyRules rules = rules_for(a);
    const LoadResult r = load_tolerant(a.catalog, a.common.quiet);
    const Plan* plan = find_plan(r.catalog, a.plan_id);
    if (!plan) {
        std::string ids;
        for (const auto& p : r.catalog.plans) ids += (ids.empty() ? "" : ", ") + p.id.value;
        throw Error("no plan '" + a.plan_id + "' in '" + a.catalog + "'",
                    ids.empty() ? "the catalog has no plans/" : "its plans: " + ids);
    }
    const PlanEvaluation e = evaluate_plan(r.catalog, *plan, rules.cost);
    print_notes(e, a.common.quiet);

    if (!a.out_dir.empty()) {
        const std::string written = write_plan_draft(r.catalog, e, a.catalog, a.out_dir, a.force);
        if (!a.common.quiet)
            spdlog::info("simplify: draft written to {}", written);
    }

    if (a.common.format == "json") {
        emit(plan_json(r.catalog, e), a.output, false);
    } else {
        const auto format = *doc::parse_format(a.common.format);
        const long long mtime = epoch_seconds(*info.date);
        emit(doc::render(plan_document(r.catalog, e, info), format, mtime), a.output, format == doc::Format::docx);
    }
    if (!a.common.quiet)
        spdlog::info("simplify: plan {}: time -{}, cost -{} ({} → {} a year)", plan->id.value, format_percent_bp(e.time_bp),
                     format_percent_bp(e.cost_bp), money(e.cost_before.per_year, "VND"), money(e.cost_after.per_year, "VND"));
    return exit_ok;
}

int run_report(const SimplifyArgs& a)
{
    const SimplifyRules rules = rules_for(a);
    const LoadResult r = load_tolerant(a.catalog, a.common.quiet);
    std::vector<PlanEvaluation> evals;
    for (const auto& p : r.catalog.plans) {
        evals.push_back(evaluate_plan(r.catalog, p, rules.cost));
        print_notes(evals.back(), a.common.quiet);
    }
    const SimplifyReport rep = build_report(r.catalog, evals);
    const std::string& f = a.common.format;
    emit(f == "json"  ? report_json(r.catalog, rep)
         : f == "md"  ? report_markdown(r.catalog, rep)
         : f == "svg" ? report_svg(r.catalog, rep)
                      : report_text(r.catalog, rep),
         a.output, false);
    if (!a.common.quiet)
        spdlog::info("simplify: {} plan{}; overall time -{}, cost -{}: targets {}", evals.size(), evals.size() == 1 ? "" : "s",
                     format_percent_bp(rep.total.time_bp), format_percent_bp(rep.total.cost_bp),
                     rep.targets_met() ? "met" : "not met");
    return rep.targets_met() ? exit_ok : exit_findings;
}

void add_rules_option(CLI::App& sub, SimplifyArgs& a)
{
    sub.add_option("--rules", a.rules,
                   "Rule file (default: simplify-rules.toml installed with tthc, next to it, or in the source tree)");
}

void add_cost_option(CLI::App& sub, SimplifyArgs& a)
{
    sub.add_option("--cost-method", a.cost_method,
                   "time: thời hạn × hours a day × the hour value × dossiers a year, plus fees (as real decisions "
                   "count it; default); activities: hours per activity (Thông tư 02/2017/TT-VPCP form)")
        ->check(CLI::IsMember({"time", "activities"}));
}

}  // namespace

void register_simplify(CLI::App& app, Command& command)
{
    CLI::App* top = app.add_subcommand("simplify", "Simplification: candidates, plans and their cost, progress against the 30% targets");
    top->require_subcommand(1);
    top->set_version_flag("--version", std::string("tthc ") + tthc::version);

    auto s = std::make_shared<SimplifyArgs>();
    CLI::App* sug = top->add_subcommand("suggest", "List candidates for simplification, with the reason and the legal pointer");
    sug->add_option("catalog", s->catalog, "The catalog (directory or single file)")->required();
    add_rules_option(*sug, *s);
    sug->add_option("--rule", s->only, "Only this rule (repeatable)");
    sug->add_option("-o,--output", s->output, "Write to FILE (atomically) instead of standard output");
    add_common_options(*sug, s->common, {"text", "json", "md"});
    sug->callback([s, &command] { command.exit_code = run_suggest(*s); });

    auto p = std::make_shared<SimplifyArgs>();
    CLI::App* pl = top->add_subcommand("plan", "Apply a plan in memory, cost it and draft the plan appendix");
    pl->add_option("catalog", p->catalog, "The catalog (directory or single file)")->required();
    pl->add_option("plan-id", p->plan_id, "The plan's id")->required();
    add_rules_option(*pl, *p);
    pl->add_option("--out", p->out_dir, "Write the amended procedure as a draft under DIR (never inside the catalog)");
    pl->add_flag("--force", p->force, "Replace a draft that exists in --out");
    add_cost_option(*pl, *p);
    pl->add_option("--number", p->number, "Số ký hiệu of the decision (default: left blank)");
    pl->add_option("--date", p->date, "Date of the decision (YYYY-MM-DD; default: today or SOURCE_DATE_EPOCH)");
    add_signature_options(*pl, p->info, p->submission_date);
    pl->add_option("-o,--output", p->output, "Write the document to FILE (atomically) instead of standard output");
    add_common_options(*pl, p->common, {"md", "html", "docx", "json"});
    pl->callback([p, &command] { command.exit_code = run_plan(*p); });

    auto r = std::make_shared<SimplifyArgs>();
    CLI::App* rep = top->add_subcommand("report", "Every plan of a catalog against the 30% targets, per field and overall");
    rep->add_option("catalog", r->catalog, "The catalog (directory or single file)")->required();
    add_rules_option(*rep, *r);
    add_cost_option(*rep, *r);
    rep->add_option("-o,--output", r->output, "Write to FILE (atomically) instead of standard output");
    add_common_options(*rep, r->common, {"text", "md", "json", "svg"});
    rep->callback([r, &command] { command.exit_code = run_report(*r); });
}

}  // namespace tthc::cli
