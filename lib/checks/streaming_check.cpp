#include "checks/streaming_check.hpp"

#include <algorithm>
#include <filesystem>
#include <future>
#include <optional>
#include <string_view>
#include <unordered_map>
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

void StreamingCheck::use_cache(LintCache& cache, const std::string& root, const std::vector<CatalogFile>& procedure_files)
{
    cache_ = &cache;
    root_ = &root;
    procedure_files_ = &procedure_files;
    digests_.assign(procedure_files.size(), Digest{});
    stamps_.assign(procedure_files.size(), std::nullopt);
    read_.assign(procedure_files.size(), 0);
    hits_.assign(procedure_files.size(), nullptr);
}

bool StreamingCheck::skip_unread(std::size_t index)
{
    // each index is written by one loader thread, and read after PartLoader::take hands its part over
    const CatalogFile& f = (*procedure_files_)[index];
    if (f.source && !f.source->local()) return false;  // a git revision: its blobs have no stamp
    stamps_[index] = stamp_regular_file(f.path);
    if (!stamps_[index]) return false;
    hits_[index] = cache_->find_unchanged(f.display, *stamps_[index]);
    if (!hits_[index]) return false;
    digests_[index] = hits_[index]->digest;
    read_[index] = 2;
    return true;
}

bool StreamingCheck::skip(std::size_t index, std::string_view bytes)
{
    const CatalogFile& f = (*procedure_files_)[index];
    digests_[index] = sha256(bytes);
    read_[index] = 1;
    // a stamp stands for these bytes only if the file kept it through the read
    if (stamps_[index] && stamp_regular_file(f.path) != stamps_[index]) stamps_[index].reset();
    hits_[index] = cache_->find(f.display, digests_[index]);
    return hits_[index] != nullptr;
}

SkipFile StreamingCheck::skip_file()
{
    return SkipFile{[this](std::size_t i) { return skip_unread(i); },
                    [this](std::size_t i, std::string_view bytes) { return skip(i, bytes); }};
}

void StreamingCheck::start(LoadResult small, std::vector<Diagnostic> layout)
{
    catalog_ = std::move(small.catalog);
    collect(small.diagnostics);
    collect(layout);
    needs_ = check_needs(catalog_);  // processes and plans are among the small files
    procedures_ = catalog_.procedures.size() + catalog_.abolished.size();
    first_procedure_file_ = catalog_.files.size();
}

namespace {

Diagnostic without_file(const Diagnostic& d)
{
    Diagnostic out = d;
    out.file.clear();
    return out;
}

}  // namespace

void StreamingCheck::add_findings(LoadResult& part)
{
    if (cache_) {  // what each file of the part is found to hold, for the next run
        const auto& files = part.catalog.files;
        pending_.assign(files.size(), CachedFile{});
        cachable_.assign(files.size(), 1);
        std::unordered_map<std::string_view, std::size_t> at;
        for (std::size_t i = 0; i < files.size(); ++i) at.emplace(files[i], i);
        for (const auto& d : part.diagnostics)
            if (const auto it = at.find(d.file); it != at.end()) pending_[it->second].findings.push_back(without_file(d));
    }
    collect(part.diagnostics);
}

// One procedure of a part, `p.file` its index in catalog_.files: checked on its
// own and kept whole, shrunk, when a process or plan names it (then false: its
// file is not cached, the cross-file checks need it whole); otherwise kept as
// its key, and recorded for the cache in `record`.
bool StreamingCheck::add_procedure(Procedure& p, std::vector<Procedure>& to, CachedFile* record)
{
    ++procedures_;
    const std::string identity = p.parsed_code ? p.parsed_code->identity : std::string();
    const bool named = !p.abolished && (needs_.by_processes.count(identity) || needs_.by_plans.count(identity));
    if (named) {
        // the content rules read the text that shrinking drops: run them now
        // (finish() runs the cross-file checks with content off)
        auto content = check_procedure_content(p, catalog_.files[p.file], options_);
        collect(content);
        keep_what_checks_read(p, needs_);
        to.push_back(std::move(p));
        return false;
    }
    if (!p.abolished) {
        auto own = check_procedure(p, catalog_.files[p.file], options_);
        if (record)
            for (const auto& d : own) record->findings.push_back(without_file(d));
        collect(own);
    }
    if (p.parsed_code) {
        ProcedureKey key{p.file, std::move(p.code), std::move(p.name), identity, p.abolished};
        if (record) record->keys.push_back({0, key.code, key.name, key.identity, key.abolished});
        keys_.push_back(std::move(key));
    }
    return true;
}

