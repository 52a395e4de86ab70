// Korean retrieval check (issue 4): recall@10 and MRR of three ways to
// index NSMC reviews -- whitespace tokens, Hangul bigrams only, and the
// revsearch analyser (the indexer's and query parser's own code) -- on
// queries made by a fixed, seeded procedure:
//
//   collection  the first COLLECTION reviews of the NSMC test split (id
//               ending in 0), in file order; the lexicon never saw them.
//   a query     pick a random review, a random whitespace-separated word of
//               it (its Hangul syllables, at least 3), and a random strict
//               prefix of that word of 2+ syllables: what remains when a
//               particle or ending is taken off, roughly. Keep it only if
//               people also write it as a whole word: at least 20 times as
//               a standalone word in the NSMC training split (so 너무재
//               from 너무재밌다 is out, 추천 from 추천합니다 is in).
//   relevant    every collection review with a word starting with the query
//               (추천 -> "추천합니다", "추천!"); queries with 1..10 relevant
//               reviews are kept, until QUERIES of them.
// Nothing here depends on the analyser, and the procedure was fixed before
// the first run. Usage: bench_korean_retrieval [NSMC.jsonl.gz] [QUERIES]
// [COLLECTION] [SEED]
//
// With REVSEARCH_DUMP_QUERIES=DIR in the environment, the collection and the
// judged queries are also written for other engines (Lucene + Nori in
// korean-retrieval-peers.sh): DIR/collection.jsonl ({"id","title","text"}
// per review, NSMC ids) and DIR/queries.tsv (QID<TAB>QUERY<TAB>relevant ids,
// comma separated). The figures printed are the same with or without it.
#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "nsmc_input.h"
#include "revsearch/analysis/analyzer.h"
#include "revsearch/analysis/korean.h"
#include "revsearch/indexer/document_builder.h"
#include "revsearch/query/query_parser.h"
#include "revsearch/utf8.h"

