// Writes the model back as catalog-format TOML (tthc-catalog(5)): the
// procedure drafts of `simplify plan`, the catalogs `export --import` makes and
// the ledger entries of announce and abolish all come out of this one writer,
// so they are formatted alike and always read back to the same model.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog/model.hpp"

namespace tthc {

// A TOML basic string literal, quotes included.
std::string toml_quote(std::string_view s);

// One entry of a decision's `replaced` list: { old = "...", new = "..." }.
std::string replaced_entry(std::string_view old_code, std::string_view new_code);

// Key-by-key TOML text in the canonical layout (tthc-catalog(5), tthc-fmt(1)):
// every non-empty list one element a line with a trailing comma (adding an
// element is a one-line change in git), an empty one `[]`; tables after the
// keys, each header after a blank line, as [[name]] (or [name]).
class TomlOut {
public:
    void key(std::string_view k, const std::string& v);
    void key(std::string_view k, const Text& t);  // only when present
    void bare(std::string_view k, const std::string& v);
    void list(std::string_view k, const std::vector<Text>& items, bool required = false);
    void list(std::string_view k, const std::vector<std::string>& items, bool required = false);
    // A list whose elements are already TOML text (quoted strings, inline tables).
    void array(std::string_view k, const std::vector<std::string>& items);
    // A table header, the comment lines given written just before it.
    void table(std::string_view name, const std::vector<std::string>& comments = {}, bool list = true);
    // A comment at the end of the last line written.
    void trailing(const std::string& comment);
    void raw(const std::string& s);
    std::string str() &&;

private:
    std::string out_;
};

// A procedure file (section 3); a decision file (section 6); catalog.toml (section 2).
std::string procedure_toml(const Procedure& p);
std::string decision_toml(const Decision& d);
std::string catalog_toml(const CatalogInfo& c);

}  // namespace tthc
