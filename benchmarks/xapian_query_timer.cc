// Peer timing for compare_peers.sh: Xapian's own QueryParser + Enquire on
// a scriptindex database, top 10 with stored data, one thread.
// Input lines: SET<TAB>QUERY. Output: one JSON object per query run.
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: xapian_query_timer DB WARMUP REPEAT < queries.tsv\n";
    return 2;
  }
  Xapian::Database db(argv[1]);
  int warmup = std::stoi(argv[2]), repeat = std::stoi(argv[3]);
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.add_prefix("title", "S");
  std::vector<std::pair<std::string, std::string>> queries;
  for (std::string line; std::getline(std::cin, line);) {
    auto tab = line.find('\t');
    if (tab != std::string::npos) queries.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  Xapian::Enquire enquire(db);
  auto run = [&](const std::string& text, std::size_t& hits, std::size_t& matches) {
    enquire.set_query(qp.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT));
    Xapian::MSet mset = enquire.get_mset(0, 10);
    std::size_t bytes = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) bytes += it.get_document().get_data().size();
    hits = mset.size();
    matches = mset.get_matches_estimated();
    return bytes;
  };
  std::size_t hits = 0, matches = 0;
  for (int r = 0; r < warmup; ++r)
    for (auto& q : queries) run(q.second, hits, matches);
  for (int r = 0; r < repeat; ++r) {
    for (auto& q : queries) {
      auto t0 = std::chrono::steady_clock::now();
      run(q.second, hits, matches);
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      std::printf("{\"set\":\"%s\",\"ms\":%.6f,\"hits\":%zu,\"matches\":%zu}\n", q.first.c_str(), ms, hits, matches);
    }
  }
  return 0;
}
