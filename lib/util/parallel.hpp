// The one parallel loop of the toolkit. Loading, diff, export and verify all
// spread independent per-file work over the cores with it, so they share one
// default thread count and one rule for errors: an exception in any worker
// stops the loop and is rethrown in the caller (never std::terminate).
#pragma once

#include <cstddef>
#include <functional>

namespace tthc {

// The number of threads to use for `requested` (0: one per core, at least 1).
unsigned thread_count(unsigned requested);

// Runs f(i) for every i in [0, n) on up to thread_count(threads) threads (the
// caller's among them). The first exception thrown by f stops the remaining
// work and is rethrown here once every thread has finished.
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& f);

}  // namespace tthc
