// Text as a person types it when searching: without diacritics and case
// ("dang ky khai sinh" for "Thủ tục đăng ký khai sinh", "d" for "Đ"), by ICU
// transliteration ("Any-Latin; Latin-ASCII; Lower") rather than a table of our
// own, with a map back to the original bytes so a match can be highlighted in
// the text as written. And the Vietnamese order of names (ICU Collator "vi").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tthc {

// Folded text: lower-case ASCII letters and digits, every run of other
// characters (spaces, punctuation) as one space, no space at either end.
// `source[i]` is the byte offset in the original text of the character that
// gave byte i of `text`; `source[text.size()]` is the original's end of the
// last character folded (so [source[a], source[b]) is the original of [a, b)).
struct FoldedText {
    std::string text;
    std::vector<std::size_t> source;
};

// Folds valid UTF-8 text, NFC or not (a combining mark is dropped with its letter's
// diacritics). A character ICU leaves outside ASCII
// (Chinese, say) is kept as its UTF-8 bytes and counts as a letter. Throws
// Error when ICU cannot build the transliterator.
FoldedText search_fold(std::string_view utf8);

// Vietnamese collation (ICU Collator "vi": "Đ" after "D", "ă" and "â" after
// "a"); byte order when ICU has no Vietnamese rules.
bool vi_collate_less(std::string_view a, std::string_view b);

}  // namespace tthc
