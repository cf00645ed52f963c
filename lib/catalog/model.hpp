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

// One entry of the register of legal documents a catalog cites (legal.toml,
// or [[legal_document]] in the single-file form): each document is described
// once; procedures keep naming it by its số ký hiệu.
struct LegalDocument {
    std::size_t file = 0;
    Pos pos;
    Text number, kind, title, issuer;  // "60/2014/QH13", "Luật", "Luật Hộ tịch", "Quốc hội"
    std::optional<Date> issued;
    std::vector<Text> amends;                // số ký hiệu of the documents it amends (sửa đổi, bổ sung)
    std::vector<Text> amends_procedures;     // codes of procedures whose content it amends
    std::vector<Text> abolishes_procedures;  // codes of procedures it abolishes
};

// A lĩnh vực as the decisions name it (catalog.toml [[field]]): who manages it
// in the province and at the centre.
struct FieldInfo {
    std::size_t file = 0;
    Pos pos;
    Text name, department, ministry;  // "Hộ tịch", "Sở Tư pháp", "Bộ Tư pháp"
};

struct CatalogInfo {
    std::size_t file = 0;
    Pos pos;
    Text id, name, authority, authority_kind, agency_id, place;
    int hours_per_day = 8;
    std::int64_t hour_value = 40000;
    bool special_zones = false;  // the province has đặc khu (named with its xã, phường)
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
    std::vector<LegalDocument> legal_documents;  // the register (legal.toml)
    std::vector<FieldInfo> fields;               // catalog.toml [[field]]
};

}  // namespace tthc
