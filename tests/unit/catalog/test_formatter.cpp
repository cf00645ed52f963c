#include <catch2/catch.hpp>

#include "catalog/catalog_writer.hpp"
#include "catalog/formatter.hpp"
#include "catalog/loader.hpp"

using namespace tthc;

namespace {

std::string fmt(std::string_view text, FileKind kind = FileKind::procedure)
{
    FormatResult r = format_catalog_text(text, kind, "p.toml");
    REQUIRE_FALSE(r.error);
    return r.text;
}

}  // namespace

TEST_CASE("keys come in the order of the format, lists one element a line, tables after the keys")
{
    const std::string in = "[[channels]]\ntime = 'Trong ngày'\nkind = \"trực tiếp\"\n"
                           "[[legal_basis]]\nnumber = \"60/2014/QH13\"\ntitle = \"Luật Hộ tịch\"\n";
    const std::string head = "levels=['xã']\nname = \"Thủ tục\"\ncode = \"1.001193\"\nfield = \"Hộ tịch\"\n";
    CHECK(fmt(head + in) ==
          "code = \"1.001193\"\nname = \"Thủ tục\"\nfield = \"Hộ tịch\"\nlevels = [\n  \"xã\",\n]\n"
          "\n[[channels]]\nkind = \"trực tiếp\"\ntime = \"Trong ngày\"\n"
          "\n[[legal_basis]]\nnumber = \"60/2014/QH13\"\ntitle = \"Luật Hộ tịch\"\n");
}

TEST_CASE("what the writer writes is formatted already")
{
    Procedure p;
    p.code = {"1.001193", {}, true};
    p.name = {"Thủ tục đăng ký khai sinh", {}, true};
    p.field = {"Hộ tịch", {}, true};
    p.levels = {{"xã", {}, true}};
    p.subjects = {{"Công dân", {}, true}, {"Người \"nước ngoài\"\n", {}, true}};
    Channel c;
    c.kind = {"trực tiếp", {}, true};
    c.time = {"Trong ngày", {}, true};
    c.fee = 0;
    p.channels.push_back(c);
    const std::string written = procedure_toml(p);
    CHECK(fmt(written) == written);
    Decision d;
    d.number = {"1/QĐ-UBND", {}, true};
    d.replaced.push_back({{"2.000001", {}, true}, {"1.012345", {}, true}, {}});
    const std::string decision = decision_toml(d);
    CHECK(decision == "number = \"1/QĐ-UBND\"\ntitle = \"\"\nreplaced = [\n  { old = \"2.000001\", new = \"1.012345\" },\n]\n");
    CHECK(fmt(decision, FileKind::decision) == decision);
}

TEST_CASE("comments stay with their key, their table, the top or the end of the file")
{
    const std::string in = "# the file\n"
                           "\n"
                           "name = \"A\" # the name\n"
                           "# about the code\n"
                           "code = \"1.000001\"\n"
                           "steps = [ # opening\n"
                           "  \"một\", # first\n"
                           "  # between\n"
                           "  \"hai\",\n"
                           "] # closing\n"
                           "\n"
                           "# a channel, set apart\n"
                           "\n"
                           "\n"
                           "[[channels]] # header\n"
                           "kind = \"trực tiếp\" # k # not a second comment\n"
                           "note = \"a # inside a string\"\n"
                           "\n"
                           "# the end\n";
    const std::string out = "# the file\n"
                            "\n"
                            "# about the code\n"
                            "code = \"1.000001\"\n"
                            "name = \"A\"  # the name\n"
                            "# opening\n"
                            "# first\n"
                            "# between\n"
                            "steps = [\n"
                            "  \"một\",\n"
                            "  \"hai\",\n"
                            "]  # closing\n"
                            "\n"
                            "# a channel, set apart\n"
                            "\n"
                            "[[channels]]  # header\n"
                            "kind = \"trực tiếp\"  # k # not a second comment\n"
                            "note = \"a # inside a string\"\n"
                            "\n"
                            "# the end\n";
    CHECK(fmt(in) == out);
    CHECK(fmt(out) == out);  // idempotent
}

TEST_CASE("a '#' inside multi-line and literal strings is no comment")
{
    const std::string in = "code = '1.000001'\nconditions = \"\"\"\n# not a comment\nline \\\n  two\"\"\"\n"
                           "name = '''it's # no'''\n";
    CHECK(fmt(in) == "code = \"1.000001\"\nname = \"it's # no\"\nconditions = \"# not a comment\\nline two\"\n");
}

