#include "catalog/identity.hpp"

#include "core/values.hpp"

namespace tthc {

std::string code_identity(std::string_view code)
{
    const auto parsed = parse_code(code);
    return parsed ? parsed->identity : std::string(code);
}

std::string procedure_identity(const Procedure& p)
{
    return p.parsed_code ? p.parsed_code->identity : p.code.value;
}

}  // namespace tthc
