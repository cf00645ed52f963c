#include "checks/lint.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "checks/content.hpp"
#include "util/i18n.hpp"
#include "util/suggest.hpp"
#include "util/unicode.hpp"

namespace tthc {

namespace {

// A procedure as the index knows it: the whole procedure, or only its key.
struct Entry {
    const Procedure* full = nullptr;
    std::size_t file = 0;
    const Text* code = nullptr;
    bool abolished = false;
};

struct Index {
    // identity (national code or provisional code) → procedure
    std::unordered_map<std::string, Entry> by_code;
};

// The checks of one procedure on its own; `report(rule, pos, message)`.
template <class Report>
void procedure_checks(const Procedure& p, const LintOptions& options, Report report)
{
    static const Date no_district{2025, 7, 1};
    if (options.today >= no_district) {
        for (const auto& l : p.levels)
            if (l.value == "huyện")
                report(Rule::district_level, l.pos,
                       tr("cấp huyện no longer exists since 1 July 2025; announce this procedure at \"tỉnh\" or \"xã\""));
    }
    if (p.online.value == "toàn trình" || p.online.value == "một phần") {
        const bool online = std::any_of(p.channels.begin(), p.channels.end(),
                                        [](const Channel& c) { return c.kind.value == "trực tuyến"; });
        if (!online)
            report(Rule::online_channel, p.online.pos,
                   tr("online is \"{0}\" but no channels entry has kind \"trực tuyến\"; add the online channel with its "
                      "thời hạn and fee",
                      p.online.value));
    }
    if (options.content) content_checks(p, options.today, report);
}

class Checker {
public:
    Checker(const Catalog& c, const LintOptions& o, const std::vector<ProcedureKey>& keys)
        : catalog_(c), options_(o), keys_(keys)
    {
    }

    std::vector<Diagnostic> run()
    {
        index_codes();
        check_procedures();
        check_units();
        check_processes();
        check_plans();
        check_decisions();
        return std::move(out_);
    }

private:
    void report(Rule rule, std::size_t file, Pos pos, std::string message)
    {
        out_.push_back(make_diagnostic(catalog_.files.at(file), pos, rule, std::move(message)));
    }

    std::string where(std::size_t file, Pos pos) const
    {
        return catalog_.files.at(file) + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
    }

    // The entry of a code's identity, or nullptr.
    const Entry* find(const std::string& code) const
    {
        const auto parsed = parse_code(code);
        if (!parsed) return nullptr;
        const auto it = index_.by_code.find(parsed->identity);
        return it == index_.by_code.end() ? nullptr : &it->second;
    }

    // Procedures in force, then abolished ones, each in file order: the
    // first of two with the same identity keeps the code.
    void index_codes()
    {
        std::vector<std::pair<std::string, Entry>> entries;
        for (const auto* list : {&catalog_.procedures, &catalog_.abolished})
            for (const auto& p : *list)
                if (p.parsed_code) entries.push_back({p.parsed_code->identity, Entry{&p, p.file, &p.code, p.abolished}});
        for (const auto& k : keys_) entries.push_back({k.identity, Entry{nullptr, k.file, &k.code, k.abolished}});
        if (!keys_.empty())
            std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
                return std::tuple(a.second.abolished, a.second.file, a.second.code->pos.line, a.second.code->pos.column) <
                       std::tuple(b.second.abolished, b.second.file, b.second.code->pos.line, b.second.code->pos.column);
            });
        for (const auto& [identity, e] : entries) {
            auto [it, inserted] = index_.by_code.emplace(identity, e);
            if (!inserted) {
                const Entry& first = it->second;
                const std::string at = where(first.file, first.code->pos);
                // TRANSLATORS: {1} is FILE:LINE:COLUMN of the first procedure with the code
                report(Rule::duplicate_code, e.file, e.code->pos,
                       first.code->value == e.code->value
                           ? tr("code {0} is already used by {1}", e.code->value, at)
                           : tr("code {0} is already used by {1} (\"{2}\" names the same procedure)", e.code->value, at,
                                first.code->value));
            }
        }
    }

