// The documents of the tthc XML vocabulary (schema/tthc-1.xsd) to and from the
// model: a procedure, a decision, and the package manifest. Writing is
// xml_documents_write.cpp (through io/xml_out.hpp, the one wrapper of libxml2's
// streaming writer; stable order, no clock);
// reading is xml_documents_read.cpp (no network, no DTD, no entities, no DOCTYPE).
// Each document is small and written or read on its own, so a package of any
// size is handled one procedure at a time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/model.hpp"
#include "core/values.hpp"

namespace tthc {

// One line of the manifest: a file of the package, or (in a delta package) the
// abolition of a procedure that left the catalog without a document.
struct ManifestEntry {
    enum class Type { procedure, decision, schema, abolish };
    Type type = Type::procedure;
    std::string path;       // relative, '/'-separated; empty for Type::abolish
    std::string code;       // procedures and abolitions
    std::string number;     // decisions: số ký hiệu
    std::string action;     // procedures: "upsert" or "abolish"
    std::string decision;   // abolished procedures: the decision that abolished them, when one says so
    bool provisional = false;
    std::string sha256;     // lower-case hex
    std::uint64_t size = 0;
};

struct Manifest {
    std::string package_id;
    Date created;
    std::string kind = "full";  // "full" or "delta"
    CatalogInfo catalog;        // only the values; positions are meaningless here
    std::vector<ManifestEntry> entries;
};

// A procedure as an XML document (status "abolished" when p.abolished).
std::string procedure_xml(const Procedure& p);

// A decision as an XML document.
std::string decision_xml(const Decision& d);

// The manifest, unsigned (signature.hpp adds the signature).
std::string manifest_xml(const Manifest& m);

// Reading throws Error with "line N: message" when the document is not
// well-formed, holds a DOCTYPE, or is not the expected document; callers say
// which file it was. Documents should be validated against the schema first:
// the readers check structure only as far as they need to.
Procedure read_procedure_xml(std::string_view xml);
Decision read_decision_xml(std::string_view xml);
Manifest read_manifest_xml(std::string_view xml);

}  // namespace tthc
