// The ledger: one TOML file per decision under decisions/ (catalog-format.md
// section 6), written once by announce or abolish and never changed.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "catalog/model.hpp"
#include "core/values.hpp"

namespace tthc {

struct LedgerEntry {
    std::string number, title, signer, signer_title, sign_mode;
    Date date, effective;
    std::vector<std::string> basis, new_codes, amended, abolished, processes;
    std::vector<std::pair<std::string, std::string>> replaced;  // (old, new)
};

// The decision file's text, in the format's key order.
std::string ledger_toml(const LedgerEntry& entry);

// "280/QĐ-UBND" → "280-qd-ubnd", "Hộ tịch" → "ho-tich": lower-case ASCII
// letters and digits, runs of anything else one dash (file and folder names).
std::string ascii_slug(const std::string& s);

// "decisions/2026-11-27-280-qd-ubnd.toml": the date and an ASCII slug of the number.
std::string ledger_path(const std::string& catalog_dir, const LedgerEntry& entry);

// The decision of the catalog's ledger with this number, or nullptr.
const Decision* find_decision(const Catalog& catalog, const std::string& number);

}  // namespace tthc
