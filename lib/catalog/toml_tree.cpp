// tthc's reader of the TOML catalogs are written in, and the copy of toml++'s
// tree for every other file. The reader refuses (returns false) wherever it is
// not sure of toml++'s answer; refusing costs only time, since toml++ then
// parses the file, while accepting wrongly would change what lint says.
#include "catalog/toml_tree.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstring>

#include "util/unicode.hpp"

namespace tthc {

TomlNode* TomlNode::get(std::string_view key) const
{
    const auto it = std::lower_bound(members.begin(), members.end(), key,
                                     [](const TomlMember& m, std::string_view k) { return m.key < k; });
    return it != members.end() && it->key == key ? it->value : nullptr;
}

TomlTree::TomlTree() { clear(); }

TomlNode& TomlTree::add(TomlKind kind, Pos pos)
{
    TomlNode& n = nodes_.emplace_back();
    n.kind = kind;
    n.pos = pos;
    return n;
}

std::string_view TomlTree::keep(std::string s) { return strings_.emplace_back(std::move(s)); }

void TomlTree::clear()
{
    nodes_.clear();
    strings_.clear();
    root_ = &add(TomlKind::table, Pos{1, 1});
}

namespace {

// ---- UTF-8 -----------------------------------------------------------------

void append_utf8(std::string& out, std::uint32_t c)
{
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

bool is_bare_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int days_in_month(int year, int month)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    return month == 2 && leap ? 29 : days[month - 1];
}

// ---- the reader ----------------------------------------------------------------

// Thrown inside the reader when the text leaves the subset; caught in
// read_toml_subset. Files that do are rare, so unwinding costs nothing that counts.
struct Refused {};

constexpr std::size_t max_members = 256;  // keys in one table (a procedure has about 30)

class SubsetReader {
public:
    SubsetReader(std::string_view text, TomlTree& tree)
        : p_(text.data()), end_(text.data() + text.size()), line_start_(p_), tree_(tree), table_(&tree.root())
    {
    }

    void read()
    {
        while (p_ < end_) {
            skip_blanks();
            if (p_ == end_) break;
            const char c = *p_;
            if (c == '\n' || c == '\r') {
                newline();
                continue;
            }
            if (c == '#') {
                comment();
                continue;
            }
            if (c == '[')
                header();
            else
                key_value();
            end_of_line();
        }
    }

private:
    [[noreturn]] static void refuse() { throw Refused{}; }

    // Columns count code points, from the last position asked on the line
    // (many values on one long line cost one pass over it).
    Pos pos_at(const char* at)
    {
        if (counted_line_ != line_start_ || at < counted_to_) {
            counted_line_ = line_start_;
            counted_to_ = line_start_;
            column_ = 1;
        }
        for (; counted_to_ < at; ++counted_to_) column_ += (static_cast<unsigned char>(*counted_to_) & 0xC0) != 0x80;
        return Pos{line_, column_};
    }

    bool at(char c) const { return p_ < end_ && *p_ == c; }
    bool at(const char* s, std::size_t n) const
    {
        return static_cast<std::size_t>(end_ - p_) >= n && std::memcmp(p_, s, n) == 0;
    }

    void skip_blanks()
    {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\t')) ++p_;
    }

    // At '\n' or "\r\n"; a lone CR is not a newline in TOML.
    void newline()
    {
        if (*p_ == '\r') {
            if (p_ + 1 >= end_ || p_[1] != '\n') refuse();
            ++p_;
        }
        ++p_;
        ++line_;
        line_start_ = p_;
    }

    // At '#': to the end of the line; a control character other than tab is
    // not allowed in a comment.
    void comment()
    {
        for (++p_; p_ < end_; ++p_) {
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '\n' || c == '\r') return;
            if ((c < 0x20 && c != '\t') || c == 0x7F) refuse();
        }
    }

    // Blanks, newlines and comments, as between the values of an array.
    void skip_space()
    {
        for (;;) {
            skip_blanks();
            if (p_ == end_) return;
            if (*p_ == '\n' || *p_ == '\r')
                newline();
            else if (*p_ == '#')
                comment();
            else
                return;
        }
    }

