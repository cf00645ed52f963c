#include "io/spreadsheet.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <utility>

#include "io/files.hpp"
#include "io/xml_out.hpp"
#include "util/i18n.hpp"
#include "util/unicode.hpp"

namespace tthc {

namespace {

// ---- XLSX -------------------------------------------------------------------

// Sheets never have more (Excel's own limits); a merged range may not fill more cells.
constexpr std::uint32_t max_rows = 1048576, max_columns = 16384;
constexpr std::uint64_t max_merged_cells = 100000;

struct Zip {
    zip_t* za = nullptr;
    ~Zip()
    {
        if (za) zip_discard(za);
    }
};

// The bytes of one part, read up to max_sheet_bytes whatever its header says
// (a zip bomb declares a small size or none); nothing when it is absent.
std::optional<std::string> read_part(zip_t* za, const std::string& part, const std::string& name)
{
    const zip_int64_t index = zip_name_locate(za, part.c_str(), 0);
    if (index < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, static_cast<zip_uint64_t>(index), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        st.size > max_sheet_bytes)
        // TRANSLATORS: {0} is a part of the XLSX archive (xl/workbook.xml), {1} a number of MiB
        throw Error(name + ": " + tr("{0} is bigger than {1} MiB uncompressed; refused", part, max_sheet_bytes >> 20));
    zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(index), 0);
    // TRANSLATORS: {0} is a part of the XLSX archive, {1} libzip's reason (English)
    if (!f) throw Error(name + ": " + tr("{0} cannot be read: {1}", part, zip_strerror(za)));
    std::string out;
    char buf[65536];
    for (;;) {
        const zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0) {
            const std::string why = zip_file_strerror(f);
            zip_fclose(f);
            throw Error(name + ": " + tr("{0} cannot be read: {1}", part, why));
        }
        if (n == 0) break;
        if (out.size() + static_cast<std::size_t>(n) > max_sheet_bytes) {
            zip_fclose(f);
            throw Error(name + ": " +
                        tr("{0} is bigger than {1} MiB uncompressed; refused", part, max_sheet_bytes >> 20));
        }
        out.append(buf, static_cast<std::size_t>(n));
    }
    zip_fclose(f);
    return out;
}

struct XmlDoc {
    xmlDocPtr doc = nullptr;
    ~XmlDoc() { xmlFreeDoc(doc); }
    xmlNodePtr root() const { return xmlDocGetRootElement(doc); }
};

// Parses a part: no DTD (refused before parsing), no entity substitution, no
// network. Throws Error "NAME: PART:LINE: ..." when it is not well-formed.
std::unique_ptr<XmlDoc> parse_part(const std::string& xml, const std::string& part, const std::string& name)
{
    if (const std::uint32_t line = doctype_line(xml))
        throw Error(name + ": " + part + ":" + std::to_string(line) + ": " +
                    tr("a DOCTYPE is not allowed (the toolkit reads no DTD and expands no entity)"));
    auto out = std::make_unique<XmlDoc>();
    xmlResetLastError();
    out->doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), part.c_str(), nullptr,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!out->doc || !out->root()) {
        const xmlError* e = xmlGetLastError();
        std::string why = e && e->message ? e->message : tr("not well-formed");
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        // TRANSLATORS: {0} is libxml2's reason (English)
        throw Error(name + ": " + part + ":" + std::to_string(e ? e->line : 0) + ": " +
                    tr("not well-formed XML: {0}", why));
    }
    return out;
}

bool is(xmlNodePtr n, const char* local)
{
    return n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

std::string attr(xmlNodePtr n, const char* local)
{
    // the attribute of that local name in any namespace (r:id) or none
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (std::strcmp(reinterpret_cast<const char*>(a->name), local) == 0) {
            xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
            std::string s = v ? reinterpret_cast<const char*>(v) : "";
            xmlFree(v);
            return s;
        }
    return {};
}

std::string text_of(xmlNodePtr n)
{
    std::string s;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
            s += reinterpret_cast<const char*>(c->content);
    return s;
}

int hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void append_utf8(std::string& out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// OOXML writes characters XML cannot carry as _xHHHH_ (a carriage return as
// _x000D_); a line break is "\r\n", "\r" or "\n" in a cell, kept as "\n".
std::string cell_text(std::string_view s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
            std::uint32_t cp = 0;
            bool ok = true;
            for (std::size_t k = 2; k < 6; ++k) {
                const int d = hex_digit(s[i + k]);
                ok = ok && d >= 0;
                cp = cp * 16 + static_cast<std::uint32_t>(d < 0 ? 0 : d);
            }
            if (ok && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                append_utf8(out, cp);
                i += 6;
                continue;
            }
        }
        out += s[i];
    }
    std::string lines;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '\r') {
            lines += '\n';
            if (i + 1 < out.size() && out[i + 1] == '\n') ++i;
        } else {
            lines += out[i];
        }
    }
    return lines;
}

