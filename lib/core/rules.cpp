#include "core/rules.hpp"

#include <stdexcept>
#include <string>

#include "core/rule_texts.hpp"
#include "util/i18n.hpp"

namespace tthc {

std::string_view severity_name(Severity s)
{
    switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
    }
    return "error";
}

const char* severity_label(Severity s)
{
    switch (s) {
    case Severity::note: return trc("severity", "note");
    case Severity::warning: return trc("severity", "warning");
    case Severity::error: return trc("severity", "error");
    }
    return trc("severity", "error");
}

namespace {

using S = Severity;
namespace F = rule_flag;

// Ids are a public contract (CI configurations and SARIF consumers key on
// them): add rules, never rename one. In the order of enum class Rule.
const RuleInfo rule_table[] = {
    {Rule::toml_syntax, "toml-syntax", S::error, Scope::catalog, F::unreadable, N_("The file is not valid TOML."),
     N_("The file could not be parsed as TOML 1.0; nothing in it was checked further. The message says what the "
     "parser expected at the caret. Common causes: a missing closing quote, a key written twice, a comma after the "
     "last element of an inline table.")},
    {Rule::invalid_utf8, "invalid-utf8", S::error, Scope::catalog, F::unreadable, N_("The file is not valid UTF-8."),
     N_("Catalog files must be UTF-8. The position is the first byte that is not part of a valid UTF-8 sequence. Files "
     "saved as Windows-1258 or TCVN3 (ABC) must be converted, for example with iconv -f CP1258 -t UTF-8.")},
    {Rule::io_error, "io-error", S::error, Scope::catalog, F::unreadable, N_("A file could not be read."),
     N_("The file exists in the catalog but could not be opened or read (permissions, a broken link). Other files are "
     "still checked.")},
    {Rule::missing_file, "missing-file", S::error, Scope::both, F::unreadable, N_("A required file is missing."),
     N_("A catalog directory must contain catalog.toml with a [catalog] table (tthc-catalog(5), section 2).")},
    // One meaning in both scopes, a file that must be there is not: in a
    // package (verify, import) it is a file its manifest lists
    // (tthc-verify(1)); lint's --explain and SARIF speak of catalogs.
    {Rule::unknown_file, "unknown-file", S::warning, Scope::catalog, 0, N_("A TOML file that the catalog format does not read."),
     N_("Only catalog.toml, units.toml and the files under procedures/, abolished/, processes/, plans/ and decisions/ "
     "are read. A TOML file elsewhere is usually in a misspelt folder (procedure/ for procedures/); move it.")},
    {Rule::missing_key, "missing-key", S::error, Scope::catalog, F::tolerated, N_("A required key is missing."),
     N_("The key is required by the catalog format (tthc-catalog(5)). Add it; the value must not be left empty.")},
    {Rule::unknown_key, "unknown-key", S::error, Scope::catalog, 0, N_("A key that the catalog format does not define."),
     N_("The key is not part of the catalog format. It is usually a misspelt key whose value would otherwise be lost; "
     "the message suggests the closest known key. The rest of the file is still checked.")},
    {Rule::bad_type, "bad-type", S::error, Scope::catalog, 0, N_("A value has the wrong TOML type."),
     N_("For example a number written as a string (fee = \"200000\"), or a single string where an array is "
     "expected (levels = \"xã\" instead of levels = [\"xã\"]).")},
    {Rule::bad_value, "bad-value", S::error, Scope::catalog, 0, N_("A value is not one of those the format allows."),
     N_("Keys such as online, channels.kind, authority_kind, catalog id, changes.kind and sign_mode take a fixed set "
     "of values; the message lists them.")},
    {Rule::bad_code, "bad-code", S::error, Scope::catalog, 0, N_("A procedure code (mã thủ tục) is malformed."),
     N_("A code is a national code (1.001193), a provincial instance of one (1.001612.000.00.00.H48 or 1.012753.H19), "
     "or a provisional code TAM-<slug> with lower-case ASCII letters, digits and hyphens. With --portal-list, also "
     "a Mã số of the portal's list that is not a code, reported at its cell.")},
    {Rule::duplicate_code, "duplicate-code", S::error, Scope::catalog, 0, N_("Two procedures share a code."),
     N_("Codes are unique within a catalog, across procedures/ and abolished/ together. A provincial instance code "
     "names the same procedure as its national code.")},
    {Rule::file_name, "file-name", S::error, Scope::catalog, 0, N_("The file name does not match the procedure code."),
     N_("In the directory form each procedure file is named after its code: procedures/ho-tich/1.001193.toml holds "
     "code = \"1.001193\". Rename the file (git mv) or correct the code.")},
    {Rule::bad_duration, "bad-duration", S::error, Scope::catalog, F::tolerated, N_("A thời hạn does not parse."),
     N_("A duration is a number and a unit (\"5 ngày làm việc\", \"4 giờ làm việc\", \"0,5 ngày làm việc\", "
     "\"30 ngày\", \"3 tháng\") or one of \"Trong ngày\", \"Ngay\". Anything else is an error, never a silent zero: "
     "write the duration in one of these forms and move explanations to note.")},
    {Rule::bad_fee, "bad-fee", S::error, Scope::catalog, 0, N_("A fee is negative or fractional."),
     N_("fee is the whole amount per dossier in the channel's currency: a non-negative integer. Put what the fee "
     "depends on in fee_note.")},
    {Rule::unknown_currency, "unknown-currency", S::error, Scope::catalog, F::tolerated, N_("A currency code is not known."),
     N_("currency is an ISO 4217 code; the toolkit knows VND, USD, EUR, JPY, CNY, GBP, KRW, AUD, CAD, CHF, SGD, THB, "
     "HKD, TWD, LAK, KHR and RUB.")},
    {Rule::bad_legal_number, "bad-legal-number", S::error, Scope::catalog, F::tolerated, N_("A legal document number (số ký hiệu) is malformed."),
     N_("A number is digits (optionally a dot and digits), an optional four-digit year, and a symbol of letter and "
     "digit groups joined by '-': 123/2015/NĐ-CP, 60/2014/QH13, 280/QĐ-UBND, 5230/QĐ-BCA-C06.")},
    {Rule::no_legal_number, "no-legal-number", S::warning, Scope::catalog, 0, N_("A legal basis has no number."),
     N_("Laws and codes cited without a số ký hiệu (number = \"\") cannot be traced or checked. Add the number when "
     "the document has one.")},
    {Rule::bad_level, "bad-level", S::error, Scope::catalog, 0, N_("An unknown cấp thực hiện."),
     N_("levels takes any of \"bộ\", \"tỉnh\", \"huyện\", \"xã\", \"khác\".")},
    {Rule::district_level, "district-level", S::warning, Scope::catalog, F::content, N_("Level \"huyện\" after 1 July 2025."),
     N_("Since 1 July 2025 there is no district level (cấp huyện). A procedure in force on or after that date that "
     "still names \"huyện\" must be re-announced at \"tỉnh\" or \"xã\". The date checked is --today.")},
    {Rule::online_channel, "online-channel", S::error, Scope::catalog, F::tolerated, N_("Online service without an online channel."),
     N_("A procedure whose online is \"toàn trình\" or \"một phần\" must have a channels entry of kind \"trực tuyến\".")},
    {Rule::not_nfc, "not-nfc", S::warning, Scope::catalog, 0, N_("Text is not in Unicode NFC."),
     N_("Some editors write Vietnamese in decomposed form (NFD). The toolkit compares text after NFC normalisation, so "
     "nothing is lost, but the file should be saved in NFC (for example with uconv -x any-nfc).")},
    {Rule::empty_dossier, "empty-dossier", S::error, Scope::catalog, F::tolerated, N_("No dossier entries and no reason given."),
     N_("dossier may be an empty array only when conditions says why no dossier is needed.")},
    {Rule::process_over, "process-over", S::error, Scope::catalog, 0, N_("An internal process exceeds the thời hạn."),
     N_("The counted steps of the quy trình nội bộ, in working hours, add up to more than the procedure's thời hạn "
     "(Nghị định 118/2025/NĐ-CP). Shorten a step or mark steps outside the deadline with counted = false.")},
    {Rule::process_under, "process-under", S::warning, Scope::catalog, 0, N_("An internal process falls short of the thời hạn."),
     N_("The counted steps add up to less than the thời hạn: either a step is missing or the published thời hạn could "
     "be shortened.")},
    {Rule::process_uncheckable, "process-uncheckable", S::warning, Scope::catalog, 0, N_("The thời hạn cannot be checked in working hours."),
     N_("The thời hạn is in calendar days or months, which do not convert to working hours; the sum of the steps is "
     "not checked.")},
    {Rule::unknown_unit, "unknown-unit", S::error, Scope::catalog, 0, N_("A process step names a unit not in units.toml."),
     N_("Every steps.unit must be the id of a [[unit]] in units.toml.")},
    {Rule::unknown_procedure, "unknown-procedure", S::error, Scope::catalog, 0, N_("A code names no procedure of the catalog."),
     N_("Processes, plans and decisions may only name codes of procedures in procedures/ or abolished/.")},
    {Rule::unknown_dossier, "unknown-dossier", S::error, Scope::catalog, 0, N_("A plan names a dossier entry the procedure does not have."),
     N_("changes.item of a remove-dossier change must be the exact name of one of the procedure's dossier entries.")},
    {Rule::unknown_channel, "unknown-channel", S::error, Scope::catalog, 0, N_("A channel kind that the procedure does not have."),
     N_("A process's channel, or a plan change's channel, must be a channel kind of the procedure (or \"*\" in plans).")},
    {Rule::duplicate_id, "duplicate-id", S::error, Scope::catalog, 0, N_("An id, number or process is defined twice."),
     N_("Unit ids, plan ids and decision numbers are unique, and a procedure has at most one internal process.")},
    // Content rules: what the published text says (checks/content.hpp).
    {Rule::glued_legal_number, "glued-legal-number", S::error, Scope::catalog, F::tolerated | F::content,
     N_("Legal numbers run into other text or are written twice."),
     N_("A số ký hiệu with a year (08.a/2010/TT-BTP) touches the text before or after it, is written twice with "
     "nothing between, or has its symbol cut short (55/2015/NĐ-về): the portal ran the cells of its legal-basis "
     "table together (\"Thông tư 08.a/2010/TT-BTP08.a/2010/TT-BTPThông tư 09b/2013/TT-BTP...\"). An error: the "
     "text no longer says which documents it cites, and a decision that prints it cites documents that do not "
     "exist. Write each document once, its number set apart, in a legal_basis row of its own; drop the rows of "
     "documents that are no longer in force. export --as-published keeps it as published.")},
    {Rule::district_named, "district-named", S::warning, Scope::catalog, F::content,
     N_("Text names a district or thị trấn after 1 July 2025."),
     N_("Since 1 July 2025 local government has two levels: there is no cấp huyện (huyện, quận, thị xã) and no "
     "thị trấn. A procedure in force on or after that date whose text (agency, address, conditions, steps, "
     "dossier, results, channel notes) still names \"huyện\", \"quận\", \"thị xã\" or \"thị trấn\" sends people "
     "to a body that no longer exists. Legal basis titles and issuers are not checked: an old document keeps "
     "the name it was issued with (\"... Quận/huyện ...\"). A warning, like district-level: a text can still "
     "speak of the past (a decision an old district body issued), which a person must judge. The date "
     "checked is --today.")},
    {Rule::capitals, "capitals", S::warning, Scope::catalog, 0,
     N_("\"Ủy ban Nhân dân\": wrong capitals in the name of a body."),
     N_("Nghị định 30/2020/NĐ-CP (Phụ lục II) writes the kind of a state body with one capital: \"Ủy ban nhân "
     "dân\", \"Hội đồng nhân dân\". The portal often writes \"Ủy ban Nhân dân\". A warning: the meaning is "
     "clear, but a decision must not print it so. All capitals (a heading) are not reported.")},
    {Rule::abbreviation, "abbreviation", S::warning, Scope::catalog, 0,
     N_("An agency name abbreviated (UBND, HĐND, BHXH, BHYT) and never written out."),
     N_("Nghị định 30/2020/NĐ-CP (Phụ lục I) allows an abbreviation only after the words are written out once "
     "with the abbreviation in brackets. A procedure that writes \"UBND cấp xã\" or \"Công đoàn cơ quan BHXH "
     "Việt Nam\" without \"Ủy ban nhân dân (UBND)\" anywhere is reported at each text that abbreviates. Symbols "
     "of legal numbers (QĐ-UBND) and legal basis titles are not. A warning: write the name out.")},
    {Rule::repeated_text, "repeated-text", S::warning, Scope::catalog, F::content,
     N_("The same value pasted twice."),
     N_("A text that is one phrase of two or more words written twice (\"X X\", \"X; X\", \"XX\"), or a legal basis "
     "number cited in two rows of one procedure. The portal's pages repeat cells when they are copied; keep "
     "the value once. A warning: nothing is lost, but the document prints it twice.")},
    {Rule::dossier_note, "dossier-note", S::warning, Scope::catalog, F::content,
     N_("A dossier entry that is a note, not a document."),
     N_("A thành phần hồ sơ names a document to hand in. An entry whose case is \"Lưu ý\" or \"Ghi chú\", whose "
     "name begins with \"Lưu ý\", \"Ghi chú:\", \"Chú ý\" or \"*\", or which counts 0 bản chính and 0 bản sao and "
     "is a heading (it ends in ':'), a rule (\"Trường hợp ... thì ...\") or a duty (\"... có trách nhiệm ...\") "
     "is a note the portal published in the dossier table. Move it to conditions, or name the document it "
     "asks for (and put its trường hợp in case). A warning: the text may be right, but it is counted and "
     "printed as a document to hand in.")},
    {Rule::control_character, "control-character", S::error, Scope::catalog, 0,
     N_("Text holds a control character."),
     N_("A TOML string may hold any character through an escape (\\b, \\f, \\u0001), but a control character "
     "other than a tab, a line feed or a carriage return (U+0000 to U+001F), and the non-characters U+FFFE "
     "and U+FFFF, cannot be written in XML 1.0, so no package or document could carry the text, and none "
     "shows it. It is usually a stray escape or a byte pasted from a binary file: remove it.")},
    // The catalog against the national portal's list of the authority's
    // procedures (lint --portal-list; checks/portal_list.hpp). Never cached:
    // they compare the whole catalog with a file outside it, every run.
    {Rule::portal_missing, "portal-missing", S::error, Scope::catalog, 0,
     N_("A procedure in force in the catalog is not on the portal's list."),
     N_("The procedure is in procedures/ but the list of the authority's procedures exported from the national portal "
     "(Cổng Dịch vụ công quốc gia), given with --portal-list, has no row with its code. People cannot find on the "
     "portal a procedure the catalog says is in force: either its announcement was never published (publish it), "
     "or it was abolished and the catalog kept it (move it to abolished/ with tthc abolish). Codes are compared by "
     "the national code they name: 1.001612.000.00.00.H48 and 1.012753.H19 match 1.001612 and 1.012753. Reported "
     "at the procedure's code.")},
    {Rule::portal_extra, "portal-extra", S::error, Scope::catalog, 0,
     N_("A procedure on the portal's list is not in the catalog."),
     N_("A row of the --portal-list file names a code that no procedure of the catalog has, in procedures/ or in "
     "abolished/. The portal publishes a procedure the catalog does not know: add it from its "
     "announcement, or have the portal withdraw it. Reported at the row's Mã số cell: for an XLSX file its sheet "
     "row and column (row 7 column 2 is cell B7), for a CSV file the line and column where the field begins.")},
    {Rule::portal_abolished, "portal-abolished", S::error, Scope::catalog, 0,
     N_("A procedure on the portal's list is abolished in the catalog."),
     N_("A row of the --portal-list file names a procedure the catalog keeps in abolished/: the portal still "
     "publishes a procedure that was abolished. Have the portal withdraw it, citing the decision that abolished "
     "it; if it is in force after all, the catalog is wrong. Reported at the row's Mã số cell.")},
    {Rule::portal_name, "portal-name", S::warning, Scope::catalog, 0,
     N_("A procedure's name differs from the portal's."),
     N_("The catalog's name and the name in the --portal-list row with the same code differ. Names are compared "
     "after Unicode NFC normalisation with runs of white space (line breaks and no-break spaces included) "
     "folded to one space and trimmed, so text saved in NFD or wrapped in a cell is the same name; a difference "
     "only in capitals is reported as such. A warning: a decision prints the catalog's name, which must be the "
     "one announced; correct whichever is wrong. Reported at the procedure's name, with the row's position in "
     "the message.")},
    {Rule::portal_duplicate, "portal-duplicate", S::warning, Scope::catalog, 0,
     N_("The portal's list names a procedure twice."),
     N_("Two rows of the --portal-list file name the same procedure (the same national code, written alike or as "
     "provincial instances of it). The second row is reported and not compared; the portal's list should "
     "have each procedure once.")},
    {Rule::doubled_punctuation, "doubled-punctuation", S::warning, Scope::catalog, 0,
     N_("A mark of punctuation written twice in a row (\";;\", \",,\", \"..\")."),
     N_("A text that writes a comma, semicolon, colon or full stop twice in a row, as the portal's pages do "
     "when two cells are joined (\"... tại cơ quan có thẩm quyền;;\"). Three dots or more are an ellipsis and "
     "are not reported; legal basis titles are not checked (a document keeps the title it was issued with). "
     "A warning: lint --fix writes each mark once.")},
    {Rule::manifest, "manifest", S::error, Scope::package, 0, "Manifest.xml is missing, not well-formed, or not a tthc manifest.",
     "Verify and import read manifest.xml first: it must exist, be well-formed, be valid against the tthc XML schema and be a tthc manifest. Nothing else in the package is checked when it is not."},
    {Rule::schema, "schema", S::error, Scope::package, 0, "A document is not valid against the tthc XML schema (version 1).",
     "Every procedure and decision document of a package must be valid against schema/tthc-1.xsd; the message gives libxml2's reason at the position."},
    {Rule::unsafe_path, "unsafe-path", S::error, Scope::package, 0, "A manifest entry names a path outside the package; it is not read.",
     "A manifest path is relative, '/'-separated, without empty, '.' or '..' parts, backslashes or control characters; anything else could point outside the package and is never opened."},
    {Rule::duplicate_path, "duplicate-path", S::error, Scope::package, 0, "Two manifest entries name the same file.",
     "Each file of a package is listed once in the manifest."},
    {Rule::extra_file, "extra-file", S::error, Scope::package, 0, "A file in the package is not listed in the manifest.",
     "Every file of a package is listed in the manifest with its SHA-256 and size; an unlisted file (a symbolic link included, never followed) is refused so that nothing unchecked is uploaded."},
    {Rule::size, "size", S::error, Scope::package, 0, "A file's size differs from the manifest's.",
     "The file was changed or truncated after export; export the package again."},
    {Rule::checksum, "checksum", S::error, Scope::package, 0, "A file's SHA-256 differs from the manifest's.",
     "The file was changed after export; export the package again."},
    {Rule::schema_file, "schema-file", S::error, Scope::package, 0, "The package's XSD is not the schema this version of tthc defines.",
     "The package carries tthc-1.xsd byte for byte as this tthc defines it; a different file means the package was altered or made by another tool."},
    {Rule::signature, "signature", S::error, Scope::package, 0, "The manifest's signature is missing (with --cert), or does not verify.",
     "With --cert the manifest must carry an XML-DSig signature made with that certificate's key; a signature that does not verify means the manifest changed after signing."},
    {Rule::document, "document", S::error, Scope::package, 0, "A document cannot be read back (import only).",
     "Import turns each document back into the catalog model; the message says which element could not be read."},
    {Rule::json_syntax, "json-syntax", S::error, Scope::package, F::unreadable, "A JSON file of the national format is not valid JSON.",
     "tthc import dvcqg reads each file whole with nlohmann::json: the file must be UTF-8 JSON (RFC 8259), and arrays and objects may nest at most 64 levels deep (records need 5), so that a hostile file cannot exhaust the stack. Nothing is written while any file has a finding."},
    {Rule::dvcqg_record, "dvcqg-record", S::error, Scope::package, 0, "A record of the national format cannot be read into the catalog model.",
     "A record needs MATTHC; a key that holds a list (CAPTHUCHIEN, CACHTHUCTHUCHIEN, THANHPHANHOSO...) must be an array of objects, and a value a string or a number; a service reply must say error_code 0. See tthc-dvcqg(5) for every key. Nothing is written while any file has a finding."},
};

}  // namespace

