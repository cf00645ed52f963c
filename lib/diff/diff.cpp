#include "diff/diff.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <thread>
#include <unordered_map>

#include "io/files.hpp"
#include "util/i18n.hpp"
#include "util/parallel.hpp"
#include "util/unicode.hpp"
#include "catalog/identity.hpp"

namespace tthc {

bool DiffResult::has_errors() const
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

namespace {

// ---- field comparison ----------------------------------------------------

std::string quoted(const std::string& s) { return "[\"" + s + "\"]"; }

std::string join(const std::vector<Text>& list)
{
    std::string out;
    for (const auto& t : list) out += (out.empty() ? "" : "; ") + t.value;
    return out;
}

class Comparer {
public:
    explicit Comparer(std::vector<FieldChange>& out) : out_(out) {}

    void text(const std::string& field, const std::string& a, const std::string& b)
    {
        if (a != b) out_.push_back({field, a, b});
    }

    void list(const std::string& field, const std::vector<Text>& a, const std::vector<Text>& b)
    {
        const bool same = a.size() == b.size() &&
                          std::equal(a.begin(), a.end(), b.begin(), [](const Text& x, const Text& y) { return x.value == y.value; });
        if (!same) out_.push_back({field, join(a), join(b)});
    }

    void added(const std::string& field, std::string what) { out_.push_back({field, std::nullopt, std::move(what)}); }
    void removed(const std::string& field, std::string what) { out_.push_back({field, std::move(what), std::nullopt}); }

private:
    std::vector<FieldChange>& out_;
};

std::string fee_text(const Channel& c)
{
    if (!c.fee) return "";
    return std::to_string(*c.fee) + " " + (c.currency.present ? c.currency.value : "VND");
}

std::string time_text(const Channel& c) { return c.time.value; }

// Matches two lists of tables by a key and compares the matched entries. When
// several entries share a key (two "trực tiếp" channels without a case), the
// k-th of one side is matched with the k-th of the other.
template <class T, class KeyF, class LabelF, class DescribeF, class CompareF>
void compare_lists(Comparer& cmp, const std::string& field, const std::vector<T>& a, const std::vector<T>& b,
                   KeyF key, LabelF label, DescribeF describe, CompareF compare_entry)
{
    auto keyed = [&](const std::vector<T>& list) {
        std::vector<std::pair<std::string, std::string>> out;  // (key with occurrence, label)
        std::map<std::string, int> seen;
        for (const auto& x : list) {
            const int k = ++seen[key(x)];
            out.emplace_back(key(x) + "\x1e" + std::to_string(k),
                             field + quoted(label(x)) + (k > 1 ? "#" + std::to_string(k) : ""));
        }
        return out;
    };
    const auto ka = keyed(a), kb = keyed(b);
    std::map<std::string, std::size_t> in_b, in_a;
    for (std::size_t j = 0; j < b.size(); ++j) in_b.emplace(kb[j].first, j);
    for (std::size_t i = 0; i < a.size(); ++i) in_a.emplace(ka[i].first, i);
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto it = in_b.find(ka[i].first);
        if (it == in_b.end())
            cmp.removed(ka[i].second, describe(a[i]));
        else
            compare_entry(ka[i].second, a[i], b[it->second]);
    }
    for (std::size_t j = 0; j < b.size(); ++j)
        if (!in_a.count(kb[j].first)) cmp.added(kb[j].second, describe(b[j]));
}

}  // namespace

