// Legal citations as a decision prints them: "<Loại> số <số ký hiệu> ngày …
// của <cơ quan> <trích yếu>" (a law: "Luật Hộ tịch số 60/2014/QH13 ngày 20
// tháng 11 năm 2014"), from what is known and nothing invented. What is known
// comes, in this order, from the catalog's register of legal documents
// (legal.toml), from the procedure's own legal_basis entry, from the portal's
// title once what repeats the kind, the number, the date and the issuer is
// stripped from it, and last from the số ký hiệu itself (NĐ-CP is a Nghị định
// of the Chính phủ). The rule is documented in tthc-catalog(5).
#pragma once

#include <optional>
#include <string>

#include "catalog/model.hpp"
#include "core/values.hpp"

namespace tthc {

struct Citation {
    std::string kind;       // "Nghị định", "Thông tư liên tịch", "Luật"; empty when unknown
    std::string number;     // "123/2015/NĐ-CP"
    std::optional<Date> issued;
    std::string issuer;     // "Chính phủ", "Bộ trưởng Bộ Tư pháp"; empty when unknown
    std::string summary;    // trích yếu, without kind, number, date, issuer; for a law its name
    bool law = false;       // cited by its name (Luật, Bộ luật, Pháp lệnh, Hiến pháp)
};

// What the số ký hiệu alone says: the kind and the issuer, each empty when the
// symbol does not say it (…/QH15 may be a Luật, a Bộ luật or a Nghị quyết:
// the register must say which; QĐ-UBND does not say which province).
struct SymbolMeaning {
    std::string kind, issuer;
};
SymbolMeaning symbol_meaning(const std::string& number);

// A portal title reduced to its trích yếu: "Nghị định số 123/2015/NĐ-CP ngày
// 15/11/2015 của Chính phủ quy định …" gives kind "Nghị định", the date, issuer
// "Chính phủ" and summary "quy định …"; trailing ".", ";" and ":" go.
Citation parse_title(const std::string& title, const std::string& number);

// The register entry for this số ký hiệu, or nullptr.
const LegalDocument* find_legal_document(const Catalog& catalog, const std::string& number);

// Everything known about a procedure's legal basis (register first).
Citation resolve_citation(const LegalBasis& basis, const Catalog& catalog);

// Everything known about a document named only by its số ký hiệu: the register
// and the symbol; when the text is not a số ký hiệu it is kept as written.
Citation resolve_number(const std::string& number, const Catalog& catalog);

// The citation as printed, without final punctuation.
std::string format_citation(const Citation& c);

// resolve_citation + format_citation.
std::string cite(const LegalBasis& basis, const Catalog& catalog);

}  // namespace tthc
