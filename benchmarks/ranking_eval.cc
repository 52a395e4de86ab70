// Ranking evaluation for `revsearch search`: nDCG@10 and MRR of a judged
// query set, over a grid of BM25 and field-boost settings.
//
//   ranking_eval make-known-items --nsmc FILE.jsonl --english DIR --count N --seed S
//       prints known-item queries (TSV) sampled from the indexed corpora
//   ranking_eval eval --seed-db DIR --corpus-db DIR --queries FILE
//       prints a markdown table: defaults, the best setting on the tuning
//       half (odd query numbers), and its score on the held-out half.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "revsearch/query/searcher.h"
#include "revsearch/utf8.h"

namespace {

using revsearch::query::SearchOptions;

// One line of the query file: id, set, query, judgments "ID:grade,...".
// Seed judgments name passages ("soundtrack-1#8"), corpus ones reviews.
struct Judged {
  int id = 0;
  std::string set;
  std::string query;
  std::map<std::string, int> grades;
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);) out.push_back(part);
  return out;
}

std::vector<Judged> load_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Judged> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    auto cols = split(line, '\t');
    if (cols.size() != 4) throw std::runtime_error(path + ": expected 4 tab-separated columns: " + line);
    Judged j{std::stoi(cols[0]), cols[1], cols[2], {}};
    for (const std::string& g : split(cols[3], ',')) {
      auto colon = g.rfind(':');
      j.grades[g.substr(0, colon)] = std::stoi(g.substr(colon + 1));
    }
    out.push_back(std::move(j));
  }
  return out;
}

double ndcg_at_10(const std::vector<std::string>& ranked, const std::map<std::string, int>& grades) {
  double dcg = 0, ideal = 0;
  for (std::size_t i = 0; i < ranked.size() && i < 10; ++i) {
    auto it = grades.find(ranked[i]);
    if (it != grades.end()) dcg += (std::pow(2.0, it->second) - 1) / std::log2(static_cast<double>(i) + 2);
  }
  std::vector<int> best;
  for (const auto& [id, grade] : grades) best.push_back(grade);
  std::sort(best.rbegin(), best.rend());
  for (std::size_t i = 0; i < best.size() && i < 10; ++i) {
    ideal += (std::pow(2.0, best[i]) - 1) / std::log2(static_cast<double>(i) + 2);
  }
  return ideal > 0 ? dcg / ideal : 0;
}

double reciprocal_rank(const std::vector<std::string>& ranked, const std::map<std::string, int>& grades) {
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    if (grades.count(ranked[i])) return 1.0 / static_cast<double>(i + 1);
  }
  return 0;
}

struct Scores {
  double ndcg_tune = 0, ndcg_heldout = 0, ndcg_all = 0, mrr_all = 0;
  std::map<std::string, double> ndcg_by_set;
};

Scores evaluate(revsearch::query::Searcher& seed, revsearch::query::Searcher& corpus,
                const std::vector<Judged>& queries, SearchOptions options) {
  Scores s;
  std::map<std::string, int> per_set;
  int tune = 0, heldout = 0;
  options.limit = 10;
  options.suggest = false;
  for (const Judged& q : queries) {
    bool passages = q.set == "seed";
    options.all_passages = passages;
    auto result = (passages ? seed : corpus).search(q.query, options);
    std::vector<std::string> ranked;
    for (const auto& hit : result.hits) {
      ranked.push_back(passages ? hit.review_id + "#" + std::to_string(hit.passage) : hit.review_id);
    }
    double n = ndcg_at_10(ranked, q.grades);
    s.ndcg_all += n;
    s.mrr_all += reciprocal_rank(ranked, q.grades);
    s.ndcg_by_set[q.set] += n;
    ++per_set[q.set];
    if (q.id % 2) {
      s.ndcg_tune += n, ++tune;
    } else {
      s.ndcg_heldout += n, ++heldout;
    }
  }
  auto total = static_cast<double>(queries.size());
  s.ndcg_all /= total;
  s.mrr_all /= total;
  s.ndcg_tune /= std::max(tune, 1);
  s.ndcg_heldout /= std::max(heldout, 1);
  for (auto& [set, v] : s.ndcg_by_set) v /= per_set[set];
  return s;
}

