// tthc packages: export (catalog → package) and verify (package → findings).
// Import lives in package_import.cpp. Every document is written, validated
// and hashed on its own by a pool of threads, each with its own schema
// validation context, so memory does not grow with the documents' size and
// the work uses every core; the manifest is assembled last, in path order.
#include "package/package.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "io/file_source.hpp"
#include "diff/diff.hpp"
#include "checks/streaming_check.hpp"
#include "catalog/part_loader.hpp"
#include "catalog/loader.hpp"
#include "io/files.hpp"
#include "package/signature.hpp"
#include "package/xml_documents.hpp"
#include "util/digest.hpp"
#include "util/i18n.hpp"
#include "util/parallel.hpp"
#include "package/xml_schema.hpp"
#include "catalog/identity.hpp"

namespace tthc {

namespace fs = std::filesystem;

bool is_safe_package_path(std::string_view path)
{
    if (path.empty() || path.front() == '/') return false;
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = path.find('/', start);
        const std::string_view part = path.substr(start, slash == std::string_view::npos ? slash : slash - start);
        if (part.empty() || part == "." || part == "..") return false;
        for (const char c : part)
            if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
        if (slash == std::string_view::npos) return true;
        start = slash + 1;
    }
}

// ---- export -----------------------------------------------------------------