std::vector<FieldChange> compare_procedures(const Procedure& a, const Procedure& b)
{
    std::vector<FieldChange> out;
    Comparer cmp(out);
    cmp.text("code", a.code.value, b.code.value);
    cmp.text("name", a.name.value, b.name.value);
    cmp.text("field", a.field.value, b.field.value);
    cmp.list("levels", a.levels, b.levels);
    cmp.text("kind", a.kind.value, b.kind.value);
    cmp.list("subjects", a.subjects, b.subjects);
    cmp.text("agency", a.agency.value, b.agency.value);
    cmp.text("authority", a.authority.value, b.authority.value);
    cmp.text("delegated", a.delegated.value, b.delegated.value);
    cmp.text("coordinating", a.coordinating.value, b.coordinating.value);
    cmp.text("address", a.address.value, b.address.value);
    cmp.text("online", a.online.value, b.online.value);
    cmp.text("conditions", a.conditions.value, b.conditions.value);
    cmp.list("steps", a.steps, b.steps);
    cmp.list("related", a.related, b.related);

    compare_lists(
        cmp, "results", a.results, b.results, [](const ResultDoc& r) { return fold(r.name.value); },
        [](const ResultDoc& r) { return r.name.value; },
        [](const ResultDoc& r) { return r.name.value + (r.code.value.empty() ? "" : " (" + r.code.value + ")"); },
        [&](const std::string& path, const ResultDoc& x, const ResultDoc& y) {
            cmp.text(path + ".name", x.name.value, y.name.value);
            cmp.text(path + ".code", x.code.value, y.code.value);
        });

    compare_lists(
        cmp, "channels", a.channels, b.channels,
        [](const Channel& c) { return c.kind.value + "\x1f" + fold(c.case_name.value); },
        [](const Channel& c) { return c.case_name.value.empty() ? c.kind.value : c.kind.value + "\", \"" + c.case_name.value; },
        [](const Channel& c) {
            std::string s = c.time.value;
            if (c.fee) s += ", " + fee_text(c);
            return s;
        },
        [&](const std::string& path, const Channel& x, const Channel& y) {
            // "05 Ngày làm việc" and "5 ngày làm việc" are the same thời hạn
            const bool same_time = (x.duration && y.duration) ? *x.duration == *y.duration : x.time.value == y.time.value;
            if (!same_time) cmp.text(path + ".time", time_text(x), time_text(y));
            cmp.text(path + ".fee", fee_text(x), fee_text(y));
            cmp.text(path + ".fee_note", x.fee_note.value, y.fee_note.value);
            cmp.text(path + ".note", x.note.value, y.note.value);
        });

    compare_lists(
        cmp, "dossier", a.dossier, b.dossier,
        [](const DossierItem& d) { return fold(d.name.value) + "\x1f" + fold(d.case_name.value); },
        [](const DossierItem& d) { return d.case_name.value.empty() ? d.name.value : d.name.value + "\", \"" + d.case_name.value; },
        [](const DossierItem& d) {
            return d.name.value + " (" + std::to_string(d.originals) + " bản chính, " + std::to_string(d.copies) +
                   " bản sao" + (d.present_only ? ", xuất trình" : "") + ")";
        },
        [&](const std::string& path, const DossierItem& x, const DossierItem& y) {
            cmp.text(path + ".name", x.name.value, y.name.value);
            cmp.text(path + ".form", x.form.value, y.form.value);
            cmp.text(path + ".originals", std::to_string(x.originals), std::to_string(y.originals));
            cmp.text(path + ".copies", std::to_string(x.copies), std::to_string(y.copies));
            cmp.text(path + ".present_only", x.present_only ? "true" : "false", y.present_only ? "true" : "false");
        });

    compare_lists(
        cmp, "legal_basis", a.legal_basis, b.legal_basis,
        [](const LegalBasis& l) { return l.number.value.empty() ? "\x1f" + fold(l.title.value) : l.number.value; },
        [](const LegalBasis& l) { return l.number.value.empty() ? l.title.value : l.number.value; },
        [](const LegalBasis& l) { return (l.number.value.empty() ? "" : l.number.value + " ") + l.title.value; },
        [&](const std::string& path, const LegalBasis& x, const LegalBasis& y) {
            cmp.text(path + ".title", x.title.value, y.title.value);
            cmp.text(path + ".issued", x.issued ? x.issued->to_string() : "", y.issued ? y.issued->to_string() : "");
            cmp.text(path + ".issuer", x.issuer.value, y.issuer.value);
        });
    return out;
}

namespace {

// ---- matching files by content -------------------------------------------

struct Fingerprint {
    std::string id;  // a content id (a git blob id) when one side has them, else empty
    std::size_t hash = 0;
    std::uintmax_t size = 0;
    bool ok = false;
};

bool read_bytes(const CatalogFile& f, std::string& bytes)
{
    ReadRefusal why;
    return f.source ? f.source->read(f.path, f.id, bytes, why) : try_read_regular_file(f.path, bytes, why);
}

// `hasher`: the source whose content ids both sides are compared by, if any.
Fingerprint fingerprint(const CatalogFile& f, const FileSource* hasher)
{
    if (hasher && !f.id.empty()) return {f.id, 0, 0, true};  // not read
    thread_local std::string bytes;
    if (!read_bytes(f, bytes)) return {};
    if (hasher) return {hasher->id_of(bytes), 0, 0, true};
    return {{}, std::hash<std::string_view>{}(bytes), bytes.size(), true};
}

// Whether two files hold the same bytes (sizes first, then the contents).
bool same_content(const std::string& a, const std::string& b)
{
    struct stat sa, sb;
    if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0 || sa.st_size != sb.st_size) return false;
    thread_local std::string x, y;
    ReadRefusal why;
    return try_read_regular_file(a, x, why) && try_read_regular_file(b, y, why) && x == y;
}

