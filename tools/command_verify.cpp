// tthc verify: checks a package before upload — every document against the
// schema, every checksum and size, no file missing or extra, the signature.
#include <spdlog/spdlog.h>

#include <iostream>

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
                                    ? (args.cert.empty() ? "signature valid (signer not checked: use --cert)"
                                                         : "signature valid")
                                : r.signature == SignatureState::invalid ? "signature INVALID"
                                                                         : "not signed";
        if (r.diagnostics.empty())
            spdlog::info("verify: {} is valid: {} files, {} procedure{}, {} abolished, {} decision{}; {}", args.package,
                         r.counts.files, r.counts.procedures, r.counts.procedures == 1 ? "" : "s", r.counts.abolished,
                         r.counts.decisions, r.counts.decisions == 1 ? "" : "s", signature);
        else
            spdlog::info("verify: {} is NOT valid: {} problem{}; {}", args.package, r.diagnostics.size(),
                         r.diagnostics.size() == 1 ? "" : "s", signature);
    }
    return r.diagnostics.empty() ? exit_ok : exit_findings;
}

}  // namespace

void register_verify(CLI::App& app, Command& command)
{
    auto args = std::make_shared<VerifyArgs>();
    CLI::App* sub = app.add_subcommand("verify", "Check a package: schema, checksums, sizes, completeness, signature");
    sub->add_option("PKG", args->package, "The package directory")->required();
    sub->add_option("--cert", args->cert, "The signer's PEM certificate: the manifest must be signed with its key");
    sub->add_option("-j,--jobs", args->jobs, "Threads for checking (default: one per core)");
    add_common_options(*sub, args->common, {"text", "json"});
    sub->callback([args, &command] { command.exit_code = run_verify(*args); });
}

}  // namespace tthc::cli
