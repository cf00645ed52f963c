// Content checks: what the text of a procedure says, as the national portal
// publishes it, rather than its structure. The portal's pages run table cells
// together (legal numbers glued to one another), keep names of bodies that no
// longer exist (cấp huyện, thị trấn since 1 July 2025), capitalise and
// abbreviate agency names against Nghị định 30/2020/NĐ-CP, paste a value twice,
// and publish notes as dossier entries. Each check is a rule of core/rules.hpp.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "catalog/model.hpp"
#include "core/rules.hpp"
#include "core/values.hpp"

namespace tthc {

// Receives one finding: the rule, the position of the value, the message, and
// the fix when the rule knows the one replacement (lint --fix).
using ContentReport = std::function<void(Rule, Pos, std::string, std::optional<Fix>)>;

// Runs every content rule on one procedure (glued-legal-number,
// district-named, capitals, abbreviation, repeated-text, dossier-note);
// `today` decides district-named (no district level from 1 July 2025).
// Reads every text field, so run it before a procedure is shrunk
// (keep_what_checks_read). Never throws on any text.
void content_checks(const Procedure& p, const Date& today, const ContentReport& report);

}  // namespace tthc
