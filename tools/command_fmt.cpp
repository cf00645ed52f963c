// tthc fmt: rewrites catalog files in the canonical layout (catalog/formatter.hpp),
// or with --check lists those that are not in it, for CI and pre-commit.
#include <spdlog/spdlog.h>

#include <iostream>

#include "catalog/formatter.hpp"
#include "catalog/loader.hpp"
#include "catalog_rewrite.hpp"
#include "checks/report.hpp"
#include "command.hpp"
#include "io/files.hpp"

namespace tthc::cli {

namespace {

struct FmtArgs {
    CommonOptions common;
    std::vector<std::string> paths;
    bool check = false;
};

int run_fmt(const FmtArgs& args)
{
    const bool color = use_color(args.common, STDERR_FILENO);
    CatalogRewrite rewrite("fmt");
    bool trouble = false;
    std::vector<std::string> changed;
    std::size_t files = 0;
    for (const auto& path : args.paths) {
        if (!args.check) rewrite.lock(path);  // before anything is read
        std::vector<Diagnostic> layout;
        std::vector<CatalogFile> list = list_catalog_files(path, layout);
        for (const auto& d : layout)
            if (d.severity == Severity::error) {  // a link, a FIFO: never read, never written
                std::cerr << format_diagnostic(d, color);
                trouble = true;
            }
        const bool single = list.size() == 1 && list.front().kind == FileKind::single;
        for (const auto& f : list) {
            std::string text;
            ReadRefusal why;
            if (!try_read_regular_file(f.path, text, why)) {
                std::cerr << format_diagnostic(make_diagnostic(f.display, Pos{}, Rule::io_error, refusal_message(why)), color);
                trouble = true;
                continue;
            }
            ++files;
            const FileKind kind = single ? file_kind_of_path(f.path) : f.kind;
            FormatResult r = format_catalog_text(text, kind, f.display);
            if (r.error) {
                std::cerr << format_diagnostic(*r.error, color);  // left as it is
                trouble = true;
                continue;
            }
            if (r.text == text) continue;
            changed.push_back(f.display);
            if (!args.check) rewrite.write(f.path, std::move(r.text));
        }
    }
    if (!args.check) rewrite.commit();  // every file of the run, all or nothing per catalog
    for (const auto& c : changed) std::cout << c << "\n";
    std::cout.flush();
    if (!args.common.quiet) {
        const std::string of = trn("{0} file", "{0} files", files, files);
        const std::string left = trouble ? tr("; files with errors left as they are") : "";
        // TRANSLATORS: "fmt: 2 of 5 files reformatted", then perhaps "; files with errors left as they are".
        spdlog::info(args.check ? tr("fmt: {0} of {1} not formatted{2}", changed.size(), of, left)
                                : tr("fmt: {0} of {1} reformatted{2}", changed.size(), of, left));
    }
    if (trouble) return exit_trouble;
    return args.check && !changed.empty() ? exit_findings : exit_ok;
}

}  // namespace

void register_fmt(CLI::App& app, Command& command)
{
    auto args = std::make_shared<FmtArgs>();
    CLI::App* sub =
        app.add_subcommand("fmt", tr("Rewrite catalog files in the canonical layout, keeping comments and values"));
    sub->add_option("PATH", args->paths, tr("Catalog directories or catalog files"))->required();
    sub->add_flag("--check", args->check,
                  tr("Change nothing: list the files that are not formatted and exit 1 when there are any"));
    add_common_options(*sub, args->common, {"text"});
    sub->callback([args, &command] { command.exit_code = run_fmt(*args); });
}

}  // namespace tthc::cli
