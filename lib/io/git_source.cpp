// A catalog at a git revision, read through libgit2 (never by running git):
// the only file that includes git2.h. Trees are walked on one repository
// handle; blobs are read by their id on handles taken from a small pool, one
// per reading thread at most, since a libgit2 repository is not to be used by
// two threads at once.
#include <git2.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "io/file_source.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"

namespace tthc {

namespace fs = std::filesystem;

namespace {

void init_libgit2()
{
    static std::once_flag once;
    std::call_once(once, [] { git_libgit2_init(); });
}

std::string last_git_error()
{
    const git_error* e = git_error_last();
    return e && e->message ? e->message : tr("unknown libgit2 error");
}

std::string raw_id(const git_oid* oid) { return std::string(reinterpret_cast<const char*>(oid->id), GIT_OID_RAWSZ); }

// Where discovery of the repository starts: PATH's parent when it is a
// directory here, else the current directory.
fs::path discovery_start(const fs::path& path)
{
    std::error_code ec;
    for (fs::path p = path.parent_path(); !p.empty(); p = p.parent_path()) {
        if (fs::is_directory(p, ec)) return p;
        if (p == p.parent_path()) break;
    }
    return fs::path(".");
}

class GitSource final : public FileSource {
public:
    GitSource(const std::string& rev, const std::string& path, const std::string& display) : FileSource(display)
    {
        init_libgit2();
        const bool from_cwd = path == "." || path == ".." || path.starts_with("./") || path.starts_with("../") ||
                              path.starts_with("/");
        const fs::path start = discovery_start(fs::path(path));
        git_buf found = GIT_BUF_INIT;
        if (git_repository_discover(&found, start.c_str(), 0, nullptr) != 0)
            throw Error(start == "." ? tr("cannot read '{0}': the current directory is not inside a git repository",
                                          display)
                                     : tr("cannot read '{0}': '{1}' is not inside a git repository", display,
                                          start.string()),
                        tr("REV:PATH reads PATH at revision REV of the git repository around the current directory; "
                           "run tthc inside the repository"));
        gitdir_ = found.ptr;
        git_buf_dispose(&found);
        git_repository* opened = nullptr;
        const int open_rc = git_repository_open(&opened, gitdir_.c_str());
        repo_.reset(opened);
        if (open_rc != 0)
            // TRANSLATORS: {0} is REV:PATH as given, {1} the repository's .git, {2} libgit2's reason (English)
            throw Error(tr("cannot read '{0}': cannot open the git repository {1}: {2}", display, gitdir_,
                           last_git_error()));
        const char* workdir = git_repository_workdir(repo_.get());

        git_object* object = nullptr;
        if (git_revparse_single(&object, repo_.get(), rev.c_str()) != 0)
            // TRANSLATORS: {0} is REV:PATH as given, {1} the REV
            throw Error(tr("cannot read '{0}': '{1}' is not a revision of the repository", display, rev),
                        tr("REV is anything 'git rev-parse' accepts: HEAD~1, a branch, a tag, a commit id"));
        git_object* peeled = nullptr;
        const int peel = git_object_peel(&peeled, object, GIT_OBJECT_TREE);
        git_object_free(object);
        if (peel != 0)
            throw Error(tr("cannot read '{0}': '{1}' names neither a commit nor a tree", display, rev),
                        tr("REV is anything 'git rev-parse' accepts: HEAD~1, a branch, a tag, a commit id"));
        tree_.reset(reinterpret_cast<git_tree*>(peeled));

        path_ = tree_path(path, from_cwd, workdir, display);
        if (path_.empty()) {
            type_ = EntryType::directory;
            return;
        }
        git_tree_entry* entry = nullptr;
        if (git_tree_entry_bypath(&entry, tree_.get(), path_.c_str()) != 0)
            // TRANSLATORS: {0} is REV:PATH as given, {1} the PATH, {2} the REV
            throw Error(tr("cannot read '{0}': there is no '{1}' at revision {2}", display, path_, rev),
                        tr("PATH is relative to the repository's root, as in git; ./PATH to the current directory"));
        switch (git_tree_entry_filemode(entry)) {
        case GIT_FILEMODE_TREE: {
            git_tree* sub = nullptr;
            if (git_tree_lookup(&sub, repo_.get(), git_tree_entry_id(entry)) == 0) {
                tree_.reset(sub);
                type_ = EntryType::directory;
            }
            break;
        }
        case GIT_FILEMODE_BLOB:
        case GIT_FILEMODE_BLOB_EXECUTABLE:
            type_ = EntryType::regular;
            root_id_ = raw_id(git_tree_entry_id(entry));
            break;
        case GIT_FILEMODE_LINK: type_ = EntryType::symlink; break;
        default: type_ = EntryType::other; break;
        }
        git_tree_entry_free(entry);
    }

    ~GitSource() override
    {
        for (git_repository* r : pool_) git_repository_free(r);
    }

    EntryType root_type() const override { return type_; }

    std::string path_of(const std::string& relative) const override
    {
        if (relative.empty()) return path_;
        return path_.empty() ? relative : path_ + "/" + relative;
    }