std::string describe(const SearchOptions& o) {
  std::ostringstream out;
  out << "k1=" << o.bm25_k1 << " b=" << o.bm25_b << " review_b=" << o.review_bm25_b
      << " title_boost=" << o.parse.title_boost << " actor_boost=" << o.parse.actor_boost
      << " review_weight=" << o.review_weight;
  return out.str();
}

int eval(const std::string& seed_db, const std::string& corpus_db, const std::string& query_file) {
  auto queries = load_queries(query_file);
  revsearch::query::Searcher seed(seed_db), corpus(corpus_db);
  SearchOptions baseline;  // Xapian's BM25 defaults, no title or actor field matching
  baseline.bm25_k1 = 1.0;
  baseline.bm25_b = 0.5;
  baseline.parse.title_boost = 0;
  baseline.parse.actor_boost = 0;
  baseline.review_weight = 0;  // issue 18: no review-level evidence
  Scores base = evaluate(seed, corpus, queries, baseline);

  SearchOptions best = baseline;
  Scores best_scores = base;
  for (double k1 : {0.3, 0.6, 0.9, 1.2, 1.6}) {
    for (double b : {0.0, 0.1, 0.2, 0.3, 0.5, 0.75}) {
      for (double boost : {0.0, 0.2, 0.5, 1.0}) {
        for (double actor : {0.0, 0.5, 1.0, 2.0}) {
          SearchOptions o = baseline;
          o.bm25_k1 = k1, o.bm25_b = b, o.parse.title_boost = boost, o.parse.actor_boost = actor;
          Scores s = evaluate(seed, corpus, queries, o);
          if (s.ndcg_tune > best_scores.ndcg_tune + 1e-9) best = o, best_scores = s;
        }
      }
    }
  }
  SearchOptions shipped;  // what `revsearch search` uses now
  Scores now = evaluate(seed, corpus, queries, shipped);
  // One setting at a time, the others as shipped: the review-level weight
  // (issue 18), and BM25's length normalisation b for passages and for the
  // review-level evidence (passages without it, b 0, spare every query the
  // walk over the document-length list).
  struct Swept {
    std::string name;
    SearchOptions options;
    Scores scores;
  };
  std::vector<Swept> sweeps;
  auto sweep = [&](const std::string& name, std::initializer_list<double> values, auto set) {
    for (double value : values) {
      SearchOptions o = shipped;
      set(o, value);
      sweeps.push_back({name, o, evaluate(seed, corpus, queries, o)});
    }
  };
  sweep("review weight sweep", {0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0},
        [](SearchOptions& o, double w) { o.review_weight = w; });
  sweep("passage b sweep", {0.0, 0.1, 0.2, 0.5}, [](SearchOptions& o, double b) { o.bm25_b = b; });
  sweep("review b sweep", {0.0, 0.1, 0.2, 0.5, 0.75}, [](SearchOptions& o, double b) { o.review_bm25_b = b; });

  std::cout << "| setting | nDCG@10 tune half | nDCG@10 held-out half | nDCG@10 all | MRR all |";
  for (const auto& [set, v] : base.ndcg_by_set) std::cout << " nDCG@10 " << set << " |";
  std::cout << "\n|---|---|---|---|---|";
  for (std::size_t i = 0; i < base.ndcg_by_set.size(); ++i) std::cout << "---|";
  std::cout << "\n";
  auto row = [](const std::string& name, const SearchOptions& o, const Scores& s) {
    std::printf("| %s (%s) | %.4f | %.4f | %.4f | %.4f |", name.c_str(), describe(o).c_str(), s.ndcg_tune,
                s.ndcg_heldout, s.ndcg_all, s.mrr_all);
    for (const auto& [set, v] : s.ndcg_by_set) std::printf(" %.4f |", v);
    std::printf("\n");
  };
  row("before: BM25 defaults", baseline, base);
  row("best on tuning half", best, best_scores);
  row("shipped defaults", shipped, now);
  for (const Swept& swept : sweeps) row(swept.name, swept.options, swept.scores);
  std::cout << "\n" << queries.size() << " queries; grid: k1 {0.3,0.6,0.9,1.2,1.6} x b {0,0.1,0.2,0.3,0.5,0.75}"
            << " x title_boost {0,0.2,0.5,1} x actor_boost {0,0.5,1,2}\n";
  return 0;
}

