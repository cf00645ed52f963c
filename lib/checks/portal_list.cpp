#include "checks/portal_list.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <utility>

#include "core/values.hpp"
#include "util/i18n.hpp"
#include "util/unicode.hpp"

namespace tthc {

namespace {

// The rows the header is looked for in: the portal puts it in row 2.
constexpr std::size_t header_rows = 20;

// NFC, every run of white space (line breaks and no-break spaces included)
// one space, trimmed: a name wrapped in a cell or saved in NFD is the same name.
std::string fold_space(std::string_view text)
{
    const std::string nfc = to_nfc(text);
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < nfc.size();) {
        const std::size_t at = i;
        const int32_t c = next_code_point(nfc, i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0xA0 || c == 0x2007 ||
            c == 0x202F || c == 0x3000) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out.append(nfc, at, i - at);
    }
    return out;
}

std::string where(const std::string& file, Pos pos)
{
    return file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

// A code the sheet stores as a number: 1.001193 may be kept as
// 1.0011930000000001, and 1.001190 as 1.00119; a national code has six decimals.
std::string code_text(const SheetCell& cell)
{
    const std::string text = fold_space(cell.text);
    if (!cell.number) return text;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !(v >= 1 && v < 10)) return text;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

const SheetCell* cell_at(const SheetRow& row, std::uint32_t column)
{
    for (const auto& c : row.cells)
        if (c.column == column) return &c;
    return nullptr;
}

// A procedure of the catalog, whole or as its key.
struct Known {
    const std::string* file;
    const Text* code;
    const Text* name;
    bool abolished;
};

// TRANSLATORS: a name quoted in a message; “{0}” in Vietnamese
std::string quoted(const std::string& s) { return tr("\"{0}\"", fold_space(s)); }

}  // namespace

PortalList portal_list_from_rows(const std::vector<SheetRow>& rows, const std::string& file)
{
    PortalList list;
    list.file = file;
    std::size_t header = rows.size();
    std::uint32_t code_column = 0, name_column = 0;
    for (std::size_t r = 0; r < rows.size() && r < header_rows && header == rows.size(); ++r)
        for (const auto& c : rows[r].cells)
            if (fold(c.text) == fold("Mã số")) {
                header = r;
                code_column = c.column;
                break;
            }
    if (header == rows.size())
        throw Error(tr("{0}: no header row: none of the first {1} rows has a cell \"Mã số\"", file, header_rows),
                    tr("the portal's list has the header \"Mã số | Tên | Cơ quan ban hành | Cơ quan thực hiện | Lĩnh vực\""));
    for (const auto& c : rows[header].cells)
        if (const std::string f = fold(c.text); f == fold("Tên") || f == fold("Tên thủ tục")) {
            name_column = c.column;
            break;
        }
    if (name_column == 0)
        throw Error(tr("{0}: the header row has no \"Tên\" cell", where(file, cell_at(rows[header], code_column)->pos)),
                    tr("the portal's list has the header \"Mã số | Tên | Cơ quan ban hành | Cơ quan thực hiện | Lĩnh vực\""));
    for (std::size_t r = header + 1; r < rows.size(); ++r) {
        const SheetCell* code = cell_at(rows[r], code_column);
        if (!code || fold_space(code->text).empty()) continue;  // an empty row, or a heading across the columns
        PortalEntry e;
        e.row = rows[r].row;
        e.code_pos = code->pos;
        e.code = code_text(*code);
        if (const SheetCell* name = cell_at(rows[r], name_column)) {
            e.name_pos = name->pos;
            e.name = name->text;
        }
        list.entries.push_back(std::move(e));
    }
    return list;
}

PortalList read_portal_list(const std::string& path) { return portal_list_from_rows(read_sheet(path), path); }

std::vector<Diagnostic> check_portal_list(const PortalList& list, const Catalog& catalog,
                                          const std::vector<ProcedureKey>& keys)
{
    std::vector<Diagnostic> out;
    // the catalog's procedures by identity; the first of a duplicate code (duplicate-code says the rest)
    std::map<std::string, Known> known;
    for (const auto* procedures : {&catalog.procedures, &catalog.abolished})
        for (const auto& p : *procedures)
            if (p.parsed_code) known.emplace(p.parsed_code->identity, Known{&catalog.files.at(p.file), &p.code, &p.name, p.abolished});
    for (const auto& k : keys)
        if (!k.identity.empty()) known.emplace(k.identity, Known{&catalog.files.at(k.file), &k.code, &k.name, k.abolished});

    std::map<std::string, const PortalEntry*> listed;
    for (const auto& e : list.entries) {
        const auto code = parse_code(e.code);
        if (!code) {
            out.push_back(make_diagnostic(list.file, e.code_pos, Rule::bad_code,
                                          tr("the portal's list gives \"{0}\" as a Mã số, which is not a procedure code",
                                             e.code)));
            continue;
        }
        if (const auto [it, fresh] = listed.emplace(code->identity, &e); !fresh) {
            out.push_back(make_diagnostic(list.file, e.code_pos, Rule::portal_duplicate,
                                          tr("{0} is listed twice; first at {1}", e.code,
                                             where(list.file, it->second->code_pos))));
            continue;
        }
        const auto found = known.find(code->identity);
        if (found == known.end()) {
            out.push_back(make_diagnostic(list.file, e.code_pos, Rule::portal_extra,
                                          tr("{0} {1} is on the portal's list but not in the catalog", e.code,
                                             quoted(e.name))));
            continue;
        }
        const Known& k = found->second;
        if (k.abolished) {
            out.push_back(make_diagnostic(list.file, e.code_pos, Rule::portal_abolished,
                                          tr("{0} {1} is on the portal's list but abolished in the catalog ({2})", e.code,
                                             quoted(e.name), *k.file)));
            continue;
        }
        if (!k.name->present || e.name.empty()) continue;
        const std::string ours = fold_space(k.name->value), theirs = fold_space(e.name);
        if (ours == theirs) continue;
        const bool capitals = fold(ours) == fold(theirs);
        const std::string at = where(list.file, e.name_pos);
        // TRANSLATORS: {0} is FILE:LINE:COLUMN of the portal's row, {1} the portal's name, quoted
        out.push_back(make_diagnostic(*k.file, k.name->pos, Rule::portal_name,
                                      capitals ? tr("the name differs from the portal's only in capitals ({0}): {1}", at,
                                                    quoted(e.name))
                                               : tr("the name differs from the portal's ({0}): {1}", at, quoted(e.name))));
    }
    for (const auto& [identity, k] : known)
        if (!k.abolished && !listed.count(identity))
            out.push_back(make_diagnostic(*k.file, k.code->pos, Rule::portal_missing,
                                          tr("{0} {1} is in force in the catalog but not on the portal's list ({2})",
                                             k.code->value, quoted(k.name->value), list.file)));
    return out;
}

}  // namespace tthc
