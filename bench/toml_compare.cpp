// tthc's TOML reader against toml++ on every *.toml file under a directory:
// how many files the reader accepts (the rest go to toml++), and whether each
// accepted file gives toml++'s tree, positions included. bench/lint-bench.sh
// runs it on the benchmark's catalog; the unit tests do the same on the
// shipped catalogs, the fixtures and the portal's data.
//
//   tthc-toml-compare [--refused] DIR...   ->   stdout: "toml-compare: N files, A read by tthc, R by toml++, D differ"
//
// --refused names on stderr each file the reader left to toml++.
//
// Exit status: 0 when no accepted file differs from toml++, 1 when one does
// (each is named on stderr), 2 on usage errors.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

#include "catalog/toml_tree.hpp"
#include "io/files.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv)
{
    int first = 1;
    const bool list_refused = argc > 1 && std::string_view(argv[1]) == "--refused";
    if (list_refused) ++first;
    if (argc <= first || std::string_view(argv[1]) == "--help") {
        std::cerr << "usage: tthc-toml-compare [--refused] DIR...\n";
        return 2;
    }
    std::vector<fs::path> files;
    for (int i = first; i < argc; ++i) {
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(argv[i], ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec))
            if (it->is_regular_file(ec) && it->path().extension() == ".toml") files.push_back(it->path());
        if (ec) {
            std::cerr << "tthc-toml-compare: " << argv[i] << ": " << ec.message() << '\n';
            return 2;
        }
    }
    std::sort(files.begin(), files.end());

    std::size_t accepted = 0, refused = 0, differ = 0;
    std::string text, why;
    tthc::TomlTree ours, theirs;
    tthc::TomlSyntaxError error;
    for (const auto& path : files) {
        text = tthc::read_file(path.string());
        const bool read = tthc::read_toml_subset(text, ours);
        const bool parsed = tthc::parse_toml_full(text, theirs, error);
        if (!read) {
            ++refused;
            if (list_refused) std::cerr << path.string() << ": left to toml++\n";
            continue;
        }
        ++accepted;
        if (!parsed) {
            ++differ;
            std::cerr << path.string() << ": read by tthc, but toml++ says " << error.pos.line << ':'
                      << error.pos.column << ": " << error.description << '\n';
        } else if (!tthc::same_toml_tree(ours.root(), theirs.root(), why)) {
            ++differ;
            std::cerr << path.string() << ": the trees differ: " << why << '\n';
        }
    }
    std::printf("toml-compare: %zu files, %zu read by tthc, %zu by toml++, %zu differ\n", files.size(), accepted,
                refused, differ);
    return differ == 0 ? 0 : 1;
}
