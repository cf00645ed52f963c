// Import: a verified full package → a catalog directory (catalog-format.md).
// The TOML is written here by hand (toml++ stays in loader.cpp, which only
// reads): keys in the order of the format, every string escaped, dates bare,
// so that loading the result gives back the model the package was made from.
#include <mutex>
#include <set>

#include "package/package.hpp"

#include "catalog/catalog_writer.hpp"
#include "io/files.hpp"
#include "util/digest.hpp"
#include "util/i18n.hpp"
#include "util/parallel.hpp"
#include "package/xml_documents.hpp"

namespace tthc {

namespace fs = std::filesystem;



ImportResult import_package(const std::string& package_dir, const ImportOptions& o)
{
    StagingDir::check_target(o.out, o.force, "catalog.toml");
    ImportResult result;
    VerifyResult verified = verify_package(package_dir, VerifyOptions{o.cert, 0});
    if (!verified.diagnostics.empty()) {
        result.diagnostics = std::move(verified.diagnostics);
        return result;
    }
    if (verified.kind != "full")
        throw Error(tr("'{0}' is a delta package: it holds only changes", package_dir),
                    tr("import a full package (tthc export without --since)"));

    const fs::path root(package_dir);
    const Manifest m = read_manifest_xml(read_regular_file((root / "manifest.xml").string()));
    std::vector<const ManifestEntry*> docs;
    for (const auto& e : m.entries)
        if (e.type == ManifestEntry::Type::procedure || e.type == ManifestEntry::Type::decision) docs.push_back(&e);

    StagingDir staging(o.out, o.force, "catalog.toml");
    write_staged_file(staging.path() / "catalog.toml", catalog_toml(m.catalog));
    std::set<fs::path> dirs;
    for (const auto* e : docs) dirs.insert(fs::path(e->path).parent_path());
    for (const auto& d : dirs)
        if (!d.empty()) fs::create_directories(staging.path() / d);

    std::mutex mutex;
    parallel_for(docs.size(), 0, [&](std::size_t i) {
        const ManifestEntry& e = *docs[i];
        const std::string name = (root / e.path).lexically_normal().generic_string();
        auto problem = [&](const std::string& message) {
            std::lock_guard lock(mutex);
            result.diagnostics.push_back({name, {}, Severity::error, Rule::document, message, {}, {}});
        };
        const std::string bytes = read_regular_file((root / e.path).string());
        if (sha256_hex(bytes) != e.sha256) return problem(tr("the file changed after it was verified"));
        const bool is_procedure = e.type == ManifestEntry::Type::procedure;
        const std::string folder = e.path.substr(0, e.path.find('/'));
        try {
            std::string toml;
            if (is_procedure) {
                const Procedure p = read_procedure_xml(bytes);
                if (folder != (p.abolished ? "abolished" : "procedures"))
                    // TRANSLATORS: {0} is a folder of the package: procedures, abolished or decisions.
                    return problem(p.abolished ? tr("a procedure abolished cannot be imported into {0}/", folder)
                                               : tr("a procedure in force cannot be imported into {0}/", folder));
                if (p.code.value != e.code)
                    return problem(tr("the document's code \"{0}\" is not the manifest's \"{1}\"", p.code.value, e.code));
                toml = procedure_toml(p);
            } else {
                if (folder != "decisions") return problem(tr("a decision cannot be imported into {0}/", folder));
                toml = decision_toml(read_decision_xml(bytes));
            }
            if (!e.path.ends_with(".xml")) return problem(tr("a document's name must end in .xml"));
            write_staged_file(staging.path() / (e.path.substr(0, e.path.size() - 4) + ".toml"), toml);
        } catch (const Error& err) {
            problem(err.what());
        }
        std::lock_guard lock(mutex);
        ++(is_procedure ? result.counts.procedures : result.counts.decisions);
    });
    if (!result.diagnostics.empty()) {
        sort_diagnostics(result.diagnostics);
        result.counts = {};
        return result;
    }
    staging.commit();
    result.counts.abolished = verified.counts.abolished;
    result.counts.procedures -= std::min(result.counts.procedures, verified.counts.abolished);
    result.counts.files = docs.size() + 1;
    result.written = true;
    return result;
}

}  // namespace tthc
