// Reading the people table generated at build time: views into the embedded
// text, hashed by form, so start-up is one pass with no copies of the names.
#include "revsearch/entities/gazetteer.h"

#include <algorithm>

#include "embedded_data.h"
#include "revsearch/entities/names.h"
#include "revsearch/utf8.h"

namespace revsearch::entities {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  while (true) {
    std::size_t tab = line.find('\t');
    out.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return out;
    line = line.substr(tab + 1);
  }
}

std::size_t to_number(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n = n * 10 + static_cast<std::size_t>(c - '0');
  return n;
}

bool has_hangul(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (is_hangul_syllable(utf8::next(s, i))) return true;
  }
  return false;
}

}  // namespace

std::string_view Person::display_like(std::string_view like) const {
  bool want_hangul = has_hangul(like);
  if (want_hangul && !hangul.empty()) return hangul;
  if (!want_hangul && !latin.empty()) return latin;
  return latin.empty() ? hangul : latin;
}

const Gazetteer& Gazetteer::builtin() {
  static const Gazetteer instance(embedded::kPeopleTable);
  return instance;
}

Gazetteer::Gazetteer(std::string_view table) {
  while (!table.empty()) {
    std::size_t nl = table.find('\n');
    std::string_view line = table.substr(0, nl);
    table = nl == std::string_view::npos ? std::string_view{} : table.substr(nl + 1);
    std::vector<std::string_view> cols = split_tabs(line);
    if (cols[0] == "P" && cols.size() == 5) {
      people_.push_back({cols[1], cols[2], cols[3], cols[4] == "actor"});
    } else if (cols.size() == 3 && (cols[0] == "H" || cols[0] == "L" || cols[0] == "A")) {
      Index& index = cols[0] == "H" ? hangul_ : cols[0] == "L" ? latin_ : aliases_;
      index.emplace(cols[1], to_number(cols[2]));  // the first line of a form wins
      if (cols[0] == "L") {
        max_latin_words_ = std::max<std::size_t>(max_latin_words_, 1 + std::count(cols[1].begin(), cols[1].end(), ' '));
      }
    }
  }
  std::vector<std::size_t> order;
  if (!std::is_sorted(people_.begin(), people_.end(), [](const Person& a, const Person& b) { return a.key < b.key; })) {
    // Person numbers index the unsorted list: sort a copy and renumber.
    std::vector<std::size_t> perm(people_.size());
    for (std::size_t i = 0; i < perm.size(); ++i) perm[i] = i;
    std::sort(perm.begin(), perm.end(), [&](std::size_t a, std::size_t b) { return people_[a].key < people_[b].key; });
    std::vector<std::size_t> rank(perm.size());
    for (std::size_t i = 0; i < perm.size(); ++i) rank[perm[i]] = i;
    std::vector<Person> sorted;
    for (std::size_t i : perm) sorted.push_back(people_[i]);
    people_ = std::move(sorted);
    for (Index* index : {&hangul_, &latin_, &aliases_}) {
      for (auto& entry : *index) entry.second = rank[entry.second];
    }
  }
}

const Person* Gazetteer::find(const Index& index, const std::vector<Person>& people, std::string_view form) {
  auto it = index.find(form);
  if (it == index.end() || it->second >= people.size()) return nullptr;
  return &people[it->second];
}

const Person* Gazetteer::by_hangul(std::string_view form) const { return find(hangul_, people_, form); }
const Person* Gazetteer::by_latin(std::string_view words) const { return find(latin_, people_, words); }

const Person* Gazetteer::by_key(std::string_view key) const {
  auto it = std::lower_bound(people_.begin(), people_.end(), key,
                             [](const Person& p, std::string_view k) { return p.key < k; });
  return it != people_.end() && it->key == key ? &*it : nullptr;
}

bool Gazetteer::is_actor(std::string_view hangul) const {
  const Person* p = by_hangul(hangul);
  return p && p->actor;
}

std::string Gazetteer::display(std::string_view key) const {
  const Person* p = by_key(key);
  return p ? std::string(p->latin) : std::string();
}

std::string Gazetteer::resolve(std::string key) const {
  const Person* p = find(aliases_, people_, key);
  return p ? std::string(p->key) : key;
}

}  // namespace revsearch::entities
