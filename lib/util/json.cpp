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
    // the runs that need no escape are copied whole (a JSON report is mostly those)
    const auto plain = [](unsigned char c) { return c >= 0x20 && c != '"' && c != '\\' && c != 0x7F; };
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = i;
        while (j < s.size() && plain(static_cast<unsigned char>(s[j]))) ++j;
        out.append(s, i, j - i);
        if (j == s.size()) break;
        i = j + 1;
        const char ch = s[j];
        const auto c = static_cast<unsigned char>(ch);
        std::string_view escape;
        for (const auto& n : named)
            if (n[0][0] == ch) escape = n[1];
        if (!escape.empty()) {
            out += escape;
        } else {  // the other controls
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    out.push_back('"');
    return out;
}

std::string json_quote(std::string_view s) { return backslash_quote(s); }

}  // namespace tthc
