// Minimal JSON output helpers: the toolkit only writes JSON, and a quoted,
// escaped string is all it needs.
#pragma once

#include <string>
#include <string_view>

namespace tthc {

// A double-quoted string with the escapes JSON strings and TOML basic strings
// share (\" \\ \b \t \n \f \r, \u00XX for other control characters and DEL);
// UTF-8 passes through. Both formats read it back as the same text.
std::string backslash_quote(std::string_view s);

// A JSON string literal (with quotes); UTF-8 passes through, control characters are escaped.
std::string json_quote(std::string_view s);

}  // namespace tthc
