// Renders a catalog diff for a person (text), a program (JSON), a pull-request
// comment (Markdown), a glance (--stat counts) or a spreadsheet (XLSX sheets).
#pragma once

#include <optional>
#include <ostream>
#include <string_view>

#include "diff/diff.hpp"
#include "io/xlsx_writer.hpp"

namespace tthc {

enum class DiffFormat { text, json, markdown, stat };

std::optional<DiffFormat> parse_diff_format(std::string_view name);

void write_diff(std::ostream& out, DiffFormat format, const CatalogDiff& diff, bool color);

// The diff for officers who review in Excel (diff --format xlsx): one sheet per
// classification, in the words of the Markdown rendering ("mới ban hành",
// "sửa đổi, bổ sung", "thay thế", "bãi bỏ"), each present even when empty;
// an amended procedure has one row per changed field, with its values before
// and after.
std::vector<XlsxSheet> diff_sheets(const CatalogDiff& diff);

// "1 new, 2 amended, 0 replaced, 1 abolished, 268 unchanged"
std::string diff_summary(const CatalogDiff& diff);

}  // namespace tthc