    void check_procedures()
    {
        for (const auto& p : catalog_.procedures)
            procedure_checks(p, options_, [&](Rule rule, Pos pos, std::string message, std::optional<Fix> fix = {}) {
                report(rule, p.file, pos, std::move(message));
                out_.back().fix = std::move(fix);
            });
    }

    void check_units()
    {
        std::map<std::string, const Unit*> seen;
        for (const auto& u : catalog_.units) {
            if (u.id.value.empty()) continue;
            auto [it, inserted] = seen.emplace(u.id.value, &u);
            if (!inserted)
                report(Rule::duplicate_id, u.file, u.id.pos,
                       tr("unit id \"{0}\" is already defined at {1}", u.id.value,
                          where(it->second->file, it->second->id.pos)));
        }
        for (const auto& u : catalog_.units)
            if (u.parent.present && !u.parent.value.empty() && !units_.count(u.parent.value) &&
                !seen.count(u.parent.value))
                report(Rule::unknown_unit, u.file, u.parent.pos,
                       tr("parent \"{0}\" is not a unit of units.toml", u.parent.value) + suggest_unit(u.parent.value, seen));
        for (const auto& [id, u] : seen) units_.emplace(id, u);
    }

    template <class Map>
    static std::string suggest_unit(const std::string& id, const Map& units)
    {
        std::vector<std::string_view> ids;
        for (const auto& entry : units) ids.push_back(entry.first);
        // TRANSLATORS: appended to a message that names an unknown unit or dossier entry
        if (auto best = closest_match(id, ids)) return tr("; did you mean \"{0}\"?", *best);
        return {};
    }

    void check_processes()
    {
        const int hpd = catalog_.info.hours_per_day;
        std::map<std::string, const Process*> seen;
        for (const auto& pr : catalog_.processes) {
            for (const auto& s : pr.steps)
                if (s.unit.present && !s.unit.value.empty() && !units_.count(s.unit.value))
                    report(Rule::unknown_unit, pr.file, s.unit.pos,
                           tr("unit \"{0}\" is not in units.toml", s.unit.value) + suggest_unit(s.unit.value, units_));
            if (!pr.procedure.present || pr.procedure.value.empty()) continue;
            const Entry* e = find(pr.procedure.value);
            if (!e) {
                if (parse_code(pr.procedure.value))
                    report(Rule::unknown_procedure, pr.file, pr.procedure.pos,
                           tr("procedure {0} is not in this catalog", pr.procedure.value));
                continue;
            }
            if (e->abolished) {
                report(Rule::unknown_procedure, pr.file, pr.procedure.pos,
                       tr("procedure {0} is abolished; its process should be abolished with it", pr.procedure.value));
                continue;
            }
            auto [it, inserted] = seen.emplace(parse_code(pr.procedure.value)->identity, &pr);
            if (!inserted) {
                report(Rule::duplicate_id, pr.file, pr.procedure.pos,
                       tr("procedure {0} already has an internal process at {1}", pr.procedure.value,
                          where(it->second->file, it->second->procedure.pos)));
                continue;
            }
            if (e->full) check_process_time(*e->full, pr, hpd);  // a key alone has no channels to check against
        }
    }

