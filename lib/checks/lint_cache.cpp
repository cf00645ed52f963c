#include "checks/lint_cache.hpp"

#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "core/version.hpp"
#include "io/files.hpp"
#include "util/i18n.hpp"

namespace tthc {

namespace fs = std::filesystem;

namespace {

// The file: magic, then the key and the entries, then the SHA-256 of all that
// comes before it. Integers are little-endian; a string is its u32 length and
// its bytes. Bump the format when anything in it changes.
constexpr std::string_view magic = "tthc-lint-cache\n";
constexpr std::uint32_t format = 3;  // 2: keys carry the procedure's name; 3: files' stamps

// How much older than the run that took it a stamp must be to stand for the
// bytes read with it: more than a file system's clock tick (FAT: 2 s).
constexpr std::int64_t stamp_margin_ns = 2'000'000'000;

class Writer {
public:
    void u8(unsigned v) { out_.push_back(static_cast<char>(v & 0xFF)); }
    void u32(std::uint32_t v)
    {
        for (int i = 0; i < 4; ++i) u8(v >> (8 * i));
    }
    void u64(std::uint64_t v)
    {
        for (int i = 0; i < 8; ++i) u8(static_cast<unsigned>(v >> (8 * i)));
    }
    void str(std::string_view s)
    {
        u32(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }
    void raw(std::string_view s) { out_.append(s); }
    std::string& bytes() { return out_; }

private:
    std::string out_;
};

// Reads what Writer wrote; every read checks the bytes are there, and the
// first that fails makes ok() false for good.
class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    bool ok() const { return ok_; }
    bool at_end() const { return at_ == in_.size(); }
    unsigned u8()
    {
        if (!need(1)) return 0;
        return static_cast<unsigned char>(in_[at_++]);
    }
    std::uint32_t u32()
    {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(u8()) << (8 * i);
        return v;
    }
    std::uint64_t u64()
    {
        std::uint64_t v = 0;
        for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(u8()) << (8 * i);
        return v;
    }
    std::string str()
    {
        const std::uint32_t n = u32();
        if (!need(n)) return {};
        std::string s(in_.substr(at_, n));
        at_ += n;
        return s;
    }
    std::string_view raw(std::size_t n)
    {
        if (!need(n)) return {};
        const std::string_view s = in_.substr(at_, n);
        at_ += n;
        return s;
    }
    // A count of items each at least `min_bytes` long: never more than the bytes left could hold.
    std::uint32_t count(std::size_t min_bytes)
    {
        const std::uint32_t n = u32();
        if (ok_ && n > (in_.size() - at_) / min_bytes) ok_ = false;
        return ok_ ? n : 0;
    }

private:
    bool need(std::size_t n)
    {
        if (ok_ && n > in_.size() - at_) ok_ = false;
        return ok_;
    }
    std::string_view in_;
    std::size_t at_ = 0;
    bool ok_ = true;
};

void write_pos(Writer& w, Pos p)
{
    w.u32(p.line);
    w.u32(p.column);
}

Pos read_pos(Reader& r)
{
    Pos p;
    p.line = r.u32();
    p.column = r.u32();
    return p;
}

void write_entry(Writer& w, const std::string& display, const CachedFile& e)
{
    w.str(display);
    w.raw(std::string_view(reinterpret_cast<const char*>(e.digest.data()), e.digest.size()));
    w.u64(e.stamp.device);
    w.u64(e.stamp.inode);
    w.u64(e.stamp.size);
    w.u64(static_cast<std::uint64_t>(e.stamp.modified_ns));
    w.u64(static_cast<std::uint64_t>(e.stamp.changed_ns));
    w.u8(e.stamp_trusted ? 1 : 0);
    w.u32(static_cast<std::uint32_t>(e.findings.size()));
    for (const auto& d : e.findings) {
        write_pos(w, d.pos);
        w.u8(static_cast<unsigned>(d.severity));
        w.str(rule_id(d.rule));
        w.str(d.message);
        w.str(d.source_line);
    }
    w.u32(static_cast<std::uint32_t>(e.keys.size()));
    for (const auto& k : e.keys) {
        w.str(k.code.value);
        write_pos(w, k.code.pos);
        w.str(k.name.value);
        write_pos(w, k.name.pos);
        w.u8((k.code.present ? 1 : 0) | (k.abolished ? 2 : 0) | (k.name.present ? 4 : 0));
        w.str(k.identity);
    }
}

bool read_entry(Reader& r, std::string& display, CachedFile& e)
{
    display = r.str();
    const std::string_view digest = r.raw(e.digest.size());
    if (!r.ok()) return false;
    std::memcpy(e.digest.data(), digest.data(), e.digest.size());
    e.stamp.device = r.u64();
    e.stamp.inode = r.u64();
    e.stamp.size = r.u64();
    e.stamp.modified_ns = static_cast<std::int64_t>(r.u64());
    e.stamp.changed_ns = static_cast<std::int64_t>(r.u64());
    const unsigned trusted = r.u8();
    if (!r.ok() || trusted > 1) return false;
    e.stamp_trusted = trusted == 1;
    const std::uint32_t findings = r.count(8 + 1 + 4 * 3);
    for (std::uint32_t i = 0; i < findings && r.ok(); ++i) {
        Diagnostic d;
        d.pos = read_pos(r);
        const unsigned severity = r.u8();
        const auto rule = find_rule(r.str());
        d.message = r.str();
        d.source_line = r.str();
        if (!r.ok() || !rule || severity > static_cast<unsigned>(Severity::error)) return false;
        d.severity = static_cast<Severity>(severity);
        d.rule = *rule;
        e.findings.push_back(std::move(d));
    }
    const std::uint32_t keys = r.count(4 + 8 + 4 + 8 + 1 + 4);
    for (std::uint32_t i = 0; i < keys && r.ok(); ++i) {
        ProcedureKey k;
        k.code.value = r.str();
        k.code.pos = read_pos(r);
        k.name.value = r.str();
        k.name.pos = read_pos(r);
        const unsigned flags = r.u8();
        k.identity = r.str();
        if (flags > 7) return false;
        k.code.present = flags & 1;
        k.abolished = flags & 2;
        k.name.present = flags & 4;
        e.keys.push_back(std::move(k));
    }
    return r.ok();
}

// This executable, as the file system knows it: a rebuild or a reinstall
// changes it. Empty when it cannot be told (the cache key then relies on the
// version alone).
std::string executable_identity()
{
    struct stat st{};
    if (::stat("/proc/self/exe", &st) != 0) return {};
    return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" +
           std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

}  // namespace

std::string lint_cache_key(const LintOptions& options)
{
    // The rules compare today with one date: 1 July 2025, when cấp huyện ended
    // (district-level, district-named). A rule that compares it with another
    // date adds that comparison here.
    static const Date no_district{2025, 7, 1};
    return "format " + std::to_string(format) + "; tthc " + version + " (" + executable_identity() +
           "); today >= 2025-07-01: " + (options.today >= no_district ? "yes" : "no") +
           "; content: " + (options.content ? "yes" : "no") + "; messages: " + messages_identity();
}

std::string default_cache_dir()
{
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return std::string(xdg) + "/tthc";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/tthc";
    return {};
}

std::string cache_file_for(const std::string& dir, const std::string& catalog)
{
    std::error_code ec;
    fs::path absolute = fs::weakly_canonical(fs::absolute(catalog, ec), ec);
    if (ec) absolute = fs::absolute(catalog, ec).lexically_normal();
    return (fs::path(dir) / ("lint-" + sha256_hex(absolute.string()).substr(0, 32))).string();
}

std::string encode_lint_cache(const std::string& key, const std::unordered_map<std::string, CachedFile>& entries)
{
    std::vector<const std::pair<const std::string, CachedFile>*> sorted;  // the same entries, the same bytes
    sorted.reserve(entries.size());
    for (const auto& e : entries) sorted.push_back(&e);
    std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
    Writer w;
    w.raw(magic);
    w.u32(format);
    w.str(key);
    w.u32(static_cast<std::uint32_t>(sorted.size()));
    for (const auto* e : sorted) write_entry(w, e->first, e->second);
    const Digest sum = sha256(w.bytes());
    w.raw(std::string_view(reinterpret_cast<const char*>(sum.data()), sum.size()));
    return std::move(w.bytes());
}

bool decode_lint_cache(const std::string& bytes, const std::string& key,
                       std::unordered_map<std::string, CachedFile>& entries, std::string& why)
{
    entries.clear();
    const std::size_t sum_size = Digest().size();
    if (bytes.size() < magic.size() + 4 + sum_size || bytes.compare(0, magic.size(), magic) != 0) {
        why = tr("not a lint cache");
        return false;
    }
    const std::string_view body(bytes.data(), bytes.size() - sum_size);
    const Digest sum = sha256(body);
    if (std::memcmp(sum.data(), bytes.data() + body.size(), sum_size) != 0) {
        why = tr("damaged or truncated (its checksum does not match)");
        return false;
    }
    Reader r(body.substr(magic.size()));
    if (r.u32() != format || r.str() != key) {
        why = tr("written by another build of tthc or with other rule settings");
        return false;
    }
    const std::uint32_t n = r.count(4 + sum_size + 5 * 8 + 1 + 8);
    entries.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        std::string display;
        CachedFile e;
        if (!read_entry(r, display, e) || !entries.emplace(std::move(display), std::move(e)).second) {
            entries.clear();
            why = tr("malformed");
            return false;
        }
    }
    if (!r.ok() || !r.at_end()) {
        entries.clear();
        why = tr("malformed");
        return false;
    }
    return true;
}

LintCache::LintCache(std::string path, std::string key) : path_(std::move(path)), key_(std::move(key))
{
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    started_ns_ = static_cast<std::int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
    std::string bytes;
    ReadRefusal refusal = ReadRefusal::none;
    if (!try_read_regular_file(path_, bytes, refusal)) {
        std::error_code ec;
        status_ = fs::symlink_status(path_, ec).type() == fs::file_type::not_found
                      ? "none"
                      : "ignored: " + refusal_message(refusal);
        return;
    }
    std::string why;
    status_ = decode_lint_cache(bytes, key_, read_, why) ? "read" : "ignored: " + why;
    next_.reserve(read_.size());
}

const CachedFile* LintCache::find(const std::string& display, const Digest& digest) const
{
    const auto it = read_.find(display);
    return it != read_.end() && it->second.digest == digest ? &it->second : nullptr;
}

const CachedFile* LintCache::find_unchanged(const std::string& display, const FileStamp& now) const
{
    const auto it = read_.find(display);
    return it != read_.end() && it->second.stamp_trusted && it->second.stamp == now ? &it->second : nullptr;
}

bool LintCache::trusts(const FileStamp& stamp) const
{
    return stamp.modified_ns < started_ns_ - stamp_margin_ns && stamp.changed_ns < started_ns_ - stamp_margin_ns;
}

void LintCache::keep(const std::string& display, CachedFile entry)
{
    next_.insert_or_assign(display, std::move(entry));
    changed_ = true;
}

void LintCache::keep_found(const std::string& display, const std::optional<FileStamp>& now)
{
    const auto it = read_.find(display);
    if (it == read_.end()) return;
    CachedFile& e = it->second;
    const FileStamp stamp = now.value_or(FileStamp{});
    const bool trusted = now && trusts(*now);
    if (!(e.stamp == stamp) || e.stamp_trusted != trusted) {  // touched, or now old enough to stand for its bytes
        e.stamp = stamp;
        e.stamp_trusted = trusted;
        changed_ = true;
    }
    next_.insert_or_assign(display, std::move(e));  // find() is done with it: each file is read once
    ++reused_;
}

void LintCache::save()
{
    if (!changed_ && next_.size() == read_.size() && status_ == "read") return;  // the same entries as on disk
    std::error_code ec;
    fs::create_directories(fs::path(path_).parent_path(), ec);
    if (ec)
        throw Error(tr("cannot create the lint cache directory '{0}': {1}", fs::path(path_).parent_path().string(),
                       ec.message()));
    write_file_atomic(path_, encode_lint_cache(key_, next_));
}

}  // namespace tthc
