#include "checks/check_needs.hpp"

#include <string>
#include <utility>

namespace tthc {

namespace {

void drop(Text& t) { t = Text{}; }

template <class T>
void drop(std::vector<T>& v) { std::vector<T>().swap(v); }

}  // namespace

// What lint.cpp reads of a procedure (keep this list in step with it):
//   file                          every report and where() about it
//   abolished                     processes and plans against abolished procedures
//   code (value, pos)             duplicate-code, messages naming the procedure
//   name (value, pos)             portal-name (lint --portal-list)
//   parsed_code                   the index by identity
//   levels (value, pos)           district-level
//   online (value, pos)           online-channel
//   channels: kind.value          online-channel, unknown-channel, process_channel()
//             time.value          process-over/-under/-uncheckable messages
//             duration            process_channel() and the process total
//   dossier: name.value           unknown-dossier (and its suggestion)
// The content rules (content.hpp) read every text field; a caller that shrinks
// procedures runs them first (check_procedure_content) and checks the shrunken
// catalog with LintOptions::content off, as StreamingCheck (lint, export) does.
// Everything else goes, including the positions nobody reports at. Channels
// other than an online one matter only to a procedure a process or plan
// names, and dossier names only to one a plan names; an abolished procedure
// needs neither (processes and plans naming it are reported without them).
CheckNeeds check_needs(const Catalog& catalog)
{
    CheckNeeds needs;
    for (const auto& pr : catalog.processes)
        if (auto c = parse_code(pr.procedure.value)) needs.by_processes.insert(c->identity);
    for (const auto& pl : catalog.plans)
        if (auto c = parse_code(pl.procedure.value)) needs.by_plans.insert(c->identity);
    return needs;
}

void keep_what_checks_read(Procedure& p, const CheckNeeds& needs)
{
    const std::string identity = p.parsed_code ? p.parsed_code->identity : std::string();
    const bool named = !p.abolished && (needs.by_processes.count(identity) || needs.by_plans.count(identity));
    if (!named) {
        // the online-channel rule only asks whether one online channel exists
        std::vector<Channel> keep;
        if (!p.abolished)
            for (auto& c : p.channels)
                if (c.kind.value == "trực tuyến") {
                    keep.push_back(std::move(c));
                    break;
                }
        p.channels.swap(keep);
    }
    if (p.abolished || !needs.by_plans.count(identity)) drop(p.dossier);

    for (Text* t : {&p.field, &p.kind, &p.agency, &p.authority, &p.delegated, &p.coordinating, &p.address,
                    &p.conditions})
        drop(*t);
    drop(p.subjects);
    drop(p.steps);
    drop(p.related);
    drop(p.results);
    drop(p.legal_basis);
    for (auto& c : p.channels) {
        drop(c.currency);
        drop(c.fee_note);
        drop(c.case_name);
        drop(c.note);
        c.kind.value.shrink_to_fit();
        c.time.value.shrink_to_fit();
    }
    p.channels.shrink_to_fit();
    for (auto& d : p.dossier) {
        drop(d.form);
        drop(d.case_name);
        d.name.value.shrink_to_fit();
    }
    p.dossier.shrink_to_fit();
    p.levels.shrink_to_fit();
    p.code.value.shrink_to_fit();
    p.online.value.shrink_to_fit();
}

}  // namespace tthc