    void end_of_line()
    {
        skip_blanks();
        if (p_ == end_) return;
        if (*p_ == '#') comment();
        if (p_ == end_) return;
        if (*p_ != '\n' && *p_ != '\r') refuse();
        newline();
    }

    // A bare or quoted key (not dotted).
    std::string_view key(Pos& pos)
    {
        pos = pos_at(p_);
        if (at('"')) {
            if (at("\"\"\"", 3)) refuse();
            return basic_string();
        }
        if (at('\'')) {
            if (at("'''", 3)) refuse();
            return literal_string();
        }
        const char* start = p_;
        while (p_ < end_ && is_bare_key_char(*p_)) ++p_;
        if (p_ == start) refuse();
        return std::string_view(start, static_cast<std::size_t>(p_ - start));
    }

    // The member named k, before one is added: a linear search, so a table
    // of more keys than any catalog's is left to toml++ (its map), and a file
    // of 100,000 keys in one table costs no quadratic time.
    static TomlMember* find(TomlNode& table, std::string_view k)
    {
        if (table.members.size() >= max_members) refuse();
        for (auto& m : table.members)
            if (m.key == k) return &m;
        return nullptr;
    }

    void key_value()
    {
        Pos kpos;
        const std::string_view k = key(kpos);
        skip_blanks();
        if (!at('=')) refuse();  // a dotted key among them
        ++p_;
        skip_blanks();
        if (find(*table_, k)) refuse();
        TomlNode& v = value(0);
        table_->members.push_back(TomlMember{k, kpos, &v});
    }

    // [a.b] or [[a.b]]. Only tables that headers made are entered, and the
    // last key is new (or an array that [[...]] made); the rest of TOML's
    // rules on redefinition are left to toml++.
    void header()
    {
        const char* open = p_;
        const Pos hpos = pos_at(open);
        ++p_;
        const bool array = at('[');
        if (array) ++p_;
        std::vector<std::pair<std::string_view, Pos>> path;
        for (;;) {
            skip_blanks();
            Pos kpos;
            const std::string_view k = key(kpos);
            path.emplace_back(k, kpos);
            skip_blanks();
            if (at('.')) {
                ++p_;
                continue;
            }
            break;
        }
        if (!at(']')) refuse();
        ++p_;
        if (array) {
            if (!at(']')) refuse();
            ++p_;
        }

        TomlNode* parent = &tree_.root();
        for (std::size_t i = 0; i + 1 < path.size(); ++i) {
            TomlMember* m = find(*parent, path[i].first);
            if (!m) refuse();  // toml++ would make the table implicitly
            TomlNode* n = m->value;
            if (n->kind == TomlKind::table && n->origin == TomlNode::Origin::header)
                parent = n;
            else if (n->kind == TomlKind::array && n->origin == TomlNode::Origin::array_of_tables)
                parent = n->items.back();
            else
                refuse();
        }
        const auto& [last, lpos] = path.back();
        TomlMember* m = find(*parent, last);
        if (!array) {
            if (m) refuse();
            TomlNode& t = tree_.add(TomlKind::table, hpos);
            t.origin = TomlNode::Origin::header;
            parent->members.push_back(TomlMember{last, lpos, &t});
            table_ = &t;
            return;
        }
        TomlNode* arr;
        if (m) {
            arr = m->value;
            if (arr->kind != TomlKind::array || arr->origin != TomlNode::Origin::array_of_tables) refuse();
        } else {
            arr = &tree_.add(TomlKind::array, hpos);
            arr->origin = TomlNode::Origin::array_of_tables;
            parent->members.push_back(TomlMember{last, lpos, arr});
        }
        TomlNode& t = tree_.add(TomlKind::table, hpos);
        t.origin = TomlNode::Origin::header;
        arr->items.push_back(&t);
        table_ = &t;
    }

