#include "checks/streaming_check.hpp"

#include <algorithm>
#include <utility>

#include "catalog/identity.hpp"
#include "catalog/part_loader.hpp"
#include "util/parallel.hpp"

namespace tthc {

StreamingCheck::StreamingCheck(const LintOptions& options, std::function<bool(const Diagnostic&)> collect)
    : options_(options), collect_(std::move(collect))
{
}

void StreamingCheck::collect(std::vector<Diagnostic>& from)
{
    for (auto& d : from)
        if (collect_(d)) found_.push_back(std::move(d));
    from.clear();
}

void StreamingCheck::start(LoadResult small, std::vector<Diagnostic> layout)
{
    catalog_ = std::move(small.catalog);
    collect(small.diagnostics);
    collect(layout);
    needs_ = check_needs(catalog_);  // processes and plans are among the small files
    procedures_ = catalog_.procedures.size() + catalog_.abolished.size();
}

void StreamingCheck::add_findings(LoadResult& part) { collect(part.diagnostics); }

void StreamingCheck::add_procedures(Catalog& part)
{
    const std::size_t base = catalog_.files.size();
    for (auto& f : part.files) catalog_.files.push_back(std::move(f));
    for (auto [from, to] : {std::pair{&part.procedures, &catalog_.procedures}, std::pair{&part.abolished, &catalog_.abolished}}) {
        procedures_ += from->size();
        for (auto& p : *from) {
            p.file += base;
            const std::string identity = p.parsed_code ? p.parsed_code->identity : std::string();
            const bool named = !p.abolished && (needs_.by_processes.count(identity) || needs_.by_plans.count(identity));
            if (named) {
                // the content rules read the text that shrinking drops: run them now
                // (finish() runs the cross-file checks with content off)
                auto content = check_procedure_content(p, catalog_.files[p.file], options_);
                collect(content);
                keep_what_checks_read(p, needs_);
                to->push_back(std::move(p));
                continue;
            }
            if (!p.abolished) {
                auto own = check_procedure(p, catalog_.files[p.file], options_);
                collect(own);
            }
            if (p.parsed_code) keys_.push_back({p.file, std::move(p.code), identity, p.abolished});
        }
        from->clear();
    }
    part.files.clear();
}

std::vector<Diagnostic> StreamingCheck::finish()
{
    LintOptions cross = options_;
    cross.content = false;  // run on each procedure before it was shrunk (add_procedures)
    auto found = check_catalog(catalog_, cross, keys_);
    collect(found);
    sort_diagnostics(found_);
    return std::move(found_);
}

void split_catalog_files(std::vector<CatalogFile> files, std::vector<CatalogFile>& small,
                         std::vector<CatalogFile>& procedure_files)
{
    for (auto& f : files) (is_procedure_file(f) ? procedure_files : small).push_back(std::move(f));
    std::stable_partition(procedure_files.begin(), procedure_files.end(),
                          [](const CatalogFile& f) { return f.kind == FileKind::procedure; });
}

LintResult lint_path(const std::string& path, const LintOptions& options)
{
    std::vector<Diagnostic> layout;
    std::vector<CatalogFile> small, procedure_files;
    split_catalog_files(list_catalog_files(path, layout), small, procedure_files);
    // Other cores load procedure parts while this one loads the small files;
    // it then checks each part and loads one itself whenever it would wait.
    PartLoader parts(path, procedure_files, thread_count(0) - 1);
    StreamingCheck check(options, [](const Diagnostic&) { return true; });
    check.start(load_files(path, small, LoadOptions{1}), std::move(layout));
    LintResult result;
    for (std::size_t k = 0; k < parts.parts(); ++k) {
        LoadResult part = parts.take(k);
        check.add_findings(part);
        check.add_procedures(part.catalog);
    }
    result.files = check.catalog().files.size();
    result.procedures = check.procedures();
    result.diagnostics = check.finish();
    return result;
}

}  // namespace tthc
