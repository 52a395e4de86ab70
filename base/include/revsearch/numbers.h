// Numbers read from text: the whole text, nothing before or after it.
#pragma once

#include <charconv>
#include <optional>
#include <string_view>
#include <system_error>

namespace revsearch {

// The number `text` spells (std::from_chars syntax: no leading '+' or
// space), or nullopt when it is empty, malformed, out of range or followed
// by anything.
template <typename T>
std::optional<T> parse_number(std::string_view text) {
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace revsearch
