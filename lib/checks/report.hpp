// Renders diagnostics in the formats people and machines read: text for a
// terminal, JSON, SARIF 2.1.0 for code-scanning tools, and GitHub workflow
// commands. Rendering only: deciding colour is the caller's business.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace tthc {

enum class ReportFormat { text, json, sarif, github };

std::optional<ReportFormat> parse_report_format(std::string_view name);

struct ReportSummary {
    std::size_t errors = 0, warnings = 0, files = 0, procedures = 0;
};

// Counts errors and warnings.
void count_severities(const std::vector<Diagnostic>& diags, ReportSummary& summary);

struct ReportOptions {
    bool color = false;         // ANSI colour in text output
    std::string tool_version;   // for SARIF
};

void write_report(std::ostream& out, ReportFormat format, const std::vector<Diagnostic>& diags,
                  const ReportSummary& summary, const ReportOptions& options);

// One diagnostic as text, "path:line:col: severity: message [rule]", with the
// offending line and a caret when the diagnostic carries one.
std::string format_diagnostic(const Diagnostic& d, bool color);

}  // namespace tthc
