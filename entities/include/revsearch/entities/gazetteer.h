// Name knowledge compiled into the library: Hangul actor names from the
// drama casts (entities/data/gazetteer.tsv, made by tools/make_gazetteer.py)
// and corpus/actor-names.tsv.in pairing Hangul names with usual spellings.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace revsearch::entities {

class Gazetteer {
 public:
  // The data embedded at build time; parsed once.
  static const Gazetteer& builtin();
  // Parses the two TSV texts (name<TAB>count; hangul<TAB>romanised).
  Gazetteer(std::string_view cast_tsv, std::string_view curated_tsv);

  // Whether a Hangul name is a known actor.
  bool is_actor(std::string_view hangul) const { return hangul_.count(hangul) > 0; }
  // Whether a canonical name key belongs to a known actor (either script).
  bool is_actor_key(std::string_view key) const { return keys_.count(key) > 0; }
  // Curated display name ("Han So-hee") for a key, or empty.
  std::string display(std::string_view key) const;
  // Key aliases from the curated file ("a-i-yu" for IU -> 아이유's key).
  std::string resolve(std::string key) const;
  std::size_t size() const { return hangul_.size(); }

 private:
  std::set<std::string, std::less<>> hangul_;
  std::set<std::string, std::less<>> keys_;
  std::map<std::string, std::string, std::less<>> display_;
  std::map<std::string, std::string, std::less<>> aliases_;
};

}  // namespace revsearch::entities
