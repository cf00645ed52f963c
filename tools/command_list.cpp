// tthc list: the danh mục of a catalog, one row per procedure in force, as
// text, CSV, JSON or XLSX.
#include <spdlog/spdlog.h>

#include <iostream>
#include <sstream>

#include "cli_i18n.hpp"
#include "command.hpp"
#include "io/xlsx_writer.hpp"
#include "views/listing.hpp"

namespace tthc::cli {

namespace {

struct ListArgs {
    CommonOptions common;
    std::string catalog, out;
};

int run_list(const ListArgs& args)
{
    const LoadResult loaded = load_whole(args.catalog, N_("'{0}' cannot be read whole; nothing was listed"));
    const std::vector<ListRow> rows = list_rows(loaded.catalog);
    const std::string& format = args.common.format;
    if (format == "xlsx") {
        if ((args.out.empty() || args.out == "-") && isatty(STDOUT_FILENO) == 1)
            throw Error(tr("will not write an XLSX file to the terminal"), tr("use --out FILE.xlsx, or redirect the output"));
        emit(xlsx_bytes({list_sheet(rows)}, xlsx_created_time()), args.out, true);
    } else {
        std::ostringstream text;
        if (format == "csv")
            write_list_csv(text, rows);
        else if (format == "json")
            write_list_json(text, rows);
        else
            write_list_text(text, rows);
        emit(text.str(), args.out, false);
    }
    if (!args.common.quiet)
        spdlog::info(args.out.empty() || args.out == "-"
                         ? tr("list: {0}", trn("{0} procedure", "{0} procedures", rows.size(), rows.size()))
                         : tr("list: {0} written to {1}", trn("{0} procedure", "{0} procedures", rows.size(), rows.size()),
                              args.out));
    return exit_ok;
}

}  // namespace

void register_list(CLI::App& app, Command& command)
{
    auto args = std::make_shared<ListArgs>();
    CLI::App* sub =
        app.add_subcommand("list", tr("List the procedures of a catalog (the danh mục) as text, CSV, JSON or XLSX"));
    sub->add_option("CATALOG", args->catalog, tr("The catalog (directory or single file)"))->required();
    add_common_options(*sub, args->common, {"text", "csv", "json", "xlsx"});
    value_name(sub->add_option("-o,--out", args->out, tr("Write to FILE atomically instead of standard output")), N_("FILE"));
    sub->callback([args, &command] { command.exit_code = run_list(*args); });
}

}  // namespace tthc::cli
