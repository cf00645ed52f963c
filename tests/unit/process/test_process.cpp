#include <catch2/catch.hpp>

#include "test_support.hpp"

#include "process/bpmn.hpp"
#include "process/flowchart.hpp"
#include "catalog/loader.hpp"
#include "process/process_doc.hpp"
#include "checks/report.hpp"

using namespace tthc;

namespace {

// Two 10-day procedures; the process of the first adds up to 80 hours with a
// last step not counted, the second to 88 hours.
const std::string catalog_text = tthc::test::catalog_header + tthc::test::data("process_two_procedures.toml");

std::string findings_text(const LoadResult& r, const std::vector<ResolvedProcess>& ps)
{
    std::string out;
    for (const auto& d : process_findings(r.catalog, r.diagnostics, ps, Date{2026, 11, 27})) out += format_diagnostic(d, false);
    return out;
}

}  // namespace

TEST_CASE("a process resolves its units, hours and total")
{
    const LoadResult r = load_catalog_text(catalog_text, "c.toml");
    const auto ps = select_processes(r.catalog, {"1.003915"});
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].steps[1].unit_name == "Phòng chuyên môn");
    CHECK(step_time_text(ps[0].steps[1]) == "78 giờ làm việc");
    CHECK(step_time_text(ps[0].steps[2]) == "Không tính thời gian");
    CHECK(total_text(ps[0]) == "80 giờ làm việc (tương đương 10 ngày làm việc)");
    CHECK(findings_text(r, ps).empty());
}

TEST_CASE("the findings of a process in a single-file catalog are only its own")
{
    const LoadResult r = load_catalog_text(catalog_text, "c.toml");
    CHECK(findings_text(r, select_processes(r.catalog, {"1.003915"})).empty());
    CHECK(findings_text(r, select_processes(r.catalog, {})) ==
          "c.toml:62:1: error: the counted steps add up to 88 giờ làm việc, more than the thời hạn of channel \"trực "
          "tiếp\" of 1.000802 (\"10 ngày làm việc\" = 80 giờ làm việc); the total first exceeds it at this step "
          "(counted steps at lines 58, 62) [process-over]\n");
}

TEST_CASE("selecting processes by code reports what cannot be selected")
{
    const LoadResult r = load_catalog_text(catalog_text, "c.toml");
    auto message = [&](const std::string& code) {
        try {
            select_processes(r.catalog, {code});
        } catch (const Error& e) {
            return std::string(e.what()) + " | " + e.hint();
        }
        return std::string("no error");
    };
    CHECK(message("dau-gia") == "'dau-gia' is not a procedure code | write it as 1.001193");
    CHECK(message("1.999999") == "procedure 1.999999 is not in c.toml | ");
    CHECK(select_processes(r.catalog, {"1.003915", "1.003915.000.00.00.H26"}).size() == 1);
}

TEST_CASE("the BPMN model has a lane per unit and a shape and edge for every node and flow")
{
    const LoadResult r = load_catalog_text(catalog_text, "c.toml");
    const std::string xml = process_bpmn(select_processes(r.catalog, {"1.003915"})[0]);
    auto count = [&](const std::string& s) {
        std::size_t n = 0;
        for (auto at = xml.find(s); at != std::string::npos; at = xml.find(s, at + 1)) ++n;
        return n;
    };
    CHECK(count("<bpmn:lane ") == 2);
    CHECK(count("<bpmn:task ") == 3);
    CHECK(count("<bpmn:sequenceFlow ") == 4);
    CHECK(count("<bpmndi:BPMNShape ") == 1 + 2 + 5);
    CHECK(count("<bpmndi:BPMNEdge ") == 4);
    CHECK(xml.find("<bpmn:documentation>Bước 2. Đơn vị/người thực hiện: Phòng chuyên môn.\nThời gian thực hiện: 78 giờ "
                   "làm việc.</bpmn:documentation>") != std::string::npos);
    // Task 2 sits in lane 2 (y 240..400): its shape is inside it.
    CHECK(xml.find("<bpmndi:BPMNShape id=\"Task_2_di\" bpmnElement=\"Task_2\">\n        <dc:Bounds x=\"610\" y=\"275\" "
                   "width=\"140\" height=\"90\"/>") != std::string::npos);
}

TEST_CASE("the flowchart puts each unit in a cluster and the hours on the steps")
{
    const LoadResult r = load_catalog_text(catalog_text, "c.toml");
    const std::string dot = process_dot(select_processes(r.catalog, {"1.003915"})[0]);
    CHECK(dot.find("  subgraph cluster_2 {\n    label=\"Phòng chuyên môn\";\n    style=rounded;\n    color=gray40;\n"
                   "    step2 [label=\"Bước 2\\nThẩm định\\n78 giờ làm việc\"];\n  }\n") != std::string::npos);
    CHECK(dot.find("step3 [label=\"Bước 3\\nTrả kết quả\\nKhông tính thời gian\", style=\"rounded,dashed\"];") !=
          std::string::npos);
}