    TomlNode& value(int depth)
    {
        if (depth > 32 || p_ == end_) refuse();
        const Pos pos = pos_at(p_);
        const char c = *p_;
        if (c == '"') {
            TomlNode& n = tree_.add(TomlKind::string, pos);
            n.string = at("\"\"\"", 3) ? multiline_basic_string() : basic_string();
            return n;
        }
        if (c == '\'') {
            TomlNode& n = tree_.add(TomlKind::string, pos);
            n.string = at("'''", 3) ? multiline_literal_string() : literal_string();
            return n;
        }
        if (c == '[') return array(pos, depth);
        if (c == '{') return inline_table(pos, depth);
        if (at("true", 4) || at("false", 5)) {
            TomlNode& n = tree_.add(TomlKind::boolean, pos);
            n.boolean = c == 't';
            p_ += n.boolean ? 4 : 5;
            after_scalar();
            return n;
        }
        if (is_digit(c) || c == '+' || c == '-') return number(pos);
        refuse();
    }

    // What may follow a number, a date or a boolean.
    void after_scalar() const
    {
        if (p_ == end_) return;
        switch (*p_) {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
        case ',':
        case ']':
        case '}':
        case '#': return;
        default: refuse();
        }
    }

    // A decimal integer of up to 18 digits, or a local date; any other number
    // (floats, hex, underscores, times) is toml++'s.
    TomlNode& number(Pos pos)
    {
        const char* start = p_;
        bool negative = false;
        if (*p_ == '+' || *p_ == '-') {
            negative = *p_ == '-';
            ++p_;
        }
        const char* digits = p_;
        while (p_ < end_ && is_digit(*p_)) ++p_;
        const std::size_t n = static_cast<std::size_t>(p_ - digits);
        if (n == 0) refuse();
        if (n == 4 && digits == start && at('-')) return date(pos, start);
        if (n > 18 || (n > 1 && *digits == '0')) refuse();
        std::int64_t v = 0;
        for (const char* q = digits; q < p_; ++q) v = v * 10 + (*q - '0');
        after_scalar();
        TomlNode& node = tree_.add(TomlKind::integer, pos);
        node.integer = negative ? -v : v;
        return node;
    }

    TomlNode& date(Pos pos, const char* start)
    {
        // YYYY-MM-DD, and then not a time ("T07:32", " 07:32")
        if (end_ - start < 10) refuse();
        const char* s = start;
        if (s[4] != '-' || s[7] != '-' || !is_digit(s[5]) || !is_digit(s[6]) || !is_digit(s[8]) || !is_digit(s[9]))
            refuse();
        const int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        const int month = (s[5] - '0') * 10 + (s[6] - '0');
        const int day = (s[8] - '0') * 10 + (s[9] - '0');
        if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) refuse();
        p_ = start + 10;
        if (p_ < end_ && (*p_ == 'T' || *p_ == 't' || is_digit(*p_))) refuse();
        if (p_ + 1 < end_ && *p_ == ' ' && is_digit(p_[1])) refuse();
        after_scalar();
        TomlNode& node = tree_.add(TomlKind::date, pos);
        node.date = Date{year, month, day};
        return node;
    }

    TomlNode& array(Pos pos, int depth)
    {
        TomlNode& arr = tree_.add(TomlKind::array, pos);
        ++p_;
        for (;;) {
            skip_space();
            if (at(']')) break;
            arr.items.push_back(&value(depth + 1));
            skip_space();
            if (at(',')) {
                ++p_;
                continue;
            }
            if (!at(']')) refuse();
            break;
        }
        ++p_;
        return arr;
    }

    // { a = 1, b = "x" } on one line, no trailing comma (TOML 1.0).
    TomlNode& inline_table(Pos pos, int depth)
    {
        TomlNode& t = tree_.add(TomlKind::table, pos);
        t.origin = TomlNode::Origin::inline_value;
        ++p_;
        skip_blanks();
        if (at('}')) {
            ++p_;
            return t;
        }
        for (;;) {
            skip_blanks();
            Pos kpos;
            const std::string_view k = key(kpos);
            skip_blanks();
            if (!at('=')) refuse();
            ++p_;
            skip_blanks();
            if (find(t, k)) refuse();
            TomlNode& v = value(depth + 1);
            t.members.push_back(TomlMember{k, kpos, &v});
            skip_blanks();
            if (at(',')) {
                ++p_;
                continue;
            }
            if (!at('}')) refuse();
            ++p_;
            return t;
        }
    }

