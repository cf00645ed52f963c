// Findings as values: every check in the toolkit reports a Diagnostic and keeps
// going, so that one run shows every problem (errors are checked at phase
// boundaries, not thrown). Exceptions are kept for what stops a whole run.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/rules.hpp"
#include "util/error.hpp"

namespace tthc {

// The change a rule makes without judgement (lint --fix), as data on its
// finding, so that the rule and its fix cannot disagree: the string value
// written at `at` (its opening quote, as toml++ counts lines and columns),
// whose text is `old_text`, becomes `new_text`. With `whole_file`, the file's
// text becomes its Unicode NFC form (not-nfc: every string, key and comment).
struct Fix {
    Pos at;
    std::string old_text, new_text;
    bool whole_file = false;
};

struct Diagnostic {
    std::string file;
    Pos pos;
    Severity severity = Severity::error;
    Rule rule = Rule::io_error;  // rule_id(rule) is the stable id, e.g. "bad-duration"
    std::string message;
    std::string source_line;  // the offending line, shown with a caret (syntax errors)
    std::optional<Fix> fix;   // when the rule knows the one replacement
};

// Collects diagnostics for one file; the rule's default severity is used.
class DiagnosticSink {
public:
    explicit DiagnosticSink(std::string file) : file_(std::move(file)) {}
    void report(Rule rule, Pos pos, std::string message);
    void report(Rule rule, Severity severity, Pos pos, std::string message);
    void report(Rule rule, Pos pos, std::string message, std::optional<Fix> fix);
    const std::string& file() const { return file_; }
    std::vector<Diagnostic>& diagnostics() { return diags_; }

private:
    std::string file_;
    std::vector<Diagnostic> diags_;
};

// A finding of `rule` at its default severity.
Diagnostic make_diagnostic(std::string file, Pos pos, Rule rule, std::string message);

// Orders diagnostics by file, line, column, rule id and message, so output is
// deterministic whatever order checks ran in.
void sort_diagnostics(std::vector<Diagnostic>& diags);

}  // namespace tthc
