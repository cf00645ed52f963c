// tthc init: a new catalog repository (lib/catalog/scaffold.hpp), built in a
// staging directory beside DIR and renamed into place, so that a failure
// leaves nothing; DIR must not exist or be empty. git is left to the user.
#include <sys/stat.h>

#include <filesystem>
#include <iostream>

#include "cli_i18n.hpp"
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
    if (!fs::is_directory(status)) throw Error(tr("'{0}' exists and is not a directory; nothing was written", dir));
    if (!fs::is_empty(dir, ec))
        throw Error(tr("'{0}' exists and is not empty; tthc init never writes into it, nothing was written", dir),
                    tr("choose a new DIR"));
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
        throw Error(tr("the new catalog would not lint clean; nothing was written"), tr("change the values the findings name"));
    }
    check_free(args.dir);
    staging.commit();

    const std::string shown = fs::path(args.dir).lexically_normal().generic_string();
    const std::string prefix = shown.empty() || shown.back() == '/' ? shown : shown + "/";
    for (const auto& f : files) std::cout << prefix << f.path << "\n";
    if (!args.common.quiet)
        std::cerr << tr("tthc: init: the catalog {0} ({1}) is in {2}; next:", c.id, c.name, shown) << "\n"
                  << "  cd " << shown << "\n"
                  << "  git init -b main && git add -A && git commit -m 'tthc init'\n"
                  << "  pre-commit install    # " << tr("the hooks of .pre-commit-config.yaml (optional)") << "\n";
    return exit_ok;
}

}  // namespace

void register_init(CLI::App& app, Command& command)
{
    auto args = std::make_shared<InitArgs>();
    CLI::App* sub = app.add_subcommand("init", tr("Create a new catalog repository with its CI and pre-commit hooks"));
    sub->add_option("DIR", args->dir, tr("The new directory (it must not exist, or be empty)"))->required();
    value_name(sub->add_option("--id", args->catalog.id, tr("The catalog's id: a-z, 0-9 and '-' (ha-noi)")), N_("ID"))
        ->required();
    value_name(sub->add_option("--authority", args->catalog.authority, tr("The announcing body (cơ quan công bố)")),
               N_("BODY"))
        ->required();
    value_name(sub->add_option("--kind", args->catalog.kind, tr("What the authority is: province or ministry")),
               N_("KIND"))
        ->required()
        ->check(CLI::IsMember({"province", "ministry"}));
    value_name(sub->add_option("--name", args->catalog.name, tr("The catalog's name (default: made from the authority)")),
               N_("NAME"));
    value_name(sub->add_option("--place", args->catalog.place,
                               tr("The place printed on documents (default: from the authority)")),
               N_("PLACE"));
    value_name(sub->add_option("--agency-id", args->catalog.agency_id, tr("The authority's electronic agency identifier")),
               N_("ID"));
    value_name(sub->add_option("--tthc-source", args->catalog.tthc_source,
                               tr("The git URL CI and pre-commit fetch tthc from")),
               N_("URL"))
        ->capture_default_str();
    value_name(sub->add_option("--tthc-rev", args->catalog.tthc_rev, tr("The branch or tag of tthc they use")),
               N_("REVISION"))
        ->capture_default_str();
    add_common_options(*sub, args->common, {"text"});
    sub->callback([args, &command] { command.exit_code = run_init(*args); });
}

}  // namespace tthc::cli