    // A character a string may hold as it is: not a control but tab, not DEL.
    static bool plain(unsigned char c) { return (c >= 0x20 || c == '\t') && c != 0x7F; }

    unsigned hex(int n)
    {
        if (end_ - p_ < n) refuse();
        unsigned v = 0;
        for (int i = 0; i < n; ++i, ++p_) {
            const char c = *p_;
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= static_cast<unsigned>(c - 'A' + 10);
            else
                refuse();
        }
        return v;
    }

    // At '\\' inside a basic string: decodes one escape onto `out`.
    void escape(std::string& out)
    {
        ++p_;
        if (p_ == end_) refuse();
        const char c = *p_++;
        switch (c) {
        case 'b': out.push_back('\b'); return;
        case 't': out.push_back('\t'); return;
        case 'n': out.push_back('\n'); return;
        case 'f': out.push_back('\f'); return;
        case 'r': out.push_back('\r'); return;
        case '"': out.push_back('"'); return;
        case '\\': out.push_back('\\'); return;
        case 'u':
        case 'U': {
            const unsigned cp = hex(c == 'u' ? 4 : 8);
            // surrogates, beyond Unicode and escaped controls are toml++'s to judge
            if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF || cp < 0x20 || cp == 0x7F) refuse();
            append_utf8(out, cp);
            return;
        }
        default: refuse();
        }
    }

    // A string's text from `start`: a view into the file until it must differ
    // from the bytes there (an escape, a trimmed line end, CRLF read as LF),
    // a copy that the tree keeps from then on.
    class Text {
    public:
        explicit Text(const char* start) : start_(start) {}
        // The bytes before `at` are the text so far; the rest is built here.
        std::string& copy(const char* at)
        {
            if (!copied_) {
                out_.assign(start_, static_cast<std::size_t>(at - start_));
                copied_ = true;
            }
            return out_;
        }
        void push(char c)
        {
            if (copied_) out_.push_back(c);
        }
        std::string_view finish(const char* end, TomlTree& tree)
        {
            return copied_ ? tree.keep(std::move(out_)) : std::string_view(start_, static_cast<std::size_t>(end - start_));
        }

    private:
        const char* start_;
        std::string out_;
        bool copied_ = false;
    };

    // "...": one pass while nothing needs an escape (the common case).
    std::string_view basic_string()
    {
        ++p_;
        Text text(p_);
        while (p_ < end_ && *p_ != '"' && *p_ != '\\' && plain(static_cast<unsigned char>(*p_))) ++p_;
        for (;;) {
            if (p_ == end_) refuse();
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') break;
            if (c == '\\') {
                escape(text.copy(p_));
            } else if (plain(c)) {
                text.push(static_cast<char>(c));
                ++p_;
            } else {
                refuse();
            }
        }
        const std::string_view s = text.finish(p_, tree_);
        ++p_;
        return s;
    }

    std::string_view literal_string()
    {
        ++p_;
        const char* start = p_;
        while (p_ < end_ && *p_ != '\'' && plain(static_cast<unsigned char>(*p_))) ++p_;
        if (p_ == end_ || *p_ != '\'') refuse();
        std::string_view s(start, static_cast<std::size_t>(p_ - start));
        ++p_;
        return s;
    }

    // Past a multi-line string's opening quotes, and the newline right after
    // them, which is not part of the text.
    void open_multiline()
    {
        p_ += 3;
        if (at('\n') || at("\r\n", 2)) newline();
    }

    // Whether p_ is at the closing quotes `q` `q` `q` (a fourth, as in
    // """", is toml++'s to read).
    bool at_multiline_end(char q)
    {
        if (end_ - p_ < 3 || p_[0] != q || p_[1] != q || p_[2] != q) return false;
        if (end_ - p_ > 3 && p_[3] == q) refuse();
        return true;
    }

    // A line end inside a multi-line string: CRLF is read as LF, as toml++ does.
    void text_newline(Text& text)
    {
        if (*p_ == '\r') text.copy(p_);
        text.push('\n');
        newline();
    }

    // At '\\' in a multi-line basic string with only blanks after it on its
    // line: skips them and every blank and line end after (true); false when
    // the backslash starts an escape.
    bool line_ending_backslash()
    {
        const char* q = p_ + 1;
        while (q < end_ && (*q == ' ' || *q == '\t')) ++q;
        if (q == end_ || (*q != '\n' && *q != '\r')) return false;
        p_ = q;
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) {
            if (*p_ == '\n' || *p_ == '\r')
                newline();
            else
                ++p_;
        }
        // toml++ trims Unicode white space here too (U+FEFF, U+3000...)
        if (p_ < end_ && static_cast<unsigned char>(*p_) >= 0x80) refuse();
        return true;
    }

    std::string_view multiline_basic_string()
    {
        open_multiline();
        Text text(p_);
        for (;;) {
            if (p_ == end_) refuse();
            if (at_multiline_end('"')) break;
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '\\') {
                std::string& out = text.copy(p_);
                if (!line_ending_backslash()) escape(out);
            } else if (c == '\n' || c == '\r') {
                text_newline(text);
            } else if (plain(c)) {
                text.push(static_cast<char>(c));
                ++p_;
            } else {
                refuse();
            }
        }
        const std::string_view s = text.finish(p_, tree_);
        p_ += 3;
        return s;
    }

    std::string_view multiline_literal_string()
    {
        open_multiline();
        Text text(p_);
        for (;;) {
            if (p_ == end_) refuse();
            if (at_multiline_end('\'')) break;
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '\n' || c == '\r') {
                text_newline(text);
            } else if (plain(c)) {
                text.push(static_cast<char>(c));
                ++p_;
            } else {
                refuse();
            }
        }
        const std::string_view s = text.finish(p_, tree_);
        p_ += 3;
        return s;
    }

    const char* p_;
    const char* end_;
    const char* line_start_;
    std::uint32_t line_ = 1;
    const char* counted_line_ = nullptr;
    const char* counted_to_ = nullptr;
    std::uint32_t column_ = 1;
    TomlTree& tree_;
    TomlNode* table_;
};

