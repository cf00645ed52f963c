// tthc verify: checks a package before upload — every document against the
// schema, every checksum and size, no file missing or extra, the signature.
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli_i18n.hpp"
#include "command.hpp"
#include "package/package.hpp"
#include "checks/report.hpp"
#include "core/version.hpp"

namespace tthc::cli {

namespace {

struct VerifyArgs {
    CommonOptions common;
    std::string package, cert;
    unsigned jobs = 0;
};

int run_verify(const VerifyArgs& args)
{
    const VerifyResult r = verify_package(args.package, VerifyOptions{args.cert, args.jobs});
    const auto format = *parse_report_format(args.common.format);
    ReportSummary summary;
    summary.files = r.counts.files;
    summary.procedures = r.counts.procedures + r.counts.abolished;
    count_severities(r.diagnostics, summary);
    write_report(std::cout, format, r.diagnostics, summary,
                 ReportOptions{format == ReportFormat::text && use_color(args.common), tthc::version});
    std::cout.flush();
    if (!args.common.quiet) {
        const char* signature = r.signature == SignatureState::valid
                                    ? (args.cert.empty() ? tr("signature valid (signer not checked: use --cert)")
                                                         : tr("signature valid"))
                                : r.signature == SignatureState::invalid ? tr("signature INVALID")
                                                                         : tr("not signed");
        if (r.diagnostics.empty())
            // TRANSLATORS: {0} is the package; {5} what was found of its signature ("signature valid").
            spdlog::info(tr("verify: {0} is valid: {1} files, {2}, {3} abolished, {4}; {5}", args.package, r.counts.files,
                            trn("{0} procedure", "{0} procedures", r.counts.procedures, r.counts.procedures),
                            r.counts.abolished, trn("{0} decision", "{0} decisions", r.counts.decisions, r.counts.decisions),
                            signature));
        else
            spdlog::info(tr("verify: {0} is NOT valid: {1}; {2}", args.package,
                            trn("{0} problem", "{0} problems", r.diagnostics.size(), r.diagnostics.size()), signature));
    }
    return r.diagnostics.empty() ? exit_ok : exit_findings;
}

}  // namespace

void register_verify(CLI::App& app, Command& command)
{
    auto args = std::make_shared<VerifyArgs>();
    CLI::App* sub = app.add_subcommand("verify", tr("Check a package: schema, checksums, sizes, completeness, signature"));
    sub->add_option("PKG", args->package, tr("The package directory"))->required();
    value_name(sub->add_option("--cert", args->cert,
                               tr("The signer's PEM certificate: the manifest must be signed with its key")),
               N_("CERT.pem"));
    value_name(sub->add_option("-j,--jobs", args->jobs, tr("Threads for checking (default: one per core)")), N_("N"));
    add_common_options(*sub, args->common, {"text", "json"});
    sub->callback([args, &command] { command.exit_code = run_verify(*args); });
}

}  // namespace tthc::cli
