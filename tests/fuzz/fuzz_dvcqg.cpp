// The national JSON package reader (package/dvcqg.hpp) on arbitrary bytes: a
// bare record, an array or a service reply. Oracles: it never throws; every
// problem is a finding with a position; what reads without a finding writes
// back to JSON that reads again without one, the writer is a fixed point
// (writing what it read back gives the same bytes), and the procedure read
// back equals the one written (diff's compare_procedures).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "package/dvcqg.hpp"
#include "fuzz_support.hpp"

namespace {

// The one procedure of a file the writer wrote.
tthc::Procedure read_back(const std::string& json)
{
    const tthc::DvcqgFile f = tthc::read_dvcqg_json(json, "written.json");
    if (!f.diagnostics.empty()) tthc::fuzz::fail("written JSON does not read: " + f.diagnostics.front().message, json);
    if (f.procedures.size() != 1) tthc::fuzz::fail("written JSON does not read as one procedure", json);
    return f.procedures.front();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace tthc;
    using fuzz::fail;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const DvcqgFile file = read_dvcqg_json(text, "fuzz.json");
    for (const auto& d : file.diagnostics)
        if (d.file != "fuzz.json" || d.message.empty()) fail("a finding without its file or message", d.message);
    if (!file.diagnostics.empty()) return 0;
    for (const auto& p : file.procedures) {
        const std::string first = dvcqg_procedure_json(p, "000.00.00.H99");
        const Procedure back = read_back(first);
        const std::string second = dvcqg_procedure_json(back, "000.00.00.H99");
        if (second != first) fail("the JSON writer is not a fixed point", first + "\n---\n" + second);
        if (auto changes = compare_procedures(back, read_back(second)); !changes.empty())
            fail("procedure -> JSON -> procedure changed fields", fuzz::describe(changes) + second);
    }
    return 0;
}
