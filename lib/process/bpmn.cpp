#include "process/bpmn.hpp"

#include <vector>

#include "core/diagnostic.hpp"
#include "io/xml_out.hpp"
#include "util/i18n.hpp"

namespace tthc {

namespace {

const char* const ns_model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
const char* const ns_bpmndi = "http://www.omg.org/spec/BPMN/20100524/DI";
const char* const ns_dc = "http://www.omg.org/spec/DD/20100524/DC";
const char* const ns_di = "http://www.omg.org/spec/DD/20100524/DI";

// Layout, in the units modelers use (pixels at 100 %).
constexpr int pool_x = 160, pool_y = 80, pool_header = 30;
constexpr int lane_h = 160, col_w = 190, first_col = 110, right_margin = 100;
constexpr int task_w = 140, task_h = 90, event_size = 36;

struct Box {
    int x = 0, y = 0, w = 0, h = 0;
    int cy() const { return y + h / 2; }
    int right() const { return x + w; }
};

struct Node {
    std::string id, name;
    int lane = 0;
    Box box;
};

struct Lane {
    std::string unit, name, id;
    std::vector<std::string> nodes;
};

// An event's label sits below it, a little wider than the event.
constexpr int label_dx = 22, label_gap = 4, label_w = 80, label_h = 14;

// Where everything goes: one lane per unit in the order the units first act,
// one column per node (start, each step, end), the pool around the lanes.
struct Layout {
    std::vector<Lane> lanes;
    std::vector<Node> nodes;  // node i flows into node i + 1
    int pool_w = 0, pool_h = 0;
};

int col_x(int col) { return pool_x + pool_header + first_col + col * col_w; }
int lane_y(int lane) { return pool_y + lane * lane_h; }

Layout lay_out(const ResolvedProcess& r)
{
    Layout l;
    auto lane_of = [&](const ResolvedStep& s) {
        for (std::size_t i = 0; i < l.lanes.size(); ++i)
            if (l.lanes[i].unit == s.step->unit.value) return static_cast<int>(i);
        l.lanes.push_back({s.step->unit.value, s.unit_name, "Lane_" + std::to_string(l.lanes.size() + 1), {}});
        return static_cast<int>(l.lanes.size() - 1);
    };
    const int columns = static_cast<int>(r.steps.size()) + 2;  // start, steps, end
    std::vector<int> step_lane;
    for (const auto& s : r.steps) step_lane.push_back(lane_of(s));
    if (l.lanes.empty()) l.lanes.push_back({"", "", "Lane_1", {}});
    const int first_lane = step_lane.empty() ? 0 : step_lane.front();
    const int last_lane = step_lane.empty() ? 0 : step_lane.back();

    auto event_box = [&](int col, int lane) {
        return Box{col_x(col) - event_size / 2, lane_y(lane) + (lane_h - event_size) / 2, event_size, event_size};
    };
    l.nodes.push_back({"StartEvent_1", "Bắt đầu", first_lane, event_box(0, first_lane)});
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
        const int lane = step_lane[i];
        const int col = static_cast<int>(i) + 1;
        l.nodes.push_back({"Task_" + std::to_string(i + 1), r.steps[i].step->task.value, lane,
                           Box{col_x(col) - task_w / 2, lane_y(lane) + (lane_h - task_h) / 2, task_w, task_h}});
    }
    l.nodes.push_back({"EndEvent_1", "Kết thúc", last_lane, event_box(columns - 1, last_lane)});
    for (const auto& n : l.nodes) l.lanes[static_cast<std::size_t>(n.lane)].nodes.push_back(n.id);
    l.pool_w = col_x(columns - 1) + right_margin - pool_x;
    l.pool_h = static_cast<int>(l.lanes.size()) * lane_h;
    return l;
}

std::string flow_id(std::size_t i) { return "Flow_" + std::to_string(i + 1); }

void write_collaboration(XmlOut& o, const ResolvedProcess& r)
{
    const Procedure& p = *r.procedure;
    o.start("bpmn:collaboration");
    o.attr("id", "Collaboration_1");
    o.start("bpmn:participant");
    o.attr("id", "Participant_1");
    o.attr("name", p.name.value + " (mã " + p.code.value + ")");
    o.attr("processRef", "Process_1");
    o.element("bpmn:documentation", "Quy trình nội bộ giải quyết thủ tục hành chính. Tổng thời gian giải quyết: " +
                                        total_text(r) +
                                        (r.channel ? "; thời hạn giải quyết: " + r.channel->duration->to_string() + " (" +
                                                         r.channel->kind.value + ")"
                                                   : std::string()) +
                                        ".");
    o.end();
    o.end();
}

std::string step_documentation(const ResolvedStep& s, std::size_t number)
{
    std::string text = "Bước " + std::to_string(number) + ". Đơn vị/người thực hiện: " + s.unit_name +
                       ".\nThời gian thực hiện: " + step_time_text(s) + ".";
    if (!s.step->counted && s.step->time.present) text += " (" + s.step->time.value + ", ngoài thời hạn giải quyết)";
    if (!s.step->output.value.empty()) text += "\nKết quả/biểu mẫu: " + s.step->output.value + ".";
    return text;
}

// The semantic part: lanes, the start event, one task per step, the end event
// and the sequence flows between them.
void write_process(XmlOut& o, const ResolvedProcess& r, const Layout& l)
{
    o.start("bpmn:process");
    o.attr("id", "Process_1");
    o.attr("name", r.procedure->name.value);
    o.attr("isExecutable", "false");
    o.start("bpmn:laneSet");
    o.attr("id", "LaneSet_1");
    for (const auto& lane : l.lanes) {
        o.start("bpmn:lane");
        o.attr("id", lane.id);
        o.attr("name", lane.name);
        for (const auto& id : lane.nodes) o.element("bpmn:flowNodeRef", id);
        o.end();
    }
    o.end();
    const auto& nodes = l.nodes;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const bool start = i == 0, end = i + 1 == nodes.size();
        o.start(start ? "bpmn:startEvent" : end ? "bpmn:endEvent" : "bpmn:task");
        o.attr("id", nodes[i].id);
        o.attr("name", nodes[i].name);
        if (!start && !end) o.element("bpmn:documentation", step_documentation(r.steps[i - 1], i));
        if (!start) o.element("bpmn:incoming", flow_id(i - 1));
        if (!end) o.element("bpmn:outgoing", flow_id(i));
        o.end();
    }
    for (std::size_t i = 0; i + 1 < nodes.size(); ++i) {
        o.start("bpmn:sequenceFlow");
        o.attr("id", flow_id(i));
        o.attr("sourceRef", nodes[i].id);
        o.attr("targetRef", nodes[i + 1].id);
        o.end();
    }
    o.end();  // process
}

