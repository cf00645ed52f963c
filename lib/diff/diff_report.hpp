// Renders a catalog diff for a person (text), a program (JSON), a pull-request
// comment (Markdown) or a glance (--stat counts).
#pragma once

#include <optional>
#include <ostream>
#include <string_view>

#include "diff/diff.hpp"

namespace tthc {

enum class DiffFormat { text, json, markdown, stat };

std::optional<DiffFormat> parse_diff_format(std::string_view name);

void write_diff(std::ostream& out, DiffFormat format, const CatalogDiff& diff, bool color);

// "1 new, 2 amended, 0 replaced, 1 abolished, 268 unchanged"
std::string diff_summary(const CatalogDiff& diff);

}  // namespace tthc