    void check_process_time(const Procedure& p, const Process& pr, int hpd)
    {
        if (pr.channel.present) {
            const bool has = std::any_of(p.channels.begin(), p.channels.end(),
                                         [&](const Channel& c) { return c.kind.value == pr.channel.value; });
            if (!has) {
                report(Rule::unknown_channel, pr.file, pr.channel.pos,
                       tr("procedure {0} has no channel \"{1}\"", p.code.value, pr.channel.value));
                return;
            }
        }
        const Channel* ch = process_channel(p, pr, hpd);
        if (!ch) return;  // the channel's time did not parse: reported where it is written
        std::int64_t sum = 0;
        std::vector<std::pair<Pos, std::int64_t>> counted;
        for (const auto& s : pr.steps) {
            if (!s.counted) continue;
            if (!s.duration) return;  // reported at load
            const auto h = s.duration->working_millihours(hpd);
            if (!h) {
                report(Rule::process_uncheckable, pr.file, s.time.pos,
                       tr("step time \"{0}\" is in calendar time, which does not convert to working hours; the "
                          "process total is not checked",
                          s.time.value));
                return;
            }
            sum += *h;
            counted.emplace_back(s.pos, *h);
        }
        const auto limit = ch->duration->working_millihours(hpd);
        if (!limit) {
            // TRANSLATORS: {0} is a channel kind, {1} a procedure code, {2} the thời hạn as written, {3} hours
            report(Rule::process_uncheckable, pr.file, pr.procedure.pos,
                   tr("the thời hạn of channel \"{0}\" of {1} is \"{2}\", in calendar time, which does not convert "
                      "to working hours; the counted steps ({3} giờ làm việc) are not checked against it",
                      ch->kind.value, p.code.value, ch->time.value, format_milli(sum)));
            return;
        }
        if (sum > *limit) {
            std::string lines;
            std::int64_t running = 0;
            Pos at = pr.procedure.pos;
            bool placed = false;
            for (const auto& [pos, h] : counted) {
                running += h;
                if (!placed && running > *limit) {
                    at = pos;
                    placed = true;
                }
                lines += (lines.empty() ? "" : ", ") + std::to_string(pos.line);
            }
            // TRANSLATORS: {0} the hours of the steps, {1} a channel kind, {2} a procedure code, {3} the thời
            // hạn as written, {4} its hours, {5} line numbers
            report(Rule::process_over, pr.file, at,
                   tr("the counted steps add up to {0} giờ làm việc, more than the thời hạn of channel \"{1}\" of {2} "
                      "(\"{3}\" = {4} giờ làm việc); the total first exceeds it at this step (counted steps at lines "
                      "{5})",
                      format_milli(sum), ch->kind.value, p.code.value, ch->time.value, format_milli(*limit), lines));
        } else if (sum < *limit) {
            // TRANSLATORS: {0} the hours of the steps, {1} a channel kind, {2} a procedure code, {3} the thời
            // hạn as written, {4} its hours
            report(Rule::process_under, pr.file, pr.procedure.pos,
                   tr("the counted steps add up to {0} giờ làm việc, less than the thời hạn of channel \"{1}\" of {2} "
                      "(\"{3}\" = {4} giờ làm việc)",
                      format_milli(sum), ch->kind.value, p.code.value, ch->time.value, format_milli(*limit)));
        }
    }

    void check_plans()
    {
        std::map<std::string, const Plan*> seen;
        for (const auto& pl : catalog_.plans) {
            if (!pl.id.value.empty()) {
                auto [it, inserted] = seen.emplace(pl.id.value, &pl);
                if (!inserted)
                    report(Rule::duplicate_id, pl.file, pl.id.pos,
                           tr("plan id \"{0}\" is already used at {1}", pl.id.value,
                              where(it->second->file, it->second->id.pos)));
            }
            if (pl.procedure.value.empty()) continue;
            const Entry* e = find(pl.procedure.value);
            const bool carried_out = e && e->abolished &&
                                     std::any_of(pl.changes.begin(), pl.changes.end(),
                                                 [](const PlanChange& c) { return c.kind.value == "abolish"; });
            if (carried_out) continue;  // a plan to abolish it, and it was: the plan stays as history
            if (!e || e->abolished) {
                if (parse_code(pl.procedure.value))
                    report(Rule::unknown_procedure, pl.file, pl.procedure.pos,
                           e ? tr("procedure {0} is abolished; a plan cannot simplify it", pl.procedure.value)
                             : tr("procedure {0} is not in this catalog", pl.procedure.value));
                continue;
            }
            if (!e->full) continue;  // a key alone has no dossier or channels to check against
            const Procedure* p = e->full;
            for (const auto& c : pl.changes) {
                if (c.kind.value == "remove-dossier" && !c.item.value.empty()) {
                    const std::string want = fold(c.item.value);
                    const bool found = std::any_of(p->dossier.begin(), p->dossier.end(),
                                                   [&](const DossierItem& d) { return fold(d.name.value) == want; });
                    if (!found) {
                        std::vector<std::string_view> names;
                        for (const auto& d : p->dossier) names.push_back(d.name.value);
                        std::string msg = tr("procedure {0} has no dossier entry \"{1}\"", p->code.value, c.item.value);
                        if (auto best = closest_match(c.item.value, names)) msg += tr("; did you mean \"{0}\"?", *best);
                        report(Rule::unknown_dossier, pl.file, c.item.pos, std::move(msg));
                    }
                }
                if ((c.kind.value == "set-time" || c.kind.value == "set-fee") && c.channel.present &&
                    c.channel.value != "*") {
                    const bool has = std::any_of(p->channels.begin(), p->channels.end(),
                                                 [&](const Channel& ch) { return ch.kind.value == c.channel.value; });
                    if (!has)
                        report(Rule::unknown_channel, pl.file, c.channel.pos,
                               tr("procedure {0} has no channel \"{1}\"", p->code.value, c.channel.value));
                }
            }
        }
    }

