#include <catch2/catch.hpp>

#include "test_support.hpp"

#include "checks/lint.hpp"
#include "checks/report.hpp"

using namespace tthc;
using tthc::test::replace_first;

namespace {

std::string lint_text(const std::string& text, Date today = {2026, 11, 27})
{
    LoadResult r = load_catalog_text(text, "c.toml");
    auto diags = r.diagnostics;
    for (auto& d : check_catalog(r.catalog, LintOptions{today})) diags.push_back(d);
    sort_diagnostics(diags);
    std::string out;
    for (const auto& d : diags) out += format_diagnostic(d, false);
    return out;
}

const std::string header = tthc::test::catalog_header + tthc::test::data("lint_units.toml");

std::string procedure(const std::string& code, const std::string& time = "10 ngày làm việc",
                      const std::string& table = "procedure", const std::string& extra = "")
{
    return "[[" + table + "]]\ncode = \"" + code +
           "\"\nname = \"Thủ tục đăng ký khai sinh\"\nfield = \"Hộ tịch\"\nlevels = [\"xã\"]\n"
           "agency = \"Ủy ban nhân dân cấp xã\"\n" + extra + "[[" + table + ".channels]]\nkind = \"trực tiếp\"\ntime = \"" + time +
           "\"\n[[" + table + ".dossier]]\nname = \"Tờ khai\"\n[[" + table +
           ".legal_basis]]\nnumber = \"60/2014/QH13\"\ntitle = \"Luật Hộ tịch\"\n";
}

std::string process(const std::string& code, const std::vector<std::string>& times)
{
    std::string s = "[[process]]\nprocedure = \"" + code + "\"\n";
    for (const auto& t : times) s += "[[process.steps]]\nunit = \"phong-tu-phap\"\ntask = \"Xử lý\"\ntime = \"" + t + "\"\n";
    return s;
}

}  // namespace

TEST_CASE("a clean catalog has no findings")
{
    CHECK(lint_text(header + procedure("1.001193") + process("1.001193", {"2 giờ", "78 giờ làm việc"})) == "");
}

TEST_CASE("duplicate codes across procedures and abolished, provincial instances included")
{
    const std::string text = header + procedure("1.001193") + procedure("1.001193.H26", "5 ngày làm việc", "abolished");
    CHECK(lint_text(text) ==
          "c.toml:28:8: error: code 1.001193.H26 is already used by c.toml:14:8 (\"1.001193\" names the same "
          "procedure) [duplicate-code]\n");
}

TEST_CASE("an internal process: 88 hours for a 10-day procedure is an error at the step that exceeds it")
{
    const std::string text = header + procedure("1.001193") + process("1.001193", {"2 giờ", "4 giờ", "58 giờ", "6 giờ",
                                                                                  "8 giờ", "10 giờ"});
    CHECK(lint_text(text) ==
          "c.toml:49:1: error: the counted steps add up to 88 giờ làm việc, more than the thời hạn of channel "
          "\"trực tiếp\" of 1.001193 (\"10 ngày làm việc\" = 80 giờ làm việc); the total first exceeds it at this "
          "step (counted steps at lines 29, 33, 37, 41, 45, 49) [process-over]\n");
}

TEST_CASE("an internal process: 72 hours for a 10-day procedure is a warning")
{
    const std::string text = header + procedure("1.001193") + process("1.001193", {"9 ngày làm việc"});
    CHECK(lint_text(text) ==
          "c.toml:28:13: warning: the counted steps add up to 72 giờ làm việc, less than the thời hạn of channel "
          "\"trực tiếp\" of 1.001193 (\"10 ngày làm việc\" = 80 giờ làm việc) [process-under]\n");
}

TEST_CASE("a calendar-day thời hạn is reported as not checkable, not guessed")
{
    const std::string text = header + procedure("1.001193", "30 ngày") + process("1.001193", {"80 giờ"});
    CHECK(lint_text(text) ==
          "c.toml:28:13: warning: the thời hạn of channel \"trực tiếp\" of 1.001193 is \"30 ngày\", in calendar "
          "time, which does not convert to working hours; the counted steps (80 giờ làm việc) are not checked "
          "against it [process-uncheckable]\n");
}

TEST_CASE("district level is a warning from 1 July 2025 on")
{
    std::string p = procedure("1.001193");
    replace_first(p, "[\"xã\"]", "[\"huyện\"]");
    CHECK(lint_text(header + p, Date{2025, 6, 30}) == "");
    CHECK(lint_text(header + p, Date{2025, 7, 1}) ==
          "c.toml:17:11: warning: cấp huyện no longer exists since 1 July 2025; announce this procedure at \"tỉnh\" "
          "or \"xã\" [district-level]\n");
}

TEST_CASE("online service needs an online channel")
{
    CHECK(lint_text(header + procedure("1.001193", "5 ngày làm việc", "procedure", "online = \"toàn trình\"\n")) ==
          "c.toml:19:10: error: online is \"toàn trình\" but no channels entry has kind \"trực tuyến\"; add the online "
          "channel with its thời hạn and fee [online-channel]\n");
}

TEST_CASE("processes, plans and decisions must name what exists")
{
    const std::string text = header + procedure("1.001193") +
                             "[[process]]\nprocedure = \"1.000001\"\n[[process.steps]]\nunit = \"mot-cua\"\ntask = \"x\"\n"
                             "time = \"1 giờ\"\n"
                             "[[process]]\nprocedure = \"1.001193\"\n[[process.steps]]\nunit = \"mot-cuaa\"\ntask = \"x\"\n"
                             "time = \"80 giờ\"\n"
                             "[[plan]]\nid = \"p\"\nprocedure = \"1.001193\"\n[[plan.changes]]\nkind = \"remove-dossier\"\n"
                             "item = \"To khai\"\n"
                             "[[decision]]\nnumber = \"1/QĐ-UBND\"\ndate = 2026-01-01\ntitle = \"t\"\neffective = 2026-01-10\n"
                             "new = [\"2.000001\"]\n";
    CHECK(lint_text(text) ==
          "c.toml:28:13: error: procedure 1.000001 is not in this catalog [unknown-procedure]\n"
          "c.toml:36:8: error: unit \"mot-cuaa\" is not in units.toml; did you mean \"mot-cua\"? [unknown-unit]\n"
          "c.toml:44:8: error: procedure 1.001193 has no dossier entry \"To khai\"; did you mean \"Tờ khai\"? "
          "[unknown-dossier]\n"
          "c.toml:50:8: error: decision 1/QĐ-UBND names 2.000001, which is neither in procedures/ nor in abolished/ "
          "[unknown-procedure]\n");
}
