// tthc simplify: suggest candidates for simplification (rules from a rule
// file), evaluate one plan (figures, draft procedure, the plan appendix) and
// report every plan of a catalog against the 30% targets.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>
#include <algorithm>
#include <iostream>

#include "catalog/catalog_writer.hpp"
#include "cli_i18n.hpp"
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
    LoadResult r = load_whole(path, N_("'{0}' cannot be read whole; nothing was evaluated"));
    const auto errors = static_cast<std::size_t>(std::count_if(
        r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
    if (errors && !quiet)
        spdlog::warn(trn("warning: '{1}' has {0} lint error; values that did not load are left out (run 'tthc lint {1}')",
                         "warning: '{1}' has {0} lint errors; values that did not load are left out (run 'tthc lint {1}')",
                         errors, errors, path));
    return r;
}

void print_notes(const PlanEvaluation& e, bool quiet)
{
    if (quiet) return;
    for (const auto* cost : {&e.cost_before, &e.cost_after})
        for (const auto& n : cost->notes) spdlog::warn(tr("warning: plan {0}: {1}", e.plan->id.value, n));
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
        spdlog::info(tr("simplify: {0} in {1} (rules: {2})",
                        trn("{0} suggestion", "{0} suggestions", found.size(), found.size()),
                        trn("{0} procedure", "{0} procedures", r.catalog.procedures.size(), r.catalog.procedures.size()),
                        rules.path));
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
        throw Error(tr("no plan '{0}' in '{1}'", a.plan_id, a.catalog),
                    ids.empty() ? std::string(tr("the catalog has no plans/")) : tr("its plans: {0}", ids));
    }
    const PlanEvaluation e = evaluate_plan(r.catalog, *plan, rules.cost);
    print_notes(e, a.common.quiet);

    if (!a.out_dir.empty()) {
        const std::string written = write_plan_draft(r.catalog, e, a.catalog, a.out_dir, a.force);
        if (!a.common.quiet)
            spdlog::info(tr("simplify: draft written to {0}", written));
    }

    if (a.common.format == "json") {
        emit(plan_json(r.catalog, e), a.output, false);
    } else {
        const auto format = *doc::parse_format(a.common.format);
        const long long mtime = epoch_seconds(*info.date);
        emit(doc::render(plan_document(r.catalog, e, info), format, mtime), a.output, format == doc::Format::docx);
    }
    if (!a.common.quiet)
        // TRANSLATORS: the plan's id, what it saves in time and in cost (percentages), the cost a year before and after.
        spdlog::info(tr("simplify: plan {0}: time -{1}, cost -{2} ({3} → {4} a year)", plan->id.value,
                        format_percent_bp(e.time_bp), format_percent_bp(e.cost_bp), money(e.cost_before.per_year, "VND"),
                        money(e.cost_after.per_year, "VND")));
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
        spdlog::info(rep.targets_met()
                         ? tr("simplify: {0}; overall time -{1}, cost -{2}: targets met",
                              trn("{0} plan", "{0} plans", evals.size(), evals.size()),
                              format_percent_bp(rep.total.time_bp), format_percent_bp(rep.total.cost_bp))
                         : tr("simplify: {0}; overall time -{1}, cost -{2}: targets not met",
                              trn("{0} plan", "{0} plans", evals.size(), evals.size()),
                              format_percent_bp(rep.total.time_bp), format_percent_bp(rep.total.cost_bp)));
    return rep.targets_met() ? exit_ok : exit_findings;
}

void add_rules_option(CLI::App& sub, SimplifyArgs& a)
{
    value_name(sub.add_option("--rules", a.rules,
                              tr("Rule file (default: simplify-rules.toml installed with tthc, next to it, or in the "
                                 "source tree)")),
               N_("FILE"));
}

void add_cost_option(CLI::App& sub, SimplifyArgs& a)
{
    value_name(sub.add_option("--cost-method", a.cost_method,
                              tr("time: thời hạn × hours a day × the hour value × dossiers a year, plus fees (as real "
                                 "decisions count it; default); activities: hours per activity (Thông tư 02/2017/TT-VPCP "
                                 "form)")),
               N_("METHOD"))
        ->check(CLI::IsMember({"time", "activities"}));
}

}  // namespace

void register_simplify(CLI::App& app, Command& command)
{
    CLI::App* top = app.add_subcommand(
        "simplify", tr("Simplification: candidates, plans and their cost, progress against the 30% targets"));
    top->require_subcommand(1);
    add_version_flag(*top);

    auto s = std::make_shared<SimplifyArgs>();
    CLI::App* sug =
        top->add_subcommand("suggest", tr("List candidates for simplification, with the reason and the legal pointer"));
    sug->add_option("catalog", s->catalog, tr("The catalog (directory or single file)"))->required();
    add_rules_option(*sug, *s);
    value_name(sug->add_option("--rule", s->only, tr("Only this rule (repeatable)")), N_("RULE"));
    value_name(sug->add_option("-o,--output", s->output, tr("Write to FILE (atomically) instead of standard output")),
               N_("FILE"));
    add_common_options(*sug, s->common, {"text", "json", "md"});
    sug->callback([s, &command] { command.exit_code = run_suggest(*s); });

    auto p = std::make_shared<SimplifyArgs>();
    CLI::App* pl = top->add_subcommand("plan", tr("Apply a plan in memory, cost it and draft the plan appendix"));
    pl->add_option("catalog", p->catalog, tr("The catalog (directory or single file)"))->required();
    pl->add_option("plan-id", p->plan_id, tr("The plan's id"))->required();
    add_rules_option(*pl, *p);
    value_name(pl->add_option("--out", p->out_dir,
                              tr("Write the amended procedure as a draft under DIR (never inside the catalog)")),
               N_("DIR"));
    pl->add_flag("--force", p->force, tr("Replace a draft that exists in --out"));
    add_cost_option(*pl, *p);
    value_name(pl->add_option("--number", p->number, tr("Số ký hiệu of the decision (default: left blank)")),
               N_("LEGAL_NUMBER"));
    value_name(pl->add_option("--date", p->date,
                              tr("Date of the decision (YYYY-MM-DD; default: today or SOURCE_DATE_EPOCH)")),
               N_("DATE"));
    add_signature_options(*pl, p->info, p->submission_date);
    value_name(pl->add_option("-o,--output", p->output,
                              tr("Write the document to FILE (atomically) instead of standard output")),
               N_("FILE"));
    add_common_options(*pl, p->common, {"md", "html", "docx", "json"});
    pl->callback([p, &command] { command.exit_code = run_plan(*p); });

    auto r = std::make_shared<SimplifyArgs>();
    CLI::App* rep =
        top->add_subcommand("report", tr("Every plan of a catalog against the 30% targets, per field and overall"));
    rep->add_option("catalog", r->catalog, tr("The catalog (directory or single file)"))->required();
    add_rules_option(*rep, *r);
    add_cost_option(*rep, *r);
    value_name(rep->add_option("-o,--output", r->output, tr("Write to FILE (atomically) instead of standard output")),
               N_("FILE"));
    add_common_options(*rep, r->common, {"text", "md", "json", "svg"});
    rep->callback([r, &command] { command.exit_code = run_report(*r); });
}

}  // namespace tthc::cli
