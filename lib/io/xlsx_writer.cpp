#include "io/xlsx_writer.hpp"

#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "io/files.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"

namespace tthc {

namespace {

// The private directory libxlsxwriter writes the file and its own temporary
// files into; removed with everything in it.
class TempDir {
public:
    TempDir()
    {
        std::string templ = (std::filesystem::temp_directory_path() / "tthc-xlsx-XXXXXX").string();
        if (!mkdtemp(templ.data()))
            throw Error(tr("cannot create a temporary directory for the XLSX file in {0}",
                           std::filesystem::temp_directory_path().string()));
        path_ = templ;
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// `what` is a message id (N_) of what was being written; {0} in it is the sheet.
void check(lxw_error e, const char* what, const std::string& sheet = {})
{
    if (e != LXW_NO_ERROR)
        // TRANSLATORS: {0} is what was being written (a header, a number...), {1} libxlsxwriter's reason (English)
        throw Error(tr("cannot write the XLSX file: {0}: {1}", tr(what, sheet), lxw_strerror(e)));
}

void write_sheet(lxw_workbook* wb, const XlsxSheet& s, lxw_format* bold)
{
    lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
    if (!ws) throw Error(tr("cannot write the XLSX file: the sheet name '{0}' is refused", s.name));
    for (std::size_t c = 0; c < s.header.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        check(worksheet_write_string(ws, 0, col, s.header[c].c_str(), bold), N_("header of sheet {0}"), s.name);
        if (c < s.widths.size()) check(worksheet_set_column(ws, col, col, s.widths[c], nullptr), N_("column width"));
    }
    for (std::size_t r = 0; r < s.rows.size(); ++r)
        for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
            const XlsxCell& cell = s.rows[r][c];
            const auto row = static_cast<lxw_row_t>(r + 1);
            const auto col = static_cast<lxw_col_t>(c);
            if (cell.number)
                check(worksheet_write_number(ws, row, col, *cell.number, nullptr), N_("a number"));
            else if (!cell.text.empty())
                check(worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr), N_("a text cell"));
        }
    worksheet_freeze_panes(ws, 1, 0);
    if (!s.header.empty())
        check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(s.rows.size()),
                                   static_cast<lxw_col_t>(s.header.size() - 1)),
              N_("autofilter"));
}

}  // namespace

std::string xlsx_bytes(const std::vector<XlsxSheet>& sheets, std::time_t created)
{
    TempDir dir;
    const std::string file = dir.path() + "/out.xlsx";
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = const_cast<char*>(dir.path().c_str());
    lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
    if (!wb) throw Error(tr("cannot write the XLSX file: libxlsxwriter could not start a workbook"));
    try {
        lxw_doc_properties props{};
        props.created = created;
        check(workbook_set_properties(wb, &props), N_("document properties"));
        lxw_format* bold = workbook_add_format(wb);
        format_set_bold(bold);
        for (const auto& s : sheets) write_sheet(wb, s, bold);
    } catch (...) {
        workbook_close(wb);
        throw;
    }
    check(workbook_close(wb), N_("closing the workbook"));
    return read_file(file);
}

std::time_t xlsx_created_time()
{
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char* end = nullptr;
        const long long t = std::strtoll(epoch, &end, 10);
        if (*end == '\0' && t > 0) return static_cast<std::time_t>(t);
    }
    return 946684800;  // 2000-01-01T00:00:00Z
}

}  // namespace tthc
