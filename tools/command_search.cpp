// tthc search: finds procedures by what a person types, without diacritics and
// case, ranked (lib/catalog/search.hpp says how).
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

#include "cli_i18n.hpp"
#include "command.hpp"
#include "catalog/search.hpp"
#include "views/search_report.hpp"

namespace tthc::cli {

namespace {

struct SearchArgs {
    CommonOptions common;
    std::string text, catalog;
    std::size_t limit = 0;
};

// CATALOG when given, else the current directory when it is a catalog.
std::string catalog_path(const std::string& given)
{
    if (!given.empty()) return given;
    if (std::filesystem::is_regular_file("catalog.toml")) return ".";
    throw Error(tr("no CATALOG given and the current directory is not a catalog (it has no catalog.toml)"),
                tr("name the catalog: tthc search TEXT CATALOG"));
}

int run_search(const SearchArgs& args)
{
    const std::string path = catalog_path(args.catalog);
    const LoadResult loaded = load_whole(path, N_("'{0}' cannot be read whole; nothing was searched"));
    std::vector<SearchHit> hits = search_catalog(loaded.catalog, args.text);
    const std::size_t found = hits.size();
    if (args.limit > 0 && hits.size() > args.limit) hits.resize(args.limit);
    if (args.common.format == "json")
        write_search_json(std::cout, hits);
    else
        write_search_text(std::cout, hits, use_color(args.common));
    std::cout.flush();
    if (!args.common.quiet)
        // TRANSLATORS: {2} is empty or " (10 shown, --limit)".
        spdlog::info(tr("search: {0} of {1} procedures match{2}", found, loaded.catalog.procedures.size(),
                        hits.size() < found ? tr(" ({0} shown, --limit)", hits.size()) : std::string()));
    return found == 0 ? exit_findings : exit_ok;
}

}  // namespace

void register_search(CLI::App& app, Command& command)
{
    auto args = std::make_shared<SearchArgs>();
    CLI::App* sub = app.add_subcommand(
        "search", tr("Find procedures by code, name, field, agency or legal basis, without diacritics"));
    sub->add_option("TEXT", args->text, tr("What to look for: words in any order, a code or a legal document's number"))
        ->required();
    sub->add_option("CATALOG", args->catalog,
                    tr("The catalog (default: the current directory when it holds catalog.toml)"));
    add_common_options(*sub, args->common, {"text", "json"});
    value_name(sub->add_option("--limit", args->limit, tr("Print at most N procedures, the best ranked (0: all)")), N_("N"))
        ->capture_default_str();
    sub->callback([args, &command] { command.exit_code = run_search(*args); });
}

}  // namespace tthc::cli