    void check_decisions()
    {
        std::map<std::string, const Decision*> seen;
        for (const auto& d : catalog_.decisions) {
            if (!d.number.value.empty()) {
                auto [it, inserted] = seen.emplace(d.number.value, &d);
                if (!inserted)
                    report(Rule::duplicate_id, d.file, d.number.pos,
                           tr("decision {0} is already in the ledger at {1}", d.number.value,
                              where(it->second->file, it->second->number.pos)));
            }
            auto known = [&](const Text& code) {
                if (code.value.empty() || !parse_code(code.value)) return;  // bad codes are reported at load
                if (!find(code.value))
                    report(Rule::unknown_procedure, d.file, code.pos,
                           tr("decision {0} names {1}, which is neither in procedures/ nor in abolished/", d.number.value,
                              code.value));
            };
            for (const auto* list : {&d.new_codes, &d.amended, &d.abolished, &d.processes})
                for (const auto& c : *list) known(c);
            for (const auto& r : d.replaced) {
                known(r.old_code);
                known(r.new_code);
            }
        }
    }

    const Catalog& catalog_;
    const LintOptions& options_;
    const std::vector<ProcedureKey>& keys_;
    Index index_;
    std::map<std::string, const Unit*> units_;
    std::vector<Diagnostic> out_;
};

}  // namespace

const Channel* process_channel(const Procedure& procedure, const Process& process, int hours_per_day)
{
    const Channel* best = nullptr;
    for (const auto& c : procedure.channels) {
        if (!c.duration) continue;
        if (process.channel.present && c.kind.value != process.channel.value) continue;
        if (!best) {
            best = &c;
            continue;
        }
        const auto a = c.duration->working_millihours(hours_per_day);
        const auto b = best->duration->working_millihours(hours_per_day);
        if (a && (!b || *a < *b)) best = &c;
    }
    return best;
}

std::vector<Diagnostic> check_catalog(const Catalog& catalog, const LintOptions& options)
{
    static const std::vector<ProcedureKey> none;
    return Checker(catalog, options, none).run();
}

std::vector<Diagnostic> check_catalog(const Catalog& catalog, const LintOptions& options,
                                      const std::vector<ProcedureKey>& keys)
{
    return Checker(catalog, options, keys).run();
}

std::vector<Diagnostic> check_procedure(const Procedure& p, const std::string& file, const LintOptions& options)
{
    std::vector<Diagnostic> out;
    procedure_checks(p, options, [&](Rule rule, Pos pos, std::string message, std::optional<Fix> fix = {}) {
        out.push_back(make_diagnostic(file, pos, rule, std::move(message)));
        out.back().fix = std::move(fix);
    });
    return out;
}

std::vector<Diagnostic> check_procedure_content(const Procedure& p, const std::string& file, const LintOptions& options)
{
    std::vector<Diagnostic> out;
    content_checks(p, options.today, [&](Rule rule, Pos pos, std::string message, std::optional<Fix> fix) {
        out.push_back(make_diagnostic(file, pos, rule, std::move(message)));
        out.back().fix = std::move(fix);
    });
    return out;
}

std::vector<Diagnostic> content_findings(const Catalog& catalog, const std::vector<const Procedure*>& procedures,
                                         const LintOptions& options)
{
    std::vector<Diagnostic> out;
    for (const Procedure* p : procedures)
        for (auto& d : check_procedure(*p, catalog.files.at(p->file), options))
            if (is_content_error(d.rule)) out.push_back(std::move(d));
    return out;
}

}  // namespace tthc