void sort_members(TomlNode& n)
{
    if (n.kind == TomlKind::table) {
        std::sort(n.members.begin(), n.members.end(),
                  [](const TomlMember& a, const TomlMember& b) { return a.key < b.key; });
        for (auto& m : n.members) sort_members(*m.value);
    } else if (n.kind == TomlKind::array) {
        for (auto* e : n.items) sort_members(*e);
    }
}

// ---- toml++'s tree, copied ---------------------------------------------------

Pos pos_of(const toml::source_region& r) { return Pos{r.begin.line, r.begin.column}; }

TomlNode& copy(TomlTree& tree, toml::node& n);

void copy_members(TomlTree& tree, TomlNode& to, toml::table& from)
{
    for (auto&& [k, v] : from) {
        const toml::key& name = k;
        to.members.push_back(TomlMember{tree.keep(std::string(name.str())), pos_of(name.source()), &copy(tree, v)});
    }
}

TomlNode& copy(TomlTree& tree, toml::node& n)
{
    const Pos pos = pos_of(n.source());
    switch (n.type()) {
    case toml::node_type::table: {
        TomlNode& t = tree.add(TomlKind::table, pos);
        copy_members(tree, t, *n.as_table());
        return t;
    }
    case toml::node_type::array: {
        TomlNode& a = tree.add(TomlKind::array, pos);
        for (auto& e : *n.as_array()) a.items.push_back(&copy(tree, e));
        return a;
    }
    case toml::node_type::string: {
        TomlNode& s = tree.add(TomlKind::string, pos);
        s.string = tree.keep(std::move(n.as_string()->get()));
        return s;
    }
    case toml::node_type::integer: {
        TomlNode& i = tree.add(TomlKind::integer, pos);
        i.integer = n.as_integer()->get();
        return i;
    }
    case toml::node_type::floating_point: {
        TomlNode& f = tree.add(TomlKind::floating, pos);
        f.floating = n.as_floating_point()->get();
        return f;
    }
    case toml::node_type::boolean: {
        TomlNode& b = tree.add(TomlKind::boolean, pos);
        b.boolean = n.as_boolean()->get();
        return b;
    }
    case toml::node_type::date: {
        TomlNode& d = tree.add(TomlKind::date, pos);
        const toml::date v = n.as_date()->get();
        d.date = Date{v.year, v.month, v.day};
        return d;
    }
    case toml::node_type::time: return tree.add(TomlKind::time, pos);
    default: return tree.add(TomlKind::date_time, pos);
    }
}

