// Benchmarks: NSMC reviews from the .jsonl.gz in ../shared/data.
#pragma once

#include <zlib.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <stdexcept>
#include <string>

namespace revsearch::bench {

struct NsmcReview {
  std::string id;
  std::string text;
  bool test_split = false;  // id ends in digit 0 (data README convention)
};

// Calls `visit` for each well-formed review until it returns false.
inline void read_nsmc(const std::string& path, const std::function<bool(const NsmcReview&)>& visit) {
  gzFile in = gzopen(path.c_str(), "rb");
  if (!in) throw std::runtime_error("cannot open " + path);
  std::string line;
  char buffer[1 << 16];
  bool go_on = true;
  while (go_on && gzgets(in, buffer, sizeof buffer)) {
    line += buffer;
    if (line.empty() || line.back() != '\n') continue;
    auto json = nlohmann::json::parse(line, nullptr, false);
    line.clear();
    if (!json.is_object() || !json.contains("id") || !json.contains("text")) continue;
    if (!json["id"].is_string() || !json["text"].is_string()) continue;
    NsmcReview review{json["id"].get<std::string>(), json["text"].get<std::string>(), false};
    review.test_split = !review.id.empty() && review.id.back() == '0';
    go_on = visit(review);
  }
  gzclose(in);
}

}  // namespace revsearch::bench
