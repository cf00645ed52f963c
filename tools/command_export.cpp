// tthc export: a catalog → a package for publication (or, with --import, a
// package → a catalog directory; with --schema, the XSD on standard output).
#include <spdlog/spdlog.h>

#include <iostream>

#include "command.hpp"
#include "progress.hpp"
#include "package/dvcqg.hpp"
#include "package/package.hpp"
#include "checks/report.hpp"
#include "core/version.hpp"
#include "package/xml_schema.hpp"

namespace tthc::cli {

namespace {

struct ExportArgs {
    std::string catalog, out, date, since, key, cert, import, format = "xml";
    bool force = false, schema = false, quiet = false, as_published = false;
    unsigned jobs = 0;
};

void print_errors(const std::vector<Diagnostic>& diags)
{
    for (const auto& d : diags) std::cerr << format_diagnostic(d, false);
}

std::string counts_text(const PackageCounts& c)
{
    return std::to_string(c.procedures) + " procedure" + (c.procedures == 1 ? "" : "s") + ", " +
           std::to_string(c.abolished) + " abolished, " + std::to_string(c.decisions) + " decision" +
           (c.decisions == 1 ? "" : "s");
}

int run_import(const ExportArgs& args)
{
    if (args.out.empty()) throw CLI::RequiredError("--out");
    refuse_revision(args.out, "--out is the catalog directory to create; for a name with a colon, write ./" + args.out);
    if (!args.catalog.empty() || !args.since.empty() || !args.key.empty() || !args.date.empty())
        throw CLI::ValidationError("--import", "takes only --out, --force and --cert");
    const ImportResult r = import_package(args.import, ImportOptions{args.out, args.force, args.cert});
    if (!r.written) {
        print_errors(r.diagnostics);
        std::cerr << "tthc: error: the package is not valid; nothing was written\n";
        return exit_findings;
    }
    if (!args.quiet) spdlog::info("export: imported {} into {}: {}", args.import, args.out, counts_text(r.counts));
    return exit_ok;
}

// --format dvcqg: the national JSON, always as published (tthc-dvcqg(5)).
int run_export_dvcqg(const ExportArgs& args)
{
    if (args.schema || !args.import.empty() || !args.since.empty() || !args.key.empty() || !args.cert.empty())
        throw CLI::ValidationError("--format dvcqg", "takes only CATALOG, --out, --force, --date, --as-published and -q");
    if (args.catalog.empty()) throw CLI::RequiredError("CATALOG");
    if (args.out.empty()) throw CLI::RequiredError("--out");
    DvcqgExportOptions options{args.out, args.force, args.date.empty() ? today() : parse_date_option(args.date, "--date")};
    const DvcqgExportResult r = export_dvcqg(args.catalog, options);
    if (!r.written) {
        print_errors(r.diagnostics);
        throw Error("the catalog has errors; nothing was written", "run 'tthc lint " + args.catalog + "' for every finding");
    }
    if (!args.quiet)
        spdlog::info("export: wrote {} (dvcqg): {} procedure{}, {} abolished{}", args.out, r.procedures,
                     r.procedures == 1 ? "" : "s", r.abolished,
                     r.tolerated ? "; " + std::to_string(r.tolerated) + " lint errors kept as published" : std::string());
    return exit_ok;
}

int run_export(const ExportArgs& args)
{
    if (args.format == "dvcqg") return run_export_dvcqg(args);
    if (args.schema) {
        std::cout << xml_schema_text();
        return exit_ok;
    }
    if (!args.import.empty()) return run_import(args);
    if (args.catalog.empty()) throw CLI::RequiredError("CATALOG");
    if (args.out.empty()) throw CLI::RequiredError("--out");
    if (args.key.empty() != args.cert.empty())
        throw CLI::ValidationError("--sign", "--sign KEY.pem and --cert CERT.pem go together");

    ExportOptions options;
    options.out = args.out;
    options.force = args.force;
    options.created = args.date.empty() ? today() : parse_date_option(args.date, "--date");
    options.since = args.since;
    options.key = args.key;
    options.cert = args.cert;
    options.threads = args.jobs;
    options.as_published = args.as_published;
    ProgressLine progress("export", args.quiet);
    options.progress = progress.callback();
    const ExportResult r = export_package(args.catalog, options);
    progress.clear();
    if (!r.written) {
        print_errors(r.diagnostics);
        throw Error("the catalog has errors; no package was written", "run 'tthc lint " + args.catalog + "' for every finding");
    }
    if (!args.quiet)
        spdlog::info("export: wrote {} ({}): {}, {} files{}{}", args.out, r.package_id, counts_text(r.counts),
                     r.counts.files, args.key.empty() ? "" : ", signed",
                     r.tolerated ? "; " + std::to_string(r.tolerated) + " lint errors kept as published" : std::string());
    return exit_ok;
}

}  // namespace

void register_export(CLI::App& app, Command& command)
{
    auto args = std::make_shared<ExportArgs>();
    CLI::App* sub = app.add_subcommand("export", "Write a catalog as a checksummed, optionally signed XML package");
    sub->add_option("CATALOG", args->catalog, "The catalog (directory or single file)");
    sub->add_option("--format", args->format,
                    "xml (default): the checksummed XML package; dvcqg: the national database's JSON records")
        ->check(CLI::IsMember({"xml", "dvcqg"}));
    sub->add_option("-o,--out", args->out, "The package directory to create (with --import: the catalog directory)");
    sub->add_flag("--force", args->force, "Replace an existing package (or catalog) at --out");
    sub->add_option("--date", args->date, "The package's date (YYYY-MM-DD; default: SOURCE_DATE_EPOCH, else today)");
    sub->add_option("--since", args->since, "An older version of the catalog: write only what changed (a delta package)");
    sub->add_option("--sign", args->key, "Sign the manifest with this PEM private key (needs --cert)");
    sub->add_option("--cert", args->cert,
                    "The PEM certificate of the --sign key (with --import: the certificate the package must be signed with)");
    sub->add_option("--import", args->import, "Turn the package PKG back into a catalog directory at --out");
    sub->add_flag("--schema", args->schema, "Print the XML schema (XSD) and exit");
    sub->add_flag("--as-published", args->as_published,
                  "Export data as published even with missing or unreadable values (agency, thời hạn, durations, "
                  "legal numbers); other errors still stop it");
    sub->add_option("-j,--jobs", args->jobs, "Threads for writing and validating (default: one per core)");
    sub->add_flag("-q,--quiet", args->quiet, "No summary or progress on standard error");
    sub->set_version_flag("--version", std::string("tthc ") + tthc::version);
    sub->callback([args, &command] { command.exit_code = run_export(*args); });
}

}  // namespace tthc::cli