// Known-item queries: a random review, three of its words as written. The
// relevant document is that review (and any review with the same text).
int make_known_items(const std::string& nsmc, const std::string& english_dir, int count, unsigned seed) {
  std::mt19937 rng(seed);
  auto pick_words = [&](const std::vector<std::string>& words) {
    std::vector<std::string> chosen = words;
    std::shuffle(chosen.begin(), chosen.end(), rng);
    chosen.resize(std::min<std::size_t>(3, chosen.size()));
    std::string q;
    for (const auto& w : chosen) q += (q.empty() ? "" : " ") + w;
    return q;
  };
  auto words_of = [](const std::string& text, std::size_t min_letters) {
    std::vector<std::string> out;
    std::string word;
    std::istringstream in(text);
    while (in >> word) {
      word.erase(std::remove_if(word.begin(), word.end(),
                                [](char c) { return std::ispunct(static_cast<unsigned char>(c)) && c != '\''; }),
                 word.end());
      if (revsearch::utf8::is_valid(word) && revsearch::utf8::length(word) >= min_letters) out.push_back(word);
    }
    return out;
  };
  int next_id = 101;
  // NSMC: reviews with at least five usable words.
  std::ifstream in(nsmc);
  std::vector<nlohmann::json> candidates;
  std::map<std::string, std::vector<std::string>> ids_by_text;
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("text")) continue;
    ids_by_text[j["text"].get<std::string>()].push_back(j["id"].get<std::string>());
    if (words_of(j["text"].get<std::string>(), 2).size() >= 5) candidates.push_back(j);
  }
  std::shuffle(candidates.begin(), candidates.end(), rng);
  for (int i = 0; i < count && i < static_cast<int>(candidates.size()); ++i) {
    const auto& j = candidates[static_cast<std::size_t>(i)];
    std::string judgments;
    for (const auto& id : ids_by_text[j["text"].get<std::string>()]) judgments += (judgments.empty() ? "" : ",") + id + ":2";
    std::cout << next_id++ << "\tnsmc\t" << pick_words(words_of(j["text"].get<std::string>(), 2)) << "\t" << judgments << "\n";
  }
  // English polarity reviews: words of five letters or more.
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(english_dir)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::shuffle(files.begin(), files.end(), rng);
  next_id = 201;
  for (int i = 0; i < count && i < static_cast<int>(files.size()); ++i) {
    std::ifstream f(files[static_cast<std::size_t>(i)]);
    std::stringstream ss;
    ss << f.rdbuf();
    auto rel = std::filesystem::relative(files[static_cast<std::size_t>(i)], english_dir);
    std::string id = rel.replace_extension().generic_string();
    std::cout << next_id++ << "\tenglish\t" << pick_words(words_of(ss.str(), 5)) << "\t" << id << ":2\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  auto value = [&](const std::string& name) -> std::string {
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
      if (args[i] == name) return args[i + 1];
    }
    throw std::runtime_error("missing " + name);
  };
  try {
    if (!args.empty() && args[0] == "eval") return eval(value("--seed-db"), value("--corpus-db"), value("--queries"));
    if (!args.empty() && args[0] == "make-known-items") {
      return make_known_items(value("--nsmc"), value("--english"), std::stoi(value("--count")),
                              static_cast<unsigned>(std::stoul(value("--seed"))));
    }
    std::cerr << "usage: ranking_eval eval|make-known-items ... (see the comment at the top of ranking_eval.cc)\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "ranking_eval: " << e.what() << "\n";
    return 1;
  }
}
