#include "process/bpmn.hpp"

#include <vector>

#include "core/diagnostic.hpp"
#include "io/xml_out.hpp"

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

}  // namespace

std::string process_bpmn(const ResolvedProcess& r)
{
    if (!r.procedure) throw Error("the process in " + r.code() + " names no procedure of the catalog");
    const Procedure& p = *r.procedure;

    // Lanes: one per unit, in the order the units first act.
    std::vector<Lane> lanes;
    auto lane_of = [&](const ResolvedStep& s) {
        for (std::size_t i = 0; i < lanes.size(); ++i)
            if (lanes[i].unit == s.step->unit.value) return static_cast<int>(i);
        lanes.push_back({s.step->unit.value, s.unit_name, "Lane_" + std::to_string(lanes.size() + 1), {}});
        return static_cast<int>(lanes.size() - 1);
    };

    const int columns = static_cast<int>(r.steps.size()) + 2;  // start, steps, end
    auto col_x = [](int col) { return pool_x + pool_header + first_col + col * col_w; };
    auto lane_y = [](int lane) { return pool_y + lane * lane_h; };

    std::vector<Node> nodes;
    std::vector<int> step_lane;
    for (const auto& s : r.steps) step_lane.push_back(lane_of(s));
    if (lanes.empty()) lanes.push_back({"", "", "Lane_1", {}});
    const int first_lane = step_lane.empty() ? 0 : step_lane.front();
    const int last_lane = step_lane.empty() ? 0 : step_lane.back();

    auto event_box = [&](int col, int lane) {
        return Box{col_x(col) - event_size / 2, lane_y(lane) + (lane_h - event_size) / 2, event_size, event_size};
    };
    nodes.push_back({"StartEvent_1", "Bắt đầu", first_lane, event_box(0, first_lane)});
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
        const int lane = step_lane[i];
        const int col = static_cast<int>(i) + 1;
        nodes.push_back({"Task_" + std::to_string(i + 1), r.steps[i].step->task.value, lane,
                         Box{col_x(col) - task_w / 2, lane_y(lane) + (lane_h - task_h) / 2, task_w, task_h}});
    }
    nodes.push_back({"EndEvent_1", "Kết thúc", last_lane, event_box(columns - 1, last_lane)});
    for (const auto& n : nodes) lanes[static_cast<std::size_t>(n.lane)].nodes.push_back(n.id);

    const int pool_w = col_x(columns - 1) + right_margin - pool_x;
    const int pool_h = static_cast<int>(lanes.size()) * lane_h;

    XmlOut o;  // two-space indentation; the prefixes are declared on the root
    o.start("bpmn:definitions");
    o.attr("xmlns:bpmn", ns_model);
    o.attr("xmlns:bpmndi", ns_bpmndi);
    o.attr("xmlns:dc", ns_dc);
    o.attr("xmlns:di", ns_di);
    o.attr("id", "Definitions_1");
    o.attr("targetNamespace", "urn:tthc:quy-trinh-noi-bo");
    o.attr("exporter", "tthc");

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

    o.start("bpmn:process");
    o.attr("id", "Process_1");
    o.attr("name", p.name.value);
    o.attr("isExecutable", "false");
    o.start("bpmn:laneSet");
    o.attr("id", "LaneSet_1");
    for (const auto& l : lanes) {
        o.start("bpmn:lane");
        o.attr("id", l.id);
        o.attr("name", l.name);
        for (const auto& id : l.nodes) o.element("bpmn:flowNodeRef", id);
        o.end();
    }
    o.end();

    auto flow_id = [](std::size_t i) { return "Flow_" + std::to_string(i + 1); };
    const std::size_t flows = nodes.size() - 1;  // node i → node i+1
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const Node& n = nodes[i];
        const bool start = i == 0, end = i + 1 == nodes.size();
        o.start(start ? "bpmn:startEvent" : end ? "bpmn:endEvent" : "bpmn:task");
        o.attr("id", n.id);
        o.attr("name", n.name);
        if (!start && !end) {
            const ResolvedStep& s = r.steps[i - 1];
            std::string text = "Bước " + std::to_string(i) + ". Đơn vị/người thực hiện: " + s.unit_name +
                               ".\nThời gian thực hiện: " + step_time_text(s) + ".";
            if (!s.step->counted && s.step->time.present)
                text += " (" + s.step->time.value + ", ngoài thời hạn giải quyết)";
            if (!s.step->output.value.empty()) text += "\nKết quả/biểu mẫu: " + s.step->output.value + ".";
            o.element("bpmn:documentation", text);
        }
        if (!start) o.element("bpmn:incoming", flow_id(i - 1));
        if (!end) o.element("bpmn:outgoing", flow_id(i));
        o.end();
    }
    for (std::size_t i = 0; i < flows; ++i) {
        o.start("bpmn:sequenceFlow");
        o.attr("id", flow_id(i));
        o.attr("sourceRef", nodes[i].id);
        o.attr("targetRef", nodes[i + 1].id);
        o.end();
    }
    o.end();  // process

    o.start("bpmndi:BPMNDiagram");
    o.attr("id", "BPMNDiagram_1");
    o.start("bpmndi:BPMNPlane");
    o.attr("id", "BPMNPlane_1");
    o.attr("bpmnElement", "Collaboration_1");
    auto bounds = [&](const Box& b) {
        o.start("dc:Bounds");
        o.attr("x", b.x);
        o.attr("y", b.y);
        o.attr("width", b.w);
        o.attr("height", b.h);
        o.end();
    };
    auto shape = [&](const std::string& element, const Box& b, bool horizontal) {
        o.start("bpmndi:BPMNShape");
        o.attr("id", element + "_di");
        o.attr("bpmnElement", element);
        if (horizontal) o.attr("isHorizontal", "true");
        bounds(b);
    };
    shape("Participant_1", Box{pool_x, pool_y, pool_w, pool_h}, true);
    o.end();
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        shape(lanes[i].id, Box{pool_x + pool_header, lane_y(static_cast<int>(i)), pool_w - pool_header, lane_h}, true);
        o.end();
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const Node& n = nodes[i];
        shape(n.id, n.box, false);
        if (i == 0 || i + 1 == nodes.size()) {  // events carry their label below them
            o.start("bpmndi:BPMNLabel");
            bounds(Box{n.box.x - 22, n.box.y + n.box.h + 4, 80, 14});
            o.end();
        }
        o.end();
    }
    for (std::size_t i = 0; i < flows; ++i) {
        const Box& a = nodes[i].box;
        const Box& b = nodes[i + 1].box;
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
        if (a.cy() != b.cy()) {  // to another lane: across, down or up, across
            const int mid = (a.right() + b.x) / 2;
            waypoint(mid, a.cy());
            waypoint(mid, b.cy());
        }
        waypoint(b.x, b.cy());
        o.end();
    }
    o.end();  // plane
    o.end();  // diagram
    o.end();  // definitions
    return o.finish();
}

}  // namespace tthc