    bool walk(const std::function<bool(const SourceEntry&)>& visit, std::string_view skip_top,
              std::string& error) const override
    {
        if (type_ != EntryType::directory) return true;
        struct Walk {
            const std::function<bool(const SourceEntry&)>& visit;
            std::string_view skip_top;
            SourceEntry entry;
        } w{visit, skip_top, {}};
        const std::lock_guard<std::mutex> lock(walk_mutex_);
        const int rc = git_tree_walk(
            tree_.get(), GIT_TREEWALK_PRE,
            [](const char* root, const git_tree_entry* e, void* payload) -> int {
                auto& state = *static_cast<Walk*>(payload);
                const char* name = git_tree_entry_name(e);
                const git_filemode_t mode = git_tree_entry_filemode(e);
                if (*root == '\0' && mode == GIT_FILEMODE_TREE && state.skip_top == name) return 1;  // not entered
                state.entry.relative.assign(root).append(name);
                state.entry.id.clear();
                switch (mode) {
                case GIT_FILEMODE_TREE:
                    state.entry.type = EntryType::directory;
                    state.entry.id = raw_id(git_tree_entry_id(e));
                    break;
                case GIT_FILEMODE_BLOB:
                case GIT_FILEMODE_BLOB_EXECUTABLE:
                    state.entry.type = EntryType::regular;
                    state.entry.id = raw_id(git_tree_entry_id(e));
                    break;
                case GIT_FILEMODE_LINK: state.entry.type = EntryType::symlink; break;
                default: state.entry.type = EntryType::other; break;  // a submodule
                }
                return state.visit(state.entry) || state.entry.type != EntryType::directory ? 0 : 1;
            },
            &w);
        if (rc != 0) error = tr("cannot list the tree: {0}", last_git_error());
        return rc == 0;
    }

    bool read(const std::string&, const std::string& id, std::string& buf, ReadRefusal& why) const override
    {
        const std::string& which = id.empty() ? root_id_ : id;
        if (which.size() != GIT_OID_RAWSZ) {  // a link or a submodule: never given an id
            why = ReadRefusal::not_regular;
            return false;
        }
        git_oid oid;
        git_oid_fromraw(&oid, reinterpret_cast<const unsigned char*>(which.data()));
        git_repository* repo = take();
        git_blob* blob = nullptr;
        const bool ok = repo && git_blob_lookup(&blob, repo, &oid) == 0;
        if (ok) {
            buf.assign(static_cast<const char*>(git_blob_rawcontent(blob)), static_cast<std::size_t>(git_blob_rawsize(blob)));
            git_blob_free(blob);
        }
        give_back(repo);
        if (!ok) why = ReadRefusal::cannot_open;
        return ok;
    }

    std::string id_of(std::string_view bytes) const override
    {
        git_oid oid;
        if (git_odb_hash(&oid, bytes.data(), bytes.size(), GIT_OBJECT_BLOB) != 0) return {};
        return raw_id(&oid);
    }

private:
    // PATH as a path inside the tree: '/'-separated, normalised, "" for the root.
    static std::string tree_path(const std::string& path, bool from_cwd, const char* workdir, const std::string& display)
    {
        fs::path rel = fs::path(path).lexically_normal();
        if (from_cwd) {
            if (!workdir)
                throw Error(tr("cannot read '{0}': a bare repository has no current directory inside it", display),
                            tr("give PATH relative to the repository's root"));
            std::error_code ec;
            const fs::path abs = fs::weakly_canonical(fs::absolute(path), ec);
            const fs::path top = fs::weakly_canonical(fs::path(workdir), ec);
            rel = abs.lexically_relative(top);
            if (rel.empty() || *rel.begin() == "..")
                throw Error(tr("cannot read '{0}': '{1}' is outside the repository", display, path),
                            tr("PATH must name a file or directory of the repository"));
        }
        std::string s = rel.generic_string();
        while (!s.empty() && s.back() == '/') s.pop_back();
        if (s == ".") s.clear();
        if (s.starts_with("../") || s == "..")
            throw Error(tr("cannot read '{0}': '{1}' is outside the repository", display, path),
                        tr("PATH must name a file or directory of the repository"));
        return s;
    }

    git_repository* take() const
    {
        {
            const std::lock_guard<std::mutex> lock(pool_mutex_);
            if (!pool_.empty()) {
                git_repository* r = pool_.back();
                pool_.pop_back();
                return r;
            }
        }
        git_repository* r = nullptr;
        return git_repository_open(&r, gitdir_.c_str()) == 0 ? r : nullptr;
    }

    void give_back(git_repository* r) const
    {
        if (!r) return;
        const std::lock_guard<std::mutex> lock(pool_mutex_);
        pool_.push_back(r);
    }

    std::string gitdir_, path_, root_id_;
    std::unique_ptr<git_repository, decltype(&git_repository_free)> repo_{nullptr, &git_repository_free};
    std::unique_ptr<git_tree, decltype(&git_tree_free)> tree_{nullptr, &git_tree_free};
    EntryType type_ = EntryType::other;
    mutable std::mutex walk_mutex_, pool_mutex_;
    mutable std::vector<git_repository*> pool_;
};

}  // namespace

std::shared_ptr<const FileSource> git_source(const std::string& rev, const std::string& path, const std::string& display)
{
    return std::make_shared<GitSource>(rev, path, display);
}

}  // namespace tthc
