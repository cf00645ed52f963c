// What people read of a rule and of a severity, in the language of the
// messages (util/i18n.hpp). The registry (core/rules.hpp) keeps the English
// texts, which are the msgids (marked with N_), and the keywords that JSON and
// SARIF carry, which are never translated (severity_name, rule ids).
#pragma once

#include "core/rules.hpp"

namespace tthc {

// The severity as the text report, --explain and --list-rules print it:
// "error", "warning", "note" in English; "lỗi", "cảnh báo", "ghi chú" in Vietnamese.
const char* severity_label(Severity s);

// The one-line summary and the explanation of a rule (--explain, --list-rules,
// SARIF's rule descriptions), translated.
const char* rule_summary(const RuleInfo& r);
const char* rule_help(const RuleInfo& r);

}  // namespace tthc
