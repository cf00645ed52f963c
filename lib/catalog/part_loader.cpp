#include "catalog/part_loader.hpp"

#include <utility>

namespace tthc {

PartLoader::PartLoader(const std::string& root, const std::vector<CatalogFile>& files, unsigned helpers,
                       SkipFile skip, std::size_t part_size, std::size_t window)
    : root_(root), files_(files), skip_(std::move(skip)), part_size_(part_size), window_(window),
      slots_((files.size() + part_size - 1) / part_size)
{
    for (unsigned i = 0; i < helpers && i < slots_.size(); ++i) helpers_.emplace_back([this] { help(); });
}

PartLoader::~PartLoader()
{
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    for (auto& t : helpers_) t.join();
}

LoadResult PartLoader::take(std::size_t k)
{
    std::unique_lock lock(mutex_);
    while (!slots_[k].ready) {
        if (claimable()) {
            const std::size_t j = next_++;
            lock.unlock();
            load(j);
            lock.lock();
        } else {
            changed_.wait(lock);
        }
    }
    Slot slot = std::move(slots_[k]);
    taken_ = k + 1;
    lock.unlock();
    changed_.notify_all();
    if (slot.error) std::rethrow_exception(slot.error);
    return std::move(slot.result);
}

void PartLoader::help()
{
    std::unique_lock lock(mutex_);
    while (true) {
        changed_.wait(lock, [&] { return stop_ || next_ >= slots_.size() || claimable(); });
        if (stop_ || next_ >= slots_.size()) return;
        const std::size_t j = next_++;
        lock.unlock();
        load(j);
        lock.lock();
    }
}

void PartLoader::load(std::size_t k)
{
    Slot slot;
    try {
        const auto first = files_.begin() + static_cast<std::ptrdiff_t>(k * part_size_);
        const auto last = k + 1 == slots_.size() ? files_.end() : first + static_cast<std::ptrdiff_t>(part_size_);
        slot.result = load_files(root_, std::vector<CatalogFile>(first, last), LoadOptions{1, skip_, k * part_size_});
    } catch (...) {
        slot.error = std::current_exception();
    }
    slot.ready = true;
    {
        std::lock_guard lock(mutex_);
        slots_[k] = std::move(slot);
    }
    changed_.notify_all();
}

}  // namespace tthc
