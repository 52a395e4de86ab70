// Finds actor, character and title mentions in review passages, with byte
// offsets and canonical keys. Context carries across a review's passages: a
// given-name-only mention ("So Hee's performance") counts once the review
// named the full person, and the cast pattern
// `Character ( Actor - 'Title', ...)` links characters to actors.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "revsearch/entities/gazetteer.h"

namespace revsearch::entities {

enum class EntityKind { kActor, kCharacter, kTitle, kCrew };

std::string_view kind_name(EntityKind kind);

struct Mention {
  EntityKind kind = EntityKind::kActor;
  std::size_t begin = 0;  // byte offsets into the passage
  std::size_t end = 0;
  std::string key;        // canonical: "han-so-hui" (persons), "soundtrack#1" (titles)
  std::string name;       // display form: "Han So-hee", "Soundtrack #1"
  std::string given_key;  // persons: canonical given name ("so-hui")
  bool given_name_only = false;
  // Crew: the review calls this person a director ("director X", "X 감독").
  bool directed = false;
  // Characters: the actor who plays them in this review's title, if known.
  std::string actor_key;
  std::string actor_given_key;
};

// What one review has said so far. Feed its passages in order.
class ReviewContext {
 public:
  // `own_title`: the review's title from metadata or its heading.
  explicit ReviewContext(std::string_view own_title = {});
  // Title keys of the work reviewed (whole title and its part before ';'/':').
  const std::vector<std::string>& own_title_keys() const { return own_title_keys_; }
  const std::string& own_title_display() const { return own_title_display_; }

  struct Person {
    EntityKind kind;
    std::string name;
    std::string given_key;
    std::string actor_key;  // characters only
    std::string actor_given_key;
  };
  const std::map<std::string, Person, std::less<>>& people() const { return people_; }

 private:
  friend class Recognizer;
  std::vector<std::string> own_title_keys_;
  std::string own_title_display_;
  std::map<std::string, Person, std::less<>> people_;      // full key -> person
  std::map<std::string, std::string, std::less<>> given_;  // loose given key -> full key
  // Parts of people-table names named in full: "willis", "윌리스" -> key.
  std::map<std::string, std::string, std::less<>> words_;
  std::set<std::string, std::less<>> directed_;  // keys called a director
};

class Recognizer {
 public:
  explicit Recognizer(const Gazetteer& gazetteer = Gazetteer::builtin()) : gazetteer_(gazetteer) {}
  // Mentions in `passage`, sorted by offset; updates `context`.
  std::vector<Mention> find_mentions(std::string_view passage, ReviewContext& context) const;

 private:
  const Gazetteer& gazetteer_;
};

// Convenience: mentions in one text with a fresh context.
std::vector<Mention> find_mentions(std::string_view text, std::string_view own_title = {});

// Canonical title key: case-folded letters, digits, '#' and Hangul only, so
// "Soundtrack #1" == "soundtrack#1".
std::string title_key(std::string_view title);

// A name as typed in a query: a person of the people table in either script
// ("Bruce Willis", 브루스윌리스), a Korean full name ("Han So-hee", 한소희) or
// given name only ("Hyung Sik"). Empty key when the text is none of these.
struct NameQuery {
  std::string key;  // full key, or the given key when given_only
  bool given_only = false;
  bool known = false;  // a person the people table knows (given names: always)
};
NameQuery resolve_name(std::string_view name, const Gazetteer& gazetteer = Gazetteer::builtin());

}  // namespace revsearch::entities
