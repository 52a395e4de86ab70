// Varint-framed fields after a format byte and a presence mask: no field
// names, nothing stored for an empty field. See passage_record.h. The text
// is stored in BOCU-1 (Unicode's compact encoding: a Hangul syllable takes
// 2 bytes instead of UTF-8's 3, ASCII stays 1; NSMC text 16% smaller), and
// a rating in tenths as a varint when that is exact.
#include "revsearch/passage_record.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

namespace revsearch {
namespace {

// First byte. Format 1 stored UTF-8 text and a double rating; a JSON record
// from before starts with '{'. Neither is read (index_format.h refuses
// those databases).
constexpr char kFormat = 2;

// Presence bits (the fields follow in encode()'s order, not bit order). The
// ones nearly every record has come first: the mask is a varint, two bytes
// up to bit 13.
enum : std::uint32_t {
  kText = 1 << 0,
  kLang = 1 << 1,
  kSource = 1 << 2,
  kLabel = 1 << 3,
  kReviewId = 1 << 4,
  kRating = 1 << 5,
  kScore = 1 << 6,
  kTextBocu1 = 1 << 7,     // the text is BOCU-1 (else UTF-8: not valid Unicode)
  kRatingTenths = 1 << 8,  // the rating is a varint of tenths (else a double)
  kMovie = 1 << 9,
  kDate = 1 << 10,
  kTitle = 1 << 11,
  kBoilerplate = 1 << 12,
  kActors = 1 << 13,
  kCharacters = 1 << 14,
  kTitles = 1 << 15,
  kOpinions = 1 << 16,
  kKnown = (1 << 17) - 1,
};

void put_double(std::string& out, double v) {
  char bytes[sizeof v];
  std::memcpy(bytes, &v, sizeof v);
  out.append(bytes, sizeof v);
}

constexpr std::string_view kLabels[] = {"positive", "negative", "neutral", "mixed"};

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

void put_string(std::string& out, std::string_view s) {
  put_varint(out, s.size());
  out += s;
}

// One BOCU-1 converter per thread (a converter is not thread-safe; opening
// one per record would cost more than the conversion).
UConverter* bocu1() {
  struct Converter {
    UConverter* c = nullptr;
    Converter() {
      UErrorCode status = U_ZERO_ERROR;
      c = ucnv_open("BOCU-1", &status);
      if (U_FAILURE(status)) c = nullptr;
    }
    ~Converter() {
      if (c) ucnv_close(c);
    }
  };
  thread_local Converter converter;
  return converter.c;
}

std::optional<std::string> bocu1_to_utf8(std::string_view bytes) {
  UConverter* c = bocu1();
  if (!c || bytes.size() > INT32_MAX / 2) return std::nullopt;
  std::u16string utf16(bytes.size() * 2 + 2, u'\0');  // a byte makes at most one code point
  UErrorCode status = U_ZERO_ERROR;
  int32_t units = ucnv_toUChars(c, utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                                static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out(static_cast<std::size_t>(units) * 3, '\0');
  int32_t length = 0;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &length, utf16.data(), units, &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(length));
  return out;
}

// nullopt when the text is not valid UTF-8 or would not come back the same.
std::optional<std::string> utf8_to_bocu1(std::string_view text) {
  UConverter* c = bocu1();
  if (!c || text.size() > INT32_MAX / 4) return std::nullopt;
  std::u16string utf16(text.size() + 1, u'\0');
  int32_t units = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &units, text.data(),
                static_cast<int32_t>(text.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out(static_cast<std::size_t>(units) * 4 + 4, '\0');
  int32_t length = ucnv_fromUChars(c, out.data(), static_cast<int32_t>(out.size()), utf16.data(), units, &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(length));
  if (bocu1_to_utf8(out) != text) return std::nullopt;
  return out;
}

// A rating in tenths, when that gives back exactly the same double.
std::optional<std::uint64_t> tenths(double rating) {
  if (!(rating >= 0 && rating <= 1e6)) return std::nullopt;
  double scaled = std::round(rating * 10);
  if (static_cast<double>(static_cast<std::uint64_t>(scaled)) / 10 != rating) return std::nullopt;
  return static_cast<std::uint64_t>(scaled);
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool varint(std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= bytes_.size()) return false;
      auto byte = static_cast<unsigned char>(bytes_[pos_++]);
      v |= std::uint64_t{byte & 0x7Fu} << shift;
      if (!(byte & 0x80)) return true;
    }
    return false;
  }
  bool string(std::string& s) {
    std::uint64_t n = 0;
    if (!varint(n) || n > bytes_.size() - pos_) return false;
    s.assign(bytes_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool strings(std::vector<std::string>& list) {
    std::uint64_t n = 0;
    if (!varint(n) || n > bytes_.size() - pos_) return false;  // each string takes a byte at least
    list.resize(n);
    for (std::string& s : list) {
      if (!string(s)) return false;
    }
    return true;
  }
  bool number(double& v) {
    if (bytes_.size() - pos_ < sizeof v) return false;
    std::memcpy(&v, bytes_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return true;
  }
  bool at_end() const { return pos_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string PassageRecord::encode() const {
  std::uint32_t mask = 0;
  std::size_t label = std::size(kLabels);
  for (std::size_t i = 0; i < std::size(kLabels); ++i) {
    if (kLabels[i] == sentiment_label) label = i;
  }
  if (!text.empty()) mask |= kText;
  std::optional<std::string> compact_text = text.empty() ? std::nullopt : utf8_to_bocu1(text);
  if (compact_text) mask |= kTextBocu1;
  std::optional<std::uint64_t> rating_tenths = rating ? tenths(*rating) : std::nullopt;
  if (rating_tenths) mask |= kRatingTenths;
  if (!title.empty()) mask |= kTitle;
  if (!lang.empty()) mask |= kLang;
  if (boilerplate) mask |= kBoilerplate;
  if (source_file || source_line) mask |= kSource;
  if (!date.empty()) mask |= kDate;
  if (!movie_id.empty()) mask |= kMovie;
  if (label < std::size(kLabels)) mask |= kLabel;
  if (!actors.empty()) mask |= kActors;
  if (!characters.empty()) mask |= kCharacters;
  if (!titles.empty()) mask |= kTitles;
  if (!review_id.empty()) mask |= kReviewId;
  if (rating) mask |= kRating;
  if (sentiment) mask |= kScore;
  if (!opinions.empty()) mask |= kOpinions;

  std::string out(1, kFormat);
  out.reserve(text.size() + 32);
  put_varint(out, mask);
  put_varint(out, passage);
  if (mask & kReviewId) put_string(out, review_id);
  if (rating_tenths) {
    put_varint(out, *rating_tenths);
  } else if (mask & kRating) {
    put_double(out, *rating);
  }
  if (mask & kScore) put_double(out, *sentiment);
  if (mask & kText) put_string(out, compact_text ? *compact_text : text);
  if (mask & kTitle) put_string(out, title);
  if (mask & kLang) put_string(out, lang);
  if (mask & kSource) {
    put_varint(out, source_file);
    put_varint(out, source_line);
  }
  if (mask & kDate) put_string(out, date);
  if (mask & kMovie) put_string(out, movie_id);
  if (mask & kLabel) out += static_cast<char>(label);
  for (auto [bit, list] : {std::pair{kActors, &actors}, std::pair{kCharacters, &characters},
                           std::pair{kTitles, &titles}}) {
    if (!(mask & bit)) continue;
    put_varint(out, list->size());
    for (const std::string& name : *list) put_string(out, name);
  }
  if (mask & kOpinions) {
    put_varint(out, opinions.size());
    for (const StoredOpinion& o : opinions) {
      put_string(out, o.entity);
      std::size_t index = 0;
      while (index < std::size(kLabels) && kLabels[index] != o.label) ++index;
      put_varint(out, index);
      put_varint(out, o.begin);
      put_varint(out, o.end - o.begin);
      // -1..+1 in thousandths, shifted to 0..2000.
      put_varint(out, static_cast<std::uint64_t>(std::lround((std::clamp(o.score, -1.0, 1.0) + 1) * 1000)));
    }
  }
  return out;
}

std::optional<PassageRecord> PassageRecord::decode(std::string_view bytes) {
  if (bytes.empty() || bytes[0] != kFormat) return std::nullopt;
  Reader in(bytes.substr(1));
  PassageRecord r;
  std::uint64_t mask = 0, passage = 0;
  if (!in.varint(mask) || (mask & ~std::uint64_t{kKnown}) || !in.varint(passage) || passage > 0xFFFFFFFFu) {
    return std::nullopt;
  }
  r.passage = static_cast<unsigned>(passage);
  r.boilerplate = mask & kBoilerplate;
  if ((mask & kReviewId) && !in.string(r.review_id)) return std::nullopt;
  double number = 0;
  if (mask & kRatingTenths) {
    std::uint64_t value = 0;
    if (!(mask & kRating) || !in.varint(value) || value > 10'000'000) return std::nullopt;
    r.rating = static_cast<double>(value) / 10;
  } else if (mask & kRating) {
    if (!in.number(number)) return std::nullopt;
    r.rating = number;
  }
  if (mask & kScore) {
    if (!in.number(number)) return std::nullopt;
    r.sentiment = number;
  }
  if ((mask & kText) && !in.string(r.text)) return std::nullopt;
  if (mask & kTextBocu1) {
    std::optional<std::string> utf8 = (mask & kText) ? bocu1_to_utf8(r.text) : std::nullopt;
    if (!utf8) return std::nullopt;
    r.text = std::move(*utf8);
  }
  if ((mask & kTitle) && !in.string(r.title)) return std::nullopt;
  if ((mask & kLang) && !in.string(r.lang)) return std::nullopt;
  if (mask & kSource) {
    std::uint64_t file = 0;
    if (!in.varint(file) || file > 0xFFFFFFFFu || !in.varint(r.source_line)) return std::nullopt;
    r.source_file = static_cast<std::uint32_t>(file);
  }
  if ((mask & kDate) && !in.string(r.date)) return std::nullopt;
  if ((mask & kMovie) && !in.string(r.movie_id)) return std::nullopt;
  if (mask & kLabel) {
    std::uint64_t label = 0;
    if (!in.varint(label) || label >= std::size(kLabels)) return std::nullopt;
    r.sentiment_label = kLabels[label];
  }
  for (auto [bit, list] : {std::pair{kActors, &r.actors}, std::pair{kCharacters, &r.characters},
                           std::pair{kTitles, &r.titles}}) {
    if ((mask & bit) && !in.strings(*list)) return std::nullopt;
  }
  if (mask & kOpinions) {
    std::uint64_t n = 0;
    if (!in.varint(n) || n > bytes.size()) return std::nullopt;
    r.opinions.resize(n);
    for (StoredOpinion& o : r.opinions) {
      std::uint64_t label = 0, begin = 0, length = 0, score = 0;
      if (!in.string(o.entity) || !in.varint(label) || label >= std::size(kLabels) || !in.varint(begin) ||
          !in.varint(length) || begin + length > r.text.size() || !in.varint(score) || score > 2000) {
        return std::nullopt;
      }
      o.label = kLabels[label];
      o.begin = static_cast<std::uint32_t>(begin);
      o.end = static_cast<std::uint32_t>(begin + length);
      o.score = static_cast<double>(score) / 1000 - 1;
    }
  }
  if (!in.at_end()) return std::nullopt;
  return r;
}

std::uint32_t source_key(std::string_view path) {
  std::uint32_t h = 2166136261u;  // FNV-1a 32
  for (unsigned char c : path) {
    h ^= c;
    h *= 16777619u;
  }
  return h ? h : 1;  // 0 means "unknown"
}

std::string source_metadata_key(std::uint32_t key) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "revsearch.source:%08x", key);
  return buf;
}

}  // namespace revsearch
