// The parse floor: the least any command that reads a whole catalog must spend. It walks a
// directory, reads every *.toml file and parses it with toml++ on one thread, and nothing else (no
// model, no checks, no output per file). bench/lint-bench.sh compares `tthc lint` against it.
//
//   tthc-parse-floor DIR   ->   stdout: "parse-floor: N files, B bytes, F failures"
//
// Exit status: 0 when every file parsed, 1 when some failed to read or parse, 2 on usage errors.

#include <toml++/toml.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace {

bool read_file(const fs::path& path, std::string& out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size < 0)
        return false;
    out.resize(static_cast<std::size_t>(size));
    in.seekg(0, std::ios::beg);
    in.read(out.data(), static_cast<std::streamsize>(out.size()));
    return in.gcount() == static_cast<std::streamsize>(out.size());
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc != 2 || std::string_view(argv[1]) == "--help") {
        std::cerr << "usage: tthc-parse-floor DIR\n";
        return 2;
    }
    const fs::path root = argv[1];
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        std::cerr << "tthc-parse-floor: " << root.string() << ": not a directory\n";
        return 2;
    }

    // Collect first and sort, so the files are parsed in the same order on every run.
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".toml")
            files.push_back(it->path());
    }
    if (ec) {
        std::cerr << "tthc-parse-floor: " << root.string() << ": " << ec.message() << '\n';
        return 2;
    }
    std::sort(files.begin(), files.end());

    std::uint64_t bytes = 0;
    std::uint64_t failures = 0;
    std::string text;
    for (const auto& path : files) {
        if (!read_file(path, text)) {
            std::cerr << path.string() << ": cannot read\n";
            ++failures;
            continue;
        }
        bytes += text.size();
        try {
            const std::string_view view(text);
            const toml::table table = toml::parse(view, path.string());
            (void)table;
        } catch (const toml::parse_error& err) {
            const auto& where = err.source().begin;
            std::cerr << path.string() << ':' << where.line << ':' << where.column << ": " << err.description()
                      << '\n';
            ++failures;
        }
    }

    std::printf("parse-floor: %zu files, %llu bytes, %llu failures\n", files.size(),
                static_cast<unsigned long long>(bytes), static_cast<unsigned long long>(failures));
    return failures == 0 ? 0 : 1;
}