void write_bounds(XmlOut& o, const Box& b)
{
    o.start("dc:Bounds");
    o.attr("x", b.x);
    o.attr("y", b.y);
    o.attr("width", b.w);
    o.attr("height", b.h);
    o.end();
}

// Opens a BPMNShape with its bounds; the caller closes it.
void start_shape(XmlOut& o, const std::string& element, const Box& b, bool horizontal)
{
    o.start("bpmndi:BPMNShape");
    o.attr("id", element + "_di");
    o.attr("bpmnElement", element);
    if (horizontal) o.attr("isHorizontal", "true");
    write_bounds(o, b);
}

// A flow from box a to box b: straight across, or across, down or up, across
// when b is in another lane.
void write_edge(XmlOut& o, std::size_t i, const Box& a, const Box& b)
{
    o.start("bpmndi:BPMNEdge");
    o.attr("id", flow_id(i) + "_di");
    o.attr("bpmnElement", flow_id(i));
    auto waypoint = [&](int px, int py) {
        o.start("di:waypoint");
        o.attr("x", px);
        o.attr("y", py);
        o.end();
    };
    waypoint(a.right(), a.cy());
    if (a.cy() != b.cy()) {
        const int mid = (a.right() + b.x) / 2;
        waypoint(mid, a.cy());
        waypoint(mid, b.cy());
    }
    waypoint(b.x, b.cy());
    o.end();
}

// The diagram interchange part: where a modeler draws each element.
void write_diagram(XmlOut& o, const Layout& l)
{
    o.start("bpmndi:BPMNDiagram");
    o.attr("id", "BPMNDiagram_1");
    o.start("bpmndi:BPMNPlane");
    o.attr("id", "BPMNPlane_1");
    o.attr("bpmnElement", "Collaboration_1");
    start_shape(o, "Participant_1", Box{pool_x, pool_y, l.pool_w, l.pool_h}, true);
    o.end();
    for (std::size_t i = 0; i < l.lanes.size(); ++i) {
        start_shape(o, l.lanes[i].id,
                    Box{pool_x + pool_header, lane_y(static_cast<int>(i)), l.pool_w - pool_header, lane_h}, true);
        o.end();
    }
    for (std::size_t i = 0; i < l.nodes.size(); ++i) {
        const Box& b = l.nodes[i].box;
        start_shape(o, l.nodes[i].id, b, false);
        if (i == 0 || i + 1 == l.nodes.size()) {  // events carry their label below them
            o.start("bpmndi:BPMNLabel");
            write_bounds(o, Box{b.x - label_dx, b.y + b.h + label_gap, label_w, label_h});
            o.end();
        }
        o.end();
    }
    for (std::size_t i = 0; i + 1 < l.nodes.size(); ++i) write_edge(o, i, l.nodes[i].box, l.nodes[i + 1].box);
    o.end();  // plane
    o.end();  // diagram
}

}  // namespace

std::string process_bpmn(const ResolvedProcess& r)
{
    if (!r.procedure) throw Error(tr("the process in {0} names no procedure of the catalog", r.code()));
    const Layout layout = lay_out(r);
    XmlOut o;  // two-space indentation; the prefixes are declared on the root
    o.start("bpmn:definitions");
    o.attr("xmlns:bpmn", ns_model);
    o.attr("xmlns:bpmndi", ns_bpmndi);
    o.attr("xmlns:dc", ns_dc);
    o.attr("xmlns:di", ns_di);
    o.attr("id", "Definitions_1");
    o.attr("targetNamespace", "urn:tthc:quy-trinh-noi-bo");
    o.attr("exporter", "tthc");
    write_collaboration(o, r);
    write_process(o, r, layout);
    write_diagram(o, layout);
    o.end();  // definitions
    return o.finish();
}

}  // namespace tthc
