// Reading the film catalogue from its files, storing it in one text, and
// the lookups the query side expands title:/cast:/genre:/year: with.
#include "revsearch/entities/catalog.h"

#include <algorithm>
#include <fstream>

#include "revsearch/entities/gazetteer.h"
#include "revsearch/entities/names.h"
#include "revsearch/entities/recognizer.h"
#include "revsearch/errors.h"
#include "revsearch/numbers.h"
#include "revsearch/utf8.h"

namespace revsearch::entities {
namespace {

// Fields of one line: tab-separated, or comma-separated with RFC 4180 quotes.
std::vector<std::string> split_line(std::string_view line, char sep) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (sep == ',' && c == '"') {
      if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (c == sep && !quoted) {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

// Stored fields never hold the separators of the stored form.
std::string clean(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\t' || c == '\n' || c == '\r' || c == '|') ? ' ' : c;
  std::size_t a = out.find_first_not_of(' '), b = out.find_last_not_of(' ');
  return a == std::string::npos ? std::string() : out.substr(a, b + 1 - a);
}

// "Cinema Paradiso , 1988" -> ("Cinema Paradiso", 1988).
std::pair<std::string, std::optional<int>> title_and_year(const std::string& title_eng) {
  std::size_t comma = title_eng.rfind(',');
  if (comma != std::string::npos) {
    std::string tail = clean(std::string_view(title_eng).substr(comma + 1));
    if (auto year = parse_number<int>(tail); year && tail.size() == 4) return {clean(title_eng.substr(0, comma)), year};
  }
  return {title_eng, std::nullopt};
}

// Calls fn(line number, fields) for each data line after the header.
template <typename Fn>
bool for_each_line(const std::string& path, char sep, std::size_t min_fields, std::vector<CatalogProblem>& problems,
                   Fn fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    if (++number == 1 || line.empty() || line == "\r") continue;  // header
    if (!utf8::is_valid(line)) {
      problems.push_back({path, number, "invalid UTF-8"});
      continue;
    }
    std::vector<std::string> fields = split_line(line, sep);
    if (fields.size() < min_fields) {
      problems.push_back({path, number, "expected " + std::to_string(min_fields) + " fields, found " +
                                            std::to_string(fields.size())});
      continue;
    }
    if (std::string reason = fn(number, fields); !reason.empty()) problems.push_back({path, number, reason});
  }
  return true;
}

std::string join(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& s : list) out += (out.empty() ? "" : "|") + s;
  return out;
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  std::size_t from = 0;
  for (std::size_t bar; (bar = s.find('|', from)) != std::string_view::npos; from = bar + 1) {
    out.emplace_back(s.substr(from, bar - from));
  }
  out.emplace_back(s.substr(from));
  return out;
}

std::vector<std::string> ids(const std::map<std::string, std::set<std::string>, std::less<>>& index,
                             std::string_view key) {
  auto it = index.find(key);
  return it == index.end() ? std::vector<std::string>{} : std::vector<std::string>(it->second.begin(), it->second.end());
}

}  // namespace

std::string name_form(std::string_view name) {
  std::string hangul;
  bool latin = false, other = false;
  std::size_t i = 0;
  while (i < name.size()) {
    std::size_t start = i;
    char32_t c = utf8::next(name, i);
    if (is_hangul_syllable(c)) hangul.append(name.substr(start, i - start));
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) latin = true;
    else if (c != ' ' && c != '-' && c != '.' && c != '\'' && c != '\t') other = true;
  }
  if (other || (latin && !hangul.empty())) return {};
  if (!hangul.empty()) return hangul;
  std::string form;
  for (const std::string& w : latin_words(name)) form += (form.empty() ? "" : " ") + w;
  return form;
}

