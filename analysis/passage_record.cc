// Varint-framed fields after a format byte and a presence mask: no field
// names, nothing stored for an empty field. See passage_record.h.
#include "revsearch/passage_record.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace revsearch {
namespace {

constexpr char kFormat = 1;  // first byte; a JSON record from before starts with '{'

// Presence bits (the fields follow in encode()'s order, not bit order).
enum : std::uint32_t {
  kText = 1 << 0,
  kTitle = 1 << 1,
  kLang = 1 << 2,
  kBoilerplate = 1 << 3,
  kSource = 1 << 4,
  kDate = 1 << 5,
  kMovie = 1 << 6,
  kLabel = 1 << 7,
  kActors = 1 << 8,
  kCharacters = 1 << 9,
  kTitles = 1 << 10,
  kReviewId = 1 << 11,
  kRating = 1 << 12,
  kScore = 1 << 13,
  kOpinions = 1 << 14,
  kKnown = (1 << 15) - 1,
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
  if (mask & kRating) put_double(out, *rating);
  if (mask & kScore) put_double(out, *sentiment);
  if (mask & kText) put_string(out, text);
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
  if (mask & kRating) {
    if (!in.number(number)) return std::nullopt;
    r.rating = number;
  }
  if (mask & kScore) {
    if (!in.number(number)) return std::nullopt;
    r.sentiment = number;
  }
  if ((mask & kText) && !in.string(r.text)) return std::nullopt;
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