// The text of a shared string or an inline string: its <t>, or the <t> of
// each rich-text run <r> (phonetic runs <rPh> are not the text).
std::string string_item(xmlNodePtr si)
{
    std::string s;
    for (xmlNodePtr c = si->children; c; c = c->next) {
        if (is(c, "t")) s += text_of(c);
        if (is(c, "r"))
            for (xmlNodePtr t = c->children; t; t = t->next)
                if (is(t, "t")) s += text_of(t);
    }
    return cell_text(s);
}

xmlNodePtr child(xmlNodePtr n, const char* local)
{
    for (xmlNodePtr c = n ? n->children : nullptr; c; c = c->next)
        if (is(c, local)) return c;
    return nullptr;
}

// "B7" -> column 2, row 7; false when it is not a cell reference in the sheet's limits.
bool parse_ref(std::string_view ref, std::uint32_t& column, std::uint32_t& row)
{
    std::size_t i = 0;
    std::uint64_t col = 0, r = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) col = col * 26 + static_cast<unsigned>(ref[i++] - 'A' + 1);
    const std::size_t digits = i;
    while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && i - digits < 7) r = r * 10 + static_cast<unsigned>(ref[i++] - '0');
    if (digits == 0 || i == digits || i != ref.size() || col > max_columns || r == 0 || r > max_rows) return false;
    column = static_cast<std::uint32_t>(col);
    row = static_cast<std::uint32_t>(r);
    return true;
}

// A relationship target, relative to xl/ unless absolute ("/xl/worksheets/sheet1.xml").
std::string part_name(const std::string& target)
{
    std::filesystem::path p = target.starts_with("/") ? std::filesystem::path(target.substr(1))
                                                      : std::filesystem::path("xl") / target;
    return p.lexically_normal().generic_string();
}

std::string sheet_part_line(xmlNodePtr n, const std::string& part)
{
    return part + ":" + std::to_string(xmlGetLineNo(n));
}

}  // namespace

