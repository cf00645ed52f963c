#include "catalog_rewrite.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "io/journal.hpp"

namespace tthc::cli {

namespace fs = std::filesystem;

std::string enclosing_catalog(const std::string& path)
{
    std::error_code ec;
    const fs::path p = fs::absolute(path, ec).lexically_normal();
    if (fs::is_directory(p, ec)) return p.string();
    for (fs::path dir = p.parent_path(); !dir.empty(); dir = dir.parent_path()) {
        if (fs::is_regular_file(dir / "catalog.toml", ec)) return dir.string();
        if (dir == dir.root_path()) break;
    }
    return {};
}

void CatalogRewrite::lock(const std::string& path)
{
    const std::string root = enclosing_catalog(path);
    if (root.empty() || std::find(roots_.begin(), roots_.end(), root) != roots_.end()) return;
    roots_.push_back(root);
    locks_.push_back(std::make_unique<CatalogLock>(root, command_));
    refuse_if_interrupted(root);
}

void CatalogRewrite::write(const std::string& path, std::string bytes) { writes_.emplace_back(path, std::move(bytes)); }

void CatalogRewrite::commit()
{
    std::map<std::string, FileTransaction> by_root;  // "" holds the files of no catalog
    for (auto& [path, bytes] : writes_) {
        const std::string root = enclosing_catalog(path);
        auto it = by_root.find(root);
        if (it == by_root.end())
            it = by_root.emplace(root, root.empty() ? FileTransaction() : FileTransaction(root, command_)).first;
        it->second.write(fs::absolute(path).lexically_normal().string(), std::move(bytes));
    }
    writes_.clear();
    for (auto& [root, tx] : by_root) tx.commit();
}

}  // namespace tthc::cli
