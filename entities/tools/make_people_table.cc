// Build-time generator of the people table compiled into revsearch_entities:
// reads the drama cast gazetteer, the curated Hangul<->romanised list and the
// film people, and writes a C++ source holding one sorted, precomputed table
// (canonical keys, display names, lookup forms), so a process pays no ICU
// transliteration at start-up.
//   make-people-table gazetteer.tsv actor-names.tsv.in film-people.tsv out.cc
#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "revsearch/entities/names.h"

namespace {

using revsearch::entities::join_key;
using revsearch::entities::latin_words;
using revsearch::entities::name_syllables;
using revsearch::entities::person_key;

struct Person {
  std::string key, latin, hangul;
  bool actor = false;
  int films = 0;
};

std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    if (!line.empty() && line.back() == '\t') cols.emplace_back();
    rows.push_back(std::move(cols));
  }
  return rows;
}

std::string without_spaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

std::string joined(const std::vector<std::string>& words, char sep) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += sep;
    out += w;
  }
  return out;
}

std::size_t syllable_count(const std::string& hangul) { return hangul.size() / 3; }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: make-people-table gazetteer.tsv actor-names.tsv film-people.tsv out.cc\n";
    return 2;
  }
  try {
    std::map<std::string, Person> people;  // by key
    // Drama and curated names keep the Korean syllable key of their Hangul;
    // film people get person_key() (their original name for most).
    auto add = [&](const std::string& key, const std::string& hangul, const std::string& original, bool actor,
                   int films) {
      if (key.empty()) return;
      Person& p = people[key];
      p.key = key;
      if (p.hangul.empty() || films > p.films) p.hangul = hangul;
      if (p.latin.empty() && !original.empty()) p.latin = original;
      p.actor = p.actor || actor;
      p.films = std::max(p.films, films);
    };
    auto korean_key = [](const std::string& hangul) { return join_key(name_syllables(hangul)); };
    for (const auto& row : read_tsv(argv[1])) {
      if (!row.empty()) add(korean_key(row[0]), row[0], "", true, 1);
    }
    std::map<std::string, std::string> aliases;  // romanised key -> person key
    for (const auto& row : read_tsv(argv[2])) {
      if (row.size() < 2) continue;
      std::string key = korean_key(row[0]);
      if (key.empty()) continue;
      add(key, row[0], "", true, 1);
      people[key].latin = row[1];  // the curated spelling is the display name
      std::string roman = join_key(name_syllables(row[1]));
      if (!roman.empty() && roman != key) aliases[roman] = key;
    }
    for (const auto& row : read_tsv(argv[3])) {
      if (row.size() < 4) continue;
      add(person_key(row[0], row[1]), row[0], row[1], row[2] == "cast", std::stoi(row[3]));
    }

    // Lookup forms: Hangul without spaces, Latin as lower-case words. A form
    // two people share goes to the one with more credits.
    std::map<std::string, std::string> hangul_forms, latin_forms;
    auto claim = [&](std::map<std::string, std::string>& forms, const std::string& form, const Person& p) {
      auto [it, inserted] = forms.emplace(form, p.key);
      if (!inserted && people[it->second].films < p.films) it->second = p.key;
    };
    for (const auto& [key, p] : people) {
      if (syllable_count(without_spaces(p.hangul)) >= 2) claim(hangul_forms, without_spaces(p.hangul), p);
      std::vector<std::string> words = latin_words(p.latin);
      if (words.size() >= 2) claim(latin_forms, joined(words, ' '), p);
    }

    std::map<std::string, std::size_t> index;
    std::size_t n = 0;
    for (const auto& [key, p] : people) index[key] = n++;
    std::ostringstream table;
    // P key, Latin display, Hangul display, role; then lookups by person number.
    for (const auto& [key, p] : people) {
      table << "P\t" << key << "\t" << p.latin << "\t" << p.hangul << "\t" << (p.actor ? "actor" : "crew") << "\n";
    }
    for (const auto& [form, key] : hangul_forms) table << "H\t" << form << "\t" << index[key] << "\n";
    for (const auto& [form, key] : latin_forms) table << "L\t" << form << "\t" << index[key] << "\n";
    for (const auto& [alias, key] : aliases) {
      if (index.count(key)) table << "A\t" << alias << "\t" << index[key] << "\n";
    }

    std::ofstream out(argv[4]);
    out << "// Generated by entities/tools/make_people_table.cc from entities/data/gazetteer.tsv,\n"
           "// corpus/actor-names.tsv.in and entities/data/film-people.tsv: do not edit.\n"
           "#include \"embedded_data.h\"\n\n"
           "namespace revsearch::entities::embedded {\n\n"
           "const char* const kPeopleTable = R\"REVSEARCH_PEOPLE(" << table.str() << ")REVSEARCH_PEOPLE\";\n\n"
           "}  // namespace revsearch::entities::embedded\n";
    if (!out) throw std::runtime_error(std::string("cannot write ") + argv[4]);
  } catch (const std::exception& e) {
    std::cerr << "make-people-table: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
