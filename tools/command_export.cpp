// tthc export: a catalog → a package for publication (or, with --import, a
// package → a catalog directory; with --schema, the XSD on standard output).
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli_i18n.hpp"
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
    // TRANSLATORS: "12 procedures, 2 abolished, 3 decisions".
    return tr("{0}, {1} abolished, {2}", trn("{0} procedure", "{0} procedures", c.procedures, c.procedures), c.abolished,
              trn("{0} decision", "{0} decisions", c.decisions, c.decisions));
}

int run_import(const ExportArgs& args)
{
    if (args.out.empty()) throw CLI::RequiredError("--out");
    refuse_revision(args.out, tr("--out is the catalog directory to create; for a name with a colon, write ./{0}", args.out));
    if (!args.catalog.empty() || !args.since.empty() || !args.key.empty() || !args.date.empty())
        throw CLI::ValidationError("--import", tr("takes only --out, --force and --cert"));
    const ImportResult r = import_package(args.import, ImportOptions{args.out, args.force, args.cert});
    if (!r.written) {
        print_errors(r.diagnostics);
        std::cerr << error_line(tr("the package is not valid; nothing was written"));
        return exit_findings;
    }
    if (!args.quiet) spdlog::info(tr("export: imported {0} into {1}: {2}", args.import, args.out, counts_text(r.counts)));
    return exit_ok;
}

// --format dvcqg: the national JSON, always as published (tthc-dvcqg(5)).
int run_export_dvcqg(const ExportArgs& args)
{
    if (args.schema || !args.import.empty() || !args.since.empty() || !args.key.empty() || !args.cert.empty())
        throw CLI::ValidationError("--format dvcqg", tr("takes only CATALOG, --out, --force, --date, --as-published and -q"));
    if (args.catalog.empty()) throw CLI::RequiredError("CATALOG");
    if (args.out.empty()) throw CLI::RequiredError("--out");
    DvcqgExportOptions options{args.out, args.force, args.date.empty() ? today() : parse_date_option(args.date, "--date")};
    const DvcqgExportResult r = export_dvcqg(args.catalog, options);
    if (!r.written) {
        print_errors(r.diagnostics);
        throw Error(tr("the catalog has errors; nothing was written"), tr("run 'tthc lint {0}' for every finding", args.catalog));
    }
    if (!args.quiet)
        // TRANSLATORS: {0} is the file written; {3} is empty or "; 2 lint errors kept as published".
        spdlog::info(tr("export: wrote {0} (dvcqg): {1}, {2} abolished{3}", args.out,
                        trn("{0} procedure", "{0} procedures", r.procedures, r.procedures), r.abolished,
                        r.tolerated ? tr("; {0} lint errors kept as published", r.tolerated) : std::string()));
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
        throw CLI::ValidationError("--sign", tr("--sign KEY.pem and --cert CERT.pem go together"));

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
        throw Error(tr("the catalog has errors; no package was written"), tr("run 'tthc lint {0}' for every finding", args.catalog));
    }
    if (!args.quiet)
        // TRANSLATORS: {0} is the package written, {1} its id, {2} what it holds ("12 procedures, 2 abolished,
        // 3 decisions"), {3} its number of files, {4} empty or ", signed", {5} empty or "; 2 lint errors kept as published".
        spdlog::info(tr("export: wrote {0} ({1}): {2}, {3} files{4}{5}", args.out, r.package_id, counts_text(r.counts),
                        r.counts.files, args.key.empty() ? std::string() : std::string(tr(", signed")),
                        r.tolerated ? tr("; {0} lint errors kept as published", r.tolerated) : std::string()));
    return exit_ok;
}

}  // namespace

void register_export(CLI::App& app, Command& command)
{
    auto args = std::make_shared<ExportArgs>();
    CLI::App* sub = app.add_subcommand("export", tr("Write a catalog as a checksummed, optionally signed XML package"));
    sub->add_option("CATALOG", args->catalog, tr("The catalog (directory or single file)"));
    value_name(sub->add_option("--format", args->format,
                               tr("xml (default): the checksummed XML package; dvcqg: the national database's JSON "
                                  "records")),
               N_("FORMAT"))
        ->check(CLI::IsMember({"xml", "dvcqg"}));
    value_name(sub->add_option("-o,--out", args->out,
                               tr("The package directory to create (with --import: the catalog directory)")),
               N_("DIR"));
    sub->add_flag("--force", args->force, tr("Replace an existing package (or catalog) at --out"));
    value_name(sub->add_option("--date", args->date,
                               tr("The package's date (YYYY-MM-DD; default: SOURCE_DATE_EPOCH, else today)")),
               N_("DATE"));
    value_name(sub->add_option("--since", args->since,
                               tr("An older version of the catalog: write only what changed (a delta package)")),
               N_("OLD"));
    value_name(sub->add_option("--sign", args->key, tr("Sign the manifest with this PEM private key (needs --cert)")),
               N_("KEY.pem"));
    value_name(sub->add_option("--cert", args->cert,
                               tr("The PEM certificate of the --sign key (with --import: the certificate the package "
                                  "must be signed with)")),
               N_("CERT.pem"));
    value_name(sub->add_option("--import", args->import, tr("Turn the package PKG back into a catalog directory at --out")),
               N_("PKG"));
    sub->add_flag("--schema", args->schema, tr("Print the XML schema (XSD) and exit"));
    sub->add_flag("--as-published", args->as_published,
                  tr("Export data as published even with missing or unreadable values (agency, thời hạn, durations, "
                     "legal numbers); other errors still stop it"));
    value_name(sub->add_option("-j,--jobs", args->jobs, tr("Threads for writing and validating (default: one per core)")),
               N_("N"));
    sub->add_flag("-q,--quiet", args->quiet, tr("No summary or progress on standard error"));
    add_version_flag(*sub);
    sub->callback([args, &command] { command.exit_code = run_export(*args); });
}

}  // namespace tthc::cli
