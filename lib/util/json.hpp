// Minimal JSON output helpers: the toolkit only writes JSON, and a quoted,
// escaped string is all it needs.
#pragma once

#include <string>
#include <string_view>

namespace tthc {

// A JSON string literal (with quotes); UTF-8 passes through, control characters are escaped.
std::string json_quote(std::string_view s);

}  // namespace tthc