std::vector<SheetRow> parse_xlsx(std::string_view bytes, const std::string& name)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!src) throw std::bad_alloc();
    Zip zip;
    zip.za = zip_open_from_source(src, ZIP_RDONLY, &error);
    if (!zip.za) {
        zip_source_free(src);
        const bool nozip = zip_error_code_zip(&error) == ZIP_ER_NOZIP;
        const std::string why = zip_error_strerror(&error);
        zip_error_fini(&error);
        if (nozip)
            throw Error(name + ": " + tr("not an XLSX file (not a zip archive)"),
                        tr("export the list from the portal as XLSX again, or save it as CSV"));
        // TRANSLATORS: {0} is libzip's reason (English)
        throw Error(name + ": " + tr("not a readable XLSX file (a damaged zip archive: {0})", why),
                    tr("export the list from the portal as XLSX again, or save it as CSV"));
    }
    zip_error_fini(&error);

    auto need = [&](const std::string& part) {
        auto bytes_of = read_part(zip.za, part, name);
        // TRANSLATORS: {0} is a part of the XLSX archive (xl/workbook.xml)
        if (!bytes_of) throw Error(name + ": " + tr("not an XLSX workbook: it has no {0}", part));
        return parse_part(*bytes_of, part, name);
    };

    // the first sheet of the workbook, and the part its relationship names
    const auto workbook = need("xl/workbook.xml");
    const xmlNodePtr sheets = child(workbook->root(), "sheets");
    const xmlNodePtr first = child(sheets, "sheet");
    if (!first) throw Error(name + ": xl/workbook.xml: " + tr("the workbook has no sheet"));
    const std::string rid = attr(first, "id");
    const auto rels = need("xl/_rels/workbook.xml.rels");
    std::string sheet_part, strings_part;
    for (xmlNodePtr r = rels->root()->children; r; r = r->next) {
        if (!is(r, "Relationship")) continue;
        const std::string type = attr(r, "Type");
        if (attr(r, "Id") == rid) sheet_part = part_name(attr(r, "Target"));
        if (type.ends_with("/sharedStrings")) strings_part = part_name(attr(r, "Target"));
    }
    if (sheet_part.empty())
        throw Error(name + ": xl/_rels/workbook.xml.rels: " +
                    (rid.empty() ? std::string(tr("no relationship for the first sheet"))
                                 // TRANSLATORS: {0} is a relationship id of the workbook (rId1)
                                 : tr("no relationship '{0}'", rid)));

    std::vector<std::string> strings;
    if (!strings_part.empty()) {
        if (auto sst_bytes = read_part(zip.za, strings_part, name)) {
            const auto sst = parse_part(*sst_bytes, strings_part, name);
            for (xmlNodePtr si = sst->root()->children; si; si = si->next)
                if (is(si, "si")) strings.push_back(string_item(si));
        }
    }

    const auto sheet = need(sheet_part);
    std::map<std::pair<std::uint32_t, std::uint32_t>, SheetCell> cells;  // (row, column)
    const xmlNodePtr data = child(sheet->root(), "sheetData");
    std::uint32_t row_number = 0;
    for (xmlNodePtr r = data ? data->children : nullptr; r; r = r->next) {
        if (!is(r, "row")) continue;
        const std::string rn = attr(r, "r");
        if (rn.empty()) {
            ++row_number;
        } else {
            std::uint32_t c = 0, n = 0;
            if (!parse_ref("A" + rn, c, n))
                throw Error(name + ": " + sheet_part_line(r, sheet_part) + ": " +
                            tr("row number '{0}' is not a sheet row", rn));
            row_number = n;
        }
        if (row_number == 0 || row_number > max_rows)
            throw Error(name + ": " + sheet_part_line(r, sheet_part) + ": " + tr("more rows than a sheet has"));
        std::uint32_t column = 0;
        for (xmlNodePtr c = r->children; c; c = c->next) {
            if (!is(c, "c")) continue;
            const std::string ref = attr(c, "r");
            if (ref.empty()) {
                ++column;
            } else {
                std::uint32_t in_row = 0;
                if (!parse_ref(ref, column, in_row) || in_row != row_number)
                    // TRANSLATORS: {0} is a cell reference (B7), {1} a row number
                    throw Error(name + ": " + sheet_part_line(c, sheet_part) + ": " +
                                tr("cell reference '{0}' is not a cell of row {1}", ref, row_number));
            }
            if (column == 0 || column > max_columns)
                throw Error(name + ": " + sheet_part_line(c, sheet_part) + ": " + tr("more columns than a sheet has"));
            const std::string type = attr(c, "t");
            SheetCell cell;
            cell.column = column;
            cell.pos = Pos{row_number, column};
            const xmlNodePtr v = child(c, "v");
            if (type == "s") {
                const std::string index = v ? text_of(v) : "";
                std::size_t k = 0, at = 0;
                for (; at < index.size() && index[at] >= '0' && index[at] <= '9' && at < 10; ++at)
                    k = k * 10 + static_cast<std::size_t>(index[at] - '0');
                if (index.empty() || at != index.size() || k >= strings.size())
                    // TRANSLATORS: {0} is a cell reference (B7), {1} the index of a shared string
                    throw Error(name + ": " + sheet_part_line(c, sheet_part) + ": " +
                                tr("cell {0} names shared string '{1}', which the workbook does not have", ref, index));
                cell.text = strings[k];
            } else if (type == "inlineStr") {
                if (const xmlNodePtr is_node = child(c, "is")) cell.text = string_item(is_node);
            } else if (type == "b") {
                cell.text = v && text_of(v) == "1" ? "TRUE" : "FALSE";
            } else {  // n (the default), str (a formula's text), e (an error), d (an ISO date)
                cell.text = v ? cell_text(text_of(v)) : "";
                cell.number = type.empty() || type == "n";
            }
            if (!cell.text.empty()) cells[{row_number, column}] = std::move(cell);
        }
    }
    // Merged ranges: every cell of one shows the value of its top-left cell
    // (a Lĩnh vực merged down several rows belongs to each of them).
    if (const xmlNodePtr merges = child(sheet->root(), "mergeCells")) {
        std::uint64_t filled = 0;
        for (xmlNodePtr m = merges->children; m; m = m->next) {
            if (!is(m, "mergeCell")) continue;
            const std::string ref = attr(m, "ref");
            const std::size_t colon = ref.find(':');
            std::uint32_t c1 = 0, r1 = 0, c2 = 0, r2 = 0;
            if (colon == std::string::npos || !parse_ref(ref.substr(0, colon), c1, r1) ||
                !parse_ref(ref.substr(colon + 1), c2, r2) || c2 < c1 || r2 < r1)
                throw Error(name + ": " + sheet_part_line(m, sheet_part) + ": " +
                            tr("merged range '{0}' is not a range", ref));
            filled += static_cast<std::uint64_t>(c2 - c1 + 1) * (r2 - r1 + 1);
            if (filled > max_merged_cells)
                throw Error(name + ": " + sheet_part_line(m, sheet_part) + ": " +
                            tr("merged ranges cover more than {0} cells; refused", max_merged_cells));
            const auto top_left = cells.find({r1, c1});
            if (top_left == cells.end()) continue;
            const SheetCell value = top_left->second;
            for (std::uint32_t r = r1; r <= r2; ++r)
                for (std::uint32_t c = c1; c <= c2; ++c) {
                    if (r == r1 && c == c1) continue;
                    SheetCell copy = value;
                    copy.column = c;
                    copy.pos = Pos{r, c};
                    cells[{r, c}] = std::move(copy);
                }
        }
    }

    std::vector<SheetRow> rows;
    for (auto& [at, cell] : cells) {
        if (rows.empty() || rows.back().row != at.first) rows.push_back(SheetRow{at.first, {}});
        rows.back().cells.push_back(std::move(cell));
    }
    return rows;
}

