// The film catalogue: titles, year, genres, countries and cast of films,
// keyed by the movie ids reviews carry (NSMC's Naver `movie_id`). Read from
// a folder with the layout of ../shared/data/films at index time, stored
// once in the database, and used at query time to turn title:, cast:,
// genre: and year: into the films' movie terms, so film metadata costs
// nothing per passage.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace revsearch::entities {

struct Film {
  std::string id;        // movie id, as reviews carry it
  std::string title;     // Korean title ("시네마 천국")
  std::string title_en;  // English title without the year ("Cinema Paradiso")
  int year = 0;          // production year (from the English title), else the table's year
  std::vector<std::string> genres;
  std::vector<std::string> countries;
  std::vector<std::string> cast;     // person keys, credit order
  std::vector<std::string> leading;  // the leading roles among them
};

struct CatalogPerson {
  std::string key;
  std::string latin;   // original name, may be empty
  std::string hangul;  // Korean name, may be empty
};

// A line of a catalogue file that could not be used; the rest is kept.
struct CatalogProblem {
  std::string file;
  std::size_t line = 0;
  std::string reason;
};

class Catalog {
 public:
  Catalog() = default;
  // Reads DIR/movies.tsv (movie, title, title_eng, year, ...), people.tsv
  // (people, korean, original), castings.csv (movie, people, order,
  // leading), genres.csv and countries.csv (movie, value). movies.tsv is
  // required (InputError without it); the others may be missing. Bad
  // lines go to `problems`.
  static Catalog load(const std::string& dir, std::vector<CatalogProblem>& problems);
  // The stored form (database metadata) and back; decode(encode()) is equal.
  std::string encode() const;
  static Catalog decode(std::string_view text);
  // One film's stored form, for a side entry per film (a hit's film is read
  // without decoding the whole catalogue), and back.
  static std::string encode_film(const Film& film);
  static std::optional<Film> decode_film(std::string_view line);

  bool empty() const { return films_.empty(); }
  std::size_t size() const { return films_.size(); }
  std::size_t people() const { return people_.size(); }
  const Film* film(std::string_view id) const;
  const std::map<std::string, Film, std::less<>>& films() const { return films_; }
  // The person a name stands for, in either script or spelling ("Bruce
  // Willis", "브루스 윌리스", "브루스윌리스"); nullptr when none.
  const CatalogPerson* person_named(std::string_view name) const;
  const CatalogPerson* person(std::string_view key) const;

  // Movie ids, sorted: films whose Korean or English title has this title
  // key (entities::title_key), films with this person in the cast, films
  // of a genre or country (as written in the table), films made in [lo, hi].
  std::vector<std::string> titled(std::string_view title) const;
  std::vector<std::string> with_cast(std::string_view person_key) const;
  std::vector<std::string> in_genre(std::string_view genre) const;
  std::vector<std::string> in_country(std::string_view country) const;
  std::vector<std::string> made_in(int lo, int hi) const;

 private:
  void index();  // the lookups below, from films_ and people_
  std::map<std::string, Film, std::less<>> films_;
  std::map<std::string, CatalogPerson, std::less<>> people_;  // by key
  std::map<std::string, std::set<std::string>, std::less<>> by_title_, by_cast_, by_genre_, by_country_;
  std::map<std::string, std::string, std::less<>> names_;  // name form -> person key
};

// The lookup form of a name: Hangul without spaces, or lower-case Latin
// words joined by single spaces; empty for anything else.
std::string name_form(std::string_view name);

}  // namespace revsearch::entities
