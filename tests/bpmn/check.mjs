// Reads BPMN files with bpmn-moddle, the reader bpmn.io and Camunda Modeler
// use, and checks what a modeler needs to draw them without fix-up: no reader
// warning (unknown element, unresolved reference), one pool, every flow node in
// exactly one lane, a shape for every pool, lane and flow node (inside its lane),
// an edge for every sequence flow from its source to its target.
// Usage: node check.mjs FILE.bpmn...; prints one line per file, exit 1 on a problem.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';

const moddle = new BpmnModdle();
const inside = (a, b) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
const on = (p, b) => p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
let failed = false;

for (const file of process.argv.slice(2)) {
  const problems = [];
  const { rootElement: defs, warnings } = await moddle.fromXML(readFileSync(file, 'utf8'), 'bpmn:Definitions');
  for (const w of warnings) problems.push('reader: ' + w.message);
  const collaborations = defs.rootElements.filter((e) => e.$type === 'bpmn:Collaboration');
  const processes = defs.rootElements.filter((e) => e.$type === 'bpmn:Process');
  if (collaborations.length !== 1 || collaborations[0].participants.length !== 1 || processes.length !== 1) {
    problems.push('expected one collaboration with one pool and one process');
  } else {
    const pool = collaborations[0].participants[0];
    const proc = processes[0];
    if (pool.processRef !== proc) problems.push('the pool does not reference the process');
    const elements = proc.flowElements || [];
    const nodes = elements.filter((e) => e.$type !== 'bpmn:SequenceFlow');
    const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
    const lanes = (proc.laneSets || []).flatMap((s) => s.lanes || []);
    const count = (type) => nodes.filter((n) => n.$type === type).length;
    if (count('bpmn:StartEvent') !== 1 || count('bpmn:EndEvent') !== 1) problems.push('expected one start and one end event');
    for (const t of nodes.filter((n) => n.$type === 'bpmn:Task'))
      if (!(t.documentation || []).some((d) => /Thời gian thực hiện: /.test(d.text))) problems.push(`${t.id}: no time in documentation`);

    const shapes = new Map();
    const edges = new Map();
    for (const d of defs.diagrams || [])
      for (const el of d.plane.planeElement || []) {
        if (el.$type === 'bpmndi:BPMNShape') shapes.set(el.bpmnElement, el);
        if (el.$type === 'bpmndi:BPMNEdge') edges.set(el.bpmnElement, el);
      }
    const poolShape = shapes.get(pool);
    if (!poolShape) problems.push('no shape for the pool');
    for (const lane of lanes) {
      const s = shapes.get(lane);
      if (!s) problems.push(`${lane.id}: no shape`);
      else if (poolShape && !inside(s.bounds, poolShape.bounds)) problems.push(`${lane.id}: outside the pool`);
    }
    for (const n of nodes) {
      const owners = lanes.filter((l) => (l.flowNodeRef || []).includes(n));
      if (owners.length !== 1) problems.push(`${n.id}: in ${owners.length} lanes`);
      const s = shapes.get(n);
      if (!s) problems.push(`${n.id}: no shape`);
      else if (owners.length === 1 && shapes.get(owners[0]) && !inside(s.bounds, shapes.get(owners[0]).bounds))
        problems.push(`${n.id}: shape outside its lane ${owners[0].id}`);
    }
    for (const f of flows) {
      const e = edges.get(f);
      if (!e) { problems.push(`${f.id}: no edge`); continue; }
      const w = e.waypoint || [];
      const src = shapes.get(f.sourceRef), dst = shapes.get(f.targetRef);
      if (w.length < 2) problems.push(`${f.id}: fewer than two waypoints`);
      else if (!src || !dst || !on(w[0], src.bounds) || !on(w[w.length - 1], dst.bounds))
        problems.push(`${f.id}: the edge does not join its source and target`);
    }
    if (!problems.length)
      console.log(`ok ${basename(file)}: ${lanes.length} lanes, ${count('bpmn:Task')} tasks, ${flows.length} flows, ` +
                  `${shapes.size} shapes, ${edges.size} edges`);
  }
  for (const p of problems) console.log(`FAIL ${basename(file)}: ${p}`);
  if (problems.length) failed = true;
}
process.exit(failed ? 1 : 0);
