#include "io/file_source.hpp"

#include <filesystem>

#include "util/error.hpp"
#include "util/i18n.hpp"

namespace tthc {

namespace fs = std::filesystem;

std::string FileSource::id_of(std::string_view) const { return {}; }

namespace {

// The file system: what the loader did before there were sources, unchanged
// (one recursive_directory_iterator, paths built as strings, one read(2) per
// file), so the common case costs what it did.
class FileSystemSource final : public FileSource {
public:
    explicit FileSystemSource(const std::string& path) : FileSource(path), root_(path)
    {
        prefix_ = fs::path(path).native();  // the iterator's spelling of the root, with a '/'
        if (prefix_.empty() || prefix_.back() != '/') prefix_.push_back('/');
    }

    EntryType root_type() const override
    {
        std::error_code ec;
        const fs::file_status st = fs::status(root_, ec);
        if (ec || !fs::exists(st)) return EntryType::missing;
        if (fs::is_regular_file(st)) return EntryType::regular;
        return fs::is_directory(st) ? EntryType::directory : EntryType::other;
    }

    std::string path_of(const std::string& relative) const override
    {
        return relative.empty() ? root_ : prefix_ + relative;
    }

    bool walk(const std::function<bool(const SourceEntry&)>& visit, std::string_view skip_top,
              std::string& error) const override
    {
        std::error_code ec;
        fs::recursive_directory_iterator it(fs::path(root_), fs::directory_options::skip_permission_denied, ec);
        SourceEntry e;
        for (fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
            const std::string& native = it->path().native();
            if (it.depth() == 0 && !skip_top.empty() && it->path().filename() == skip_top) {
                it.disable_recursion_pending();
                continue;
            }
            e.relative.assign(native, prefix_.size());
            // The type readdir gave, not followed (a stat only where the file
            // system gives none): at national scale one lstat per file is a
            // fifth of a cached re-lint.
            std::error_code type_ec;
            if (it->is_symlink(type_ec))
                e.type = EntryType::symlink;
            else if (it->is_regular_file(type_ec))
                e.type = EntryType::regular;
            else if (it->is_directory(type_ec))
                e.type = EntryType::directory;
            else
                e.type = EntryType::other;
            e.link_to_directory = e.type == EntryType::symlink && fs::is_directory(it->path(), type_ec);
            if (!visit(e) && e.type == EntryType::directory) it.disable_recursion_pending();
        }
        if (ec) error = tr("cannot list the directory: {0}", ec.message());
        return !ec;
    }

    bool read(const std::string& path, const std::string&, std::string& buf, ReadRefusal& why) const override
    {
        return try_read_regular_file(path, buf, why);
    }

    bool local() const override { return true; }

private:
    std::string root_, prefix_;
};

}  // namespace

std::shared_ptr<const FileSource> file_system_source(const std::string& path)
{
    return std::make_shared<FileSystemSource>(path);
}

bool names_revision(const std::string& argument)
{
    const std::size_t colon = argument.find(':');
    if (colon == std::string::npos || colon == 0 || argument[0] == '.' || argument[0] == '/') return false;
    std::error_code ec;
    const fs::file_type t = fs::symlink_status(argument, ec).type();
    return t == fs::file_type::not_found || t == fs::file_type::none;
}

std::shared_ptr<const FileSource> open_source(const std::string& argument)
{
    if (!names_revision(argument)) return file_system_source(argument);
    std::string display = argument;
    while (display.size() > 1 && display.back() == '/' && display[display.size() - 2] != ':') display.pop_back();
    const std::size_t colon = argument.find(':');
    return git_source(argument.substr(0, colon), argument.substr(colon + 1), display);
}

void refuse_revision(const std::string& argument, const std::string& what)
{
    if (names_revision(argument))
        throw Error(tr("'{0}' is a revision of a git repository, which tthc never writes", argument), what);
}

}  // namespace tthc
