#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "util/parallel.hpp"

using namespace tthc;

TEST_CASE("parallel_for runs every index once")
{
    std::vector<std::atomic<int>> seen(1000);
    parallel_for(seen.size(), 4, [&](std::size_t i) { ++seen[i]; });
    for (const auto& s : seen) CHECK(s.load() == 1);
}

TEST_CASE("parallel_for carries a worker's exception to the caller")
{
    std::atomic<int> ran{0};
    CHECK_THROWS_WITH(parallel_for(10000, 4,
                                   [&](std::size_t i) {
                                       ++ran;
                                       if (i == 17) throw std::runtime_error("bad file 17");
                                       // 1 ms an item: all 10,000 would take over 2 s on four threads, so
                                       // "stopped early" holds even when the thread of item 17 is descheduled
                                       // for a while on a loaded machine (it did fail there with no delay)
                                       std::this_thread::sleep_for(std::chrono::milliseconds(1));
                                   }),
                      "bad file 17");
    CHECK(ran.load() < 10000);  // the others stopped early
}

TEST_CASE("thread_count: 0 means one per core, never none")
{
    CHECK(thread_count(3) == 3);
    CHECK(thread_count(0) >= 1);
}

TEST_CASE("parallel_for with nothing to do calls nothing")
{
    bool called = false;
    parallel_for(0, 0, [&](std::size_t) { called = true; });
    CHECK_FALSE(called);
}
