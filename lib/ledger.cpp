#include "ledger.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <filesystem>

#include "text.hpp"

namespace tthc {

std::string toml_quote(const std::string& s)
{
    std::string out = "\"";
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04X", c);
                out += buf;
            } else {
                out.push_back(ch);
            }
        }
    }
    return out + "\"";
}

namespace {

std::string toml_list(const std::vector<std::string>& items)
{
    if (items.empty()) return "[]";
    if (items.size() == 1) return "[" + toml_quote(items[0]) + "]";
    std::string out = "[\n";
    for (const auto& i : items) out += "  " + toml_quote(i) + ",\n";
    return out + "]";
}

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

}  // namespace

std::string ledger_toml(const LedgerEntry& e)
{
    std::string out = "# Written by tthc; the ledger is append-only: never edit this file.\n";
    out += "number = " + toml_quote(e.number) + "\n";
    out += "date = " + e.date.to_string() + "\n";
    out += "title = " + toml_quote(e.title) + "\n";
    out += "effective = " + e.effective.to_string() + "\n";
    if (!e.signer.empty()) out += "signer = " + toml_quote(e.signer) + "\n";
    if (!e.signer_title.empty()) out += "signer_title = " + toml_quote(e.signer_title) + "\n";
    if (!e.sign_mode.empty()) out += "sign_mode = " + toml_quote(e.sign_mode) + "\n";
    if (!e.basis.empty()) out += "basis = " + toml_list(e.basis) + "\n";
    out += "\n";
    if (!e.new_codes.empty()) out += "new = " + toml_list(e.new_codes) + "\n";
    if (!e.amended.empty()) out += "amended = " + toml_list(e.amended) + "\n";
    if (!e.replaced.empty()) {
        out += "replaced = [\n";
        for (const auto& [o, n] : e.replaced) out += "  { old = " + toml_quote(o) + ", new = " + toml_quote(n) + " },\n";
        out += "]\n";
    }
    if (!e.abolished.empty()) out += "abolished = " + toml_list(e.abolished) + "\n";
    if (!e.processes.empty()) out += "processes = " + toml_list(e.processes) + "\n";
    return out;
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