const char* kind_name(TomlKind k)
{
    switch (k) {
    case TomlKind::table: return "table";
    case TomlKind::array: return "array";
    case TomlKind::string: return "string";
    case TomlKind::integer: return "integer";
    case TomlKind::floating: return "float";
    case TomlKind::boolean: return "boolean";
    case TomlKind::date: return "date";
    case TomlKind::time: return "time";
    case TomlKind::date_time: return "date-time";
    }
    return "?";
}

std::string where(const Pos& p) { return std::to_string(p.line) + ":" + std::to_string(p.column); }

}  // namespace

bool read_toml_subset(std::string_view text, TomlTree& tree)
{
    tree.clear();
    // toml++ skips a BOM and counts no column for it; invalid UTF-8 is
    // toml++'s to report (it says where).
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (!is_valid_utf8(text)) return false;
    try {
        SubsetReader(text, tree).read();
    } catch (const Refused&) {
        tree.clear();
        return false;
    }
    sort_members(tree.root());
    return true;
}

bool parse_toml_full(std::string_view text, TomlTree& tree, TomlSyntaxError& error)
{
    tree.clear();
    toml::table table;
    try {
        table = toml::parse(text);
    } catch (const toml::parse_error& e) {
        error = TomlSyntaxError{pos_of(e.source()), std::string(e.description())};
        return false;
    }
    copy_members(tree, tree.root(), table);
    return true;
}

bool parse_toml(std::string_view text, TomlTree& tree, TomlSyntaxError& error)
{
    return read_toml_subset(text, tree) || parse_toml_full(text, tree, error);
}

bool same_toml_tree(const TomlNode& a, const TomlNode& b, std::string& why)
{
    const auto differ = [&](const std::string& what) {
        why = what + " at " + where(a.pos) + " / " + where(b.pos);
        return false;
    };
    if (a.kind != b.kind) return differ(std::string(kind_name(a.kind)) + " vs " + kind_name(b.kind));
    if (a.pos.line != b.pos.line || a.pos.column != b.pos.column) return differ("positions differ");
    switch (a.kind) {
    case TomlKind::table:
        if (a.members.size() != b.members.size()) return differ("tables of different sizes");
        for (std::size_t i = 0; i < a.members.size(); ++i) {
            const auto &ma = a.members[i], &mb = b.members[i];
            if (ma.key != mb.key) return differ("keys '" + std::string(ma.key) + "' vs '" + std::string(mb.key) + "'");
            if (ma.key_pos.line != mb.key_pos.line || ma.key_pos.column != mb.key_pos.column)
                return differ("key '" + std::string(ma.key) + "' at " + where(ma.key_pos) + " vs " + where(mb.key_pos));
            if (!same_toml_tree(*ma.value, *mb.value, why)) return false;
        }
        return true;
    case TomlKind::array:
        if (a.items.size() != b.items.size()) return differ("arrays of different sizes");
        for (std::size_t i = 0; i < a.items.size(); ++i)
            if (!same_toml_tree(*a.items[i], *b.items[i], why)) return false;
        return true;
    case TomlKind::string:
        return a.string == b.string || differ("strings \"" + std::string(a.string) + "\" vs \"" + std::string(b.string) + "\"");
    case TomlKind::integer: return a.integer == b.integer || differ("integers differ");
    case TomlKind::floating:
        return std::memcmp(&a.floating, &b.floating, sizeof a.floating) == 0 || differ("floats differ");
    case TomlKind::boolean: return a.boolean == b.boolean || differ("booleans differ");
    case TomlKind::date: return a.date == b.date || differ("dates differ");
    case TomlKind::time:
    case TomlKind::date_time: return true;
    }
    return true;
}

}  // namespace tthc
