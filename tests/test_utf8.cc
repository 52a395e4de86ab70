// UTF-8 validation: a table of valid and invalid byte sequences.
#include <catch2/catch.hpp>

#include "revsearch/utf8.h"

using namespace revsearch;

TEST_CASE("utf8::first_invalid finds the first bad byte", "[utf8]") {
  struct Case {
    std::string bytes;
    std::optional<std::size_t> bad;
  };
  std::vector<Case> cases = {
      {"", std::nullopt},
      {"plain ascii", std::nullopt},
      {"한소희 So-Hee’s", std::nullopt},
      {"\xF0\x9F\x98\x80", std::nullopt},          // emoji, 4 bytes
      {"ab\xFF", 2},                               // never valid
      {"a\xC0\xAF", 1},                            // overlong '/'
      {"\xED\xA0\x80", 0},                         // surrogate
      {"ok\xE2\x82", 2},                           // truncated at end
      {"\xF4\x90\x80\x80", 0},                     // above U+10FFFF
      {"x\x80y", 1},                               // stray continuation
  };
  for (const Case& c : cases) {
    INFO("bytes: " << c.bytes);
    CHECK(utf8::first_invalid(c.bytes) == c.bad);
  }
}

TEST_CASE("utf8::truncate never cuts a code point", "[utf8]") {
  std::string text = "한소희";  // 3 bytes each
  CHECK(utf8::truncate(text, 9) == "한소희");
  CHECK(utf8::truncate(text, 8) == "한소");
  CHECK(utf8::truncate(text, 4) == "한");
  CHECK(utf8::truncate(text, 2).empty());
  CHECK(utf8::length(text) == 3);
}

TEST_CASE("utf8::append and next round-trip", "[utf8]") {
  std::string out;
  for (char32_t cp : {U'a', U'é', U'한', U'😀'}) utf8::append(out, cp);
  std::size_t i = 0;
  CHECK(utf8::next(out, i) == U'a');
  CHECK(utf8::next(out, i) == U'é');
  CHECK(utf8::next(out, i) == U'한');
  CHECK(utf8::next(out, i) == U'😀');
  CHECK(i == out.size());
}
