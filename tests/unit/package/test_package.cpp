#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "package/package.hpp"
#include "package/signature.hpp"
#include "package/xml_documents.hpp"
#include "package/xml_schema.hpp"

using namespace tthc;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct TempDir {
    fs::path path;
    TempDir()
    {
        std::string t = (fs::temp_directory_path() / "tthc-test-XXXXXX").string();
        REQUIRE(mkdtemp(t.data()));
        path = t;
    }
    ~TempDir() { fs::remove_all(path); }
};

const fs::path fixtures = fs::path(TTHC_SOURCE_DIR) / "fixtures" / "verify";

}  // namespace

TEST_CASE("the compiled-in schema is schema/tthc-1.xsd byte for byte (embedded at configure time)")
{
    CHECK(xml_schema_text() == slurp(fs::path(TTHC_SOURCE_DIR) / "schema" / "tthc-1.xsd"));
}

TEST_CASE("package paths stay inside the package")
{
    CHECK(is_safe_package_path("procedures/ho-tich/1.001193.xml"));
    CHECK(is_safe_package_path("tthc-1.xsd"));
    CHECK_FALSE(is_safe_package_path("../outside"));
    CHECK_FALSE(is_safe_package_path("procedures/../../outside"));
    CHECK_FALSE(is_safe_package_path("/etc/passwd"));
    CHECK_FALSE(is_safe_package_path("procedures//x.xml"));
    CHECK_FALSE(is_safe_package_path("./x.xml"));
    CHECK_FALSE(is_safe_package_path("procedures\\..\\x.xml"));
    CHECK_FALSE(is_safe_package_path(""));
}

TEST_CASE("an external entity (XXE) is rejected before any parsing")
{
    const std::string xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE procedure [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                            "<procedure xmlns=\"urn:tthc:xml:1\" version=\"1\" status=\"in-force\"><code>&xxe;</code></procedure>\n";
    SchemaValidator v;
    const auto problems = v.validate(xxe);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pos.line == 2);
    CHECK(problems[0].message == "a DOCTYPE is not allowed (the toolkit reads no DTD and expands no entity)");
    CHECK_THROWS_WITH(read_procedure_xml(xxe),
                      "line 2: a DOCTYPE is not allowed (the toolkit reads no DTD and expands no entity)");
    CHECK_THROWS_WITH(read_manifest_xml(xxe),
                      "line 2: a DOCTYPE is not allowed (the toolkit reads no DTD and expands no entity)");
}

TEST_CASE("validating a malformed document prints nothing: its problems are returned, not written to stderr")
{
    // libxml2's validator printed "Unimplemented block at xmlschemas.c:28703"
    // for a reserved processing instruction name (found by tthc-fuzz-procedure-xml).
    const std::string doc = "<?xml. version=\"1.0\"?>\n<procedure xmlns=\"urn:tthc:xml:1\" version=\"1\" "
                            "status=\"in-force\"><code>1.001193</code></procedure>\n";
    TempDir t;
    const std::string captured = (t.path / "stderr").string();
    std::fflush(stderr);
    const int saved = dup(2);
    REQUIRE(saved >= 0);
    REQUIRE(std::freopen(captured.c_str(), "w", stderr));
    SchemaValidator validator;
    const auto problems = validator.validate(doc);
    std::fflush(stderr);
    dup2(saved, 2);
    close(saved);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pos.line == 2);
    CHECK(problems[0].message ==
          "Element '{urn:tthc:xml:1}procedure': Missing child element(s). Expected is ( {urn:tthc:xml:1}name ).");
    CHECK(slurp(captured).empty());
}

