#include "cli_i18n.hpp"

#include <regex>
#include <sstream>

#include "util/i18n.hpp"
#include "util/unicode.hpp"

namespace tthc::cli {

namespace {

// CLI::detail::format_help, with the name column measured in characters.
std::string format_help(std::string name, const std::string& description, std::size_t width)
{
    std::string out = "  " + name;
    // columns: one per character (the help is NFC, its letters precomposed), not one per byte
    const std::size_t used = code_points(out);
    if (used < width) out.append(width - used, ' ');
    if (!description.empty()) {
        if (used >= width) out += "\n" + std::string(width, ' ');
        for (const char c : description) {
            out += c;
            if (c == '\n') out.append(width, ' ');
        }
    }
    return out + "\n";
}

// CLI11's type names ("TEXT", "UINT") when no value_name() named the value.
std::string type_label(const std::string& type)
{
    if (type == "TEXT") return trc("value shown in --help", "TEXT");
    if (type == "UINT") return trc("value shown in --help", "UINT");
    if (type == "INT") return trc("value shown in --help", "INT");
    if (type == "FLOAT") return trc("value shown in --help", "FLOAT");
    return type;
}

// An option's type name as CLI11 shows it, "TYPE:CHECK:CHECK": the type in
// the language of the messages, a range check ("UINT in [20 - 1000]") too;
// the sets of values ("{text,json}") stay as they are typed. A positional
// argument's name says what it is: only its checks are shown.
std::string translated_type(const std::string& full, bool positional)
{
    std::string base = full, checks;
    if (const auto colon = full.find(':'); colon != std::string::npos) {
        base = full.substr(0, colon);
        checks = full.substr(colon);
    }
    static const std::regex range(R"([A-Z]+ in \[([^ \]]+) - ([^ \]]+)\])");
    std::smatch m;
    std::string shown_checks;
    while (std::regex_search(checks, m, range)) {
        shown_checks += m.prefix().str() + tr("from {0} to {1}", m[1].str(), m[2].str());
        checks = m.suffix().str();
    }
    shown_checks += checks;
    if (positional) return shown_checks.empty() ? std::string() : shown_checks.substr(1);
    return type_label(base) + shown_checks;
}

}  // namespace

HelpFormatter::HelpFormatter() : translated_(messages_translated())
{
    if (!translated_) return;
    label("Usage", trc("CLI11 help", "Usage"));
    label("OPTIONS", trc("CLI11 help", "OPTIONS"));
    label("SUBCOMMAND", trc("CLI11 help", "SUBCOMMAND"));
    label("SUBCOMMANDS", trc("CLI11 help", "SUBCOMMANDS"));
    label("Positionals", trc("CLI11 help", "Positionals"));
    label("REQUIRED", trc("CLI11 help", "REQUIRED"));
    label("Env", trc("CLI11 help", "Env"));
    label("Needs", trc("CLI11 help", "Needs"));
    label("Excludes", trc("CLI11 help", "Excludes"));
}

std::string HelpFormatter::make_group(std::string group, bool is_positional, std::vector<const CLI::Option*> opts) const
{
    if (translated_ && group == "Options") group = trc("CLI11 help", "Options");
    return CLI::Formatter::make_group(std::move(group), is_positional, std::move(opts));
}

std::string HelpFormatter::make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const
{
    std::string out = CLI::Formatter::make_subcommands(app, mode);
    if (!translated_) return out;
    const std::string english = "\nSubcommands:\n";
    if (const auto at = out.find(english); at != std::string::npos)
        out.replace(at, english.size(), "\n" + std::string(trc("CLI11 help", "Subcommands")) + ":\n");
    return out;
}

std::string HelpFormatter::make_option(const CLI::Option* opt, bool is_positional) const
{
    if (!translated_) return CLI::Formatter::make_option(opt, is_positional);
    return format_help(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt),
                       column_width_);
}

std::string HelpFormatter::make_option_name(const CLI::Option* opt, bool is_positional) const
{
    if (translated_ && is_positional) return argument_name(opt->get_name(true, false));
    return CLI::Formatter::make_option_name(opt, is_positional);
}

std::string HelpFormatter::make_option_opts(const CLI::Option* opt) const
{
    if (!translated_) return CLI::Formatter::make_option_opts(opt);
    // CLI::Formatter::make_option_opts, with the words translated
    std::stringstream out;
    if (!opt->get_option_text().empty()) return " " + opt->get_option_text();
    if (opt->get_type_size() != 0) {
        const std::string type = translated_type(opt->get_type_name(), !opt->nonpositional());
        if (!type.empty()) out << " " << type;
        if (!opt->get_default_str().empty()) out << "=" << opt->get_default_str();
        if (opt->get_expected_max() == CLI::detail::expected_max_vector_size)
            out << " ...";
        else if (opt->get_expected_min() > 1)
            out << " x " << opt->get_expected();
        if (opt->get_required()) out << " " << get_label("REQUIRED");
    }
    if (!opt->get_envname().empty()) out << " (" << get_label("Env") << ":" << opt->get_envname() << ")";
    if (!opt->get_needs().empty()) {
        out << " " << get_label("Needs") << ":";
        for (const CLI::Option* op : opt->get_needs()) out << " " << op->get_name();
    }
    if (!opt->get_excludes().empty()) {
        out << " " << get_label("Excludes") << ":";
        for (const CLI::Option* op : opt->get_excludes()) out << " " << op->get_name();
    }
    return out.str();
}

