// Findings as values: every check in the toolkit reports a Diagnostic and keeps
// going, so that one run shows every problem (errors are checked at phase
// boundaries, not thrown). Exceptions are kept for what stops a whole run.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace tthc {


enum class Severity { note, warning, error };

std::string_view severity_name(Severity s);

struct Diagnostic {
    std::string file;
    Pos pos;
    Severity severity = Severity::error;
    std::string rule;         // stable rule id, e.g. "bad-duration"
    std::string message;
    std::string source_line;  // the offending line, shown with a caret (syntax errors)
};

// What a rule checks, for --explain, man pages and SARIF rule metadata.
struct RuleInfo {
    std::string_view id;
    Severity severity;
    std::string_view summary;  // one line
    std::string_view help;     // what it checks and how to fix it
};

// Every rule the toolkit knows, in a stable order.
const std::vector<RuleInfo>& all_rules();

// The rule with this id, or nullptr.
const RuleInfo* find_rule(std::string_view id);

// Collects diagnostics for one file; the rule's default severity is used.
class DiagnosticSink {
public:
    explicit DiagnosticSink(std::string file) : file_(std::move(file)) {}
    void report(std::string_view rule, Pos pos, std::string message);
    void report(std::string_view rule, Severity severity, Pos pos, std::string message);
    const std::string& file() const { return file_; }
    std::vector<Diagnostic>& diagnostics() { return diags_; }

private:
    std::string file_;
    std::vector<Diagnostic> diags_;
};

// Orders diagnostics by file, line, column, rule and message, so output is
// deterministic whatever order checks ran in.
void sort_diagnostics(std::vector<Diagnostic>& diags);


}  // namespace tthc
