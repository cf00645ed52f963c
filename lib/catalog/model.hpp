// The catalog model (catalog-format.md, version 1). Every value keeps the
// position it was read from so that any later check can point at it; text is
// already NFC. Values that did not parse are left empty (their diagnostic was
// reported at load time) — a check must not report them again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/values.hpp"

namespace tthc {

// A text value and where it was written; pos is the enclosing table's when the
// key is absent (then `present` is false).
struct Text {
    std::string value;
    Pos pos;
    bool present = false;
};

struct ResultDoc {
    Text name, code;
    Pos pos;
};

struct Channel {
    Text kind, time, currency, fee_note, case_name, note;
    std::optional<Duration> duration;  // parsed time
    std::optional<std::int64_t> fee;   // whole amount; nothing when absent or invalid
    Pos fee_pos;
    Pos pos;
};

struct DossierItem {
    Text name, form, case_name;
    std::int64_t originals = 0, copies = 0;
    bool present_only = false;
    Pos pos;
};

struct LegalBasis {
    Text number, title, issuer;
    std::optional<Date> issued;
    Pos pos;
};

struct Procedure {
    std::size_t file = 0;  // index into Catalog::files
    Pos pos;               // the table ([[procedure]]) or 1:1 for a file of its own
    bool abolished = false;
    Text code, name, field, kind, agency, authority, delegated, coordinating, address, online, conditions;
    std::optional<ProcedureCode> parsed_code;
    std::vector<Text> levels, subjects, steps, related;
    std::vector<ResultDoc> results;
    std::vector<Channel> channels;
    std::vector<DossierItem> dossier;
    std::vector<LegalBasis> legal_basis;
};

struct Unit {
    std::size_t file = 0;
    Pos pos;
    Text id, name, parent;
};

struct ProcessStep {
    Text unit, task, time, output;
    std::optional<Duration> duration;
    bool counted = true;
    Pos pos;
};

struct Process {
    std::size_t file = 0;
    Pos pos;
    Text procedure, channel;
    std::vector<ProcessStep> steps;
};

struct PlanChange {
    Text kind, item, channel, time, currency;
    std::optional<Duration> duration;
    std::optional<std::int64_t> fee;
    Pos pos;
};

struct Plan {
    std::size_t file = 0;
    Pos pos;
    Text id, procedure, reason, recommendation;
    std::int64_t dossiers_per_year = 10;
    std::vector<PlanChange> changes;
};

struct Replacement {
    Text old_code, new_code;
    Pos pos;
};

struct Decision {
    std::size_t file = 0;
    Pos pos;
    Text number, title, signer, signer_title, sign_mode;
    std::optional<Date> date, effective;
    std::vector<Text> basis, new_codes, amended, abolished, processes;
    std::vector<Replacement> replaced;
};

struct CatalogInfo {
    std::size_t file = 0;
    Pos pos;
    Text id, name, authority, authority_kind, agency_id, place;
    int hours_per_day = 8;
    std::int64_t hour_value = 40000;
};

struct Catalog {
    std::string root;                // the path given: a directory or a single file
    std::vector<std::string> files;  // every file read, as displayed in diagnostics
    CatalogInfo info;
    std::vector<Procedure> procedures;  // in force, sorted by file then position
    std::vector<Procedure> abolished;
    std::vector<Unit> units;
    std::vector<Process> processes;
    std::vector<Plan> plans;
    std::vector<Decision> decisions;
};

}  // namespace tthc
