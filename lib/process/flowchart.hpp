// A flowchart of an internal process in Graphviz DOT, for people reading the
// process at a glance: the units as clusters, the steps in order with their
// working hours, a step outside the deadline dashed. Rendering DOT to SVG
// needs Graphviz's `dot` program, which is optional.
#pragma once

#include <optional>
#include <string>

#include "process/process_doc.hpp"

namespace tthc {

// The DOT source of one resolved process (deterministic).
std::string process_dot(const ResolvedProcess& process);

// The SVG that `dot -Tsvg` makes of `dot_source`, or nothing when no `dot`
// program is on the PATH. Throws Error when dot runs and fails.
std::optional<std::string> dot_to_svg(const std::string& dot_source);

}  // namespace tthc
