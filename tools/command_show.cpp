// tthc show: one procedure of a catalog, laid out for a terminal or as JSON.
#include <sys/ioctl.h>

#include <iostream>

#include "cli_i18n.hpp"
#include "command.hpp"
#include "util/suggest.hpp"
#include "views/show.hpp"

namespace tthc::cli {

namespace {

struct ShowArgs {
    CommonOptions common;
    std::string catalog, code;
    std::size_t width = 0;
};

// The terminal's width when standard output is one, else 80.
std::size_t output_width()
{
    winsize ws{};
    if (isatty(STDOUT_FILENO) == 1 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 80;
}

int run_show(const ShowArgs& args)
{
    const LoadResult loaded = load_whole(args.catalog, N_("'{0}' cannot be read whole; nothing was shown"));
    const Procedure* p = find_by_code(loaded.catalog, args.code);
    if (!p) {
        const auto best = closest_match(args.code, all_codes(loaded.catalog));
        throw Error(tr("no procedure '{0}' in {1}", args.code, args.catalog),
                    best ? tr("did you mean '{0}'? ('tthc list {1}' lists the codes)", *best, args.catalog)
                         : tr("'tthc list {0}' lists the codes; 'tthc search' finds one by its name", args.catalog));
    }
    if (args.common.format == "json")
        write_show_json(std::cout, *p);
    else
        write_show_text(std::cout, loaded.catalog, *p, args.width ? args.width : output_width(), use_color(args.common));
    std::cout.flush();
    return exit_ok;
}

}  // namespace

void register_show(CLI::App& app, Command& command)
{
    auto args = std::make_shared<ShowArgs>();
    CLI::App* sub = app.add_subcommand("show", tr("Show one procedure of a catalog, everything the catalog holds of it"));
    sub->add_option("CATALOG", args->catalog, tr("The catalog (directory or single file)"))->required();
    sub->add_option("CODE", args->code, tr("The procedure's code (a national code also finds its provincial instance)"))
        ->required();
    add_common_options(*sub, args->common, {"text", "json"});
    value_name(sub->add_option("--width", args->width,
                               tr("Wrap text lines at N columns (default: the terminal's width, else 80)")),
               N_("N"))
        ->check(CLI::Range(std::size_t{20}, std::size_t{1000}));
    sub->callback([args, &command] { command.exit_code = run_show(*args); });
}

}  // namespace tthc::cli
