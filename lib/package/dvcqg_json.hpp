// A JSON value tree that remembers where each value starts, for the readers of
// the national format (dvcqg.hpp): nlohmann::json parses, this keeps the
// positions its DOM does not, and nlohmann stays inside the .cpp files.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "util/error.hpp"

namespace tthc {

// Deepest nesting of arrays and objects a file may have; deeper input is
// refused before it can exhaust memory or the stack of a later reader.
inline constexpr std::size_t json_max_depth = 64;

struct JsonMember;

struct JsonValue {
    enum class Type { null, boolean, number, string, array, object };
    Type type = Type::null;
    std::string text;  // a string (NFC), a number as written, "true"/"false"
    std::vector<JsonValue> items;
    std::vector<JsonMember> members;  // in the file's order (a struct, not a pair: clang 14 wants it complete)
    std::size_t offset = 0;           // of the value's first byte

    // The member `key`, matched exactly, else without regard to ASCII case; nullptr when absent.
    const JsonValue* find(std::string_view key) const;
};

struct JsonMember {
    std::string key;
    JsonValue value;
};

struct JsonError {
    std::size_t offset = 0;
    std::string message;
};

// "an array", "a string"…: for messages, in the messages' language (util/i18n).
std::string_view json_type_name(JsonValue::Type t);

// Parses `text` (UTF-8, RFC 8259) into a tree, or the first error and where it
// is; nesting deeper than json_max_depth is an error. Never throws for bad input.
std::variant<JsonValue, JsonError> parse_json_tree(std::string_view text);

// The 1-based line and column (in code points) of a byte offset.
Pos json_pos(std::string_view text, std::size_t offset);

// The line holding `offset` (its first 200 bytes), for a caret under the column.
std::string json_line(std::string_view text, std::size_t offset);

}  // namespace tthc