namespace {

using revsearch::bench::NsmcReview;

bool is_syllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

// Whitespace words reduced to their Hangul syllables ("추천!" -> "추천").
std::vector<std::u32string> hangul_words(const std::string& text) {
  std::vector<std::u32string> out;
  std::u32string word;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = revsearch::utf8::next(text, i);
    if (cp == ' ' || cp == '\t' || cp == '\n') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else if (is_syllable(cp)) {
      word += cp;
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

std::string utf8(const std::u32string& s) {
  std::string out;
  for (char32_t cp : s) revsearch::utf8::append(out, cp);
  return out;
}

// Baseline 1: whitespace tokens, lower-cased, punctuation trimmed.
std::vector<std::string> whitespace_terms(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    std::size_t b = 0, e = word.size();
    while (b < e && std::ispunct(static_cast<unsigned char>(word[b]))) ++b;
    while (e > b && std::ispunct(static_cast<unsigned char>(word[e - 1]))) --e;
    if (e > b) out.push_back(word.substr(b, e - b));
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n') {
      flush();
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  flush();
  return out;
}

struct Scores {
  double recall = 0;
  double mrr = 0;
};

// With REVSEARCH_PER_QUERY set in the environment, per-query recall goes to
// stderr, to see where a method loses.
Scores evaluate(Xapian::Database& db, const std::vector<Xapian::Query>& queries,
                const std::vector<std::set<Xapian::docid>>& relevant, const char* name) {
  bool per_query = std::getenv("REVSEARCH_PER_QUERY") != nullptr;
  Scores s;
  Xapian::Enquire enquire(db);
  for (std::size_t q = 0; q < queries.size(); ++q) {
    enquire.set_query(queries[q]);
    Xapian::MSet mset = enquire.get_mset(0, 10);
    std::size_t found = 0, rank = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      ++rank;
      if (relevant[q].count(*it)) {
        if (found == 0) s.mrr += 1.0 / static_cast<double>(rank);
        ++found;
      }
    }
    s.recall += static_cast<double>(found) / static_cast<double>(relevant[q].size());
    if (per_query) {
      std::fprintf(stderr, "%s\t%zu\t%zu/%zu\t%s\n", name, q, found, relevant[q].size(),
                   queries[q].get_description().c_str());
    }
  }
  s.recall /= static_cast<double>(queries.size());
  s.mrr /= static_cast<double>(queries.size());
  return s;
}

// REVSEARCH_DUMP_QUERIES: the collection and judged queries as files.
void dump_queries(const std::string& dir, const std::vector<NsmcReview>& collection,
                  const std::vector<std::string>& queries, const std::vector<std::set<Xapian::docid>>& relevant) {
  std::ofstream docs(dir + "/collection.jsonl", std::ios::binary);
  for (const auto& r : collection) {
    docs << nlohmann::json{{"id", r.id}, {"title", ""}, {"text", r.text}}.dump() << "\n";
  }
  std::ofstream tsv(dir + "/queries.tsv", std::ios::binary);
  for (std::size_t q = 0; q < queries.size(); ++q) {
    tsv << q << "\t" << queries[q] << "\t";
    const char* sep = "";
    for (Xapian::docid d : relevant[q]) {
      tsv << sep << collection[d - 1].id;
      sep = ",";
    }
    tsv << "\n";
  }
  if (!docs || !tsv) throw std::runtime_error("cannot write the query dump in " + dir);
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = argc > 1 ? argv[1] : REVSEARCH_SHARED_DATA "/nsmc/nsmc-reviews.jsonl.gz";
  std::size_t want_queries = argc > 2 ? std::stoul(argv[2]) : 50;
  std::size_t collection_size = argc > 3 ? std::stoul(argv[3]) : 20000;
  unsigned seed = argc > 4 ? static_cast<unsigned>(std::stoul(argv[4])) : 4;
  try {
    std::vector<NsmcReview> collection;
    std::unordered_map<std::string, std::uint32_t> standalone;  // training split
    revsearch::bench::read_nsmc(path, [&](const NsmcReview& r) {
      if (r.test_split) {
        if (collection.size() < collection_size) collection.push_back(r);
      } else {
        for (const auto& w : hangul_words(r.text)) ++standalone[utf8(w)];
      }
      return true;
    });

    // Queries and their relevant reviews (docid = index + 1).
    std::vector<std::vector<std::u32string>> words;
    for (const auto& r : collection) words.push_back(hangul_words(r.text));
    std::mt19937 rng(seed);
    std::vector<std::string> query_texts;
    std::vector<std::set<Xapian::docid>> relevant;
    std::set<std::string> seen;
    for (int attempt = 0; attempt < 200000 && query_texts.size() < want_queries; ++attempt) {
      const auto& ws = words[rng() % words.size()];
      if (ws.empty()) continue;
      const std::u32string& w = ws[rng() % ws.size()];
      if (w.size() < 3) continue;
      std::size_t k = 2 + rng() % (w.size() - 2);  // 2 .. len-1 syllables
      std::u32string prefix = w.substr(0, k);
      std::string q = utf8(prefix);
      if (!seen.insert(q).second || standalone[q] < 20) continue;
      std::set<Xapian::docid> rel;
      for (std::size_t d = 0; d < words.size() && rel.size() <= 10; ++d) {
        for (const auto& x : words[d]) {
          if (x.compare(0, prefix.size(), prefix) == 0) {
            rel.insert(static_cast<Xapian::docid>(d + 1));
            break;
          }
        }
      }
      if (rel.empty() || rel.size() > 10) continue;
      query_texts.push_back(q);
      relevant.push_back(std::move(rel));
    }

    if (const char* dir = std::getenv("REVSEARCH_DUMP_QUERIES")) {
      dump_queries(dir, collection, query_texts, relevant);
    }

    Xapian::WritableDatabase ws_db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::WritableDatabase bi_db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::WritableDatabase an_db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    revsearch::analysis::Analyzer analyzer;
    for (const auto& r : collection) {
      Xapian::Document ws_doc, bi_doc, an_doc;
      for (const auto& t : whitespace_terms(r.text)) ws_doc.add_term(t);
      for (const auto& t : whitespace_terms(r.text)) {
        for (const auto& b : revsearch::analysis::hangul_bigrams(t)) bi_doc.add_term(b);
      }
      revsearch::indexer::add_text_terms(an_doc, analyzer.analyze(r.text), "", "Z", 1);
      ws_db.add_document(ws_doc);
      bi_db.add_document(bi_doc);
      an_db.add_document(an_doc);
    }

    std::vector<Xapian::Query> ws_q, bi_q, an_q;
    for (const std::string& q : query_texts) {
      ws_q.emplace_back(q);
      std::vector<std::string> bigrams = revsearch::analysis::hangul_bigrams(q);
      bi_q.emplace_back(Xapian::Query::OP_AND, bigrams.begin(), bigrams.end());
      revsearch::query::ParseOptions parse;
      parse.vocabulary = &an_db;  // as the searcher does: expansions read the index's vocabulary
      an_q.push_back(revsearch::query::parse_query(q, analyzer, parse).query);
    }

    std::size_t rel_total = 0;
    for (const auto& r : relevant) rel_total += r.size();
    std::printf("collection: %zu NSMC test-split reviews; %zu queries (seed %u), %zu relevant in all\n",
                collection.size(), query_texts.size(), seed, rel_total);
    std::printf("queries:");
    for (const auto& q : query_texts) std::printf(" %s", q.c_str());
    std::printf("\n\n| method | recall@10 | MRR |\n|---|---|---|\n");
    const std::pair<const char*, std::pair<Xapian::WritableDatabase*, std::vector<Xapian::Query>*>> runs[] = {
        {"whitespace tokens", {&ws_db, &ws_q}},
        {"Hangul bigrams only", {&bi_db, &bi_q}},
        {"revsearch analyser", {&an_db, &an_q}}};
    for (const auto& [name, run] : runs) {
      Scores s = evaluate(*run.first, *run.second, relevant, name);
      std::printf("| %s | %.3f | %.3f |\n", name, s.recall, s.mrr);
    }
  } catch (const std::exception& e) {
    std::cerr << "bench_korean_retrieval: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
