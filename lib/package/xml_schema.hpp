// The tthc XML vocabulary, version 1 (schema/tthc-1.xsd): its namespace, the
// XSD text every package carries, and validation of documents against it.
// Every XML the toolkit reads goes through here or xml_documents_read.cpp: no network, no
// DTD, no entity expansion, and a DOCTYPE is rejected outright.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "io/xml_out.hpp"

namespace tthc {

inline constexpr std::string_view xml_namespace = "urn:tthc:xml:1";
inline constexpr std::string_view xml_schema_name = "tthc-1.xsd";

// The XSD, byte for byte the file schema/tthc-1.xsd (a unit test keeps them equal).
std::string_view xml_schema_text();

// Whether `bytes` are this tthc's XSD or an earlier revision of version 1 that
// tthc shipped in packages. Each revision only relaxed the one before (an
// element made optional for export --as-published), so the current schema
// accepts every document an earlier one did: packages made by an older tthc
// still verify, against the current schema.
bool is_schema_revision(std::string_view bytes);

// One problem of a document: a position (line 0 when unknown) and a message.
struct XmlProblem {
    Pos pos;
    std::string message;
};

// Fails when the prolog of `xml` holds a DOCTYPE (the toolkit reads no DTD, so
// none is allowed): returns the problem, or nothing when there is none.
std::optional<XmlProblem> find_doctype(std::string_view xml);

// Validates documents against the schema. The compiled schema is shared; make
// one validator per thread. Not copyable.
class SchemaValidator {
public:
    SchemaValidator();
    ~SchemaValidator();
    SchemaValidator(const SchemaValidator&) = delete;
    SchemaValidator& operator=(const SchemaValidator&) = delete;

    // Well-formedness and schema validity of one document, streamed (no DOM);
    // the problems in document order, empty when the document is valid.
    std::vector<XmlProblem> validate(std::string_view xml);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace tthc
