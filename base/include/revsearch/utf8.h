// UTF-8 validation and small helpers used wherever untrusted bytes enter.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace revsearch::utf8 {

// Byte offset of the first invalid sequence, or nullopt when `text` is valid
// UTF-8 (overlong forms, surrogates and code points above U+10FFFF are
// invalid).
std::optional<std::size_t> first_invalid(std::string_view text);

inline bool is_valid(std::string_view text) { return !first_invalid(text); }

// Number of code points; `text` must be valid.
std::size_t length(std::string_view text);

// Longest prefix of at most `max_bytes` bytes that does not cut a code point.
std::string_view truncate(std::string_view text, std::size_t max_bytes);

// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

// Decodes the code point at `i` and advances `i`; `text` must be valid.
char32_t next(std::string_view text, std::size_t& i);

}  // namespace revsearch::utf8