TEST_CASE("unknown keys are kept after the known ones, sorted; values of every type are kept")
{
    const std::string in = "zeta = 1.5\ncode = \"1\"\nalpha = { b = 2, a = [1, 2] }\n\"quoted key\" = 2014-11-20\n"
                           "[extra]\nx = true\n[[dossier]]\nname = \"d\"\ncopies = 0x10\n";
    CHECK(fmt(in) == "code = \"1\"\nalpha = { a = [1, 2], b = 2 }\n\"quoted key\" = 2014-11-20\nzeta = 1.5\n"
                     "\n[[dossier]]\nname = \"d\"\ncopies = 16\n"
                     "\n[extra]\nx = true\n");
}

TEST_CASE("text is written in NFC, comments too")
{
    const std::string nfd = "Tie\xcc\x82\xcc\x81ng";  // "Tiếng" decomposed
    const std::string in = "# " + nfd + "\ncode = \"1\"\nfield = \"" + nfd + "\"\n";
    CHECK(fmt(in) == "# Tiếng\ncode = \"1\"\nfield = \"Tiếng\"\n");
}

TEST_CASE("a file that does not parse is an error with its position, and no text")
{
    const FormatResult r = format_catalog_text("code = \"1\"\nname = \n", FileKind::procedure, "bad.toml");
    REQUIRE(r.error);
    CHECK(r.error->file == "bad.toml");
    CHECK(r.error->pos.line == 2);
    CHECK(r.error->rule == Rule::toml_syntax);
    CHECK(r.text.empty());
}

TEST_CASE("the kind of a file comes from where it sits")
{
    CHECK(file_kind_of_path("c/catalog.toml") == FileKind::catalog);
    CHECK(file_kind_of_path("c/procedures/ho-tich/1.001193.toml") == FileKind::procedure);
    CHECK(file_kind_of_path("c/decisions/2026-01-01-1-qd.toml") == FileKind::decision);
    CHECK(file_kind_of_path("small.toml") == FileKind::single);
}

namespace {

Diagnostic with_fix(Pos at, std::string old_text, std::string new_text)
{
    Diagnostic d = make_diagnostic("p.toml", at, Rule::capitals, "m");
    d.fix = Fix{at, std::move(old_text), std::move(new_text), false};
    return d;
}

}  // namespace

TEST_CASE("a fix replaces the string literal at its position, in any TOML string style")
{
    const std::string in = "a = 'Ủy ban Nhân dân' # kept\nb = \"\"\"\nx Ủy ban Nhân dân\"\"\"\nc = \"khác\"\n";
    const FixedText r = apply_fixes(in, {with_fix({1, 5}, "Ủy ban Nhân dân", "Ủy ban nhân dân"),
                                         with_fix({2, 5}, "x Ủy ban Nhân dân", "x Ủy ban nhân dân")});
    CHECK(r.text == "a = \"Ủy ban nhân dân\" # kept\nb = \"x Ủy ban nhân dân\"\nc = \"khác\"\n");
    REQUIRE(r.applied.size() == 2);
    CHECK(r.applied[0].at.line == 1);
    CHECK(r.applied[1].new_text == "x Ủy ban nhân dân");
}

TEST_CASE("a fix whose string no longer holds its old text, or a second fix of one string, waits")
{
    const std::string in = "a = \"Ủy ban Nhân dân\"\n";
    CHECK(apply_fixes(in, {with_fix({1, 5}, "something else", "x")}).applied.empty());
    CHECK(apply_fixes(in, {with_fix({1, 3}, "Ủy ban Nhân dân", "x")}).applied.empty());  // not a string there
    const FixedText two = apply_fixes(in, {with_fix({1, 5}, "Ủy ban Nhân dân", "x"), with_fix({1, 5}, "Ủy ban Nhân dân", "y")});
    CHECK(two.text == "a = \"x\"\n");
    CHECK(two.applied.size() == 1);
}

TEST_CASE("a whole-file fix writes the file in NFC and nothing else")
{
    Diagnostic d = make_diagnostic("p.toml", {1, 5}, Rule::not_nfc, "m");
    d.fix = Fix{{1, 5}, {}, {}, true};
    const FixedText r = apply_fixes("a = \"Tie\xcc\x82\xcc\x81ng\"  # e\xcc\x81\n", {d, with_fix({1, 5}, "Tiếng", "x")});
    CHECK(r.text == "a = \"Tiếng\"  # é\n");
    REQUIRE(r.applied.size() == 1);
    CHECK(r.applied[0].whole_file);
}