bool is_local(const CatalogFile& f) { return !f.source || f.source->local(); }

// Whether two files hold the same bytes: by their content ids when both have
// one (neither is read: two revisions of a repository), by the id one side
// would give the other's bytes (a revision against the work tree: only the
// file on disk is read), else by sizes and bytes.
bool same_file(const CatalogFile& a, const CatalogFile& b)
{
    if (!a.id.empty() && !b.id.empty()) return a.id == b.id;
    if (is_local(a) && is_local(b)) return same_content(a.path, b.path);
    thread_local std::string x, y;
    if (!a.id.empty() || !b.id.empty()) {
        const CatalogFile& with_id = a.id.empty() ? b : a;
        const CatalogFile& without = a.id.empty() ? a : b;
        return read_bytes(without, x) && with_id.source->id_of(x) == with_id.id;
    }
    return read_bytes(a, x) && read_bytes(b, y) && x == y;
}

// The source that content ids are compared by: one that gives ids (git), if any.
const FileSource* id_source(const std::vector<const CatalogFile*>& a, const std::vector<const CatalogFile*>& b)
{
    for (const auto* list : {&a, &b})
        for (const CatalogFile* f : *list)
            if (!f->id.empty()) return f->source.get();
    return nullptr;
}

std::vector<Fingerprint> fingerprints(const std::vector<const CatalogFile*>& files, const FileSource* hasher,
                                      unsigned threads)
{
    std::vector<Fingerprint> out(files.size());
    parallel_for(files.size(), threads, [&](std::size_t i) { out[i] = fingerprint(*files[i], hasher); });
    return out;
}

// The files diff must parse, once identical procedure files are paired.
struct ToRead {
    std::vector<CatalogFile> old_files, new_files;
};

// Pairs procedure files at the same path on both sides whose bytes are
// identical (like diff -r); returns the ones left, counting the unchanged.
void pair_same_path(std::vector<const CatalogFile*>& old_proc, std::vector<const CatalogFile*>& new_proc,
                    unsigned threads, std::size_t& unchanged)
{
    std::unordered_map<std::string_view, std::size_t> old_by_path;
    for (std::size_t i = 0; i < old_proc.size(); ++i) old_by_path.emplace(old_proc[i]->relative, i);
    std::vector<std::pair<std::size_t, std::size_t>> same_path;
    for (std::size_t j = 0; j < new_proc.size(); ++j)
        if (auto it = old_by_path.find(new_proc[j]->relative); it != old_by_path.end()) same_path.emplace_back(it->second, j);
    std::vector<char> identical(same_path.size(), 0);
    parallel_for(same_path.size(), threads, [&](std::size_t k) {
        identical[k] = same_file(*old_proc[same_path[k].first], *new_proc[same_path[k].second]);
    });
    std::vector<bool> old_paired(old_proc.size(), false), new_paired(new_proc.size(), false);
    for (std::size_t k = 0; k < same_path.size(); ++k) {
        if (!identical[k]) continue;
        old_paired[same_path[k].first] = new_paired[same_path[k].second] = true;
        if (new_proc[same_path[k].second]->kind == FileKind::procedure) ++unchanged;
    }
    auto rest = [](std::vector<const CatalogFile*>& files, const std::vector<bool>& paired) {
        std::vector<const CatalogFile*> out;
        for (std::size_t i = 0; i < files.size(); ++i)
            if (!paired[i]) out.push_back(files[i]);
        files = std::move(out);
    };
    rest(old_proc, old_paired);
    rest(new_proc, new_paired);
}

