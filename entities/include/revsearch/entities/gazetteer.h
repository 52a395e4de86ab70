// Name knowledge compiled into the library: film and drama people in both
// scripts (entities/data/gazetteer.tsv from the drama casts,
// entities/data/film-people.tsv from the films table, and
// corpus/actor-names.tsv.in pairing Hangul names with usual spellings),
// turned into one precomputed table at build time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace revsearch::entities {

struct Person {
  std::string_view key;     // canonical: "han-so-hui", "bruce-willis"
  std::string_view latin;   // display in Latin script ("Bruce Willis"), may be empty
  std::string_view hangul;  // display in Hangul ("브루스 윌리스"), may be empty
  bool actor = false;       // has a cast credit (else director or crew)
  // The display name in Hangul when `like` has Hangul, else in Latin script;
  // the other when that one is missing.
  std::string_view display_like(std::string_view like) const;
};

class Gazetteer {
 public:
  // The table embedded at build time; parsed once, on first use.
  static const Gazetteer& builtin();
  // Parses a table in the generated format (see embedded_data.h). The text
  // must outlive the gazetteer: entries point into it.
  explicit Gazetteer(std::string_view table);

  // A person by a Hangul form without spaces ("브루스윌리스", "한소희").
  const Person* by_hangul(std::string_view form) const;
  // A person by lower-case Latin words joined by single spaces ("bruce willis").
  const Person* by_latin(std::string_view words) const;
  // A person by canonical key.
  const Person* by_key(std::string_view key) const;

  // Whether a Hangul name is a known actor.
  bool is_actor(std::string_view hangul) const;
  // Whether a canonical name key belongs to a known person (either script).
  bool is_actor_key(std::string_view key) const { return by_key(key) != nullptr; }
  // Latin display name ("Han So-hee") for a key, or empty.
  std::string display(std::string_view key) const;
  // Key aliases from the curated file ("a-i-yu" for IU -> 아이유's key).
  std::string resolve(std::string key) const;
  std::size_t size() const { return people_.size(); }
  // The longest Latin form, in words (for the recogniser's window).
  std::size_t max_latin_words() const { return max_latin_words_; }

 private:
  // form -> person; hashed, because the recogniser looks up many candidate
  // forms in every passage it indexes.
  using Index = std::unordered_map<std::string_view, std::size_t>;
  static const Person* find(const Index& index, const std::vector<Person>& people, std::string_view form);
  std::vector<Person> people_;  // sorted by key
  Index hangul_, latin_, aliases_;
  std::size_t max_latin_words_ = 0;
};

}  // namespace revsearch::entities
