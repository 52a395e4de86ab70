// Parsing the embedded name lists into lookup tables.
#include "revsearch/entities/gazetteer.h"

#include "embedded_data.h"
#include "revsearch/entities/names.h"

namespace revsearch::entities {
namespace {

// Calls fn(first, second) for each "a<TAB>b" line; '#' lines are comments.
template <typename Fn>
void for_each_row(std::string_view tsv, Fn fn) {
  while (!tsv.empty()) {
    std::size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view{} : tsv.substr(nl + 1);
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    fn(line.substr(0, tab), line.substr(tab + 1));
  }
}

}  // namespace

const Gazetteer& Gazetteer::builtin() {
  static const Gazetteer instance(embedded::kCastTsv, embedded::kCuratedTsv);
  return instance;
}

Gazetteer::Gazetteer(std::string_view cast_tsv, std::string_view curated_tsv) {
  auto add_hangul = [this](std::string_view hangul) {
    std::vector<std::string> syl = name_syllables(hangul);
    if (syl.empty()) return std::string();
    hangul_.emplace(hangul);
    std::string key = join_key(syl);
    keys_.insert(key);
    return key;
  };
  for_each_row(cast_tsv, [&](std::string_view name, std::string_view) { add_hangul(name); });
  for_each_row(curated_tsv, [&](std::string_view hangul, std::string_view roman) {
    std::string key = add_hangul(hangul);
    if (key.empty()) return;
    display_[key] = std::string(roman);
    std::string roman_key = join_key(name_syllables(roman));
    if (!roman_key.empty() && roman_key != key) aliases_[roman_key] = key;
  });
}

std::string Gazetteer::display(std::string_view key) const {
  auto it = display_.find(key);
  return it == display_.end() ? std::string() : it->second;
}

std::string Gazetteer::resolve(std::string key) const {
  auto it = aliases_.find(key);
  return it == aliases_.end() ? key : it->second;
}

}  // namespace revsearch::entities
