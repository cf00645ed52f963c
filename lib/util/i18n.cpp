#include "util/i18n.hpp"

#include <libintl.h>
#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "util/digest.hpp"

#ifndef TTHC_INSTALL_LOCALEDIR
#define TTHC_INSTALL_LOCALEDIR "/usr/local/share/locale"
#endif

namespace fs = std::filesystem;

namespace tthc {

namespace {

constexpr const char* domain = "tthc";

std::string& bound_dir()
{
    static std::string dir;
    return dir;
}

std::string program_dir()
{
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : exe.parent_path().string();
}

std::string find_locale_dir()
{
    if (const char* env = std::getenv("TTHC_LOCALEDIR"); env && *env) return env;
    std::error_code ec;
    if (const std::string dir = program_dir(); !dir.empty()) {
        for (const char* rel : {"../locale", "../share/locale"}) {
            const fs::path candidate = fs::path(dir) / rel;
            if (fs::exists(candidate / "vi" / "LC_MESSAGES" / "tthc.mo", ec))
                return candidate.lexically_normal().string();
        }
    }
    return TTHC_INSTALL_LOCALEDIR;
}

// The languages gettext tries, in its order: none in the C locale, else
// LANGUAGE's list when set, else the LC_MESSAGES locale; each also without its
// codeset and territory (vi_VN.UTF-8, vi_VN, vi).
std::vector<std::string> wanted_languages()
{
    const char* current = std::setlocale(LC_MESSAGES, nullptr);
    const std::string name = current ? current : "C";
    if (name == "C" || name == "POSIX") return {};
    std::vector<std::string> list;
    const char* language = std::getenv("LANGUAGE");
    std::string spec = language && *language ? language : name;
    std::stringstream in(spec);
    for (std::string item; std::getline(in, item, ':');) {
        if (item.empty()) continue;
        list.push_back(item);
        const auto cut = item.find_first_of(".@");
        if (cut != std::string::npos) list.push_back(item.substr(0, cut));
        const auto under = item.find('_');
        if (under != std::string::npos) list.push_back(item.substr(0, under));
    }
    return list;
}

}  // namespace

void init_messages()
{
    std::setlocale(LC_MESSAGES, "");
    bound_dir() = find_locale_dir();
    bindtextdomain(domain, bound_dir().c_str());
    bind_textdomain_codeset(domain, "UTF-8");
}

const char* tr(const char* msgid)
{
    return dgettext(domain, msgid);
}

std::string trn_raw(const char* singular, const char* plural, unsigned long n)
{
    return dngettext(domain, singular, plural, n);
}

const char* trc(const char* context, const char* msgid)
{
    // pgettext's form: the context and the id joined by EOT (gettext.h)
    const std::string key = std::string(context) + '\004' + msgid;
    const char* translated = dgettext(domain, key.c_str());
    return translated == key.c_str() ? msgid : translated;  // dgettext returns its argument when nothing matches
}

bool messages_translated()
{
    return *dgettext(domain, "") != '\0';
}

std::string messages_identity()
{
    if (!messages_translated()) return "C";
    std::error_code ec;
    for (const auto& lang : wanted_languages()) {
        const fs::path mo = fs::path(bound_dir()) / lang / "LC_MESSAGES" / "tthc.mo";
        if (!fs::is_regular_file(mo, ec)) continue;
        std::ifstream in(mo, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        return lang + " " + sha256_hex(bytes.str());
    }
    return sha256_hex(dgettext(domain, ""));  // the catalog's header, when its file is not where gettext was bound
}

}  // namespace tthc
