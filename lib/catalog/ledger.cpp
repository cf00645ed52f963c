#include "catalog/ledger.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <filesystem>

#include "catalog/catalog_writer.hpp"
#include "util/unicode.hpp"

namespace tthc {

// "280/QĐ-UBND" -> "280-qd-ubnd"
std::string ascii_slug(const std::string& s)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    if (U_SUCCESS(status)) u = nfd->normalize(u, status);
    std::string out;
    bool dash = false;
    for (int32_t i = 0; i < u.length(); ++i) {
        char16_t c = u.charAt(i);
        if (c == u'Đ' || c == u'đ') c = u'd';
        if (c < 0x80 && std::isalnum(static_cast<unsigned char>(c))) {
            if (dash && !out.empty()) out.push_back('-');
            out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
            dash = false;
        } else if (c < 0x80) {
            dash = true;
        }
        // combining marks (>= 0x300) are dropped
    }
    return out;
}

std::string ledger_toml(const LedgerEntry& e)
{
    TomlOut t;
    t.raw("# Written by tthc; the ledger is append-only: never edit this file.\n");
    t.key("number", e.number);
    t.bare("date", e.date.to_string());
    t.key("title", e.title);
    t.bare("effective", e.effective.to_string());
    if (!e.signer.empty()) t.key("signer", e.signer);
    if (!e.signer_title.empty()) t.key("signer_title", e.signer_title);
    if (!e.sign_mode.empty()) t.key("sign_mode", e.sign_mode);
    t.list("basis", e.basis);
    t.list("new", e.new_codes);
    t.list("amended", e.amended);
    std::vector<std::string> replaced;
    for (const auto& [o, n] : e.replaced) replaced.push_back(replaced_entry(o, n));
    if (!replaced.empty()) t.array("replaced", replaced);
    t.list("abolished", e.abolished);
    t.list("processes", e.processes);
    return std::move(t).str();
}

std::string ledger_path(const std::string& catalog_dir, const LedgerEntry& e)
{
    return (std::filesystem::path(catalog_dir) / "decisions" / (e.date.to_string() + "-" + ascii_slug(e.number) + ".toml"))
        .generic_string();
}

const Decision* find_decision(const Catalog& catalog, const std::string& number)
{
    for (const auto& d : catalog.decisions)
        if (d.number.value == number) return &d;
    return nullptr;
}

}  // namespace tthc