const std::vector<RuleInfo>& all_rules()
{
    static const std::vector<RuleInfo> rules = [] {
        std::vector<RuleInfo> r(std::begin(rule_table), std::end(rule_table));
        // The table is indexed by Rule: a row out of place is a bug caught at
        // the first use (and by the unit test of this module).
        for (std::size_t i = 0; i < r.size(); ++i)
            if (static_cast<std::size_t>(r[i].rule) != i)
                throw std::logic_error("rule registry out of order at " + std::string(r[i].id));
        return r;
    }();
    return rules;
}

std::vector<const RuleInfo*> rules_of(Scope scope)
{
    std::vector<const RuleInfo*> out;
    for (const auto& r : all_rules())
        if ((static_cast<unsigned>(r.scope) & static_cast<unsigned>(scope)) != 0) out.push_back(&r);
    return out;
}

const RuleInfo& rule_info(Rule rule) { return all_rules().at(static_cast<std::size_t>(rule)); }

// The table's texts are string literals, so data() ends in a NUL.
const char* rule_summary(const RuleInfo& r) { return tr(r.summary.data()); }
const char* rule_help(const RuleInfo& r) { return tr(r.help.data()); }

std::optional<Rule> find_rule(std::string_view id)
{
    for (const auto& r : all_rules())
        if (r.id == id) return r.rule;
    return std::nullopt;
}

}  // namespace tthc