// Pairs the remaining files by content (the same procedure moved to another
// path, same folder kind); what stays unpaired must be parsed.
ToRead pair_moved(const std::vector<const CatalogFile*>& old_rest, const std::vector<const CatalogFile*>& new_rest,
                  unsigned threads, std::size_t& unchanged)
{
    const FileSource* hasher = id_source(old_rest, new_rest);
    const auto old_fp = fingerprints(old_rest, hasher, threads);
    const auto new_fp = fingerprints(new_rest, hasher, threads);
    std::unordered_map<std::string, std::vector<std::size_t>> old_by_content;
    auto content_key = [](const CatalogFile& f, const Fingerprint& fp) {
        return std::to_string(static_cast<int>(f.kind)) + ":" + fp.id + ":" + std::to_string(fp.hash) + ":" +
               std::to_string(fp.size);
    };
    for (std::size_t i = 0; i < old_rest.size(); ++i)
        if (old_fp[i].ok) old_by_content[content_key(*old_rest[i], old_fp[i])].push_back(i);
    std::vector<bool> moved_paired(old_rest.size(), false);
    ToRead out;
    for (std::size_t j = 0; j < new_rest.size(); ++j) {
        bool paired = false;
        if (new_fp[j].ok) {
            auto it = old_by_content.find(content_key(*new_rest[j], new_fp[j]));
            if (it != old_by_content.end() && !it->second.empty()) {
                moved_paired[it->second.back()] = true;
                it->second.pop_back();
                paired = true;
                if (new_rest[j]->kind == FileKind::procedure) ++unchanged;
            }
        }
        if (!paired) out.new_files.push_back(*new_rest[j]);
    }
    for (std::size_t i = 0; i < old_rest.size(); ++i)
        if (!moved_paired[i]) out.old_files.push_back(*old_rest[i]);
    return out;
}

// Which files must be parsed: procedure files not paired with an identical
// one on the other side, single files, and NEW's decisions (they declare
// replacements). Identical files hold the same procedure, unchanged, wherever
// they moved to; only files not at the same path are hashed.
ToRead files_to_read(const std::vector<CatalogFile>& old_files, const std::vector<CatalogFile>& new_files,
                     unsigned threads, std::size_t& unchanged)
{
    std::vector<const CatalogFile*> old_proc, new_proc;
    for (const auto& f : old_files)
        if (is_procedure_file(f)) old_proc.push_back(&f);
    for (const auto& f : new_files)
        if (is_procedure_file(f)) new_proc.push_back(&f);
    pair_same_path(old_proc, new_proc, threads, unchanged);
    ToRead out = pair_moved(old_proc, new_proc, threads, unchanged);
    for (const auto& f : old_files)
        if (f.kind == FileKind::single) out.old_files.push_back(f);
    for (const auto& f : new_files)
        if (f.kind == FileKind::single || f.kind == FileKind::decision) out.new_files.push_back(f);
    return out;
}

// Only what stops a comparison is diff's business: a file that cannot be
// read, and a procedure without a code to match it by. Every other finding
// is lint's; values that did not parse are compared as written.
void keep_blocking_findings(DiffResult& result, std::vector<Diagnostic>& layout, LoadResult& old_load,
                            LoadResult& new_load)
{
    for (auto* diags : {&layout, &old_load.diagnostics, &new_load.diagnostics})
        for (auto& d : *diags)
            if (is_unreadable(d.rule)) result.diagnostics.push_back(std::move(d));
    for (const Catalog* c : {&old_load.catalog, &new_load.catalog})
        for (const auto* list : {&c->procedures, &c->abolished})
            for (const auto& p : *list)
                if (!p.parsed_code)
                    result.diagnostics.push_back(make_diagnostic(c->files.at(p.file), p.code.pos, Rule::bad_code,
                                                                 tr("this procedure has no valid code, so it cannot be matched")));
    sort_diagnostics(result.diagnostics);
}

// Amended, abolished and added procedures, by identity.
void classify(const Catalog& old_catalog, const Catalog& new_catalog, CatalogDiff& diff)
{
    std::map<std::string, const Procedure*> old_force, new_force, new_gone;
    for (const auto& p : old_catalog.procedures) old_force.emplace(procedure_identity(p), &p);
    for (const auto& p : new_catalog.procedures) new_force.emplace(procedure_identity(p), &p);
    for (const auto& p : new_catalog.abolished) new_gone.emplace(procedure_identity(p), &p);
    for (const auto& [id, p] : old_force) {
        if (auto it = new_force.find(id); it != new_force.end()) {
            auto fields = compare_procedures(*p, *it->second);
            if (fields.empty())
                ++diff.unchanged;  // only layout, comments, key order or NFC differ
            else
                diff.amended.push_back({it->second->code.value, it->second->name.value, std::move(fields)});
        } else {
            diff.abolished.push_back({p->code.value, p->name.value, !new_gone.count(id)});
        }
    }
    for (const auto& [id, p] : new_force)
        if (!old_force.count(id)) diff.added.push_back({p->code.value, p->name.value});
}

