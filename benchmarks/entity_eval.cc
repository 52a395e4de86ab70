// Precision and recall of actor mention detection against the hand labels
// in benchmarks/entity-labels.tsv (issue 5). Run from the repository root:
//   build/entity_eval [--labels benchmarks/entity-labels.tsv]
//     [--seed corpus/soundtrack-1.txt] [--nsmc ../shared/data/nsmc/nsmc-reviews.jsonl.gz]
// The seed is split into passages exactly as the indexer does, with the
// recogniser's context carried across them; NSMC reviews are one unit each.
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

void predict(Unit& unit, std::string_view text, entities::ReviewContext& context,
             const entities::Recognizer& recognizer) {
  unit.seen = true;
  for (const entities::Mention& m : recognizer.find_mentions(text, context)) {
    if (m.kind == entities::EntityKind::kActor) unit.predicted.insert(std::string(text.substr(m.begin, m.end - m.begin)));
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string labels = "benchmarks/entity-labels.tsv", seed = "corpus/soundtrack-1.txt",
              nsmc = "../shared/data/nsmc/nsmc-reviews.jsonl.gz";
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--labels") labels = argv[i + 1];
    else if (a == "--seed") seed = argv[i + 1];
    else if (a == "--nsmc") nsmc = argv[i + 1];
  }
  std::map<std::string, Unit> seed_units, nsmc_units;
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
    Unit& unit = (source == "seed" ? seed_units : nsmc_units)[id];
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

  std::map<std::string, std::size_t> gold_by_tag, hit_by_tag;
  std::size_t tp = 0, predicted = 0, gold = 0, missing_units = 0;
  for (auto* units : {&seed_units, &nsmc_units}) {
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
  std::printf("units: %zu seed passages, %zu NSMC reviews (%zu not found)\n", seed_units.size(), nsmc_units.size(),
              missing_units);
  std::printf("labelled actor mentions: %zu; predicted: %zu; correct: %zu\n", gold, predicted, tp);
  std::printf("precision %.1f%%  recall %.1f%%\n", pct(tp, predicted), pct(tp, gold));
  for (const auto& [tag, n] : gold_by_tag) {
    std::printf("  recall on %-3s %3zu/%3zu = %.1f%%\n", tag.c_str(), hit_by_tag[tag], n, pct(hit_by_tag[tag], n));
  }
  return 0;
}
