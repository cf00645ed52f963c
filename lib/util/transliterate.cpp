#include "util/transliterate.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>
#include <unordered_map>

#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/unicode.hpp"

namespace tthc {

namespace {

// One transliterator, and the folding of each code point met so far: a
// catalog uses a few hundred distinct characters, so the transliterator runs
// once per character rather than once per text.
class Folder {
public:
    Folder()
    {
        UErrorCode status = U_ZERO_ERROR;
        t_.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !t_)
            throw Error(tr("cannot build the ICU transliterator '{0}'", "Any-Latin; Latin-ASCII; Lower"));
    }

    const std::string& fold(int32_t c)
    {
        std::lock_guard lock(mutex_);
        auto it = cache_.find(c);
        if (it != cache_.end()) return it->second;
        icu::UnicodeString u(static_cast<UChar32>(c));
        t_->transliterate(u);
        std::string out;
        u.toUTF8String(out);
        return cache_.emplace(c, std::move(out)).first->second;
    }

private:
    std::unique_ptr<icu::Transliterator> t_;
    std::unordered_map<int32_t, std::string> cache_;
    std::mutex mutex_;
};

Folder& folder()
{
    static Folder f;
    return f;
}

bool word_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80; }

}  // namespace

FoldedText search_fold(std::string_view utf8)
{
    FoldedText out;
    out.text.reserve(utf8.size());
    out.source.reserve(utf8.size() + 1);
    std::size_t end = 0;  // the original end of the last letter or digit appended
    auto put = [&](char b, std::size_t from) {
        out.text.push_back(b);
        out.source.push_back(from);
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t start = i;
        const int32_t c = next_code_point(utf8, i);
        std::string ascii;
        if (c >= 0x80 && (U_GET_GC_MASK(c) & U_GC_MN_MASK)) {
            // a combining mark (NFD text): its letter was folded already; it belongs to the letter
            if (!out.text.empty() && out.text.back() != ' ') end = i;
            continue;
        }
        if (c >= 0 && c < 0x80) {
            ascii.assign(1, static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        } else if (c >= 0) {
            ascii = folder().fold(c);
        }
        for (char b : ascii) {
            if (word_byte(static_cast<unsigned char>(b))) {
                put(b, start);
                end = i;
            } else if (!out.text.empty() && out.text.back() != ' ') {
                put(' ', start);
            }
        }
    }
    if (!out.text.empty() && out.text.back() == ' ') {
        out.text.pop_back();
        out.source.pop_back();
    }
    out.source.push_back(end);
    return out;
}

namespace {

class Collator {
public:
    Collator()
    {
        UErrorCode status = U_ZERO_ERROR;
        c_.reset(icu::Collator::createInstance(icu::Locale("vi"), status));
        if (U_FAILURE(status)) c_.reset();
    }
    bool less(std::string_view a, std::string_view b) const
    {
        if (!c_) return a < b;
        UErrorCode status = U_ZERO_ERROR;
        return c_->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                               icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status) == UCOL_LESS;
    }

private:
    std::unique_ptr<icu::Collator> c_;
};

}  // namespace

bool vi_collate_less(std::string_view a, std::string_view b)
{
    static const Collator c;
    return c.less(a, b);
}

}  // namespace tthc
