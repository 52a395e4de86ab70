// sentiment-eval: measures the sentiment scorers against labelled data, each
// next to its baseline in the same run (see benchmarks/sentiment-accuracy.sh).
//   sentiment-eval nsmc NSMC.jsonl.gz        test split accuracy (ids ending in 0)
//   sentiment-eval nsmc NSMC.jsonl.gz 1      development split (a lexicon made without it)
//   sentiment-eval dev FILE_GroundTruth.txt  Pearson r with human scores (the learned
//                                            model on the report half: odd lines)
//   sentiment-eval polarity DIR              accuracy on DIR/pos/*, DIR/neg/* (the learned
//                                            model's is cross-validated by make-sentiment-model en-cv)
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/indexer/readers.h"
#include "revsearch/sentiment/sentiment.h"
#include "revsearch/utf8.h"
#include "pearson.h"

namespace {

using namespace revsearch;
using sentiment::pearson;
using sentiment::Method;

struct Tally {
  long right = 0, total = 0, undecided = 0;
  void add(bool truth_positive, double score, bool fallback_positive) {
    bool predicted = score > 0 || (score == 0 && fallback_positive);
    undecided += score == 0;
    right += predicted == truth_positive;
    ++total;
  }
  void print(const char* name) const {
    std::printf("  %-34s %6.2f%%  (%ld/%ld; %ld with no lexicon word -> majority class)\n", name,
                100.0 * static_cast<double>(right) / static_cast<double>(total), right, total, undecided);
  }
};

class NsmcEval : public indexer::RecordSink {
 public:
  NsmcEval(sentiment::Scorer& scorer, char split_digit) : scorer_(scorer), digit_(split_digit) {}
  void review(indexer::Review&& r) override {
    if (!r.rating || (*r.rating > 4 && *r.rating < 9) || r.id.empty()) return;
    bool positive = *r.rating >= 9;
    if (r.id.back() != digit_) {  // training split: only its class counts, for the majority baseline
      (positive ? train_pos : train_neg)++;
      return;
    }
    test_.push_back({positive, std::move(r.text)});
  }
  void skip(indexer::Skip&&) override {}

  void report() {
    bool majority_positive = train_pos >= train_neg;
    Tally majority, plain, rules, model;
    for (const auto& [truth, text] : test_) {
      majority.add(truth, 0, majority_positive);
      plain.add(truth, scorer_.score(text, "ko", Method::kPlain).score, majority_positive);
      rules.add(truth, scorer_.score(text, "ko", Method::kRules).score, majority_positive);
      model.add(truth, scorer_.score(text, "ko", Method::kModel).score, majority_positive);
    }
    std::printf("NSMC %s split (ids ending in %c; positive = rating >= 9, negative <= 4):\n",
                digit_ == '0' ? "test" : "development", digit_);
    std::printf("  majority class from training split: %s (%ld positive, %ld negative)\n",
                majority_positive ? "positive" : "negative", train_pos, train_neg);
    majority.print("majority-class baseline");
    plain.print("plain unweighted lexicon (+1/-1)");
    rules.print("lexicon weights + rules");
    model.print("revsearch (learned model)");
  }

 private:
  sentiment::Scorer& scorer_;
  std::vector<std::pair<bool, std::string>> test_;
  char digit_;
  long train_pos = 0, train_neg = 0;
};

int dev(sentiment::Scorer& scorer, const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<double> human, plain, rules;
  std::vector<double> report_human, report_rules, report_model;  // odd lines: never learned from
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string id, score, text;
    if (!std::getline(fields, id, '\t') || !std::getline(fields, score, '\t') || !std::getline(fields, text)) continue;
    if (utf8::first_invalid(text)) continue;
    human.push_back(std::stod(score));
    plain.push_back(scorer.score(text, "en", Method::kPlain).score);
    rules.push_back(scorer.score(text, "en", Method::kRules).score);
    if (human.size() % 2 == 0) {
      report_human.push_back(human.back());
      report_rules.push_back(rules.back());
      report_model.push_back(scorer.score(text, "en", Method::kModel).score);
    }
  }
  std::string name = std::filesystem::path(path).filename().string();
  std::printf("%s (%zu snippets): Pearson r  plain VADER-lexicon sum %.3f   lexicon + rules %.3f\n", name.c_str(),
              human.size(), pearson(human, plain), pearson(human, rules));
  std::printf("%s report half (%zu snippets): Pearson r  lexicon + rules %.3f   revsearch (learned model) %.3f\n",
              name.c_str(), report_human.size(), pearson(report_human, report_rules),
              pearson(report_human, report_model));
  return 0;
}

int polarity(sentiment::Scorer& scorer, const std::string& dir) {
  Tally plain, rules;
  for (const char* cls : {"pos", "neg"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(dir) / cls)) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string text = ss.str();
      if (utf8::first_invalid(text)) continue;
      bool truth = std::string(cls) == "pos";
      // Balanced classes: an undecided review counts as positive.
      plain.add(truth, scorer.score(text, "en", Method::kPlain).score, true);
      rules.add(truth, scorer.score(text, "en", Method::kRules).score, true);
    }
  }
  std::printf("Polarity v2.0 (%ld reviews, 1000 pos / 1000 neg):\n", rules.total);
  plain.print("plain VADER-lexicon sum");
  rules.print("VADER + review rules");
  std::printf("  (revsearch's learned model was trained on these reviews: its accuracy is the\n"
              "   10-fold cross-validation of make-sentiment-model en-cv)\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && !(argc == 4 && std::string(argv[1]) == "nsmc")) {
    std::cerr << "usage: sentiment-eval nsmc|dev|polarity PATH  (nsmc PATH DIGIT: development split)\n";
    return 2;
  }
  try {
    analysis::Analyzer analyzer;
    sentiment::Scorer scorer(analyzer);
    std::string mode = argv[1];
    if (mode == "nsmc") {
      NsmcEval eval(scorer, argc == 4 ? argv[3][0] : '0');
      indexer::read_file(argv[2], argv[2], "nsmc", {}, eval);
      eval.report();
      return 0;
    }
    if (mode == "dev") return dev(scorer, argv[2]);
    if (mode == "polarity") return polarity(scorer, argv[2]);
    std::cerr << "sentiment-eval: unknown mode '" << mode << "'\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "sentiment-eval: " << e.what() << "\n";
    return 1;
  }
}
