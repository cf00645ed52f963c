// Reading JSON for the national format: nlohmann::json's SAX parser (Debian's
// nlohmann-json3-dev) builds a small tree of our own that keeps each value's
// byte offset, so a record with a wrong type is reported at its line and
// column, which nlohmann's DOM cannot say. The parser itself is iterative;
// the tree is cut off at json_max_depth levels, so 50 MB of "[[[[" is one
// finding, not a stack overflow.
#include "package/dvcqg_json.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <iterator>
#include <optional>

#include "util/i18n.hpp"
#include "util/unicode.hpp"

namespace tthc {

namespace {

// A char iterator that tells how far the parser has read: nlohmann's lexer
// reads one character at a time, so at each SAX event `*consumed` is the
// offset just past the token (one character more after a number).
struct CountingIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* p = nullptr;
    const char* begin = nullptr;
    std::size_t* consumed = nullptr;

    reference operator*() const { return *p; }
    CountingIterator& operator++()
    {
        ++p;
        *consumed = static_cast<std::size_t>(p - begin);
        return *this;
    }
    CountingIterator operator++(int)
    {
        CountingIterator old = *this;
        ++*this;
        return old;
    }
    bool operator==(const CountingIterator& o) const { return p == o.p; }
    bool operator!=(const CountingIterator& o) const { return p != o.p; }
};

class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
public:
    TreeBuilder(std::string_view text, const std::size_t& consumed) : text_(text), consumed_(consumed) {}

    JsonValue root;
    std::optional<JsonError> error;

    bool null() override { return leaf(JsonValue::Type::null, "null"); }
    bool boolean(bool v) override { return leaf(JsonValue::Type::boolean, v ? "true" : "false"); }
    bool number_integer(number_integer_t v) override { return leaf(JsonValue::Type::number, std::to_string(v)); }
    bool number_unsigned(number_unsigned_t v) override { return leaf(JsonValue::Type::number, std::to_string(v)); }
    bool number_float(number_float_t, const string_t& s) override { return leaf(JsonValue::Type::number, s); }
    bool string(string_t& s) override { return leaf(JsonValue::Type::string, is_nfc(s) ? s : to_nfc(s)); }
    bool binary(binary_t&) override { return leaf(JsonValue::Type::null, "null"); }
    bool start_object(std::size_t) override { return open(JsonValue::Type::object); }
    bool start_array(std::size_t) override { return open(JsonValue::Type::array); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override
    {
        token_start();
        key_ = std::move(k);
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override
    {
        // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." → "syntax error ..."
        std::string message = e.what();
        if (const auto colon = message.find(": "); colon != std::string::npos) message = message.substr(colon + 2);
        // TRANSLATORS: {0} is the JSON parser's own message, in English; English shows it alone.
        message = fmt::format(fmt::runtime(trc("a JSON syntax error from the parser", "{0}")), message);
        error = JsonError{position > 0 ? position - 1 : 0, message};
        return false;
    }

private:
    // Where the token of the current event starts: past the white space,
    // colons and commas that follow the previous event's token.
    std::size_t token_start()
    {
        std::size_t i = previous_;
        while (i < text_.size() &&
               (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' || text_[i] == '\r' || text_[i] == ':' ||
                text_[i] == ','))
            ++i;
        previous_ = consumed_;
        return i;
    }
    JsonValue& place(JsonValue&& v)
    {
        if (stack_.empty()) {
            root = std::move(v);
            return root;
        }
        JsonValue& parent = *stack_.back();
        if (parent.type == JsonValue::Type::object) {
            parent.members.push_back(JsonMember{std::move(key_), std::move(v)});
            return parent.members.back().value;
        }
        parent.items.push_back(std::move(v));
        return parent.items.back();
    }
    bool leaf(JsonValue::Type type, std::string text)
    {
        JsonValue v;
        v.type = type;
        v.offset = token_start();
        v.text = std::move(text);
        place(std::move(v));
        return true;
    }
    bool open(JsonValue::Type type)
    {
        JsonValue v;
        v.type = type;
        v.offset = token_start();
        if (stack_.size() >= json_max_depth) {
            error = JsonError{v.offset, tr("arrays and objects nested deeper than {0} levels", json_max_depth)};
            return false;
        }
        stack_.push_back(&place(std::move(v)));
        return true;
    }
    bool close()
    {
        previous_ = consumed_;
        stack_.pop_back();
        return true;
    }

    std::string_view text_;
    const std::size_t& consumed_;
    std::size_t previous_ = 0;
    std::string key_;
    std::vector<JsonValue*> stack_;  // the open arrays and objects; a parent does not grow while its child is open
};

}  // namespace

std::string_view json_type_name(JsonValue::Type t)
{
    switch (t) {
    // TRANSLATORS: the kinds of JSON value, put in "expected an array, found {0}".
    case JsonValue::Type::null: return trc("JSON value", "null");
    case JsonValue::Type::boolean: return trc("JSON value", "a boolean");
    case JsonValue::Type::number: return trc("JSON value", "a number");
    case JsonValue::Type::string: return trc("JSON value", "a string");
    case JsonValue::Type::array: return trc("JSON value", "an array");
    case JsonValue::Type::object: return trc("JSON value", "an object");
    }
    return trc("JSON value", "a value");
}

const JsonValue* JsonValue::find(std::string_view key) const
{
    for (const auto& [k, v] : members)
        if (k == key) return &v;
    // Consumers meet "Url" beside "URL": keys compare without ASCII case as a fallback.
    for (const auto& [k, v] : members) {
        if (k.size() != key.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < k.size() && same; ++i)
            same = std::toupper(static_cast<unsigned char>(k[i])) == std::toupper(static_cast<unsigned char>(key[i]));
        if (same) return &v;
    }
    return nullptr;
}

std::variant<JsonValue, JsonError> parse_json_tree(std::string_view text)
{
    std::size_t consumed = 0;
    TreeBuilder builder(text, consumed);
    CountingIterator first{text.data(), text.data(), &consumed};
    CountingIterator last{text.data() + text.size(), text.data(), &consumed};
    const bool ok = nlohmann::json::sax_parse(first, last, &builder);
    if (builder.error) return *builder.error;
    if (!ok) return JsonError{consumed, tr("the JSON could not be read")};
    return std::move(builder.root);
}

Pos json_pos(std::string_view text, std::size_t offset)
{
    if (offset > text.size()) offset = text.size();
    Pos p{1, 1};
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++p.line;
            line_start = i + 1;
        }
    // Columns count code points, as the TOML loader's do.
    for (std::size_t i = line_start; i < offset; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++p.column;
    return p;
}

std::string json_line(std::string_view text, std::size_t offset)
{
    if (offset > text.size()) offset = text.size();
    std::size_t start = offset;
    while (start > 0 && text[start - 1] != '\n') --start;
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.size() > 200) line = line.substr(0, 200);  // 50 MB on one line shows its start only
    return std::string(line);
}

}  // namespace tthc
