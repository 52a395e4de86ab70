// Precision and recall of actor mention detection against the hand labels
// in benchmarks/entity-labels.tsv (issue 5), or of person mentions (actors
// and crew) against benchmarks/person-labels.tsv with --people. Run from the
// repository root:
//   build/entity_eval [--labels benchmarks/entity-labels.tsv] [--people]
//     [--seed corpus/soundtrack-1.txt] [--nsmc ../shared/data/nsmc/nsmc-reviews.jsonl.gz]
//     [--polarity ../shared/data/english/polarity-v2.0-movie-reviews.zip]
// The seed is split into passages exactly as the indexer does, with the
// recogniser's context carried across them; NSMC reviews are one unit each;
// a polarity unit "neg/cv901_11934.txt:1-2" is those lines of that review,
// one passage each, with one context.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "revsearch/entities/recognizer.h"
#include "revsearch/indexer/passages.h"
#include "revsearch/indexer/readers.h"

namespace {

using namespace revsearch;

struct Unit {
  std::multiset<std::string> gold;
  std::map<std::string, std::string> tag;  // surface -> tag
  std::multiset<std::string> predicted;
  bool seen = false;
};

class Collect : public indexer::RecordSink {
 public:
  explicit Collect(std::map<std::string, Unit>& units) : units_(units) {}
  std::vector<indexer::Review> reviews;
  void review(indexer::Review&& r) override {
    if (units_.count(r.id)) reviews.push_back(std::move(r));
  }
  void skip(indexer::Skip&&) override {}

 private:
  std::map<std::string, Unit>& units_;
};

bool count_crew = false;  // --people: directors and crew are people too

void predict(Unit& unit, std::string_view text, entities::ReviewContext& context,
             const entities::Recognizer& recognizer) {
  unit.seen = true;
  for (const entities::Mention& m : recognizer.find_mentions(text, context)) {
    if (m.kind == entities::EntityKind::kActor || (count_crew && m.kind == entities::EntityKind::kCrew)) {
      unit.predicted.insert(std::string(text.substr(m.begin, m.end - m.begin)));
    }
  }
}

// Lines `first`..`last` (1-based) of one review in the polarity zip.
std::vector<std::string> polarity_lines(const std::string& zip, const std::string& file, int first, int last) {
  std::string command = "unzip -p '" + zip + "' 'movie_reviews/" + file + "'";
  std::vector<std::string> out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  std::string text;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) text.append(buf, n);
  pclose(pipe);
  std::istringstream in(text);
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    if (++number >= first && number <= last) out.push_back(line);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string labels = "benchmarks/entity-labels.tsv", seed = "corpus/soundtrack-1.txt",
              nsmc = "../shared/data/nsmc/nsmc-reviews.jsonl.gz",
              polarity = "../shared/data/english/polarity-v2.0-movie-reviews.zip";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--people") {
      count_crew = true;
      continue;
    }
    if (i + 1 == argc) break;
    if (a == "--labels") labels = argv[++i];
    else if (a == "--seed") seed = argv[++i];
    else if (a == "--nsmc") nsmc = argv[++i];
    else if (a == "--polarity") polarity = argv[++i];
  }
  std::map<std::string, Unit> seed_units, nsmc_units, polarity_units;
  std::ifstream in(labels);
  if (!in) {
    std::cerr << "entity_eval: cannot read " << labels << "\n";
    return 2;
  }
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string source, id, mentions;
    std::getline(fields, source, '\t');
    std::getline(fields, id, '\t');
    std::getline(fields, mentions);
    Unit& unit = (source == "seed" ? seed_units : source == "polarity" ? polarity_units : nsmc_units)[id];
    std::istringstream list(mentions);
    for (std::string item; std::getline(list, item, ';');) {
      std::size_t slash = item.rfind('/');
      if (slash == std::string::npos) continue;
      unit.gold.insert(item.substr(0, slash));
      unit.tag[item.substr(0, slash)] = item.substr(slash + 1);
    }
  }

  entities::Recognizer recognizer;
  {  // The seed, passage by passage, as indexed.
    indexer::ReaderOptions options;
    struct All : indexer::RecordSink {
      std::vector<indexer::Review> reviews;
      void review(indexer::Review&& r) override { reviews.push_back(std::move(r)); }
      void skip(indexer::Skip&&) override {}
    } reader;
    indexer::read_file(seed, seed, "soundtrack-1", options, reader);
    analysis::Analyzer analyzer;
    indexer::PassageSplitter splitter(analyzer);
    for (const indexer::Review& review : reader.reviews) {
      entities::ReviewContext context(review.title);
      for (const indexer::Passage& p : splitter.split(review).passages) {
        std::string id = review.id + "#" + std::to_string(p.number);
        if (seed_units.count(id)) predict(seed_units[id], p.text, context, recognizer);
      }
    }
  }
  {  // NSMC reviews named in the labels.
    Collect sink(nsmc_units);
    indexer::read_file(nsmc, nsmc, "nsmc", indexer::ReaderOptions{}, sink);
    for (const indexer::Review& review : sink.reviews) {
      entities::ReviewContext context(review.title);
      predict(nsmc_units[review.id], review.text, context, recognizer);
    }
  }

  for (auto& [id, unit] : polarity_units) {  // English reviews, a few lines each
    std::size_t colon = id.rfind(':'), dash = id.rfind('-');
    if (colon == std::string::npos || dash == std::string::npos || dash < colon) continue;
    std::vector<std::string> lines = polarity_lines(polarity, id.substr(0, colon), std::stoi(id.substr(colon + 1)),
                                                    std::stoi(id.substr(dash + 1)));
    if (lines.empty()) continue;
    entities::ReviewContext context;
    for (const std::string& line : lines) predict(unit, line, context, recognizer);
  }

  std::map<std::string, std::size_t> gold_by_tag, hit_by_tag;
  std::size_t tp = 0, predicted = 0, gold = 0, missing_units = 0;
  for (auto* units : {&seed_units, &nsmc_units, &polarity_units}) {
    for (auto& [id, unit] : *units) {
      if (!unit.seen) {
        ++missing_units;
        continue;
      }
      std::multiset<std::string> left = unit.predicted;
      for (const std::string& g : unit.gold) {
        ++gold;
        ++gold_by_tag[unit.tag[g]];
        auto it = left.find(g);
        if (it != left.end()) {
          left.erase(it);
          ++tp;
          ++hit_by_tag[unit.tag[g]];
        } else {
          std::cout << "missed\t" << id << "\t" << g << "/" << unit.tag[g] << "\n";
        }
      }
      for (const std::string& fp : left) std::cout << "false positive\t" << id << "\t" << fp << "\n";
      predicted += unit.predicted.size();
    }
  }
  auto pct = [](std::size_t a, std::size_t b) { return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  std::printf("units: %zu seed passages, %zu NSMC reviews, %zu polarity excerpts (%zu not found)\n",
              seed_units.size(), nsmc_units.size(), polarity_units.size(), missing_units);
  std::printf("labelled %s mentions: %zu; predicted: %zu; correct: %zu\n", count_crew ? "person" : "actor", gold,
              predicted, tp);
  std::printf("precision %.1f%%  recall %.1f%%\n", pct(tp, predicted), pct(tp, gold));
  for (const auto& [tag, n] : gold_by_tag) {
    std::printf("  recall on %-3s %3zu/%3zu = %.1f%%\n", tag.c_str(), hit_by_tag[tag], n, pct(hit_by_tag[tag], n));
  }
  return 0;
}
