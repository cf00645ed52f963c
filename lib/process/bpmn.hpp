// BPMN 2.0 XML (OMG, formal/2013-12-09) of an internal process, for the
// one-stop software and for people who draw processes in bpmn.io or Camunda
// Modeler: a collaboration with one pool, one lane per unit (in the order the
// units first act), a start event, one task per step (its time in the
// documentation), sequence flows, an end event, and the diagram-interchange
// section laid out left to right with every shape inside its lane, so that a
// modeler opens and draws the file as it is.
#pragma once

#include <string>

#include "process/process_doc.hpp"

namespace tthc {

// The .bpmn file of one resolved process (UTF-8, deterministic). Needs the
// process's procedure (for the pool's name); throws Error when it has none.
std::string process_bpmn(const ResolvedProcess& process);

}  // namespace tthc
