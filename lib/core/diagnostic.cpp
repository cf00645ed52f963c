#include "core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace tthc {

void DiagnosticSink::report(Rule rule, Pos pos, std::string message)
{
    report(rule, rule_info(rule).severity, pos, std::move(message));
}

void DiagnosticSink::report(Rule rule, Severity severity, Pos pos, std::string message)
{
    diags_.push_back(Diagnostic{file_, pos, severity, rule, std::move(message), {}, {}});
}

void DiagnosticSink::report(Rule rule, Pos pos, std::string message, std::optional<Fix> fix)
{
    report(rule, pos, std::move(message));
    diags_.back().fix = std::move(fix);
}

Diagnostic make_diagnostic(std::string file, Pos pos, Rule rule, std::string message)
{
    return Diagnostic{std::move(file), pos, rule_info(rule).severity, rule, std::move(message), {}, {}};
}

void sort_diagnostics(std::vector<Diagnostic>& diags)
{
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
        const std::string_view ra = rule_id(a.rule), rb = rule_id(b.rule);
        return std::tie(a.file, a.pos.line, a.pos.column, ra, a.message) <
               std::tie(b.file, b.pos.line, b.pos.column, rb, b.message);
    });
}

}  // namespace tthc
