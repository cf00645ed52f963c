// tthc packages: export (catalog → package) and verify (package → findings).
// Import lives in package_import.cpp. Every document is written, validated
// and hashed on its own by a pool of threads, each with its own schema
// validation context, so memory does not grow with the documents' size and
// the work uses every core; the manifest is assembled last, in path order.
#include "package.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "diff.hpp"
#include "lint.hpp"
#include "loader.hpp"
#include "package_internal.hpp"
#include "signature.hpp"
#include "xml_io.hpp"
#include "xml_schema.hpp"

namespace tthc {

namespace package_detail {

std::string read_bytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read '" + path.generic_string() + "': " + std::strerror(errno));
    std::string bytes;
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    in.seekg(0);
    if (size > 0) {
        bytes.resize(static_cast<std::size_t>(size));
        in.read(bytes.data(), size);
    }
    if (!in) throw Error("cannot read '" + path.generic_string() + "'");
    return bytes;
}

void write_bytes(const fs::path& path, std::string_view bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw Error("cannot write '" + path.generic_string() + "': " + std::strerror(errno));
}

namespace {

fs::path without_trailing_slash(const std::string& p)
{
    std::string s = p;
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return fs::path(s);
}

bool replaceable(const fs::path& out, std::string_view marker)
{
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(out, ec))) return false;
    return fs::is_empty(out, ec) || fs::is_regular_file(fs::symlink_status(out / marker, ec));
}

}  // namespace

void StagingDir::check_target(const std::string& out, bool force, std::string_view marker)
{
    std::error_code ec;
    const fs::path p = without_trailing_slash(out);
    if (!fs::exists(fs::symlink_status(p, ec))) return;
    if (!force) throw Error("'" + out + "' already exists", "use --force to replace it, or choose another --out");
    if (!replaceable(p, marker))
        throw Error("'" + out + "' exists and is not a directory holding " + std::string(marker) +
                        ", so --force will not replace it",
                    "remove it yourself, or choose another --out");
}

StagingDir::StagingDir(const std::string& out, bool force, std::string_view marker)
    : out_(without_trailing_slash(out)), force_(force), marker_(marker)
{
    check_target(out, force, marker);
    fs::path parent = out_.parent_path();
    if (parent.empty()) parent = ".";
    std::error_code ec;
    fs::create_directories(parent, ec);  // like mkdir -p; a failure shows in mkdtemp's error below
    std::string tmpl = (parent / ("." + out_.filename().string() + ".tmp-XXXXXX")).string();
    if (!mkdtemp(tmpl.data()))
        throw Error("cannot create a temporary directory beside '" + out + "': " + std::strerror(errno));
    tmp_ = tmpl;
}

StagingDir::~StagingDir()
{
    if (committed_) return;
    std::error_code ec;
    fs::remove_all(tmp_, ec);
}

void StagingDir::commit()
{
    // RENAME_NOREPLACE: an `out` that appeared meanwhile is never overwritten.
    auto rename_new = [](const fs::path& from, const fs::path& to) {
        return renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0;
    };
    std::error_code ec;
    fs::path aside;
    if (fs::exists(fs::symlink_status(out_, ec))) {
        check_target(out_.string(), force_, marker_);
        aside = tmp_.string() + ".old";
        if (!rename_new(out_, aside))
            throw Error("cannot move the old '" + out_.generic_string() + "' aside: " + std::strerror(errno));
    }
    if (!rename_new(tmp_, out_)) {
        const std::string why = std::strerror(errno);
        if (!aside.empty()) rename_new(aside, out_);
        throw Error("cannot rename the finished output to '" + out_.generic_string() + "': " + why);
    }
    committed_ = true;
    if (!aside.empty()) fs::remove_all(aside, ec);
}

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& f)
{
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(n, 1)));
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto work = [&] {
        for (std::size_t i; !stop && (i = next.fetch_add(1)) < n;) {
            try {
                f(i);
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!error) error = std::current_exception();
                stop = true;
            }
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    if (error) std::rethrow_exception(error);
}

}  // namespace package_detail

using namespace package_detail;

std::string sha256_hex(std::string_view bytes)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * len);
    for (unsigned int i = 0; i < len; ++i) {
        out.push_back(hex[md[i] >> 4]);
        out.push_back(hex[md[i] & 0xF]);
    }
    return out;
}

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

