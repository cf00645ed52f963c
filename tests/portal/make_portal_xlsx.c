/* Writes the XLSX test files of lint --portal-list with libxlsxwriter, a real
 * spreadsheet writer, laid out the way the national portal exports an
 * authority's list of procedures: a title merged across row 1, the header in
 * row 2, one procedure a row from row 3, several agencies in one cell
 * separated by line breaks. The rows are real procedures of
 * catalogs/bo-tu-phap (see fixtures/lint/portal-*), some of them changed:
 * codes stored as numbers, names in NFD, with extra white space, other capitals.
 *
 *   make_portal_xlsx OUTDIR
 *
 * writes OUTDIR/portal.xlsx (shared strings, merged title) and
 * OUTDIR/portal-inline.xlsx (the same rows in libxlsxwriter's constant-memory
 * mode: inline strings, and the title not merged, which that mode cannot do).
 * Built and run for the tests only; nothing is committed but this source. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

struct row {
    const char *code; /* written as a string, or as a number when number != 0 */
    double number;
    const char *name, *issuer, *agencies, *field;
};

static const struct row rows[] = {
    {"1.002211", 0, "Thủ tục công nhận hòa giải viên (cấp xã)", "Bộ Tư pháp", "Chủ tịch UBND cấp xã", "Hòa giải ở cơ sở"},
    /* a line break and a double space inside the name: the same name */
    {"2.000424", 0,
     "Thủ tục thực hiện hỗ trợ khi hòa giải viên gặp tai nạn hoặc rủi ro ảnh hưởng\nđến sức khỏe, tính mạng  trong "
     "khi thực hiện hoạt động hòa giải",
     "Bộ Tư pháp", "Ủy ban nhân dân cấp xã", "Hòa giải ở cơ sở"},
    /* NFD: "ô" of "thôi" and "ả" of "giải" decomposed: the same name */
    {"2.000930", 0, "Thủ tục tho\xcc\x82i làm hòa gia\xcc\x89i viên (cấp xã)", "Bộ Tư pháp",
     "Ủy ban nhân dân cấp xã", "Hòa giải ở cơ sở"},
    /* other capitals */
    {"2.000950", 0, "Thủ tục công nhận Tổ trưởng tổ hòa giải (cấp xã)", "Bộ Tư pháp", "Chủ tịch UBND cấp xã",
     "Hòa giải ở cơ sở"},
    {NULL, 0, NULL, NULL, NULL, NULL}, /* an empty row */
    /* a code stored as a number loses its last zero: 2.00208 */
    {NULL, 2.002080, "Thủ tục thanh toán thù lao cho hòa giải viên", "Bộ Tư pháp", "Ủy ban nhân dân cấp xã",
     "Hòa giải ở cơ sở"},
    {"2.002165", 0,
     "Giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại (cấp xã)",
     "Bộ Tư pháp", "Ủy ban nhân dân cấp xã\nCơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại",
     "Bồi thường nhà nước"},
    /* abolished in the catalog of the test */
    {"2.002191", 0, "Phục hồi danh dự (cấp tỉnh)", "Bộ Tư pháp", "Ủy ban nhân dân cấp tỉnh\nSở Tư pháp",
     "Bồi thường nhà nước"},
    {NULL, 2.002192,
     "Giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại (cấp tỉnh)",
     "Bộ Tư pháp", "Ủy ban nhân dân cấp tỉnh\nSở Tư pháp\nCơ quan trực tiếp quản lý người thi hành công vụ",
     "Bồi thường nhà nước"},
    /* the catalog writes "Xác đinh": a name that truly differs */
    {"2.002196", 0, "Xác định cơ quan giải quyết bồi thường (cấp trung ương)", "Bộ Tư pháp",
     "Bộ, cơ quan ngang bộ", "Bồi thường nhà nước"},
    /* a procedure of the Bộ that the catalog of the test does not have */
    {"1.004757", 0, "Trở lại quốc tịch Việt Nam ở nước ngoài", "Bộ Tư pháp",
     "Cơ quan đại diện Việt Nam ở nước ngoài\nBộ Tư pháp", "Quốc tịch"},
    /* listed twice, the second time as a number */
    {NULL, 1.002211, "Thủ tục công nhận hòa giải viên (cấp xã)", "Bộ Tư pháp", "Chủ tịch UBND cấp xã",
     "Hòa giải ở cơ sở"},
    /* a code cut short */
    {"1.00221", 0, "Thủ tục công nhận hòa giải viên", "Bộ Tư pháp", "Chủ tịch UBND cấp xã", "Hòa giải ở cơ sở"},
};

static const char *header[] = {"Mã số", "Tên", "Cơ quan ban hành", "Cơ quan thực hiện", "Lĩnh vực"};
static const char *title = "Danh sách thủ tục hành chính của Bộ Tư pháp";

static int write(const char *path, const char *tmpdir, int constant_memory)
{
    lxw_workbook_options options = {.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE,
                                    .tmpdir = (char *)tmpdir};
    lxw_workbook *wb = workbook_new_opt(path, &options);
    if (!wb) return 1;
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Danh sách");
    lxw_format *wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    if (constant_memory)
        worksheet_write_string(ws, 0, 0, title, NULL);
    else
        worksheet_merge_range(ws, 0, 0, 0, 4, title, NULL);
    for (int c = 0; c < 5; ++c) worksheet_write_string(ws, 1, (lxw_col_t)c, header[c], NULL);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; ++i) {
        const struct row *r = &rows[i];
        const lxw_row_t at = (lxw_row_t)(2 + i);
        if (!r->name) continue;
        if (r->code)
            worksheet_write_string(ws, at, 0, r->code, NULL);
        else
            worksheet_write_number(ws, at, 0, r->number, NULL);
        worksheet_write_string(ws, at, 1, r->name, wrap);
        worksheet_write_string(ws, at, 2, r->issuer, NULL);
        worksheet_write_string(ws, at, 3, r->agencies, wrap);
        worksheet_write_string(ws, at, 4, r->field, NULL);
    }
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: make_portal_xlsx OUTDIR\n");
        return 2;
    }
    char shared[4096], inl[4096];
    snprintf(shared, sizeof shared, "%s/portal.xlsx", argv[1]);
    snprintf(inl, sizeof inl, "%s/portal-inline.xlsx", argv[1]);
    if (write(shared, argv[1], 0) || write(inl, argv[1], 1)) {
        fprintf(stderr, "make_portal_xlsx: cannot write %s\n", argv[1]);
        return 1;
    }
    return 0;
}
