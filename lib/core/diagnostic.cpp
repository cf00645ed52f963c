#include "core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

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

const std::vector<RuleInfo>& all_rules()
{
    using S = Severity;
    // Ids are a public contract (CI configurations and SARIF consumers key on
    // them): add rules, never rename one.
    static const std::vector<RuleInfo> rules = {
        {"toml-syntax", S::error, "The file is not valid TOML.",
         "The file could not be parsed as TOML 1.0; nothing in it was checked further. The message says what the "
         "parser expected at the caret. Common causes: a missing closing quote, a key written twice, a comma after the "
         "last element of an inline table."},
        {"invalid-utf8", S::error, "The file is not valid UTF-8.",
         "Catalog files must be UTF-8. The position is the first byte that is not part of a valid UTF-8 sequence. Files "
         "saved as Windows-1258 or TCVN3 (ABC) must be converted, for example with iconv -f CP1258 -t UTF-8."},
        {"io-error", S::error, "A file could not be read.",
         "The file exists in the catalog but could not be opened or read (permissions, a broken link). Other files are "
         "still checked."},
        {"missing-file", S::error, "A required file is missing.",
         "A catalog directory must contain catalog.toml with a [catalog] table (tthc-catalog(5), section 2)."},
        {"unknown-file", S::warning, "A TOML file that the catalog format does not read.",
         "Only catalog.toml, units.toml and the files under procedures/, abolished/, processes/, plans/ and decisions/ "
         "are read. A TOML file elsewhere is usually in a misspelt folder (procedure/ for procedures/); move it."},
        {"missing-key", S::error, "A required key is missing.",
         "The key is required by the catalog format (tthc-catalog(5)). Add it; the value must not be left empty."},
        {"unknown-key", S::error, "A key that the catalog format does not define.",
         "The key is not part of the catalog format. It is usually a misspelt key whose value would otherwise be lost; "
         "the message suggests the closest known key. The rest of the file is still checked."},
        {"bad-type", S::error, "A value has the wrong TOML type.",
         "For example a number written as a string (fee = \"200000\"), or a single string where an array is "
         "expected (levels = \"xã\" instead of levels = [\"xã\"])."},
        {"bad-value", S::error, "A value is not one of those the format allows.",
         "Keys such as online, channels.kind, authority_kind, catalog id, changes.kind and sign_mode take a fixed set "
         "of values; the message lists them."},
        {"bad-code", S::error, "A procedure code (mã thủ tục) is malformed.",
         "A code is a national code (1.001193), a provincial instance of one (1.001612.000.00.00.H48 or 1.012753.H19), "
         "or a provisional code TAM-<slug> with lower-case ASCII letters, digits and hyphens."},
        {"duplicate-code", S::error, "Two procedures share a code.",
         "Codes are unique within a catalog, across procedures/ and abolished/ together. A provincial instance code "
         "names the same procedure as its national code."},
        {"file-name", S::error, "The file name does not match the procedure code.",
         "In the directory form each procedure file is named after its code: procedures/ho-tich/1.001193.toml holds "
         "code = \"1.001193\". Rename the file (git mv) or correct the code."},
        {"bad-duration", S::error, "A thời hạn does not parse.",
         "A duration is a number and a unit (\"5 ngày làm việc\", \"4 giờ làm việc\", \"0,5 ngày làm việc\", "
         "\"30 ngày\", \"3 tháng\") or one of \"Trong ngày\", \"Ngay\". Anything else is an error, never a silent zero: "
         "write the duration in one of these forms and move explanations to note."},
        {"bad-fee", S::error, "A fee is negative or fractional.",
         "fee is the whole amount per dossier in the channel's currency: a non-negative integer. Put what the fee "
         "depends on in fee_note."},
        {"unknown-currency", S::error, "A currency code is not known.",
         "currency is an ISO 4217 code; the toolkit knows VND, USD, EUR, JPY, CNY, GBP, KRW, AUD, CAD, CHF, SGD, THB, "
         "HKD, TWD, LAK, KHR and RUB."},
        {"bad-legal-number", S::error, "A legal document number (số ký hiệu) is malformed.",
         "A number is digits (optionally a dot and digits), an optional four-digit year, and a symbol of letter and "
         "digit groups joined by '-': 123/2015/NĐ-CP, 60/2014/QH13, 280/QĐ-UBND, 5230/QĐ-BCA-C06."},
        {"no-legal-number", S::warning, "A legal basis has no number.",
         "Laws and codes cited without a số ký hiệu (number = \"\") cannot be traced or checked. Add the number when "
         "the document has one."},
        {"bad-level", S::error, "An unknown cấp thực hiện.",
         "levels takes any of \"bộ\", \"tỉnh\", \"huyện\", \"xã\", \"khác\"."},
        {"district-level", S::warning, "Level \"huyện\" after 1 July 2025.",
         "Since 1 July 2025 there is no district level (cấp huyện). A procedure in force on or after that date that "
         "still names \"huyện\" must be re-announced at \"tỉnh\" or \"xã\". The date checked is --today."},
        {"online-channel", S::error, "Online service without an online channel.",
         "A procedure whose online is \"toàn trình\" or \"một phần\" must have a channels entry of kind \"trực tuyến\"."},
        {"not-nfc", S::warning, "Text is not in Unicode NFC.",
         "Some editors write Vietnamese in decomposed form (NFD). The toolkit compares text after NFC normalisation, so "
         "nothing is lost, but the file should be saved in NFC (for example with uconv -x any-nfc)."},
        {"empty-dossier", S::error, "No dossier entries and no reason given.",
         "dossier may be an empty array only when conditions says why no dossier is needed."},
        {"process-over", S::error, "An internal process exceeds the thời hạn.",
         "The counted steps of the quy trình nội bộ, in working hours, add up to more than the procedure's thời hạn "
         "(Nghị định 118/2025/NĐ-CP). Shorten a step or mark steps outside the deadline with counted = false."},
        {"process-under", S::warning, "An internal process falls short of the thời hạn.",
         "The counted steps add up to less than the thời hạn: either a step is missing or the published thời hạn could "
         "be shortened."},
        {"process-uncheckable", S::warning, "The thời hạn cannot be checked in working hours.",
         "The thời hạn is in calendar days or months, which do not convert to working hours; the sum of the steps is "
         "not checked."},
        {"unknown-unit", S::error, "A process step names a unit not in units.toml.",
         "Every steps.unit must be the id of a [[unit]] in units.toml."},
        {"unknown-procedure", S::error, "A code names no procedure of the catalog.",
         "Processes, plans and decisions may only name codes of procedures in procedures/ or abolished/."},
        {"unknown-dossier", S::error, "A plan names a dossier entry the procedure does not have.",
         "changes.item of a remove-dossier change must be the exact name of one of the procedure's dossier entries."},
        {"unknown-channel", S::error, "A channel kind that the procedure does not have.",
         "A process's channel, or a plan change's channel, must be a channel kind of the procedure (or \"*\" in plans)."},
        {"duplicate-id", S::error, "An id, number or process is defined twice.",
         "Unit ids, plan ids and decision numbers are unique, and a procedure has at most one internal process."},
    };
    return rules;
}

const RuleInfo* find_rule(std::string_view id)
{
    for (const auto& r : all_rules())
        if (r.id == id) return &r;
    return nullptr;
}

void DiagnosticSink::report(std::string_view rule, Pos pos, std::string message)
{
    const RuleInfo* info = find_rule(rule);
    if (!info) throw std::logic_error("unregistered rule id: " + std::string(rule));
    report(rule, info->severity, pos, std::move(message));
}

void DiagnosticSink::report(std::string_view rule, Severity severity, Pos pos, std::string message)
{
    diags_.push_back(Diagnostic{file_, pos, severity, std::string(rule), std::move(message), {}});
}

void sort_diagnostics(std::vector<Diagnostic>& diags)
{
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.pos.line, a.pos.column, a.rule, a.message) <
               std::tie(b.file, b.pos.line, b.pos.column, b.rule, b.message);
    });
}

}  // namespace tthc