TEST_CASE("a billion-laughs document is rejected, not expanded")
{
    std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">";
    for (int i = 1; i < 10; ++i) {
        doc += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) doc += i == 1 ? "&lol;" : "&lol" + std::to_string(i - 1) + ";";
        doc += "\">";
    }
    doc += "]>\n<manifest xmlns=\"urn:tthc:xml:1\" version=\"1\">&lol9;</manifest>\n";
    SchemaValidator v;
    const auto problems = v.validate(doc);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "a DOCTYPE is not allowed (the toolkit reads no DTD and expands no entity)");
    CHECK_THROWS_WITH(check_manifest_signature(doc, ""),
                      "manifest: a DOCTYPE is not allowed (the toolkit reads no DTD and expands no entity)");
}

TEST_CASE("a manifest naming ../outside is refused and import writes nothing anywhere")
{
    TempDir t;
    fs::copy(fixtures / "outside" / "pkg", t.path / "pkg", fs::copy_options::recursive);
    const ImportResult r = import_package((t.path / "pkg").string(), ImportOptions{(t.path / "out").string(), false, ""});
    CHECK_FALSE(r.written);
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].rule == Rule::unsafe_path);
    CHECK_FALSE(fs::exists(t.path / "out"));
    CHECK_FALSE(fs::exists(t.path / "outside"));
    std::size_t entries = 0;
    for (const auto& e : fs::directory_iterator(t.path)) entries += e.path().filename() == "pkg" ? 0 : 1;
    CHECK(entries == 0);  // no temporary directory left behind either
}

TEST_CASE("export is deterministic and equals the committed package")
{
    TempDir t;
    ExportOptions o;
    o.created = Date{2026, 11, 27};
    o.out = (t.path / "a").string();
    REQUIRE(export_package((fixtures / "catalog").string(), o).written);
    o.threads = 1;
    o.out = (t.path / "b").string();
    REQUIRE(export_package((fixtures / "catalog").string(), o).written);
    for (const auto& e : fs::recursive_directory_iterator(fixtures / "valid" / "pkg")) {
        if (!e.is_regular_file()) continue;
        const fs::path rel = fs::relative(e.path(), fixtures / "valid" / "pkg");
        INFO(rel.string());
        CHECK(slurp(t.path / "a" / rel) == slurp(e.path()));
        CHECK(slurp(t.path / "b" / rel) == slurp(e.path()));
    }
}

TEST_CASE("a signed package verifies with tthc and with the xmlsec1 command line")
{
    TempDir t;
    const std::string key = (t.path / "key.pem").string(), cert = (t.path / "cert.pem").string();
    const std::string req = "openssl req -x509 -newkey rsa:2048 -nodes -keyout '" + key + "' -out '" + cert +
                            "' -days 2 -subj /CN=tthc-unit-test 2>/dev/null";
    REQUIRE(std::system(req.c_str()) == 0);
    ExportOptions o;
    o.created = Date{2026, 11, 27};
    o.out = (t.path / "pkg").string();
    o.key = key;
    o.cert = cert;
    REQUIRE(export_package((fixtures / "catalog").string(), o).written);

    const VerifyResult v = verify_package(o.out, VerifyOptions{cert, 0});
    CHECK(v.diagnostics.empty());
    CHECK(v.signature == SignatureState::valid);
    const std::string cmd = "xmlsec1 --verify --pubkey-cert-pem '" + cert + "' '" + o.out + "/manifest.xml' >/dev/null 2>&1";
    CHECK(std::system(cmd.c_str()) == 0);

    // One attribute of the manifest changed: both must refuse it.
    std::string manifest = slurp(t.path / "pkg" / "manifest.xml");
    const auto at = manifest.find("hoursPerDay=\"8\"");
    REQUIRE(at != std::string::npos);
    manifest.replace(at, 15, "hoursPerDay=\"9\"");
    std::ofstream(t.path / "pkg" / "manifest.xml", std::ios::binary) << manifest;
    const SignatureCheck bad = check_manifest_signature(manifest, cert);
    CHECK(bad.status == SignatureCheck::Status::invalid);
    CHECK(bad.detail == "the signature does not match the manifest and the certificate '" + cert + "'");
    CHECK(std::system(cmd.c_str()) != 0);
}
