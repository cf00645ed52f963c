#include "checks/fix.hpp"

namespace tthc {

FileFixes fix_file(const CatalogFile& file, std::string text, const LintOptions& options)
{
    FileFixes out;
    for (int round = 0; round < 16; ++round) {
        LoadResult loaded = load_file_text(file.kind, text, file.display, file.path);
        std::vector<Diagnostic> findings = std::move(loaded.diagnostics);
        // the procedures in force, as lint checks them (abolished ones are not)
        for (const auto& p : loaded.catalog.procedures)
            for (auto& d : check_procedure(p, file.display, options)) findings.push_back(std::move(d));
        FixedText fixed = apply_fixes(text, findings);
        if (fixed.applied.empty()) break;
        text = std::move(fixed.text);
        for (auto& a : fixed.applied) out.applied.push_back(std::move(a));
    }
    out.text = std::move(text);
    return out;
}

}  // namespace tthc
