// Known-item search over whole reviews (issue 18), and how the reviews were
// cut into passages.
//
//   bench_known_items eval --reviews DIR --db DB [--revsearch BIN] [--seeds 1,2,3,4] [--tune-seed 1]
//                     [--count 40] [--review-weight X]
//       For each seed: `count` queries, each from a seeded random review of
//       DIR (the polarity reviews, one sentence a line): three distinct
//       words of document frequency 2-30 (over DIR's reviews; letters only,
//       at least 3 of them), from three different lines of the review. The
//       review is the one relevant result. Ranks it with revsearch (`BIN
//       search --json` on DB, the index of DIR, one hit per review; any
//       build, so before and after run the same harness) and with plain Xapian over
//       whole reviews (TermGenerator, English stemmer, OR of the words,
//       BM25 defaults; an in-memory index built here), in the same run.
//       Prints rank-1 count, top-10 count and MRR (reciprocal rank within
//       the first 100 results, 0 beyond) per seed and method; the tuning
//       seed is marked, the others are held out.
//   bench_known_items passages --db DB [--id-prefix pos/]
//       Passages per review and words per passage (whitespace words of the
//       stored text) for the reviews whose id starts with the prefix, and
//       postings per passage over the whole database.
//
// Review ids are paths relative to DIR without ".txt", as `revsearch index DIR` makes them.
#include <xapian.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>


namespace {

namespace fs = std::filesystem;

struct ReviewText {
  std::string id;
  std::string text;
  std::vector<std::vector<std::string>> line_words;  // letters-only words of each line
};

std::vector<ReviewText> load_reviews(const std::string& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<ReviewText> out;
  for (const fs::path& path : files) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    ReviewText r;
    r.id = fs::relative(path, dir).replace_extension().generic_string();
    r.text = ss.str();
    std::istringstream lines(r.text);
    for (std::string line; std::getline(lines, line);) {
      std::vector<std::string> words;
      std::istringstream ws(line);
      for (std::string w; ws >> w;) {
        bool letters = w.size() >= 3 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (letters) words.push_back(w);
      }
      r.line_words.push_back(std::move(words));
    }
    out.push_back(std::move(r));
  }
  return out;
}

struct KnownItem {
  std::string query;
  std::string review_id;
};

std::vector<KnownItem> make_queries(const std::vector<ReviewText>& reviews, const std::map<std::string, int>& df,
                                    unsigned seed, int count) {
  std::mt19937 rng(seed);
  std::vector<KnownItem> out;
  std::uniform_int_distribution<std::size_t> pick_review(0, reviews.size() - 1);
  for (int attempts = 0; static_cast<int>(out.size()) < count && attempts < 100000; ++attempts) {
    const ReviewText& r = reviews[pick_review(rng)];
    std::vector<std::vector<std::string>> candidates;  // per line: distinctive words
    for (const auto& words : r.line_words) {
      std::vector<std::string> good;
      for (const auto& w : words) {
        auto it = df.find(w);
        if (it != df.end() && it->second >= 2 && it->second <= 30) good.push_back(w);
      }
      if (!good.empty()) candidates.push_back(std::move(good));
    }
    if (candidates.size() < 3) continue;
    std::shuffle(candidates.begin(), candidates.end(), rng);
    std::set<std::string> chosen;
    std::string query;
    for (auto& line : candidates) {
      if (chosen.size() == 3) break;
      std::uniform_int_distribution<std::size_t> pick(0, line.size() - 1);
      std::string w = line[pick(rng)];
      if (!chosen.insert(w).second) continue;
      query += (query.empty() ? "" : " ") + w;
    }
    if (chosen.size() < 3) continue;
    out.push_back({query, r.id});
  }
  return out;
}

struct Tally {
  int queries = 0, first = 0, top10 = 0;
  double rr = 0;
  void add(int rank) {  // 1-based, 0 = not found
    ++queries;
    first += rank == 1;
    top10 += rank >= 1 && rank <= 10;
    if (rank > 0) rr += 1.0 / rank;
  }
};

