// One procedure laid out for a person at a terminal (tthc show): every value
// the catalog model holds, under the headings of the national portal's
// procedure page, wrapped to a width; and the same procedure as JSON.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "catalog/model.hpp"

namespace tthc {

// The procedure in force or abolished whose code is `code` (a national code
// also finds its provincial instance), or nullptr.
const Procedure* find_by_code(const Catalog& catalog, std::string_view code);

// The codes of every procedure of the catalog, in force and abolished, for "did you mean".
std::vector<std::string_view> all_codes(const Catalog& catalog);

// Text lines of at most `width` code points (a longer word stays whole), the
// headings in bold when `color`.
void write_show_text(std::ostream& out, const Catalog& catalog, const Procedure& p, std::size_t width, bool color);

// One JSON object with every key of the catalog format that the procedure has.
void write_show_json(std::ostream& out, const Procedure& p);

// `text` broken into lines of at most `width` code points at spaces, the first
// starting with `first`, the others with `rest`; each "\n" in the text starts
// a new line (with `rest`). Every line ends with "\n".
std::string wrap(std::string_view text, std::size_t width, const std::string& first, const std::string& rest);

}  // namespace tthc