namespace {


// "280/QĐ-UBND" → "280-QD-UBND": a file name for a decision of a single-file catalog.
std::string slug(const std::string& number)
{
    std::string out;
    for (std::size_t i = 0; i < number.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(number[i]);
        if (std::isalnum(c) || c == '.') {
            out.push_back(static_cast<char>(c));
        } else if (number.compare(i, 2, "\xC4\x90") == 0 || number.compare(i, 2, "\xC4\x91") == 0) {  // Đ, đ
            out.push_back(number[i + 1] == '\x90' ? 'D' : 'd');
            ++i;
        } else if (!out.empty() && out.back() != '-') {
            out.push_back('-');
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "decision" : out;
}

struct DocumentJob {
    ManifestEntry entry;
    const Procedure* procedure = nullptr;
    const Decision* decision = nullptr;
};

// Where a catalog file's document goes in the package: the catalog's own
// layout (".toml" → ".xml") for a directory catalog, else `fallback`.
class PackagePaths {
public:
    explicit PackagePaths(const std::string& catalog_root)
    {
        directory_ = open_source(catalog_root)->root_type() == EntryType::directory;
        std::string r = catalog_root;
        while (r.size() > 1 && r.back() == '/') r.pop_back();
        root_ = fs::path(r).lexically_normal();
    }
    // `file`: the catalog file as Catalog::files shows it.
    std::string of(const std::string& file, std::string_view folder, const std::string& fallback)
    {
        std::string path;
        if (directory_) {
            path = fs::path(file).lexically_relative(root_).generic_string();
            if (path.size() > 5 && path.ends_with(".toml"))
                path = path.substr(0, path.size() - 5) + ".xml";
            if (!path.starts_with(std::string(folder) + "/") || !is_safe_package_path(path)) path.clear();
        }
        if (path.empty()) path = std::string(folder) + "/" + fallback + ".xml";
        // Two entries can only meet here in a single-file catalog (decision slugs).
        std::string unique = path;
        for (int n = 2; !used_.insert(unique).second; ++n)
            unique = path.substr(0, path.size() - 4) + "-" + std::to_string(n) + ".xml";
        return unique;
    }

private:
    bool directory_ = false;
    fs::path root_;
    std::set<std::string> used_;
};

std::set<std::string> decision_numbers(const std::string& catalog_path)
{
    std::vector<Diagnostic> ignored;
    std::vector<CatalogFile> files;
    for (auto& f : list_catalog_files(catalog_path, ignored))
        if (f.kind == FileKind::decision || f.kind == FileKind::single) files.push_back(std::move(f));
    const LoadResult r = load_files(catalog_path, files);
    std::set<std::string> out;
    for (const auto& d : r.catalog.decisions) out.insert(d.number.value);
    return out;
}

// The decision that abolished each procedure (by identity): the latest that says so.
std::map<std::string, std::string> abolishing_decisions(const Catalog& catalog)
{
    std::vector<const Decision*> decisions;
    for (const auto& d : catalog.decisions) decisions.push_back(&d);
    std::stable_sort(decisions.begin(), decisions.end(), [](const Decision* a, const Decision* b) {
        return std::tie(a->date, a->number.value) < std::tie(b->date, b->number.value);
    });
    std::map<std::string, std::string> out;
    for (const Decision* d : decisions) {
        for (const auto& c : d->abolished) out[code_identity(c.value)] = d->number.value;
        for (const auto& r : d->replaced) out[code_identity(r.old_code.value)] = d->number.value;
    }
    return out;
}

// What a delta package holds, from the diff against --since (identities).
struct Delta {
    std::set<std::string> upsert, abolish, old_decisions;
    std::vector<Diagnostic> errors;  // the diff's load errors: no package
};

Delta delta_against(const std::string& since, const std::string& catalog_path)
{
    Delta out;
    const DiffResult diff = diff_catalogs(since, catalog_path);
    if (diff.has_errors()) {
        for (const auto& d : diff.diagnostics)
            if (d.severity == Severity::error) out.errors.push_back(d);
        return out;
    }
    for (const auto& a : diff.diff.added) out.upsert.insert(code_identity(a.code));
    for (const auto& a : diff.diff.amended) out.upsert.insert(code_identity(a.code));
    for (const auto& r : diff.diff.replaced) {
        out.upsert.insert(code_identity(r.new_code));
        out.abolish.insert(code_identity(r.old_code));
    }
    for (const auto& a : diff.diff.abolished) out.abolish.insert(code_identity(a.code));
    out.old_decisions = decision_numbers(since);
    return out;
}

// Schema validators for the writing threads: each compiles the schema once
// and serves one thread at a time.
class ValidatorPool {
public:
    std::unique_ptr<SchemaValidator> take()
    {
        std::lock_guard lock(mutex_);
        if (free_.empty()) return std::make_unique<SchemaValidator>();
        auto v = std::move(free_.back());
        free_.pop_back();
        return v;
    }
    void give_back(std::unique_ptr<SchemaValidator> v)
    {
        std::lock_guard lock(mutex_);
        free_.push_back(std::move(v));
    }

private:
    std::mutex mutex_;
    std::vector<std::unique_ptr<SchemaValidator>> free_;
};

// Writes the package's documents into the staging directory part by part as
// the catalog streams past, and keeps their manifest entries. Once anything
// stops the package (a finding, a document failing the schema, a failed
// write) nothing more is written: the staging directory will be discarded.
class DocumentWriter {
public:
    DocumentWriter(const std::string& catalog_path, const Delta* delta, std::map<std::string, std::string> abolished_by)
        : paths_(catalog_path), delta_(delta), abolished_by_(std::move(abolished_by))
    {
    }

    std::vector<ManifestEntry> entries;
    std::set<std::string> shipped_abolitions;
    std::vector<Diagnostic> problems;  // documents that failed the schema (an internal bug)
    std::exception_ptr failure;        // what stopped the writing; thrown only for a clean catalog
    PackageCounts counts;

    // Nothing more is written; `why`, when given, becomes `failure`.
    void stop(std::exception_ptr why = nullptr)
    {
        if (why && !failure) failure = why;
        staging_ = nullptr;
    }
    void start(StagingDir& staging) { staging_ = &staging; }

    // The procedures and abolished procedures of `part`: all, or what changed.
    void ship_procedures(const Catalog& part, unsigned threads)
    {
        if (!staging_) return;
        std::vector<DocumentJob> jobs;
        for (const auto& p : part.procedures) {
            if (delta_ && !delta_->upsert.count(code_identity(p.code.value))) continue;
            jobs.push_back(procedure_job(part, p, "procedures", "upsert"));
            ++counts.procedures;
        }
        for (const auto& p : part.abolished) {
            const std::string id = code_identity(p.code.value);
            if (delta_ && !delta_->abolish.count(id)) continue;
            shipped_abolitions.insert(id);
            DocumentJob j = procedure_job(part, p, "abolished", "abolish");
            if (auto it = abolished_by_.find(id); it != abolished_by_.end()) j.entry.decision = it->second;
            jobs.push_back(std::move(j));
            ++counts.abolished;
        }
        write(jobs, threads);
    }

    // The decisions (all, or those --since lacks) and the schema file.
    void ship_decisions(const Catalog& catalog, unsigned threads)
    {
        if (!staging_) return;
        std::vector<DocumentJob> jobs;
        for (const auto& d : catalog.decisions) {
            if (delta_ && delta_->old_decisions.count(d.number.value)) continue;
            DocumentJob j;
            j.decision = &d;
            j.entry.type = ManifestEntry::Type::decision;
            j.entry.path = paths_.of(catalog.files.at(d.file), "decisions", slug(d.number.value));
            j.entry.number = d.number.value;
            jobs.push_back(std::move(j));
            ++counts.decisions;
        }
        DocumentJob j;
        j.entry.type = ManifestEntry::Type::schema;
        j.entry.path = std::string(xml_schema_name);
        jobs.push_back(std::move(j));
        write(jobs, threads);
    }

    // The identities abolished by leaving the catalog: no document to ship.
    std::vector<std::string> vanished() const
    {
        std::vector<std::string> out;
        if (delta_)
            for (const auto& a : delta_->abolish)
                if (!shipped_abolitions.count(a)) out.push_back(a);
        return out;
    }
    const std::string* abolished_by(const std::string& id) const
    {
        const auto it = abolished_by_.find(id);
        return it == abolished_by_.end() ? nullptr : &it->second;
    }

private:
    // The document of one procedure: where it goes in the package and its entry.
    DocumentJob procedure_job(const Catalog& part, const Procedure& p, std::string_view folder, const char* action)
    {
        DocumentJob j;
        j.procedure = &p;
        j.entry.type = ManifestEntry::Type::procedure;
        j.entry.path = paths_.of(part.files.at(p.file), folder, p.code.value);
        j.entry.code = p.code.value;
        j.entry.action = action;
        j.entry.provisional = p.parsed_code && p.parsed_code->kind == ProcedureCode::Kind::provisional;
        return j;
    }

    // Writes, validates and hashes each document.
    void write(std::vector<DocumentJob>& jobs, unsigned threads)
    {
        const fs::path& root = staging_->path();
        try {
            for (const auto& j : jobs) {
                const std::string dir = fs::path(j.entry.path).parent_path().generic_string();
                if (!dir.empty() && dirs_.insert(dir).second) fs::create_directories(root / dir);
            }
            std::mutex problems_mutex;
            parallel_for(jobs.size(), threads, [&](std::size_t i) {
                DocumentJob& j = jobs[i];
                std::string bytes = j.procedure  ? procedure_xml(*j.procedure)
                                    : j.decision ? decision_xml(*j.decision)
                                                 : std::string(xml_schema_text());
                if (j.procedure || j.decision) {
                    auto validator = validators_.take();
                    const auto found = validator->validate(bytes);
                    validators_.give_back(std::move(validator));
                    if (!found.empty()) {
                        std::lock_guard lock(problems_mutex);
                        for (const auto& p : found)
                            problems.push_back({j.entry.path, p.pos, Severity::error, Rule::schema, p.message, {}, {}});
                        return;
                    }
                }
                write_staged_file(root / j.entry.path, bytes);
                j.entry.sha256 = sha256_hex(bytes);
                j.entry.size = bytes.size();
            });
        } catch (...) {
            stop(std::current_exception());
            return;
        }
        if (!problems.empty()) stop();
        for (auto& j : jobs) entries.push_back(std::move(j.entry));
    }

    PackagePaths paths_;
    const Delta* delta_;
    std::map<std::string, std::string> abolished_by_;
    StagingDir* staging_ = nullptr;  // null: nothing is written
    std::set<std::string> dirs_;     // made in the staging directory
    ValidatorPool validators_;
};

// The manifest: every written entry in path order, then the abolitions that
// left no document; its id names the content (the catalog, the date and a
// digest of the entries).
Manifest assemble_manifest(DocumentWriter& writer, const CatalogInfo& info, const Date& created, bool delta,
                           std::size_t& abolished)
{
    Manifest m;
    m.created = created;
    m.kind = delta ? "delta" : "full";
    m.catalog = info;
    m.entries = std::move(writer.entries);
    std::sort(m.entries.begin(), m.entries.end(),
              [](const ManifestEntry& a, const ManifestEntry& b) { return a.path < b.path; });
    for (const auto& code : writer.vanished()) {
        ManifestEntry e;
        e.type = ManifestEntry::Type::abolish;
        e.code = code;
        if (const std::string* d = writer.abolished_by(code)) e.decision = *d;
        m.entries.push_back(std::move(e));
        ++abolished;
    }
    std::string digest_input;
    for (const auto& e : m.entries) digest_input += e.path + ' ' + e.code + ' ' + e.action + ' ' + e.sha256 + '\n';
    m.package_id = info.id.value + "-" + created.to_string() + (delta ? "-delta-" : "-") +
                   sha256_hex(digest_input).substr(0, 12);
    return m;
}

}  // namespace

// A directory catalog streams: its small files (catalog.toml, units,
// processes, plans, decisions) are loaded first, then the procedure files part
// by part; each part's documents are written while the next part loads, and
// only what the cross-file checks read of each procedure is kept for them.
// The package is finished only when the whole catalog has no error, so the
// result is the one that loading and linting it whole, then writing, gives:
// the same findings, and what would stop the run (a failed diff or write)
// counts only when the catalog is clean.
ExportResult export_package(const std::string& catalog_path, const ExportOptions& o)
{
    if (o.key.empty() != o.cert.empty()) throw Error(tr("signing needs both a private key and its certificate"));
    StagingDir::check_target(o.out, o.force, "manifest.xml");
    ExportResult result;
    const unsigned cores = thread_count(o.threads);

    std::vector<Diagnostic> layout;
    std::vector<CatalogFile> small, procedure_files;
    split_catalog_files(list_catalog_files(catalog_path, layout), small, procedure_files);
    // One thread (or half of them) writes; the others start loading the
    // procedures now, while this one loads the small files.
    const unsigned write_threads = std::max(1u, cores / 2);
    PartLoader parts(catalog_path, procedure_files, cores - write_threads);
    // What stops the export: every error, or with --as-published those of
    // rules it does not tolerate (the tolerated ones are only counted).
    std::size_t tolerated = 0;
    StreamingCheck check(LintOptions{o.created}, [&](const Diagnostic& d) {
        if (d.severity != Severity::error) return false;
        if (o.as_published && is_tolerated_as_published(d.rule)) {
            ++tolerated;
            return false;
        }
        return true;
    });
    check.start(load_files(catalog_path, small, LoadOptions{write_threads}), std::move(layout));
    Catalog& catalog = check.catalog();

    // Which procedures go in: all (full), or what changed against --since (delta).
    const bool delta = !o.since.empty();
    Delta changes;
    std::exception_ptr failure;
    std::optional<StagingDir> staging;
    try {
        if (delta) changes = delta_against(o.since, catalog_path);
        staging.emplace(o.out, o.force, "manifest.xml");
    } catch (...) {
        failure = std::current_exception();
    }
    DocumentWriter writer(catalog_path, delta ? &changes : nullptr, abolishing_decisions(catalog));
    writer.failure = failure;
    if (staging && !check.has_findings() && changes.errors.empty()) writer.start(*staging);

    // A single-file catalog has its procedures loaded already; a directory's
    // come part by part, the next part loading while this one is written.
    writer.ship_procedures(catalog, cores);
    for (std::size_t k = 0; k < parts.parts(); ++k) {
        LoadResult part = parts.take(k);
        check.add_findings(part);
        if (check.has_findings()) writer.stop();
        writer.ship_procedures(part.catalog, write_threads);
        check.add_procedures(part.catalog);
        if (o.progress) o.progress(small.size() + parts.files_through(k), small.size() + procedure_files.size());
    }

    std::vector<Diagnostic> errors = check.finish();
    if (!errors.empty()) {
        result.diagnostics = std::move(errors);
        return result;  // the staging directory goes away with `staging`
    }
    if (writer.failure) std::rethrow_exception(writer.failure);
    if (!changes.errors.empty()) {
        result.diagnostics = std::move(changes.errors);
        return result;
    }
    writer.ship_decisions(catalog, cores);
    if (writer.failure) std::rethrow_exception(writer.failure);
    if (!writer.problems.empty()) {
        result.diagnostics = std::move(writer.problems);
        sort_diagnostics(result.diagnostics);
        return result;
    }
    result.counts = writer.counts;
    result.tolerated = tolerated;

    const Manifest m = assemble_manifest(writer, catalog.info, o.created, delta, result.counts.abolished);
    const std::size_t files = m.entries.size() - writer.vanished().size();
    std::string manifest = manifest_xml(m);
    if (!o.key.empty()) manifest = sign_manifest(manifest, o.key, o.cert);
    SchemaValidator manifest_validator;
    for (const auto& p : manifest_validator.validate(manifest))
        result.diagnostics.push_back(make_diagnostic("manifest.xml", p.pos, Rule::schema, p.message));
    if (!result.diagnostics.empty()) return result;
    write_staged_file(staging->path() / "manifest.xml", manifest);
    staging->commit();

    result.package_id = m.package_id;
    result.counts.files = files + 1;
    result.written = true;
    return result;
}

// ---- verify -----------------------------------------------------------------

namespace {

// Whether every component of `rel` under `root` is a real directory and the
// last a regular file: a symbolic link could lead out of the package.
bool is_regular_inside(const fs::path& root, std::string_view rel)
{
    fs::path p = root;
    std::error_code ec;
    const fs::path r(rel);
    for (auto it = r.begin(); it != r.end(); ++it) {
        p /= *it;
        const auto st = fs::symlink_status(p, ec);
        if (ec) return false;
        const bool last = std::next(it) == r.end();
        if (last ? !fs::is_regular_file(st) : !fs::is_directory(st)) return false;
    }
    return true;
}

std::string display(const fs::path& root, std::string_view rel)
{
    return (root / fs::path(rel)).lexically_normal().generic_string();
}

// The manifest's own checks: present, schema-valid, readable, signed as
// asked. Nothing when a problem means nothing in it can be trusted.
std::optional<Manifest> check_manifest(const fs::path& root, const VerifyOptions& o, VerifyResult& result)
{
    const std::string manifest_name = display(root, "manifest.xml");
    auto report = [&](Rule rule, std::string message, Pos pos = {}) {
        result.diagnostics.push_back(make_diagnostic(manifest_name, pos, rule, std::move(message)));
    };
    if (!is_regular_inside(root, "manifest.xml")) {
        report(Rule::manifest, tr("no manifest.xml: this is not a tthc package"));
        return std::nullopt;
    }
    const std::string manifest_bytes = read_regular_file((root / "manifest.xml").string());
    {
        SchemaValidator v;
        for (const auto& p : v.validate(manifest_bytes)) report(Rule::manifest, p.message, p.pos);
        if (!result.diagnostics.empty()) return std::nullopt;
    }
    Manifest m;
    try {
        m = read_manifest_xml(manifest_bytes);
    } catch (const Error& e) {
        report(Rule::manifest, e.what());
        return std::nullopt;
    }
    const SignatureCheck sig = check_manifest_signature(manifest_bytes, o.cert);
    switch (sig.status) {
    case SignatureCheck::Status::absent:
        result.signature = SignatureState::absent;
        if (!o.cert.empty()) report(Rule::signature, tr("the manifest is not signed, and --cert requires a signature"));
        break;
    case SignatureCheck::Status::valid: result.signature = SignatureState::valid; break;
    case SignatureCheck::Status::invalid:
        result.signature = SignatureState::invalid;
        report(Rule::signature, sig.detail);
        break;
    }
    return m;
}

// The entries whose files are to be checked: paths first, so that nothing
// outside the package is ever opened.
std::vector<const ManifestEntry*> files_listed(const fs::path& root, const Manifest& m, std::set<std::string>& listed,
                                               VerifyResult& result)
{
    std::vector<const ManifestEntry*> files;
    for (const auto& e : m.entries) {
        if (e.type == ManifestEntry::Type::abolish) {
            ++result.counts.abolished;
            continue;
        }
        if (!is_safe_package_path(e.path) || e.path == "manifest.xml") {
            result.diagnostics.push_back(make_diagnostic(
                display(root, "manifest.xml"), {}, Rule::unsafe_path,
                tr("the entry \"{0}\" is not a plain relative path inside the package; it was not read", e.path)));
            continue;
        }
        if (!listed.insert(e.path).second) {
            result.diagnostics.push_back(
                make_diagnostic(display(root, e.path), {}, Rule::duplicate_path, tr("listed more than once in the manifest")));
            continue;
        }
        files.push_back(&e);
        if (e.type == ManifestEntry::Type::procedure) ++(e.action == "abolish" ? result.counts.abolished : result.counts.procedures);
        if (e.type == ManifestEntry::Type::decision) ++result.counts.decisions;
    }
    result.counts.files = files.size() + 1;
    return files;
}

// One listed file against its entry: there, its size, its SHA-256, and its
// validity (the schema file byte for byte, documents against the schema).
std::vector<Diagnostic> check_entry(const fs::path& root, const ManifestEntry& e, SchemaValidator& validator)
{
    const std::string name = display(root, e.path);
    std::vector<Diagnostic> found;
    auto add = [&](Pos pos, Rule rule, std::string message) {
        found.push_back(make_diagnostic(name, pos, rule, std::move(message)));
    };
    if (!is_regular_inside(root, e.path)) {
        add({}, Rule::missing_file, tr("listed in the manifest, but missing (or not a regular file)"));
        return found;
    }
    const std::string bytes = read_regular_file((root / e.path).string());
    if (bytes.size() != e.size)
        // TRANSLATORS: {0} is the file's size in bytes, {1} the size the manifest records.
        add({}, Rule::size, tr("the size is {0} bytes; the manifest says {1}", bytes.size(), e.size));
    const std::string sum = sha256_hex(bytes);
    // TRANSLATORS: {0} is the SHA-256 checksum of the file as it is, {1} the one the manifest records.
    if (sum != e.sha256) add({}, Rule::checksum, tr("the SHA-256 is {0}; the manifest says {1}", sum, e.sha256));
    if (e.type == ManifestEntry::Type::schema) {
        if (!is_schema_revision(bytes))
            add({}, Rule::schema_file, tr("this is not the tthc XML schema version 1 that this tthc defines"));
    } else {
        for (const auto& p : validator.validate(bytes)) add(p.pos, Rule::schema, p.message);
    }
    return found;
}

// Files nobody listed (symbolic links included: they are never followed).
void check_unlisted(const fs::path& root, const std::set<std::string>& listed, VerifyResult& result)
{
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end; !ec && it != end;
         it.increment(ec)) {
        const auto st = it->symlink_status(ec);
        if (fs::is_directory(st)) continue;
        const std::string rel = it->path().lexically_relative(root).generic_string();
        if (rel == "manifest.xml" || listed.count(rel)) continue;
        result.diagnostics.push_back(make_diagnostic(display(root, rel), {}, Rule::extra_file, tr("not listed in the manifest")));
    }
    if (ec)
        result.diagnostics.push_back(
            make_diagnostic(display(root, ""), {}, Rule::io_error, tr("cannot list the package: {0}", ec.message())));
}

}  // namespace

VerifyResult verify_package(const std::string& package_dir, const VerifyOptions& o)
{
    std::error_code ec;
    if (!fs::is_directory(package_dir, ec))
        throw Error(tr("cannot read '{0}': not a directory (a package is a directory)", package_dir));
    if (!o.cert.empty() && !fs::is_regular_file(o.cert, ec))
        throw Error(tr("cannot read the certificate '{0}'", o.cert));
    VerifyResult result;
    const fs::path root(package_dir);
    const std::optional<Manifest> m = check_manifest(root, o, result);
    if (!m) return result;
    result.package_id = m->package_id;
    result.kind = m->kind;

    std::set<std::string> listed;
    const std::vector<const ManifestEntry*> files = files_listed(root, *m, listed, result);
    std::mutex mutex;
    // Validators are reused through a pool owned by this call (a thread_local
    // one would outlive it in the worker threads, unfreed).
    ValidatorPool validators;
    parallel_for(files.size(), o.threads, [&](std::size_t i) {
        std::unique_ptr<SchemaValidator> validator = validators.take();
        std::vector<Diagnostic> found = check_entry(root, *files[i], *validator);
        validators.give_back(std::move(validator));
        if (found.empty()) return;
        std::lock_guard lock(mutex);
        for (auto& d : found) result.diagnostics.push_back(std::move(d));
    });
    check_unlisted(root, listed, result);
    sort_diagnostics(result.diagnostics);
    return result;
}

}  // namespace tthc