Catalog Catalog::load(const std::string& dir, std::vector<CatalogProblem>& problems) {
  Catalog catalog;
  const Gazetteer& gazetteer = Gazetteer::builtin();
  std::string base = dir.empty() || dir.back() == '/' ? dir : dir + "/";
  bool found = for_each_line(base + "movies.tsv", '\t', 3, problems, [&](std::size_t, const auto& f) {
    std::string id = clean(f[0]);
    if (id.empty()) return std::string("empty movie id");
    Film film;
    film.id = id;
    film.title = clean(f[1]);
    auto [title_en, year] = title_and_year(clean(f[2]));
    film.title_en = title_en;
    if (!year && f.size() > 3) year = parse_number<int>(clean(f[3]));
    film.year = year.value_or(0);
    // A film without titles still has its cast, genres and year.
    catalog.films_[id] = std::move(film);
    return std::string();
  });
  if (!found) throw InputError("catalogue '" + dir + "': cannot read movies.tsv");

  // People: the key the recogniser gives them (the built-in people table
  // knows most; others get the same rule it was made with).
  std::map<std::string, std::string> key_of;  // people id -> key
  for_each_line(base + "people.tsv", '\t', 2, problems, [&](std::size_t, const auto& f) {
    std::string hangul = clean(f[1]);
    std::string latin = f.size() > 2 ? clean(f[2]) : std::string();
    std::string latin_form = name_form(latin);
    if (latin_form.empty() || latin_form.find(' ') == std::string::npos) latin.clear();
    if (hangul.empty() && latin.empty()) return std::string("person " + clean(f[0]) + " has no usable name");
    const Person* known = gazetteer.by_hangul(name_form(hangul));
    if (!known && !latin.empty()) known = gazetteer.by_latin(name_form(latin));
    std::string key = known ? std::string(known->key) : person_key(hangul, latin);
    if (key.empty()) return std::string("person " + clean(f[0]) + " has no usable name");
    key_of[clean(f[0])] = key;
    CatalogPerson& p = catalog.people_[key];
    p.key = key;
    if (p.hangul.empty()) p.hangul = hangul;
    if (p.latin.empty()) p.latin = latin;
    return std::string();
  });
  struct Credit {
    int order;
    std::string key;
    bool leading;
  };
  std::map<std::string, std::vector<Credit>> credits;
  for_each_line(base + "castings.csv", ',', 2, problems, [&](std::size_t, const auto& f) {
    std::string movie = clean(f[0]), person = clean(f[1]);
    if (!catalog.films_.count(movie)) return std::string("movie " + movie + " is not in movies.tsv");
    auto key = key_of.find(person);
    if (key == key_of.end()) return std::string("person " + person + " is not in people.tsv");
    int order = f.size() > 2 ? parse_number<int>(clean(f[2])).value_or(1000) : 1000;
    credits[movie].push_back({order, key->second, f.size() > 3 && clean(f[3]) == "1"});
    return std::string();
  });
  for (auto& [movie, list] : credits) {
    std::stable_sort(list.begin(), list.end(), [](const Credit& a, const Credit& b) { return a.order < b.order; });
    Film& film = catalog.films_[movie];
    for (const Credit& c : list) {
      if (std::find(film.cast.begin(), film.cast.end(), c.key) != film.cast.end()) continue;
      film.cast.push_back(c.key);
      if (c.leading) film.leading.push_back(c.key);
    }
  }
  for (auto [file, member] : {std::pair{"genres.csv", &Film::genres}, std::pair{"countries.csv", &Film::countries}}) {
    for_each_line(base + file, ',', 2, problems, [&, member = member](std::size_t, const auto& f) {
      auto film = catalog.films_.find(clean(f[0]));
      if (film == catalog.films_.end()) return std::string("movie " + clean(f[0]) + " is not in movies.tsv");
      std::string value = clean(f[1]);
      if (value.empty()) return std::string("empty value");
      std::vector<std::string>& list = film->second.*member;
      if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
      return std::string();
    });
  }
  // Only the people some film credits are kept: crew-only people are
  // recognised from the built-in table, and cast: needs no others.
  std::set<std::string> credited;
  for (const auto& [id, film] : catalog.films_) credited.insert(film.cast.begin(), film.cast.end());
  for (auto it = catalog.people_.begin(); it != catalog.people_.end();) {
    it = credited.count(it->first) ? std::next(it) : catalog.people_.erase(it);
  }
  catalog.index();
  return catalog;
}

std::string Catalog::encode_film(const Film& f) {
  return "F\t" + f.id + "\t" + std::to_string(f.year) + "\t" + f.title + "\t" + f.title_en + "\t" + join(f.genres) +
         "\t" + join(f.countries) + "\t" + join(f.cast) + "\t" + join(f.leading);
}

std::optional<Film> Catalog::decode_film(std::string_view line) {
  std::vector<std::string> f = split_line(line, '\t');
  if (f[0] != "F" || f.size() != 9) return std::nullopt;
  return Film{f[1], f[3], f[4], parse_number<int>(f[2]).value_or(0),
              split_list(f[5]), split_list(f[6]), split_list(f[7]), split_list(f[8])};
}

std::string Catalog::encode() const {
  std::string out;
  for (const auto& [id, f] : films_) out += encode_film(f) + "\n";
  for (const auto& [key, p] : people_) out += "P\t" + key + "\t" + p.latin + "\t" + p.hangul + "\n";
  return out;
}

Catalog Catalog::decode(std::string_view text) {
  Catalog catalog;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (std::optional<Film> film = decode_film(line)) {
      std::string id = film->id;
      catalog.films_[id] = std::move(*film);
      continue;
    }
    std::vector<std::string> f = split_line(line, '\t');
    if (f[0] == "P" && f.size() == 4) {
      catalog.people_[f[1]] = {f[1], f[2], f[3]};
    }
  }
  catalog.index();
  return catalog;
}

void Catalog::index() {
  for (const auto& [id, f] : films_) {
    for (const std::string* title : {&f.title, &f.title_en}) {
      if (std::string key = title_key(*title); !key.empty()) by_title_[key].insert(id);
    }
    for (const std::string& key : f.cast) by_cast_[key].insert(id);
    for (const std::string& g : f.genres) by_genre_[g].insert(id);
    for (const std::string& c : f.countries) by_country_[c].insert(id);
  }
  for (const auto& [key, p] : people_) {
    for (const std::string* name : {&p.latin, &p.hangul}) {
      if (std::string form = name_form(*name); !form.empty()) names_.try_emplace(form, key);
    }
  }
}

const Film* Catalog::film(std::string_view id) const {
  auto it = films_.find(id);
  return it == films_.end() ? nullptr : &it->second;
}

const CatalogPerson* Catalog::person(std::string_view key) const {
  auto it = people_.find(key);
  return it == people_.end() ? nullptr : &it->second;
}

const CatalogPerson* Catalog::person_named(std::string_view name) const {
  std::string form = name_form(name);
  auto it = form.empty() ? names_.end() : names_.find(form);
  return it == names_.end() ? nullptr : person(it->second);
}

std::vector<std::string> Catalog::titled(std::string_view title) const { return ids(by_title_, title_key(title)); }
std::vector<std::string> Catalog::with_cast(std::string_view key) const { return ids(by_cast_, key); }
std::vector<std::string> Catalog::in_genre(std::string_view genre) const { return ids(by_genre_, genre); }
std::vector<std::string> Catalog::in_country(std::string_view country) const { return ids(by_country_, country); }

std::vector<std::string> Catalog::made_in(int lo, int hi) const {
  std::vector<std::string> out;
  for (const auto& [id, f] : films_) {
    if (f.year >= lo && f.year <= hi && f.year != 0) out.push_back(id);
  }
  return out;
}

}  // namespace revsearch::entities