std::vector<unsigned> parse_seeds(const std::string& s) {
  std::vector<unsigned> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, ',');) out.push_back(static_cast<unsigned>(std::stoul(part)));
  return out;
}

nlohmann::json run_search(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buf[65536];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe.get())) > 0;) out.append(buf, n);
  auto json = nlohmann::json::parse(out, nullptr, false);
  if (!json.is_object()) throw std::runtime_error("no JSON from " + command);
  return json;
}

int eval(const std::string& dir, const std::string& db_path, const std::string& binary,
         const std::vector<unsigned>& seeds, unsigned tune_seed, int count, double review_weight) {
  std::vector<ReviewText> reviews = load_reviews(dir);
  if (reviews.empty()) throw std::runtime_error("no .txt reviews under " + dir);
  std::map<std::string, int> df;
  for (const ReviewText& r : reviews) {
    std::set<std::string> seen;
    for (const auto& words : r.line_words) seen.insert(words.begin(), words.end());
    for (const auto& w : seen) ++df[w];
  }
  // Plain Xapian at review level.
  Xapian::WritableDatabase plain(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  for (const ReviewText& r : reviews) {
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(r.text);
    doc.set_data(r.id);
    plain.add_document(doc);
  }
  Xapian::QueryParser parser;
  parser.set_stemmer(Xapian::Stem("english"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_default_op(Xapian::Query::OP_OR);

  std::string search = "'" + binary + "' -q search --json --no-suggest --limit 100 --db '" + db_path + "'";
  if (review_weight >= 0) search += " --review-weight " + std::to_string(review_weight);

  std::printf("| seed | role | method | queries | rank 1 | top 10 | MRR |\n|---|---|---|---|---|---|---|\n");
  Tally held_rs, held_plain;
  for (unsigned seed : seeds) {
    Tally rs, px;
    for (const KnownItem& item : make_queries(reviews, df, seed, count)) {
      int rank = 0;
      nlohmann::json result = run_search(search + " '" + item.query + "'");
      for (const auto& hit : result["hits"]) {
        if (hit.value("review_id", "") == item.review_id) {
          rank = hit.value("rank", 0);
          break;
        }
      }
      rs.add(rank);
      if (std::getenv("KNOWN_ITEMS_VERBOSE")) std::fprintf(stderr, "%u\t%s\t%s\trevsearch %d\n", seed, item.query.c_str(), item.review_id.c_str(), rank);
      Xapian::Enquire enquire(plain);
      enquire.set_query(parser.parse_query(item.query));
      Xapian::MSet mset = enquire.get_mset(0, 100);
      int plain_rank = 0;
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        if (it.get_document().get_data() == item.review_id) {
          plain_rank = static_cast<int>(it.get_rank()) + 1;
          break;
        }
      }
      px.add(plain_rank);
    }
    const char* role = seed == tune_seed ? "tuning" : "held out";
    for (auto [name, t] : {std::pair{"revsearch", &rs}, std::pair{"plain Xapian, whole reviews", &px}}) {
      std::printf("| %u | %s | %s | %d | %d | %d (%.0f%%) | %.3f |\n", seed, role, name, t->queries, t->first, t->top10,
                  100.0 * t->top10 / std::max(t->queries, 1), t->rr / std::max(t->queries, 1));
    }
    if (seed != tune_seed) {
      for (auto [all, one] : {std::pair{&held_rs, &rs}, std::pair{&held_plain, &px}}) {
        all->queries += one->queries, all->first += one->first, all->top10 += one->top10, all->rr += one->rr;
      }
    }
  }
  for (auto [name, t] : {std::pair{"revsearch", &held_rs}, std::pair{"plain Xapian, whole reviews", &held_plain}}) {
    if (t->queries == 0) continue;
    std::printf("| all held out | held out | %s | %d | %d | %d (%.0f%%) | %.3f |\n", name, t->queries, t->first, t->top10,
                100.0 * t->top10 / t->queries, t->rr / t->queries);
  }
  std::printf("\n%s; review weight %s; %zu reviews in %s\n", binary.c_str(),
              review_weight >= 0 ? std::to_string(review_weight).c_str() : "default", reviews.size(), dir.c_str());
  return 0;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

int passages(const std::string& db_path, const std::string& id_prefix) {
  Xapian::Database db(db_path);
  std::map<std::string, int> per_review;
  std::vector<double> words;
  std::size_t documents = 0, review_documents = 0, postings = 0, review_postings = 0;
  for (Xapian::PostingIterator it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Xapian::Document doc = db.get_document(*it);
    std::size_t terms = doc.termlist_count();
    if (db.term_exists("XWD") && doc.termlist_begin() != doc.termlist_end()) {
      Xapian::TermIterator t = doc.termlist_begin();
      t.skip_to("XWD");
      if (t != doc.termlist_end() && *t == "XWD") {
        ++review_documents, review_postings += terms;
        continue;
      }
    }
    ++documents, postings += terms;
    auto data = nlohmann::json::parse(doc.get_data(), nullptr, false);
    if (!data.is_object()) continue;
    std::string id = data.value("review_id", "");
    if (id.compare(0, id_prefix.size(), id_prefix) != 0) continue;
    ++per_review[id];
    std::istringstream in(data.value("text", ""));
    double n = 0;
    for (std::string w; in >> w;) ++n;
    words.push_back(n);
  }
  std::vector<double> counts;
  for (const auto& [id, n] : per_review) counts.push_back(n);
  double mean_words = 0;
  for (double w : words) mean_words += w;
  std::printf("| reviews (id prefix '%s') | passages | passages per review: mean / median / max | words per passage: "
              "mean / p10 / median / p90 / max |\n|---|---|---|---|\n",
              id_prefix.c_str());
  std::printf("| %zu | %zu | %.1f / %.0f / %.0f | %.1f / %.0f / %.0f / %.0f / %.0f |\n", per_review.size(), words.size(),
              static_cast<double>(words.size()) / static_cast<double>(std::max<std::size_t>(per_review.size(), 1)), percentile(counts, 0.5),
              percentile(counts, 1.0), mean_words / static_cast<double>(std::max<std::size_t>(words.size(), 1)), percentile(words, 0.1),
              percentile(words, 0.5), percentile(words, 0.9), percentile(words, 1.0));
  std::printf("\nwhole database: %zu passages, %zu postings (%.1f per passage); %zu review documents, %zu postings "
              "(%.1f per passage overall)\n",
              documents, postings, static_cast<double>(postings) / static_cast<double>(std::max<std::size_t>(documents, 1)), review_documents,
              review_postings, static_cast<double>(postings + review_postings) / static_cast<double>(std::max<std::size_t>(documents, 1)));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  auto value = [&](const std::string& name, const std::string& fallback = "\x01") -> std::string {
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
      if (args[i] == name) return args[i + 1];
    }
    if (fallback != "\x01") return fallback;
    throw std::runtime_error("missing " + name);
  };
  try {
    if (!args.empty() && args[0] == "eval") {
      return eval(value("--reviews"), value("--db"), value("--revsearch", "build/revsearch"), parse_seeds(value("--seeds", "1,2,3,4")),
                  static_cast<unsigned>(std::stoul(value("--tune-seed", "1"))), std::stoi(value("--count", "40")),
                  std::stod(value("--review-weight", "-1")));
    }
    if (!args.empty() && args[0] == "passages") return passages(value("--db"), value("--id-prefix", ""));
    std::cerr << "usage: bench_known_items eval|passages ... (see the comment at the top of known_items.cc)\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "bench_known_items: " << e.what() << "\n";
    return 1;
  }
}
