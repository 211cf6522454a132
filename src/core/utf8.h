// UTF-8 text measured and cut on code points, never inside a character. The one copy used
// by core, the UI and the server.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace zygc::utf8 {

// Code points; a stray continuation byte is not counted, an invalid lead byte counts as one.
size_t count(std::string_view s);
// The longest prefix of `s` of at most `max_bytes` bytes that ends on a character boundary.
std::string_view truncate_bytes(std::string_view s, size_t max_bytes);
// The first `max_chars` code points of `s`.
std::string_view truncate_chars(std::string_view s, size_t max_chars);
// Copies `src` into a C buffer of `cap` bytes (NUL included), cut on a character boundary.
void copy(char* dst, size_t cap, std::string_view src);
// The code point at byte `i` of `s`, with `i` moved past it (`i` < s.size()). Meant for text
// already checked by valid(); an invalid lead byte is answered as itself, one byte long.
uint32_t next(std::string_view s, size_t& i);
// Well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool valid(std::string_view s);
// Appends code point `cp` (at most U+10FFFF) to `out` as UTF-8.
void append(std::string& out, uint32_t cp);

}  // namespace zygc::utf8
