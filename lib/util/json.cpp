#include "util/json.hpp"

namespace tthc {

std::string backslash_quote(std::string_view s)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    // The two-character escapes both JSON and TOML basic strings define.
    static constexpr std::string_view named[][2] = {{"\"", "\\\""}, {"\\", "\\\\"}, {"\b", "\\b"}, {"\t", "\\t"},
                                                    {"\n", "\\n"},  {"\f", "\\f"},   {"\r", "\\r"}};
    std::string out;
    out.reserve(s.size() + 2);
    out.push_back('"');
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        std::string_view escape;
        for (const auto& n : named)
            if (n[0][0] == ch) escape = n[1];
        if (!escape.empty()) {
            out += escape;
        } else if (c < 0x20 || c == 0x7F) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        } else {
            out.push_back(ch);
        }
    }
    out.push_back('"');
    return out;
}

std::string json_quote(std::string_view s) { return backslash_quote(s); }

}  // namespace tthc
