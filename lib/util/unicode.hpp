// Unicode helpers for Vietnamese text: validity, NFC (text is compared after NFC
// normalisation, per the catalog format), case folding and edit distance.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/error.hpp"

namespace tthc {

// The position (1-based line, column in code points) of the first byte that is
// not valid UTF-8, or nothing when the whole text is valid.
std::optional<Pos> find_invalid_utf8(std::string_view text);

// Whether the whole text is valid UTF-8 (no overlong form, surrogate or code
// point above U+10FFFF): one pass, eight ASCII bytes at a time.
bool is_valid_utf8(std::string_view text);

// True when the text is already in NFC (fast path for ASCII).
bool is_nfc(std::string_view utf8);

// The NFC form of valid UTF-8 text.
std::string to_nfc(std::string_view utf8);

// NFC, lower case, surrounding white space removed and inner runs collapsed to
// one space: the form in which names are compared ("Thủ tục  Đăng ký" equals
// "thủ tục đăng ký").
std::string fold(std::string_view utf8);

// Number of code points in valid UTF-8 text.
std::size_t code_points(std::string_view utf8);

// Levenshtein distance counted in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Decodes the code point at byte offset i and advances i past it; -1 for an
// invalid sequence (i then skips the bad bytes).
int32_t next_code_point(std::string_view s, std::size_t& i);

// Unicode letter and case properties of one code point (ICU), for scanning
// Vietnamese text: a letter glued to a number, a capital inside a name.
bool is_letter(int32_t c);
bool is_upper(int32_t c);
bool is_lower(int32_t c);

// The code point that ends just before byte offset i (0 < i <= size), and
// moves i back to where it starts; -1 for an invalid sequence.
int32_t prev_code_point(std::string_view s, std::size_t& i);

// Trims ASCII white space at both ends.
std::string_view trim(std::string_view s);

}  // namespace tthc
