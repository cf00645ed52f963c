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

// Key-by-key TOML text; lists with several elements one a line (easy to
// review in git), tables as [[name]].
class TomlOut {
public:
    void key(std::string_view k, const std::string& v);
    void key(std::string_view k, const Text& t);  // only when present
    void bare(std::string_view k, const std::string& v);
    void list(std::string_view k, const std::vector<Text>& items, bool required = false);
    void list(std::string_view k, const std::vector<std::string>& items, bool required = false);
    void table(std::string_view name);
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
