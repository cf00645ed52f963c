// tthc lint: checks catalogs against the catalog format and the rules of the
// field, and reports every finding with its position.
#include <spdlog/spdlog.h>

#include <iostream>
#include <optional>

#include "catalog/catalog_writer.hpp"
#include "catalog_rewrite.hpp"
#include "cli_i18n.hpp"
#include "command.hpp"
#include "checks/fix.hpp"
#include "progress.hpp"
#include "checks/portal_list.hpp"
#include "io/files.hpp"
#include "checks/streaming_check.hpp"
#include "checks/report.hpp"
#include "core/rule_texts.hpp"
#include "util/i18n.hpp"
#include "util/suggest.hpp"
#include "util/unicode.hpp"
#include "core/version.hpp"

namespace tthc::cli {

namespace {

struct LintArgs {
    CommonOptions common;
    std::vector<std::string> paths;
    std::string fail_on = "error";
    std::string today;
    std::string explain;
    std::string cache_dir;
    std::string portal_list;
    bool no_cache = false;
    bool list_rules = false;
    bool fix = false;
};

// A short view of a change: the part that differs, with the words around it
// ("…của Ủy ban Nhân dân cấp xã"), whole when it is short.
std::pair<std::string, std::string> excerpt(const std::string& a, const std::string& b)
{
    constexpr std::size_t context = 16, whole = 80;
    if (a.size() <= whole && b.size() <= whole) return {a, b};
    std::size_t p = 0;
    while (p < a.size() && p < b.size() && a[p] == b[p]) ++p;
    std::size_t q = 0;
    while (q < a.size() - p && q < b.size() - p && a[a.size() - 1 - q] == b[b.size() - 1 - q]) ++q;
    // from a word's start before the change, to a word's end after it
    std::size_t from = p > context ? p - context : 0;
    if (from > 0) {
        const std::size_t space = a.rfind(' ', from);
        from = space == std::string::npos ? 0 : space + 1;
    }
    auto cut = [&](const std::string& s) {
        std::size_t to = s.size() - q + std::min(q, context);
        if (to < s.size()) to = std::min(s.find(' ', to), s.size());
        return (from > 0 ? "…" : "") + s.substr(from, to - from) + (to < s.size() ? "…" : "");
    };
    return {cut(a), cut(b)};
}

// lint --fix: every fix of every file, written all or nothing per catalog;
// each change reported on standard error.
void fix_paths(const LintArgs& args, const LintOptions& options)
{
    CatalogRewrite rewrite("lint");
    std::size_t fixes = 0, files = 0;
    std::string log;
    for (const auto& path : args.paths) {
        rewrite.lock(path);  // before anything is read
        std::vector<Diagnostic> layout;  // reported by the lint that follows
        for (const auto& f : list_catalog_files(path, layout)) {
            std::string text;
            ReadRefusal why;
            if (!try_read_regular_file(f.path, text, why)) continue;  // the lint that follows reports it
            FileFixes r = fix_file(f, text, options);
            if (r.applied.empty()) continue;
            ++files;
            for (const auto& a : r.applied) {
                ++fixes;
                const std::string at =
                    f.display + ":" + std::to_string(a.at.line) + ":" + std::to_string(a.at.column);
                if (a.whole_file) {
                    // TRANSLATORS: {0} is FILE:LINE:COLUMN, {1} the rule id (not translated)
                    log += tr("{0}: fixed [{1}]: the file's text written in Unicode NFC", at, rule_id(a.rule)) + "\n";
                } else {
                    const auto [from, to] = excerpt(a.old_text, a.new_text);
                    // TRANSLATORS: {0} is FILE:LINE:COLUMN, {1} the rule id, {2} the text before, {3} after (TOML strings)
                    log += tr("{0}: fixed [{1}]: {2} → {3}", at, rule_id(a.rule), toml_quote(from), toml_quote(to)) + "\n";
                }
            }
            rewrite.write(f.path, std::move(r.text));
        }
    }
    rewrite.commit();
    std::cerr << log;
    if (!args.common.quiet)
        // TRANSLATORS: {0} is the number of fixes, {1} "1 file", "2 files"
        spdlog::info("{}", trn("lint --fix: {0} fix in {1}; the findings left follow",
                               "lint --fix: {0} fixes in {1}; the findings left follow", fixes, fixes,
                               trn("{0} file", "{0} files", files, files)));
}

// What the cache did, for the summary line: "; 68 of 70 files from the cache".
std::string cache_summary(const LintResult& r)
{
    if (r.cache_file.empty()) return {};
    std::string s = trn("; {0} file from the cache", "; {0} files from the cache", r.cache_reused, r.cache_reused);
    if (r.cache_unread > 0)
        // TRANSLATORS: {0} is a number of files the cache knew unchanged by their size and times, without reading them
        s += trn(" ({0} of them not read again)", " ({0} of them not read again)", r.cache_unread, r.cache_unread);
    if (constexpr std::string_view ignored = "ignored: "; r.cache_status.rfind(ignored, 0) == 0)
        // TRANSLATORS: {0} is the cache's file, {1} why it was not used ("damaged or truncated ...")
        s += tr(" ({0} ignored: {1}; rebuilt)", r.cache_file, r.cache_status.substr(ignored.size()));
    return s;
}

int explain_rule(const std::string& id)
{
    const auto found = find_rule(id);
    if (!found || rule_info(*found).scope == Scope::package) {
        std::vector<std::string_view> ids;
        for (const RuleInfo* r : rules_of(Scope::catalog)) ids.push_back(r->id);
        const auto best = closest_match(id, ids);
        throw Error(tr("no rule '{0}'", id), best ? tr("did you mean '{0}'? ('tthc lint --list-rules' lists them)", *best)
                                                  : tr("'tthc lint --list-rules' lists the rules"));
    }
    const RuleInfo* r = &rule_info(*found);
    std::cout << r->id << " (" << severity_label(r->severity) << "): " << rule_summary(*r) << "\n\n" << rule_help(*r)
              << "\n";
    return exit_ok;
}

int run_lint(const LintArgs& args)
{
    if (!args.explain.empty()) return explain_rule(args.explain);
    if (args.list_rules) {
        for (const RuleInfo* r : rules_of(Scope::catalog))
            std::cout << r->id << "\t" << severity_label(r->severity) << "\t" << rule_summary(*r) << "\n";
        return exit_ok;
    }
    if (args.paths.empty()) throw CLI::RequiredError("PATH");
    if (!args.portal_list.empty() && args.paths.size() > 1)
        throw CLI::ValidationError("--portal-list", tr("compares one catalog with the list; give one PATH"));
    // read first: a list that cannot be read stops the run before any finding is printed
    std::optional<PortalList> portal;
    if (!args.portal_list.empty()) portal = read_portal_list(args.portal_list);

    LintOptions options;
    options.today = args.today.empty() ? today() : parse_date_option(args.today, "--today");
    const auto format = *parse_report_format(args.common.format);

    if (args.fix) fix_paths(args, options);

    std::string cache_dir;
    if (!args.no_cache) {
        cache_dir = args.cache_dir.empty() ? default_cache_dir() : args.cache_dir;
        if (cache_dir.empty())
            spdlog::warn(tr("lint: no cache (neither XDG_CACHE_HOME nor HOME is set; --cache-dir gives one)"));
    }

    std::vector<Diagnostic> all;
    ReportSummary summary;
    bool trouble = false;
    std::string cached;
    for (const auto& path : args.paths) {
        try {
            ProgressLine progress("lint", args.common.quiet);
            LintResult r = lint_path(path, options, cache_dir, portal ? &*portal : nullptr, progress.callback());
            progress.clear();
            if (!r.cache_problem.empty()) spdlog::warn(tr("lint: the cache was not written: {0}", r.cache_problem));
            cached += cache_summary(r);
            all.insert(all.end(), std::make_move_iterator(r.diagnostics.begin()),
                       std::make_move_iterator(r.diagnostics.end()));
            summary.files += r.files;
            summary.procedures += r.procedures;
        } catch (const Error& e) {
            std::cerr << error_line(e);
            trouble = true;
        }
    }
    count_severities(all, summary);
    write_report(std::cout, format, all, summary,
                 ReportOptions{format == ReportFormat::text && use_color(args.common), tthc::version});
    std::cout.flush();

    if (!args.common.quiet)
        // TRANSLATORS: "lint: 1 error, 3 warnings in 2 files (1 procedure)"; {4} is what the cache did
        spdlog::info("{}", tr("lint: {0}, {1} in {2} ({3}){4}",
                              trn("{0} error", "{0} errors", summary.errors, summary.errors),
                              trn("{0} warning", "{0} warnings", summary.warnings, summary.warnings),
                              trn("{0} file", "{0} files", summary.files, summary.files),
                              trn("{0} procedure", "{0} procedures", summary.procedures, summary.procedures), cached));
    if (trouble) return exit_trouble;
    const bool fail = summary.errors > 0 || (args.fail_on == "warning" && summary.warnings > 0);
    return fail ? exit_findings : exit_ok;
}

}  // namespace

void register_lint(CLI::App& app, Command& command)
{
    auto args = std::make_shared<LintArgs>();
    CLI::App* sub = app.add_subcommand("lint", tr("Check catalogs against the catalog format and the rules of the field"));
    sub->add_option("PATH", args->paths, tr("Catalog directories or single-file catalogs"));
    add_common_options(*sub, args->common, {"text", "json", "sarif", "github"});
    value_name(sub->add_option("--fail-on", args->fail_on, tr("Lowest severity that makes the exit status 1")),
               N_("SEVERITY"))
        ->check(CLI::IsMember({"error", "warning"}))
        ->capture_default_str();
    value_name(sub->add_option("--today", args->today, tr("The date for date-dependent rules (YYYY-MM-DD; default: today)")),
               N_("DATE"));
    value_name(sub->add_option("--explain", args->explain, tr("Print what a rule checks and how to fix a finding, then exit")),
               N_("RULE"));
    sub->add_flag("--list-rules", args->list_rules, tr("List every rule id with its severity, then exit"));
    value_name(sub->add_option("--cache-dir", args->cache_dir,
                               tr("Where the lint cache is kept (default: $XDG_CACHE_HOME/tthc, else ~/.cache/tthc)")),
               N_("DIR"));
    value_name(sub->add_option("--portal-list", args->portal_list,
                               tr("Compare the catalog with the national portal's list of its procedures (.xlsx or .csv)")),
               N_("FILE"));
    sub->add_flag("--no-cache", args->no_cache, tr("Parse every file; neither read nor write the lint cache"));
    sub->add_flag("--fix", args->fix,
                  tr("First make the fixes that need no judgement (NFC, capitals, spaces in a số ký hiệu, a value "
                     "pasted twice), report each on standard error, then lint the result"));
    sub->callback([args, &command] { command.exit_code = run_lint(*args); });
}

}  // namespace tthc::cli
