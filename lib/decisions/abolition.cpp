#include "decisions/abolition.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "decisions/announcement.hpp"
#include "util/i18n.hpp"

namespace tthc {

namespace fs = std::filesystem;

AbolitionCheck check_abolition(const Catalog& catalog, const std::vector<std::string>& codes,
                               const AbolitionOptions& options)
{
    AbolitionCheck out;
    std::set<std::string> seen;
    for (const auto& code : codes) {
        const auto parsed = parse_code(code);
        if (!parsed) {
            out.problems.push_back(tr("\"{0}\" is not a procedure code", code));
            continue;
        }
        if (!seen.insert(parsed->identity).second) {
            out.problems.push_back(tr("{0} is listed twice", code));
            continue;
        }
        const Procedure* p = find_procedure(catalog, code);
        if (!p)
            out.problems.push_back(tr("{0} is not in this catalog", code));
        else if (p->abolished)
            // TRANSLATORS: {0} is a procedure code, {1} the file of the abolished procedure.
            out.problems.push_back(tr("{0} is already abolished ({1})", code, catalog.files.at(p->file)));
        else
            out.procedures.push_back(p);
    }
    auto abolishing = [&](const std::string& code) -> const Procedure* {
        const auto c = parse_code(code);
        if (!c) return nullptr;
        for (const Procedure* p : out.procedures)
            if (p->parsed_code->identity == c->identity) return p;
        return nullptr;
    };

    for (const auto& pr : catalog.processes) {
        if (const Procedure* p = abolishing(pr.procedure.value)) {
            if (options.with_processes)
                out.processes.push_back(&pr);
            else
                // TRANSLATORS: what names a procedure to abolish, put in "1.001193 is named by {0} (use --with-processes)".
                out.dependents.push_back({p->code.value, catalog.files.at(pr.file), pr.procedure.pos,
                                          tr("its internal process"), "--with-processes"});
        }
    }
    for (const auto& pl : catalog.plans) {
        const Procedure* p = abolishing(pl.procedure.value);
        if (!p || options.keep_plans) continue;
        const bool abolishes = std::any_of(pl.changes.begin(), pl.changes.end(),
                                           [](const PlanChange& c) { return c.kind.value == "abolish"; });
        if (!abolishes)
            out.dependents.push_back({p->code.value, catalog.files.at(pl.file), pl.procedure.pos,
                                      // TRANSLATORS: what names a procedure to abolish; {0} is the plan's id.
                                      tr("simplification plan {0}", pl.id.value), "--keep-plans"});
    }
    for (const auto& other : catalog.procedures) {
        if (options.keep_related || abolishing(other.code.value)) continue;
        for (const auto& r : other.related)
            if (const Procedure* p = abolishing(r.value))
                out.dependents.push_back({p->code.value, catalog.files.at(other.file), r.pos,
                                          // TRANSLATORS: what names a procedure to abolish; {0} is another procedure's code.
                                          tr("the related list of {0}", other.code.value), "--keep-related"});
    }
    for (const auto& d : catalog.decisions) {
        if (options.keep_replacement) break;
        for (const auto& r : d.replaced)
            if (const Procedure* p = abolishing(r.new_code.value))
                out.dependents.push_back({p->code.value, catalog.files.at(d.file), r.pos,
                                          // TRANSLATORS: what names a procedure to abolish: {0} is a decision's số ký
                                          // hiệu, which declared this procedure the replacement of procedure {1}.
                                          tr("decision {0}, where it replaces {1}", d.number.value, r.old_code.value),
                                          "--keep-replacement"});
    }
    return out;
}

void plan_abolition(const Catalog& catalog, const AbolitionCheck& check, FileTransaction& tx)
{
    const fs::path root(catalog.root);
    for (const Procedure* p : check.procedures) {
        const fs::path file(catalog.files.at(p->file));
        const fs::path rel = file.lexically_relative(root / "procedures");
        if (rel.empty() || *rel.begin() == "..") throw Error(tr("'{0}' is not under procedures/", file.string()));
        tx.move(file.generic_string(), (root / "abolished" / rel).lexically_normal().generic_string());
    }
    for (const Process* pr : check.processes) tx.remove(catalog.files.at(pr->file));
}

}  // namespace tthc
