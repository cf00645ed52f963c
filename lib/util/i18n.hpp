// Every word tthc says to a person goes through here: gettext's catalog of the
// "tthc" domain (po/vi.po) in the language LC_MESSAGES and LANGUAGE ask for,
// English otherwise (the C locale, CI logs, issue reports). What scripts parse
// never does: rule ids, positions, option names, JSON keys, XML.
//
// Messages with values are fmt format strings with positional arguments, so a
// translation can change the word order: tr("{0}: {1} is not a duration", file,
// value). xgettext finds them by these names (po/CMakeLists.txt: the keywords).
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace tthc {

// Binds the domain: the catalogs are found in TTHC_LOCALEDIR when set, else in
// locale/ beside the program's folder (the build tree: build/locale, made from
// po/ at build time), else in share/locale beside it (an installed prefix), else
// in the directory the build was configured to install to. Selects the locale
// of LC_MESSAGES only: numbers, collation and character classes stay "C", so
// nothing a script reads changes with the language. Translations come in
// UTF-8 whatever LC_CTYPE says. Call once, before any message is made.
void init_messages();

// The translation of msgid (gettext), or msgid itself.
const char* tr(const char* msgid);

// The translation of a format string, with the arguments put in.
template <typename... Args>
std::string tr(const char* msgid, const Args&... args)
{
    return fmt::format(fmt::runtime(tr(msgid)), args...);
}

// The translation of the singular or the plural for n (ngettext: Vietnamese has
// one form), with the arguments put in; n is usually one of them.
std::string trn_raw(const char* singular, const char* plural, unsigned long n);
template <typename... Args>
std::string trn(const char* singular, const char* plural, unsigned long n, const Args&... args)
{
    return fmt::format(fmt::runtime(trn_raw(singular, plural, n)), args...);
}

// The translation of msgid in a context (pgettext), for a short English word
// with two meanings ("error" the severity, "error" the noun).
const char* trc(const char* context, const char* msgid);

// What identifies the messages in use: "C" when nothing is translated, else
// the catalog's language and a digest of its header and file, so that what is
// kept between runs (the lint cache) never mixes languages.
std::string messages_identity();

// Whether the messages are being translated (a catalog is in use).
bool messages_translated();

}  // namespace tthc

// Marks a string for extraction without translating it where it is written (a
// table of rule texts); it is translated where it is shown, with tr().
#define N_(msgid) msgid
