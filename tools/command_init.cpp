// tthc init: a new catalog repository (lib/catalog/scaffold.hpp), built in a
// staging directory beside DIR and renamed into place, so that a failure
// leaves nothing; DIR must not exist or be empty. git is left to the user.
#include <sys/stat.h>

#include <filesystem>
#include <iostream>

#include "command.hpp"
#include "catalog/scaffold.hpp"
#include "checks/report.hpp"
#include "checks/streaming_check.hpp"
#include "io/files.hpp"
#include "util/error.hpp"

namespace tthc::cli {

namespace {

namespace fs = std::filesystem;

struct InitArgs {
    CommonOptions common;
    std::string dir;
    NewCatalog catalog;
};

void check_free(const std::string& dir)
{
    std::error_code ec;
    const auto status = fs::symlink_status(dir, ec);
    if (!fs::exists(status)) return;
    if (!fs::is_directory(status)) throw Error("'" + dir + "' exists and is not a directory; nothing was written");
    if (!fs::is_empty(dir, ec))
        throw Error("'" + dir + "' exists and is not empty; tthc init never writes into it, nothing was written",
                    "choose a new DIR");
}

int run_init(InitArgs& args)
{
    const NewCatalog c = complete_new_catalog(args.catalog);
    check_free(args.dir);
    const auto files = scaffold_files(c);

    StagingDir staging(args.dir, /*force: an empty directory only*/ true, "");
    // mkdtemp made it 0700; a repository is as readable as any directory the user makes
    const mode_t mask = umask(0);
    umask(mask);
    fs::permissions(staging.path(), static_cast<fs::perms>(0777 & ~mask));
    for (const auto& f : files) {
        const fs::path path = staging.path() / f.path;
        fs::create_directories(path.parent_path());
        write_staged_file(path, f.content);
    }
    // The promise is a catalog that lints clean: a name or an authority that
    // a rule objects to is refused before anything is in place.
    LintOptions options;
    options.today = today();
    const LintResult lint = lint_path(staging.path().string(), options);
    if (!lint.diagnostics.empty()) {
        for (const auto& d : lint.diagnostics) std::cerr << format_diagnostic(d, false);
        throw Error("the new catalog would not lint clean; nothing was written", "change the values the findings name");
    }
    check_free(args.dir);
    staging.commit();

    const std::string shown = fs::path(args.dir).lexically_normal().generic_string();
    const std::string prefix = shown.empty() || shown.back() == '/' ? shown : shown + "/";
    for (const auto& f : files) std::cout << prefix << f.path << "\n";
    if (!args.common.quiet)
        std::cerr << "tthc: init: the catalog " << c.id << " (" << c.name << ") is in " << shown << "; next:\n"
                  << "  cd " << shown << "\n"
                  << "  git init -b main && git add -A && git commit -m 'tthc init'\n"
                  << "  pre-commit install    # the hooks of .pre-commit-config.yaml (optional)\n";
    return exit_ok;
}

}  // namespace

void register_init(CLI::App& app, Command& command)
{
    auto args = std::make_shared<InitArgs>();
    CLI::App* sub = app.add_subcommand("init", "Create a new catalog repository with its CI and pre-commit hooks");
    sub->add_option("DIR", args->dir, "The new directory (it must not exist, or be empty)")->required();
    sub->add_option("--id", args->catalog.id, "The catalog's id: a-z, 0-9 and '-' (ha-noi)")->required();
    sub->add_option("--authority", args->catalog.authority, "The announcing body (cơ quan công bố)")->required();
    sub->add_option("--kind", args->catalog.kind, "What the authority is: province or ministry")
        ->required()
        ->check(CLI::IsMember({"province", "ministry"}));
    sub->add_option("--name", args->catalog.name, "The catalog's name (default: made from the authority)");
    sub->add_option("--place", args->catalog.place, "The place printed on documents (default: from the authority)");
    sub->add_option("--agency-id", args->catalog.agency_id, "The authority's electronic agency identifier");
    sub->add_option("--tthc-source", args->catalog.tthc_source, "The git URL CI and pre-commit fetch tthc from")
        ->capture_default_str();
    sub->add_option("--tthc-rev", args->catalog.tthc_rev, "The branch or tag of tthc they use")->capture_default_str();
    add_common_options(*sub, args->common, {"text"});
    sub->callback([args, &command] { command.exit_code = run_init(*args); });
}

}  // namespace tthc::cli