CLI::Option* value_name(CLI::Option* opt, const char* name)
{
    if (messages_translated()) opt->type_name(tr(name));
    return opt;
}

std::string argument_name(const std::string& name)
{
    // TRANSLATORS: the names of the arguments in --help and in the errors
    // about them ("DANH_MỤC is required"): capitals joined by underscores.
    if (name == "CATALOG" || name == "catalog") return trc("argument", "CATALOG");
    if (name == "PATH") return trc("argument", "PATH");
    if (name == "CODE" || name == "codes") return trc("argument", "CODE");
    if (name == "OLD") return trc("argument", "OLD");
    if (name == "NEW") return trc("argument", "NEW");
    if (name == "DIR") return trc("argument", "DIR");
    if (name == "PKG") return trc("argument", "PKG");
    if (name == "TEXT") return trc("argument", "TEXT");
    if (name == "FORMAT") return trc("argument", "FORMAT");
    if (name == "SHELL") return trc("argument", "SHELL");
    if (name == "plan-id") return trc("argument", "plan-id");
    return name;
}

std::string parse_error_text(const CLI::ParseError& e)
{
    const std::string what = e.what();
    if (!messages_translated()) return what;
    std::smatch m;
    auto matches = [&](const char* pattern) { return std::regex_match(what, m, std::regex(pattern)); };
    auto name = [&](std::size_t i) {
        const std::string n = m[i].str();
        return n.empty() || n.front() == '-' ? n : argument_name(n);
    };
    if (dynamic_cast<const CLI::RequiredError*>(&e)) {
        if (what == "A subcommand is required") return tr("A subcommand is required");
        if (matches("(-.*) is required")) return tr("option {0} is required", m[1].str());
        if (matches("(.*) is required")) return tr("{0} is required", name(1));
    } else if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
        if (matches("The following arguments? (?:was|were) not expected: (.*)")) {
            const std::string list = m[1].str();
            std::stringstream in(list);
            std::size_t n = 0, options = 0;
            for (std::string word; in >> word; ++n)
                if (word.size() > 1 && word.front() == '-') ++options;
            if (n > 0 && options == n) return trn("unknown option: {0}", "unknown options: {0}", n, list);
            return trn("The following argument was not expected: {0}", "The following arguments were not expected: {0}",
                       n, list);
        }
    } else if (dynamic_cast<const CLI::ValidationError*>(&e)) {
        if (matches("(\\S+): (.*) not in (\\{.*\\})")) return tr("{0}: {1} not in {2}", name(1), m[2].str(), m[3].str());
        if (matches("(\\S+): Value (.*) not in range (\\S+) to (\\S+)"))
            return tr("{0}: Value {1} not in range {2} to {3}", name(1), m[2].str(), m[3].str(), m[4].str());
        // the others are tthc's own, said in the language of the messages where they are thrown
    } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
        if (matches("(\\S+): (\\d+) required (.*) missing")) return tr("{0}: {1} required {2} missing", name(1), m[2].str(), m[3].str());
        if (matches("(\\S+): At Most (\\d+) required but received (\\d+)"))
            return tr("{0}: At Most {1} required but received {2}", name(1), m[2].str(), m[3].str());
        if (matches("(\\S+): At least (\\d+) required but received (\\d+)"))
            return tr("{0}: At least {1} required but received {2}", name(1), m[2].str(), m[3].str());
        if (matches("Expected exactly (\\d+) arguments to (\\S+), got (\\d+)"))
            return tr("Expected exactly {0} arguments to {1}, got {2}", m[1].str(), name(2), m[3].str());
        if (matches("Expected at least (\\d+) arguments to (\\S+), got (\\d+)"))
            return tr("Expected at least {0} arguments to {1}, got {2}", m[1].str(), name(2), m[3].str());
        if (matches("(\\S+) was given a disallowed flag override"))
            return tr("{0} was given a disallowed flag override", name(1));
    } else if (dynamic_cast<const CLI::ConversionError*>(&e)) {
        if (matches("Could not convert: (\\S+) = (.*)")) return tr("Could not convert: {0} = {1}", name(1), m[2].str());
        if (matches("The value (.*) is not an allowed value for (\\S+)"))
            return tr("The value {0} is not an allowed value for {1}", m[1].str(), name(2));
        if (matches("(\\S+): too many inputs for a flag")) return tr("{0}: too many inputs for a flag", name(1));
        if (matches("(\\S+): Should be true/false or a number")) return tr("{0}: Should be true/false or a number", name(1));
    } else if (dynamic_cast<const CLI::RequiresError*>(&e)) {
        if (matches("(\\S+) requires (\\S+)")) return tr("{0} requires {1}", name(1), name(2));
    } else if (dynamic_cast<const CLI::ExcludesError*>(&e)) {
        if (matches("(\\S+) excludes (\\S+)")) return tr("{0} excludes {1}", name(1), name(2));
    }
    return what;
}

}  // namespace tthc::cli
