#include <catch2/catch.hpp>

#include "catalog/identity.hpp"

using namespace tthc;

TEST_CASE("a provincial instance code is known by its national code")
{
    CHECK(code_identity("1.001612.000.00.00.H48") == code_identity("1.001612"));
    CHECK(code_identity("1.001193") != code_identity("1.001612"));
}

TEST_CASE("a code that does not parse is its own key")
{
    CHECK(code_identity("not a code") == "not a code");
    Procedure p;
    p.code.value = "1,2,3";
    CHECK(procedure_identity(p) == "1,2,3");
}

TEST_CASE("procedure files are those of procedures/ and abolished/")
{
    CatalogFile f;
    f.kind = FileKind::procedure;
    CHECK(is_procedure_file(f));
    f.kind = FileKind::abolished;
    CHECK(is_procedure_file(f));
    f.kind = FileKind::process;
    CHECK_FALSE(is_procedure_file(f));
    f.kind = FileKind::single;
    CHECK_FALSE(is_procedure_file(f));
}
