// The tthc program: registers one subcommand per command file (the list comes
// from CMake's TTHC_COMMANDS), parses, runs, and maps failures to exit codes.
// Everything that stops a run is caught here and printed as one line.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli_i18n.hpp"
#include "command.hpp"
#include "core/diagnostic.hpp"
#include "core/version.hpp"
#include "util/i18n.hpp"

namespace tthc::cli {
#define TTHC_COMMAND(name) void register_##name(CLI::App& app, Command& command);
#include "commands.inc"
#undef TTHC_COMMAND
}  // namespace tthc::cli

int main(int argc, char** argv)
{
    using namespace tthc::cli;
    using tthc::tr;
    tthc::init_messages();
    auto logger = spdlog::stderr_color_mt("tthc");
    logger->set_pattern("tthc: %v");
    spdlog::set_default_logger(logger);

    CLI::App app{tr("tthc: govern catalogs of Vietnamese administrative procedures (thủ tục hành chính)"), "tthc"};
    // before the commands are registered: they inherit the formatter and the help flag
    app.formatter(std::make_shared<HelpFormatter>());
    app.set_help_flag("-h,--help", tr("Print this help message and exit"));
    add_version_flag(app);
    app.require_subcommand(1);
    app.footer(tr("Run 'tthc COMMAND --help' for a command's options; man tthc for the whole toolkit."));
    Command command;
#define TTHC_COMMAND(name) register_##name(app, command);
#include "commands.inc"
#undef TTHC_COMMAND

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << error_line(parse_error_text(e));
        const auto chosen = app.get_subcommands();
        std::cerr << tr("tthc: run '{0} --help' for usage",
                        chosen.empty() ? std::string("tthc") : "tthc " + chosen.front()->get_name())
                  << "\n";
        return exit_trouble;
    } catch (const tthc::Error& e) {
        std::cerr << error_line(e);
        return exit_trouble;
    } catch (const std::exception& e) {
        std::cerr << tr("tthc: internal error: {0}", e.what()) << "\n";
        return exit_trouble;
    }
    return command.exit_code;
}
