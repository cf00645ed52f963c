// What makes two mentions name the same procedure, in one place: a provincial
// instance code (1.001612.000.00.00.H48) and its national code (1.001612) are
// one procedure, and a procedure lives in a file of procedures/ or abolished/.
#pragma once

#include <string>
#include <string_view>

#include "catalog/loader.hpp"
#include "catalog/model.hpp"

namespace tthc {

// The key a code is known by: the identity of the parsed code, or the code as
// written when it does not parse (so that a bad code still matches itself).
std::string code_identity(std::string_view code);

// The key of a procedure, as code_identity() of its code.
std::string procedure_identity(const Procedure& p);

// Whether a catalog file holds one procedure (procedures/ or abolished/).
inline bool is_procedure_file(const CatalogFile& f)
{
    return f.kind == FileKind::procedure || f.kind == FileKind::abolished;
}

}  // namespace tthc
