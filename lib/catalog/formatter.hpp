// tthc fmt: the canonical layout of a catalog file. The layout is the one TOML
// writer's (catalog_writer.hpp): keys in the order of the format, every string
// a basic string, every non-empty list one element a line, tables as [[name]]
// after the keys, NFC, one trailing newline. So a file tthc wrote is already
// formatted, and formatting never changes a value: the text is parsed, each
// value written back as the writer writes it, and the comments, which toml++
// drops, found in the source text and put back beside the key or table they
// belong to (tthc-fmt(1) says where each kind of comment goes).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/loader.hpp"
#include "core/diagnostic.hpp"

namespace tthc {

struct FormatResult {
    std::string text;                     // the formatted file (empty when it did not parse)
    std::optional<Diagnostic> error;      // the syntax error (file:line:col) when the file does not parse
};

// Formats the TOML text of one catalog file of the given kind; keys the format
// does not define are kept, after the known ones, in alphabetical order.
// Never throws on bad input: a file that does not parse gives `error`.
FormatResult format_catalog_text(std::string_view text, FileKind kind, const std::string& display);

// One fix of lint --fix as it was made.
struct AppliedFix {
    Rule rule = Rule::io_error;
    Pos at;
    std::string old_text, new_text;  // empty for a whole-file fix (not-nfc)
    bool whole_file = false;
};

struct FixedText {
    std::string text;
    std::vector<AppliedFix> applied;  // in the order of their positions
};

// Applies the fixes of `findings` (all of one file) to its TOML text: each
// string literal named by a fix is replaced by the fix's new text, written as
// the writer writes strings, when it still holds the fix's old text (in NFC);
// a fix that does not match, or a second fix of one literal, is left for the
// next round (the caller checks the result again). A whole-file fix (NFC) is
// made alone. Never throws.
FixedText apply_fixes(std::string_view text, const std::vector<Diagnostic>& findings);

// What a catalog file holds, from its path alone: catalog.toml, units.toml,
// legal.toml, a file under procedures/ abolished/ processes/ plans/ decisions/;
// anything else is the single-file form.
FileKind file_kind_of_path(const std::string& path);

}  // namespace tthc