const std::vector<PackageRule>& package_rules()
{
    static const std::vector<PackageRule> rules = {
        {"manifest", "manifest.xml is missing, not well-formed, or not a tthc manifest"},
        {"schema", "a document is not valid against the tthc XML schema (version 1)"},
        {"unsafe-path", "a manifest entry names a path outside the package; it is not read"},
        {"duplicate-path", "two manifest entries name the same file"},
        {"missing-file", "a file listed in the manifest is missing or is not a regular file"},
        {"extra-file", "a file in the package is not listed in the manifest"},
        {"size", "a file's size differs from the manifest's"},
        {"checksum", "a file's SHA-256 differs from the manifest's"},
        {"schema-file", "the package's XSD is not the schema this version of tthc defines"},
        {"signature", "the manifest's signature is missing (with --cert), or does not verify"},
        {"document", "a document cannot be read back (import only)"},
    };
    return rules;
}

// ---- export -----------------------------------------------------------------

namespace {

std::string identity_of(const std::string& code)
{
    const auto c = parse_code(code);
    return c ? c->identity : code;
}

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

struct Job {
    ManifestEntry entry;
    const Procedure* procedure = nullptr;
    const Decision* decision = nullptr;
};

// Where a catalog file's document goes in the package: the catalog's own
// layout (".toml" → ".xml") for a directory catalog, else `fallback`.
class PackagePaths {
public:
    explicit PackagePaths(const Catalog& c) : catalog_(c)
    {
        std::error_code ec;
        directory_ = fs::is_directory(c.root, ec);
        std::string r = c.root;
        while (r.size() > 1 && r.back() == '/') r.pop_back();
        root_ = fs::path(r).lexically_normal();
    }
    std::string of(std::size_t file, std::string_view folder, const std::string& fallback)
    {
        std::string path;
        if (directory_) {
            path = fs::path(catalog_.files.at(file)).lexically_relative(root_).generic_string();
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
    const Catalog& catalog_;
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

}  // namespace

ExportResult export_package(const std::string& catalog_path, const ExportOptions& o)
{
    if (o.key.empty() != o.cert.empty()) throw Error("signing needs both a private key and its certificate");
    StagingDir::check_target(o.out, o.force, "manifest.xml");
    ExportResult result;

    Catalog catalog;
    for (auto& d : lint_path(catalog_path, LintOptions{o.created}, &catalog))
        if (d.severity == Severity::error) result.diagnostics.push_back(std::move(d));
    if (!result.diagnostics.empty()) return result;

    // Which procedures go in: all (full), or what changed against --since (delta).
    const bool delta = !o.since.empty();
    std::set<std::string> upsert, abolish;  // identities
    std::set<std::string> old_decisions;
    std::vector<std::string> vanished;      // abolished by leaving the catalog: no document to ship
    if (delta) {
        const DiffResult diff = diff_catalogs(o.since, catalog_path);
        if (diff.has_errors()) {
            for (const auto& d : diff.diagnostics)
                if (d.severity == Severity::error) result.diagnostics.push_back(d);
            return result;
        }
        for (const auto& a : diff.diff.added) upsert.insert(identity_of(a.code));
        for (const auto& a : diff.diff.amended) upsert.insert(identity_of(a.code));
        for (const auto& r : diff.diff.replaced) {
            upsert.insert(identity_of(r.new_code));
            abolish.insert(identity_of(r.old_code));
        }
        for (const auto& a : diff.diff.abolished) abolish.insert(identity_of(a.code));
        old_decisions = decision_numbers(o.since);
    }

    // The decision that abolished each procedure: the latest that says so.
    std::vector<const Decision*> decisions;
    for (const auto& d : catalog.decisions) decisions.push_back(&d);
    std::stable_sort(decisions.begin(), decisions.end(), [](const Decision* a, const Decision* b) {
        return std::tie(a->date, a->number.value) < std::tie(b->date, b->number.value);
    });
    std::map<std::string, std::string> abolished_by;
    for (const Decision* d : decisions) {
        for (const auto& c : d->abolished) abolished_by[identity_of(c.value)] = d->number.value;
        for (const auto& r : d->replaced) abolished_by[identity_of(r.old_code.value)] = d->number.value;
    }

    PackagePaths paths(catalog);
    std::vector<Job> jobs;
    std::set<std::string> shipped_abolitions;
    for (const auto& p : catalog.procedures) {
        const std::string id = identity_of(p.code.value);
        if (delta && !upsert.count(id)) continue;
        Job j;
        j.procedure = &p;
        j.entry.type = ManifestEntry::Type::procedure;
        j.entry.path = paths.of(p.file, "procedures", p.code.value);
        j.entry.code = p.code.value;
        j.entry.action = "upsert";
        j.entry.provisional = p.parsed_code && p.parsed_code->kind == ProcedureCode::Kind::provisional;
        jobs.push_back(std::move(j));
        ++result.counts.procedures;
    }
    for (const auto& p : catalog.abolished) {
        const std::string id = identity_of(p.code.value);
        if (delta && !abolish.count(id)) continue;
        shipped_abolitions.insert(id);
        Job j;
        j.procedure = &p;
        j.entry.type = ManifestEntry::Type::procedure;
        j.entry.path = paths.of(p.file, "abolished", p.code.value);
        j.entry.code = p.code.value;
        j.entry.action = "abolish";
        if (auto it = abolished_by.find(id); it != abolished_by.end()) j.entry.decision = it->second;
        j.entry.provisional = p.parsed_code && p.parsed_code->kind == ProcedureCode::Kind::provisional;
        jobs.push_back(std::move(j));
        ++result.counts.abolished;
    }
    for (const auto& d : catalog.decisions) {
        if (delta && old_decisions.count(d.number.value)) continue;
        Job j;
        j.decision = &d;
        j.entry.type = ManifestEntry::Type::decision;
        j.entry.path = paths.of(d.file, "decisions", slug(d.number.value));
        j.entry.number = d.number.value;
        jobs.push_back(std::move(j));
        ++result.counts.decisions;
    }
    {
        Job j;
        j.entry.type = ManifestEntry::Type::schema;
        j.entry.path = std::string(xml_schema_name);
        jobs.push_back(std::move(j));
    }
    std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.entry.path < b.entry.path; });