// ---- CSV --------------------------------------------------------------------

std::vector<SheetRow> parse_csv(std::string_view bytes, const std::string& name)
{
    if (auto bad = find_invalid_utf8(bytes))
        throw Error(name + ":" + std::to_string(bad->line) + ":" + std::to_string(bad->column) +
                    ": " + tr("not valid UTF-8"), tr("save the list as UTF-8 CSV"));
    std::size_t i = 0;
    if (bytes.starts_with("\xEF\xBB\xBF")) i = 3;
    std::uint32_t line = 1, column = 1;  // of bytes[i]; the column in code points
    auto advance = [&] {
        if (bytes[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
            ++column;
        }
        ++i;
    };
    auto where = [&](std::uint32_t l, std::uint32_t c) {
        return name + ":" + std::to_string(l) + ":" + std::to_string(c);
    };
    std::vector<SheetRow> rows;
    SheetRow record{1, {}};
    std::uint32_t field = 1;
    auto end_field = [&](SheetCell cell) {
        cell.column = field++;
        if (!cell.text.empty()) record.cells.push_back(std::move(cell));
    };
    auto end_record = [&] {
        if (!record.cells.empty()) rows.push_back(std::move(record));
        record = SheetRow{record.row + 1, {}};
        field = 1;
    };
    if (i == bytes.size()) return rows;
    for (;;) {
        SheetCell cell;
        cell.pos = Pos{line, column};
        if (i < bytes.size() && bytes[i] == '"') {
            advance();
            for (;;) {
                if (i == bytes.size())
                    throw Error(where(cell.pos.line, cell.pos.column) + ": " +
                                    tr("the quoted field that starts here is not closed"),
                                tr("a quote inside a quoted field is written twice (\"\")"));
                if (bytes[i] == '"') {
                    if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
                        cell.text += '"';
                        advance();
                        advance();
                        continue;
                    }
                    advance();
                    break;
                }
                if (bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
                    advance();
                    continue;  // CRLF inside a field is a line break, kept as "\n"
                }
                cell.text += bytes[i];
                advance();
            }
            if (i < bytes.size() && bytes[i] != ',' && bytes[i] != '\n' &&
                !(bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n'))
                throw Error(where(line, column) + ": " + tr("text after the closing quote of a field"),
                            tr("quote the whole field and write a quote inside it twice (\"\")"));
        } else {
            while (i < bytes.size() && bytes[i] != ',' && bytes[i] != '\n' &&
                   !(bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n')) {
                if (bytes[i] == '"')
                    throw Error(where(line, column) + ": " + tr("a quote inside a field that does not start with one"),
                                tr("quote the whole field and write a quote inside it twice (\"\")"));
                cell.text += bytes[i];
                advance();
            }
        }
        end_field(std::move(cell));
        if (i == bytes.size()) {
            end_record();
            break;
        }
        if (bytes[i] == ',') {
            advance();
            continue;
        }
        if (bytes[i] == '\r') advance();
        advance();  // the '\n'
        end_record();
        if (i == bytes.size()) break;
    }
    return rows;
}

std::vector<SheetRow> read_sheet(const std::string& path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".xlsx" && ext != ".csv")
        throw Error(path + ": " + tr("not a .xlsx or .csv file"),
                    tr("export the list from the portal as XLSX, or save it as CSV"));
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > max_sheet_bytes)
        throw Error(path + ": " + tr("bigger than {0} MiB; refused", max_sheet_bytes >> 20));
    const std::string bytes = read_regular_file(path);
    if (bytes.size() > max_sheet_bytes)
        throw Error(path + ": " + tr("bigger than {0} MiB; refused", max_sheet_bytes >> 20));
    return ext == ".xlsx" ? parse_xlsx(bytes, path) : parse_csv(bytes, path);
}

}  // namespace tthc