// A procedure file the cache knew (`index` in the loader's list, `file` in
// catalog_.files): its findings and keys, unless a process or plan names one
// of its procedures, which the cross-file checks need whole: then it is read again.
void StreamingCheck::add_cached(std::size_t file, std::size_t index)
{
    const CachedFile& hit = *hits_[index];
    const bool named = std::any_of(hit.keys.begin(), hit.keys.end(), [&](const ProcedureKey& k) {
        return !k.abolished && (needs_.by_processes.count(k.identity) || needs_.by_plans.count(k.identity));
    });
    if (named) {
        LoadResult again = load_files(*root_, {(*procedure_files_)[index]}, LoadOptions{1});
        collect(again.diagnostics);
        for (auto* list : {&again.catalog.procedures, &again.catalog.abolished})
            for (auto& p : *list) {
                p.file = file;
                add_procedure(p, p.abolished ? catalog_.abolished : catalog_.procedures, nullptr);
            }
        return;
    }
    unread_ += read_[index] == 2;
    for (const auto& d : hit.findings) {
        if (!collect_(d)) continue;
        found_.push_back(d);
        found_.back().file = catalog_.files[file];
    }
    for (const auto& k : hit.keys) {
        keys_.push_back(k);
        keys_.back().file = file;
        ++procedures_;
    }
    cache_->keep_found(catalog_.files[file], stamps_[index]);
}

void StreamingCheck::add_procedures(Catalog& part)
{
    const std::size_t base = catalog_.files.size();
    for (auto& f : part.files) catalog_.files.push_back(std::move(f));
    for (auto [from, to] : {std::pair{&part.procedures, &catalog_.procedures}, std::pair{&part.abolished, &catalog_.abolished}}) {
        for (auto& p : *from) {
            const std::size_t local = p.file;
            p.file += base;
            if (!add_procedure(p, *to, cache_ ? &pending_[local] : nullptr) && cache_) cachable_[local] = 0;
        }
        from->clear();
    }
    if (cache_) {
        const std::size_t first = base - first_procedure_file_;  // the part's first file in the loader's list
        for (std::size_t i = 0; i + base < catalog_.files.size(); ++i) {
            const std::size_t index = first + i;
            if (hits_[index])
                add_cached(base + i, index);
            else if (read_[index] && cachable_[i]) {
                pending_[i].digest = digests_[index];
                if (stamps_[index]) {
                    pending_[i].stamp = *stamps_[index];
                    pending_[i].stamp_trusted = cache_->trusts(*stamps_[index]);
                }
                cache_->keep(catalog_.files[base + i], std::move(pending_[i]));
            }
        }
        pending_.clear();
    }
    part.files.clear();
}

std::vector<Diagnostic> StreamingCheck::finish(const PortalList* portal_list)
{
    LintOptions cross = options_;
    cross.content = false;  // run on each procedure before it was shrunk (add_procedures)
    auto found = check_catalog(catalog_, cross, keys_);
    collect(found);
    if (portal_list) {
        auto portal = check_portal_list(*portal_list, catalog_, keys_);
        collect(portal);
    }
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

LintResult lint_path(const std::string& path, const LintOptions& options, const std::string& cache_dir,
                     const PortalList* portal_list, const Progress& progress)
{
    // The cache is read on another core while this one lists the catalog's
    // files: in a re-lint of a national catalog, each is a sixth of the time.
    // (A future of std::async waits for its thread when it is destroyed, so
    // an exception from either side leaves no thread running.)
    std::future<LintCache> reading;
    std::error_code ec;
    if (!cache_dir.empty() && std::filesystem::is_directory(path, ec))
        reading = std::async(std::launch::async,
                             [&] { return LintCache(cache_file_for(cache_dir, path), lint_cache_key(options)); });
    std::vector<Diagnostic> layout;
    std::vector<CatalogFile> small, procedure_files;
    split_catalog_files(list_catalog_files(path, layout), small, procedure_files);
    std::optional<LintCache> cache;
    if (reading.valid()) cache.emplace(reading.get());
    StreamingCheck check(options, [](const Diagnostic&) { return true; });
    if (cache) check.use_cache(*cache, path, procedure_files);
    // Other cores load procedure parts while this one loads the small files;
    // it then checks each part and loads one itself whenever it would wait.
    PartLoader parts(path, procedure_files, thread_count(0) - 1, cache ? check.skip_file() : SkipFile());
    check.start(load_files(path, small, LoadOptions{1}), std::move(layout));
    LintResult result;
    for (std::size_t k = 0; k < parts.parts(); ++k) {
        LoadResult part = parts.take(k);
        check.add_findings(part);
        check.add_procedures(part.catalog);
        if (progress) progress(small.size() + parts.files_through(k), small.size() + procedure_files.size());
    }
    result.files = check.catalog().files.size();
    result.procedures = check.procedures();
    // Every entry is kept by now: the cache is written on another core while
    // this one runs the cross-file checks.
    std::future<void> writing;
    if (cache) writing = std::async(std::launch::async, [&] { cache->save(); });
    result.diagnostics = check.finish(portal_list);
    if (writing.valid()) {
        try {
            writing.get();
        } catch (const Error& e) {
            result.cache_problem = e.what();
        }
    }
    if (cache) {
        result.cache_file = cache->path();
        result.cache_status = cache->status();
        result.cache_reused = cache->reused();
        result.cache_unread = check.unread();
    }
    return result;
}

}  // namespace tthc
