// The parsed TOML of one catalog file, as the loader reads it: tables, arrays
// and values, each with the position toml++ gives it.
//
// Why not toml++'s own tree: on a national catalog toml++'s parse is most of
// what lint costs (issue 15), and almost every file is written in a small part
// of TOML (the part tthc fmt writes: bare keys, [[tables]], strings, integers,
// dates, arrays). A file wholly in that part is read by tthc's own reader, in
// one pass with no copy of a string that has no escape. Any other file (a
// float, a dotted key, a table made implicitly, any syntax error at all) is
// refused by that reader and parsed by toml++, whose tree is copied into this
// one. toml++ stays the authority: the reader accepts only what toml++
// accepts and must give the same tree, positions included
// (tests/unit/catalog/test_toml_tree.cpp on crafted texts and every shipped
// file, the fuzz target toml_tree, bench/toml_compare.cpp on a whole catalog).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/values.hpp"
#include "util/error.hpp"

namespace tthc {

enum class TomlKind : std::uint8_t { table, array, string, integer, floating, boolean, date, time, date_time };

struct TomlNode;

struct TomlMember {
    std::string_view key;
    Pos key_pos;
    TomlNode* value = nullptr;
};

struct TomlNode {
    TomlKind kind = TomlKind::table;
    // How a table or array came to be, for the reader's checks of TOML's rules
    // on defining tables (toml++'s trees copied in leave it `plain`).
    enum class Origin : std::uint8_t { plain, header, array_of_tables, inline_value } origin = Origin::plain;
    Pos pos;
    std::string_view string;  // TomlKind::string: the text, escapes decoded
    std::int64_t integer = 0;
    double floating = 0;
    bool boolean = false;
    Date date;                        // TomlKind::date
    std::vector<TomlNode*> items;     // TomlKind::array
    std::vector<TomlMember> members;  // TomlKind::table, in byte order of the keys (as toml++ iterates)

    bool is_table() const { return kind == TomlKind::table; }
    bool is_array() const { return kind == TomlKind::array; }
    bool is_string() const { return kind == TomlKind::string; }
    // The member's value, or null.
    TomlNode* get(std::string_view key) const;
    bool contains(std::string_view key) const { return get(key) != nullptr; }
};

// The tree of one file. Strings and keys are views into the parsed text when
// they hold no escape, so the text must outlive the tree.
class TomlTree {
public:
    TomlTree();
    TomlTree(TomlTree&&) = default;
    TomlTree& operator=(TomlTree&&) = default;
    TomlTree(const TomlTree&) = delete;
    TomlTree& operator=(const TomlTree&) = delete;

    TomlNode& root() { return *root_; }
    const TomlNode& root() const { return *root_; }

    TomlNode& add(TomlKind kind, Pos pos);
    std::string_view keep(std::string s);  // a string the tree owns, for decoded escapes
    void clear();

private:
    std::deque<TomlNode> nodes_;
    std::deque<std::string> strings_;
    TomlNode* root_ = nullptr;
};

struct TomlSyntaxError {
    Pos pos;
    std::string description;  // toml++'s words
};

// Reads `text` with tthc's reader; false (and `tree` cleared) when the text is
// not wholly in the part of TOML the reader knows, valid or not.
bool read_toml_subset(std::string_view text, TomlTree& tree);

// Parses `text` with toml++ into `tree`; false with toml++'s error otherwise.
bool parse_toml_full(std::string_view text, TomlTree& tree, TomlSyntaxError& error);

// tthc's reader when it accepts the text, toml++ otherwise: the loader's one entry.
bool parse_toml(std::string_view text, TomlTree& tree, TomlSyntaxError& error);

// Whether two trees hold the same tables, keys, values and positions (the
// reader's test against toml++); `why` says the first difference.
bool same_toml_tree(const TomlNode& a, const TomlNode& b, std::string& why);

}  // namespace tthc