    StagingDir staging(o.out, o.force, "manifest.xml");
    std::set<fs::path> dirs;
    for (const auto& j : jobs) dirs.insert(fs::path(j.entry.path).parent_path());
    for (const auto& d : dirs)
        if (!d.empty()) fs::create_directories(staging.path() / d);

    // Write, validate and hash every document; a validator per thread.
    std::mutex problems_mutex;
    thread_local std::unique_ptr<SchemaValidator> validator;
    parallel_for(jobs.size(), o.threads, [&](std::size_t i) {
        Job& j = jobs[i];
        std::string bytes = j.procedure  ? procedure_xml(*j.procedure)
                            : j.decision ? decision_xml(*j.decision)
                                         : std::string(xml_schema_text());
        if (j.procedure || j.decision) {
            if (!validator) validator = std::make_unique<SchemaValidator>();
            const auto problems = validator->validate(bytes);
            if (!problems.empty()) {
                std::lock_guard lock(problems_mutex);
                for (const auto& p : problems)
                    result.diagnostics.push_back({j.entry.path, p.pos, Severity::error, "schema", p.message, {}});
                return;
            }
        }
        write_bytes(staging.path() / j.entry.path, bytes);
        j.entry.sha256 = sha256_hex(bytes);
        j.entry.size = bytes.size();
    });
    validator.reset();
    if (!result.diagnostics.empty()) {
        sort_diagnostics(result.diagnostics);
        return result;  // the staging directory goes away with `staging`
    }

    Manifest m;
    m.created = o.created;
    m.kind = delta ? "delta" : "full";
    m.catalog = catalog.info;
    for (auto& j : jobs) m.entries.push_back(std::move(j.entry));
    for (const auto& a : abolish)
        if (!shipped_abolitions.count(a)) vanished.push_back(a);
    for (const auto& code : vanished) {
        ManifestEntry e;
        e.type = ManifestEntry::Type::abolish;
        e.code = code;
        if (auto it = abolished_by.find(code); it != abolished_by.end()) e.decision = it->second;
        m.entries.push_back(std::move(e));
        ++result.counts.abolished;
    }
    // The id names the content: the catalog, the date, and a digest of the entries.
    std::string digest_input;
    for (const auto& e : m.entries) digest_input += e.path + ' ' + e.code + ' ' + e.action + ' ' + e.sha256 + '\n';
    m.package_id = catalog.info.id.value + "-" + o.created.to_string() + (delta ? "-delta-" : "-") +
                   sha256_hex(digest_input).substr(0, 12);

    std::string manifest = manifest_xml(m);
    if (!o.key.empty()) manifest = sign_manifest(manifest, o.key, o.cert);
    SchemaValidator manifest_validator;
    for (const auto& p : manifest_validator.validate(manifest))
        result.diagnostics.push_back({"manifest.xml", p.pos, Severity::error, "schema", p.message, {}});
    if (!result.diagnostics.empty()) return result;
    write_bytes(staging.path() / "manifest.xml", manifest);
    staging.commit();

