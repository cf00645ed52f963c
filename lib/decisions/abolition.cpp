#include "decisions/abolition.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "decisions/announcement.hpp"

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
            out.problems.push_back("\"" + code + "\" is not a procedure code");
            continue;
        }
        if (!seen.insert(parsed->identity).second) {
            out.problems.push_back(code + " is listed twice");
            continue;
        }
        const Procedure* p = find_procedure(catalog, code);
        if (!p)
            out.problems.push_back(code + " is not in this catalog");
        else if (p->abolished)
            out.problems.push_back(code + " is already abolished (" + catalog.files.at(p->file) + ")");
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
                out.dependents.push_back({p->code.value, catalog.files.at(pr.file), pr.procedure.pos, "its internal process",
                                          "--with-processes"});
        }
    }
    for (const auto& pl : catalog.plans) {
        const Procedure* p = abolishing(pl.procedure.value);
        if (!p || options.keep_plans) continue;
        const bool abolishes = std::any_of(pl.changes.begin(), pl.changes.end(),
                                           [](const PlanChange& c) { return c.kind.value == "abolish"; });
        if (!abolishes)
            out.dependents.push_back({p->code.value, catalog.files.at(pl.file), pl.procedure.pos,
                                      "simplification plan " + pl.id.value, "--keep-plans"});
    }
    for (const auto& other : catalog.procedures) {
        if (options.keep_related || abolishing(other.code.value)) continue;
        for (const auto& r : other.related)
            if (const Procedure* p = abolishing(r.value))
                out.dependents.push_back({p->code.value, catalog.files.at(other.file), r.pos,
                                          "the related list of " + other.code.value, "--keep-related"});
    }
    for (const auto& d : catalog.decisions) {
        if (options.keep_replacement) break;
        for (const auto& r : d.replaced)
            if (const Procedure* p = abolishing(r.new_code.value))
                out.dependents.push_back({p->code.value, catalog.files.at(d.file), r.pos,
                                          "decision " + d.number.value + ", where it replaces " + r.old_code.value,
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
        if (rel.empty() || *rel.begin() == "..") throw Error("'" + file.string() + "' is not under procedures/");
        tx.move(file.generic_string(), (root / "abolished" / rel).lexically_normal().generic_string());
    }
    for (const Process* pr : check.processes) tx.remove(catalog.files.at(pr->file));
}

}  // namespace tthc
