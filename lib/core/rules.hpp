// The one registry of rules: every finding the toolkit reports, from loading,
// lint, verify and import, names one of these. Ids are typed (Rule) so that a
// misspelt id is a compile error, not a crash at run time; the registry also
// holds each rule's policy (does the finding mean the file was not read? may
// export --as-published keep it?), so that policy is not spread as string lists.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace tthc {

enum class Severity { note, warning, error };

std::string_view severity_name(Severity s);

// In registry order. Add rules at the end of their scope's group; never rename
// an id (CI configurations and SARIF consumers key on them).
enum class Rule : std::uint8_t {
    toml_syntax,
    invalid_utf8,
    io_error,
    missing_file,
    unknown_file,
    missing_key,
    unknown_key,
    bad_type,
    bad_value,
    bad_code,
    duplicate_code,
    file_name,
    bad_duration,
    bad_fee,
    unknown_currency,
    bad_legal_number,
    no_legal_number,
    bad_level,
    district_level,
    online_channel,
    not_nfc,
    empty_dossier,
    process_over,
    process_under,
    process_uncheckable,
    unknown_unit,
    unknown_procedure,
    unknown_dossier,
    unknown_channel,
    duplicate_id,
    glued_legal_number,
    district_named,
    capitals,
    abbreviation,
    repeated_text,
    dossier_note,
    control_character,
    // the catalog against the portal's list (lint --portal-list, checks/portal_list.hpp)
    portal_missing,
    portal_extra,
    portal_abolished,
    portal_name,
    portal_duplicate,
    doubled_punctuation,
    manifest,
    schema,
    unsafe_path,
    duplicate_path,
    extra_file,
    size,
    checksum,
    schema_file,
    signature,
    document,
    json_syntax,
    dvcqg_record
};

// Where a rule is reported: catalogs (load, lint) or packages (verify, import).
enum class Scope : std::uint8_t { catalog = 1, package = 2, both = 3 };

// Policy flags of a rule.
namespace rule_flag {
inline constexpr std::uint8_t unreadable = 1;  // the file was not read at all: its procedures are unknown
inline constexpr std::uint8_t tolerated = 2;   // export --as-published keeps the data as the portal published it
inline constexpr std::uint8_t content = 4;     // the content a decision would print is wrong: documents refuse it
}  // namespace rule_flag

// What a rule checks, for --explain, man pages and SARIF rule metadata.
struct RuleInfo {
    Rule rule;
    std::string_view id;
    Severity severity;
    Scope scope;
    std::uint8_t flags;
    std::string_view summary;  // one line
    std::string_view help;     // what it checks and how to fix it
};

// Every rule, in registry (= enum) order.
const std::vector<RuleInfo>& all_rules();
// The rules of one scope, in registry order.
std::vector<const RuleInfo*> rules_of(Scope scope);
const RuleInfo& rule_info(Rule rule);
inline std::string_view rule_id(Rule rule) { return rule_info(rule).id; }
// The rule with this id, or nothing (the caller says "no rule" with a suggestion).
std::optional<Rule> find_rule(std::string_view id);

// A finding of this rule means the file could not be read (syntax, encoding,
// I/O, a missing catalog.toml): commands that need the whole catalog stop.
inline bool is_unreadable(Rule rule) { return (rule_info(rule).flags & rule_flag::unreadable) != 0; }
// export --as-published keeps data with this finding as the portal published it:
// a value that is missing (agency, thời hạn) or written in a form the toolkit
// cannot read (durations, legal numbers, currencies), which the package carries
// exactly as the catalog has it. Findings that lose or garble data (unknown
// keys, wrong types, fees dropped at load, invalid or duplicate codes,
// unreadable files) are never tolerated.
inline bool is_tolerated_as_published(Rule rule) { return (rule_info(rule).flags & rule_flag::tolerated) != 0; }
// A finding of this rule says the text a decision would print is wrong (garbled
// published data, a level that no longer exists): the documents of announce,
// abolish and process refuse to print it (checks/lint.hpp content_findings),
// unless told to with --allow-content-errors. A lint rule joins by carrying the flag.
inline bool is_content_error(Rule rule) { return (rule_info(rule).flags & rule_flag::content) != 0; }

}  // namespace tthc