    result.package_id = m.package_id;
    result.counts.files = jobs.size() + 1;
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

}  // namespace

VerifyResult verify_package(const std::string& package_dir, const VerifyOptions& o)
{
    std::error_code ec;
    if (!fs::is_directory(package_dir, ec))
        throw Error("cannot read '" + package_dir + "': not a directory (a package is a directory)");
    if (!o.cert.empty() && !fs::is_regular_file(o.cert, ec))
        throw Error("cannot read the certificate '" + o.cert + "'");
    VerifyResult result;
    const fs::path root(package_dir);
    const std::string manifest_name = display(root, "manifest.xml");
    auto report = [&](const std::string& file, Pos pos, std::string_view rule, std::string message) {
        result.diagnostics.push_back({file, pos, Severity::error, std::string(rule), std::move(message), {}});
    };

    if (!is_regular_inside(root, "manifest.xml")) {
        report(manifest_name, {}, "manifest", "no manifest.xml: this is not a tthc package");
        return result;
    }
    const std::string manifest_bytes = read_bytes(root / "manifest.xml");
    {
        SchemaValidator v;
        for (const auto& p : v.validate(manifest_bytes)) report(manifest_name, p.pos, "manifest", p.message);
        if (!result.diagnostics.empty()) return result;  // nothing in it can be trusted
    }
    Manifest m;
    try {
        m = read_manifest_xml(manifest_bytes);
    } catch (const Error& e) {
        report(manifest_name, {}, "manifest", e.what());
        return result;
    }
    result.package_id = m.package_id;
    result.kind = m.kind;

    const SignatureCheck sig = check_manifest_signature(manifest_bytes, o.cert);
    switch (sig.status) {
    case SignatureCheck::Status::absent:
        result.signature = SignatureState::absent;
        if (!o.cert.empty()) report(manifest_name, {}, "signature", "the manifest is not signed, and --cert requires a signature");
        break;
    case SignatureCheck::Status::valid: result.signature = SignatureState::valid; break;
    case SignatureCheck::Status::invalid:
        result.signature = SignatureState::invalid;
        report(manifest_name, {}, "signature", sig.detail);
        break;
    }

    // Paths first: nothing outside the package is ever opened.
    std::set<std::string> listed;
    std::vector<const ManifestEntry*> files;
    for (const auto& e : m.entries) {
        if (e.type == ManifestEntry::Type::abolish) {
            ++result.counts.abolished;
            continue;
        }
        if (!is_safe_package_path(e.path) || e.path == "manifest.xml") {
            report(manifest_name, {}, "unsafe-path",
                   "the entry \"" + e.path + "\" is not a plain relative path inside the package; it was not read");
            continue;
        }
        if (!listed.insert(e.path).second) {
            report(display(root, e.path), {}, "duplicate-path", "listed more than once in the manifest");
            continue;
        }
        files.push_back(&e);
        if (e.type == ManifestEntry::Type::procedure) ++(e.action == "abolish" ? result.counts.abolished : result.counts.procedures);
        if (e.type == ManifestEntry::Type::decision) ++result.counts.decisions;
    }
    result.counts.files = files.size() + 1;

    std::mutex mutex;
    thread_local std::unique_ptr<SchemaValidator> validator;
    parallel_for(files.size(), o.threads, [&](std::size_t i) {
        const ManifestEntry& e = *files[i];
        const std::string name = display(root, e.path);
        std::vector<Diagnostic> found;
        auto add = [&](Pos pos, std::string_view rule, std::string message) {
            found.push_back({name, pos, Severity::error, std::string(rule), std::move(message), {}});
        };
        if (!is_regular_inside(root, e.path)) {
            add({}, "missing-file", "listed in the manifest, but missing (or not a regular file)");
        } else {
            const std::string bytes = read_bytes(root / e.path);
            if (bytes.size() != e.size)
                add({}, "size", "the size is " + std::to_string(bytes.size()) + " bytes; the manifest says " +
                                    std::to_string(e.size));
            const std::string sum = sha256_hex(bytes);
            if (sum != e.sha256) add({}, "checksum", "the SHA-256 is " + sum + "; the manifest says " + e.sha256);
            if (e.type == ManifestEntry::Type::schema) {
                if (bytes != xml_schema_text())
                    add({}, "schema-file", "this is not the tthc XML schema version 1 that this tthc defines");
            } else {
                if (!validator) validator = std::make_unique<SchemaValidator>();
                for (const auto& p : validator->validate(bytes))
                    add(p.pos, "schema", p.message);
            }
        }
        if (!found.empty()) {
            std::lock_guard lock(mutex);
            for (auto& d : found) result.diagnostics.push_back(std::move(d));
        }
    });
    validator.reset();

    // Files nobody listed (symbolic links included: they are never followed).
    for (fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end; !ec && it != end;
         it.increment(ec)) {
        const auto st = it->symlink_status(ec);
        if (fs::is_directory(st)) continue;
        const std::string rel = it->path().lexically_relative(root).generic_string();
        if (rel == "manifest.xml" || listed.count(rel)) continue;
        report(display(root, rel), {}, "extra-file", "not listed in the manifest");
    }
    if (ec) report(display(root, ""), {}, "missing-file", "cannot list the package: " + ec.message());
    sort_diagnostics(result.diagnostics);
    return result;
}

}  // namespace tthc