// Turns an abolished and an added procedure into a replacement: declared by a
// decision of NEW, else detected by equal names.
void match_replacements(const Catalog& new_catalog, CatalogDiff& diff)
{
    auto take = [&](const std::string& old_code, const std::string& new_code, const std::string& reason) {
        // Only valid codes are matched: a code that does not parse names nothing.
        const auto old_parsed = parse_code(old_code), new_parsed = parse_code(new_code);
        if (!old_parsed || !new_parsed) return;
        const auto a = std::find_if(diff.abolished.begin(), diff.abolished.end(), [&](const AbolishedProcedure& x) {
            const auto c = parse_code(x.code);
            return c && c->identity == old_parsed->identity;
        });
        const auto n = std::find_if(diff.added.begin(), diff.added.end(), [&](const ProcedureRef& x) {
            const auto c = parse_code(x.code);
            return c && c->identity == new_parsed->identity;
        });
        if (a == diff.abolished.end() || n == diff.added.end()) return;
        diff.replaced.push_back({a->code, a->name, n->code, n->name, reason});
        diff.abolished.erase(a);
        diff.added.erase(n);
    };
    for (const auto& d : new_catalog.decisions)
        for (const auto& r : d.replaced) take(r.old_code.value, r.new_code.value, d.number.value);
    for (std::size_t i = 0; i < diff.abolished.size();) {
        const std::string name = fold(diff.abolished[i].name);
        const auto n = std::find_if(diff.added.begin(), diff.added.end(),
                                    [&](const ProcedureRef& x) { return fold(x.name) == name; });
        if (n != diff.added.end()) {
            const std::size_t before = diff.abolished.size();
            take(diff.abolished[i].code, n->code, "same name");
            if (diff.abolished.size() < before) continue;
        }
        ++i;
    }
    std::sort(diff.replaced.begin(), diff.replaced.end(),
              [](const ReplacedProcedure& x, const ReplacedProcedure& y) { return x.old_code < y.old_code; });
}

bool in_procedure_folder(const std::string& rel)
{
    for (std::string_view top : {"procedures", "abolished"})
        if (rel.size() >= top.size() && rel.compare(0, top.size(), top) == 0 &&
            (rel.size() == top.size() || rel[top.size()] == '/'))
            return true;
    return false;
}

// Lists OLD, then NEW without entering a directory of procedures/ or
// abolished/ whose content id (a git tree id) is the one it has in OLD: what
// it holds is identical on both sides, and OLD's files under it are paired
// as unchanged without being listed again, read or parsed.
void list_both(const std::string& old_path, const std::string& new_path, std::vector<Diagnostic>& layout,
               std::vector<CatalogFile>& old_files, std::vector<CatalogFile>& new_files, std::size_t& unchanged)
{
    std::unordered_map<std::string, std::string> old_trees;
    old_files = list_catalog_files(old_path, layout, [&](const std::string& rel, const std::string& id) {
        if (in_procedure_folder(rel)) old_trees.emplace(rel, id);
        return true;
    });
    std::vector<std::string> same;
    new_files = list_catalog_files(new_path, layout, [&](const std::string& rel, const std::string& id) {
        const auto it = old_trees.find(rel);
        if (it == old_trees.end() || it->second != id) return true;
        same.push_back(rel + "/");
        return false;
    });
    if (same.empty()) return;
    std::sort(same.begin(), same.end());
    auto under_same = [&](const CatalogFile& f) {
        auto it = std::upper_bound(same.begin(), same.end(), f.relative);
        return it != same.begin() && f.relative.compare(0, (it - 1)->size(), *(it - 1)) == 0;
    };
    std::vector<CatalogFile> kept;
    kept.reserve(old_files.size());
    for (auto& f : old_files) {
        if (!is_procedure_file(f) || !under_same(f)) {
            kept.push_back(std::move(f));
        } else if (f.kind == FileKind::procedure) {
            ++unchanged;
        }
    }
    old_files = std::move(kept);
}

}  // namespace

DiffResult diff_catalogs(const std::string& old_path, const std::string& new_path, const LoadOptions& options)
{
    DiffResult result;
    std::vector<Diagnostic> layout;
    std::vector<CatalogFile> old_files, new_files;
    list_both(old_path, new_path, layout, old_files, new_files, result.diff.unchanged);
    const ToRead to_read = files_to_read(old_files, new_files, thread_count(options.threads), result.diff.unchanged);
    LoadResult old_load = load_files(old_path, to_read.old_files, options);
    LoadResult new_load = load_files(new_path, to_read.new_files, options);
    result.files_parsed = to_read.old_files.size() + to_read.new_files.size();
    keep_blocking_findings(result, layout, old_load, new_load);
    classify(old_load.catalog, new_load.catalog, result.diff);
    match_replacements(new_load.catalog, result.diff);
    return result;
}

}  // namespace tthc
