// make-sentiment-model: trains the linear models of revsearch/sentiment/model.h
// (L2-regularised logistic regression by AdaGrad, fixed seed: the output
// depends only on the data) and measures them on data they were not trained on.
//   make-sentiment-model en POLARITY_DIR SENTIMENT_DEV_DIR OUTPUT.tsv
//   make-sentiment-model en-cv POLARITY_DIR SENTIMENT_DEV_DIR
//   make-sentiment-model en-dev-cv POLARITY_DIR SENTIMENT_DEV_DIR [NAME:KEY=VALUE,...]...
//   make-sentiment-model ko NSMC.jsonl.gz OUTPUT.tsv [DEV_DIGIT]
// English learns from the 2,000 polarity-v2 reviews (POLARITY_DIR/pos, /neg,
// unzipped) and the calibration halves of SENTIMENT_DEV_DIR/*_GroundTruth.txt
// (even-numbered lines; the odd ones are the report halves, never learned
// from), with the lexicon rules' score as one more feature. `en-cv` reports
// 10-fold cross-validated polarity accuracy (fold = file index mod 10, the
// files in name order) and Pearson r on the report halves; `en-dev-cv`
// cross-validates inside the training data only (the calibration halves
// too), to choose settings without looking at the report halves. A polarity
// review is learned as a classification (logistic loss on its class), a
// snippet as a regression on its human score (soft target, see DevLoss).
// Korean learns from
// the NSMC training split (ids not ending in 0; rating <= 4 negative, >= 9
// positive); with DEV_DIGIT it also leaves out the ids ending in that digit
// and reports accuracy on them, for choosing settings without the test split.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/indexer/readers.h"
#include "revsearch/sentiment/model.h"
#include "revsearch/sentiment/sentiment.h"
#include "revsearch/utf8.h"
#include "pearson.h"

namespace {

using namespace revsearch;
using sentiment::pearson;
namespace fs = std::filesystem;

// How a sentiment-dev snippet (a human score -4..4) is learned from; the
// polarity reviews (and Korean) are always classified.
enum class DevLoss {
  kClassify,  // logistic loss on sign(score), example weight min(1, |score| / 2)
  kSoft,      // logistic loss with the soft target P(positive) = (1 + y) / 2, y = clamp(score * dev_scale, -1, 1):
              // its optimum is tanh(margin / 2) = y, a regression on the human scale
  kSquared,   // squared loss between tanh(margin / 2) and y
};

struct Settings {
  double l2 = 0;          // per-update L2 penalty on touched weights
  double rate = 0.1;      // AdaGrad learning rate
  int epochs = 0;
  std::uint32_t min_documents = 0;  // features in fewer training texts are left out
  double min_weight = 0;  // weights closer to zero are not written
  DevLoss dev_loss = DevLoss::kClassify;
  double dev_scale = 0.25;      // kSoft / kSquared target: clamp(score * dev_scale, -1, 1)
  bool split_lexicon = false;  // also learn weights for the rules' positive and negative sums
  // Example weight of each English set (multiplies the loss's own weight).
  double polarity_weight = 1, amazon_weight = 1, nyt_weight = 1, tweets_weight = 1;
};
// Chosen by `en-dev-cv` (cross-validation inside the training data; see
// sentiment/README.md): soft targets clamp(score, -1, 1) for the snippets,
// rate 0.02, the rules' positive and negative sums as two more features, the
// NYT snippets counted twice.
constexpr Settings kEnglish{1e-4, 0.02, 15, 2, 0.01, DevLoss::kSoft, 1.0, true, 1, 1, 2, 1};
// The settings before (a classifier on the snippets' sign): where the
// variants of en-dev-cv start from.
constexpr Settings kEnglishBefore{1e-4, 0.1, 15, 2, 0.01};
constexpr Settings kKorean{2e-7, 0.1, 4, 3, 0.05};

struct Example {
  std::vector<std::uint32_t> features;  // distinct feature ids
  double lexicon = 0;                   // the rules' score, -1..1 (English)
  double praise = 0, blame = 0;         // the rules' positive / negative sums, each s / sqrt(s^2 + 15): 0..1
  double weight = 1;
  bool positive = false;
  double human = 0;  // sentiment-dev: the human score; polarity: fold number
  int set = 0;       // English: 0 polarity, 1 Amazon, 2 NYT, 3 tweets (the sentiment-dev files)
  int fold = 0;      // calibration snippets: the fold of en-dev-cv
};

class Vocabulary {
 public:
  std::uint32_t id(const std::string& key) {
    auto [it, added] = ids_.try_emplace(key, static_cast<std::uint32_t>(keys_.size()));
    if (added) keys_.push_back(key);
    return it->second;
  }
  const std::string& key(std::uint32_t id) const { return keys_[id]; }
  std::size_t size() const { return keys_.size(); }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> keys_;
};

struct Trained {
  std::vector<double> weights;
  double bias = 0, lexicon = 0, praise = 0, blame = 0;
  double margin(const Example& e) const {
    double z = bias + lexicon * e.lexicon;
    if (praise != 0 || blame != 0) z += praise * e.praise + blame * e.blame;
    for (std::uint32_t f : e.features) z += f < weights.size() ? weights[f] : 0;
    return z;
  }
};

Example example(Vocabulary& vocabulary, const std::vector<sentiment::Feature>& features) {
  Example e;
  for (const sentiment::Feature& f : features) e.features.push_back(vocabulary.id(f.key));
  std::sort(e.features.begin(), e.features.end());
  e.features.erase(std::unique(e.features.begin(), e.features.end()), e.features.end());
  return e;
}

// Logistic regression by AdaGrad over the examples `use` picks; features in
// fewer than settings.min_documents of them stay at zero.
Trained train(const std::vector<Example>& examples, const std::vector<std::size_t>& use, std::size_t dimensions,
              const Settings& settings, bool with_lexicon) {
  std::vector<std::uint32_t> documents(dimensions, 0);
  for (std::size_t i : use) {
    for (std::uint32_t f : examples[i].features) ++documents[f];
  }
  Trained model;
  model.weights.assign(dimensions, 0);
  std::vector<double> squares(dimensions, 1e-8);
  double bias_squares = 1e-8, lexicon_squares = 1e-8, praise_squares = 1e-8, blame_squares = 1e-8;
  const double set_weight[] = {settings.polarity_weight, settings.amazon_weight, settings.nyt_weight,
                               settings.tweets_weight};
  bool split = with_lexicon && settings.split_lexicon;
  std::vector<std::size_t> order = use;
  std::mt19937_64 random(20261130);
  for (int epoch = 0; epoch < settings.epochs; ++epoch) {
    // Fisher-Yates with our own index draw: the same order on every library.
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);
    for (std::size_t i : order) {
      const Example& e = examples[i];
      double z = model.bias + (with_lexicon ? model.lexicon * e.lexicon : 0);
      if (split) z += model.praise * e.praise + model.blame * e.blame;
      for (std::uint32_t f : e.features) z += model.weights[f];
      double p = 1 / (1 + std::exp(-z));
      double g = 0;
      if (e.set == 0 || settings.dev_loss == DevLoss::kClassify) {
        g = (p - (e.positive ? 1.0 : 0.0)) * e.weight * set_weight[e.set];
      } else if (settings.dev_loss == DevLoss::kSoft) {  // every snippet counts, a neutral one too
        g = (p - (1 + std::clamp(e.human * settings.dev_scale, -1.0, 1.0)) / 2) * set_weight[e.set];
      } else {  // d/dz of (tanh(z/2) - y)^2 / 2, with tanh(z/2) = 2p - 1
        double t = 2 * p - 1;
        g = (t - std::clamp(e.human * settings.dev_scale, -1.0, 1.0)) * (1 - t * t) / 2 * set_weight[e.set];
      }
      bias_squares += g * g;
      model.bias -= settings.rate * g / std::sqrt(bias_squares);
      if (with_lexicon) {
        double gl = g * e.lexicon;
        lexicon_squares += gl * gl;
        model.lexicon -= settings.rate * gl / std::sqrt(lexicon_squares);
      }
      if (split) {
        double gp = g * e.praise, gb = g * e.blame;
        praise_squares += gp * gp;
        blame_squares += gb * gb;
        model.praise -= settings.rate * gp / std::sqrt(praise_squares);
        model.blame -= settings.rate * gb / std::sqrt(blame_squares);
      }
      for (std::uint32_t f : e.features) {
        if (documents[f] < settings.min_documents) continue;
        double gf = g + settings.l2 * model.weights[f];
        squares[f] += gf * gf;
        model.weights[f] -= settings.rate * gf / std::sqrt(squares[f]);
      }
    }
  }
  for (std::size_t f = 0; f < dimensions; ++f) {
    if (std::fabs(model.weights[f]) < settings.min_weight) model.weights[f] = 0;
  }
  return model;
}

void write_model(const std::string& path, const Trained& model, const Vocabulary& vocabulary,
                 const Settings& settings, const std::string& provenance) {
  std::map<std::string, double> sorted;  // sorted keys: the same file from the same data
  for (std::size_t f = 0; f < model.weights.size(); ++f) {
    const std::string& key = vocabulary.key(static_cast<std::uint32_t>(f));
    // '#' starts a comment line in the model format; ")lex" would end the embedded literal.
    if (model.weights[f] == 0 || key[0] == '#' || key[0] == '@' || key.find(")lex") != std::string::npos) continue;
    sorted[key] = model.weights[f];
  }
  std::ofstream out(path);
  out << provenance << "# Logistic regression, AdaGrad rate " << settings.rate << ", L2 " << settings.l2 << ", "
      << settings.epochs << " epochs; features in at least " << settings.min_documents
      << " training texts; |weight| >= " << settings.min_weight << " kept.\n";
  char number[32];
  auto line = [&](const std::string& key, double w) {
    std::snprintf(number, sizeof number, "%.3f", w);
    out << key << '\t' << number << '\n';
  };
  line("@bias", model.bias);
  if (model.lexicon != 0) line("@lexicon", model.lexicon);
  if (model.praise != 0 || model.blame != 0) {
    line("@praise", model.praise);
    line("@blame", model.blame);
  }
  for (const auto& [key, w] : sorted) line(key, w);
  if (!out) throw std::runtime_error("cannot write " + path);
  std::cerr << sorted.size() << " weights written to " << path << "\n";
}

// ---- English ----

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// polarity-v2 is pre-tokenised ("does n't", "it 's"): rejoin the clitics so
// the text reads as the reviews revsearch indexes.
std::string rejoin_clitics(std::string text) {
  for (const char* clitic : {" n't", " 's", " 're", " 've", " 'll", " 'd", " 'm"}) {
    std::string from = clitic;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) text.erase(at, 1);
  }
  return text;
}

struct EnglishData {
  std::vector<Example> examples;
  std::vector<std::size_t> polarity;  // indices of the polarity reviews (human = fold)
  std::vector<std::size_t> calibration;
  std::map<std::string, std::vector<std::size_t>> report;  // per sentiment-dev file
  Vocabulary vocabulary;
};

EnglishData read_english(const std::string& polarity_dir, const std::string& dev_dir) {
  analysis::Analyzer analyzer;
  sentiment::Scorer scorer(analyzer);
  EnglishData data;
  auto add = [&](const std::string& text) {
    std::vector<analysis::Token> tokens = analyzer.analyze(text);
    Example e = example(data.vocabulary, sentiment::english_features(text, tokens));
    sentiment::Sentiment rules = scorer.score_tokens(text, tokens, "en", sentiment::Method::kRules);
    e.lexicon = rules.score;
    e.praise = sentiment::normalised_sum(rules.positive);
    e.blame = sentiment::normalised_sum(rules.negative);
    data.examples.push_back(std::move(e));
    return data.examples.size() - 1;
  };
  for (const char* cls : {"neg", "pos"}) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(fs::path(polarity_dir) / cls)) files.push_back(entry.path());
    if (files.empty()) throw std::runtime_error("no reviews in " + (fs::path(polarity_dir) / cls).string());
    std::sort(files.begin(), files.end());
    for (std::size_t i = 0; i < files.size(); ++i) {
      std::string text = read_all(files[i]);
      if (utf8::first_invalid(text)) {
        std::cerr << "make-sentiment-model: " << files[i].string() << ": not UTF-8, skipped\n";
        continue;
      }
      std::size_t at = add(rejoin_clitics(text));
      data.examples[at].positive = std::string(cls) == "pos";
      data.examples[at].human = static_cast<double>(i % 10);
      data.polarity.push_back(at);
    }
  }
  std::vector<fs::path> dev_files;
  for (const auto& entry : fs::directory_iterator(dev_dir)) {
    std::string name = entry.path().filename().string();
    if (name.size() > 16 && name.compare(name.size() - 16, 16, "_GroundTruth.txt") == 0) dev_files.push_back(entry.path());
  }
  if (dev_files.empty()) throw std::runtime_error("no *_GroundTruth.txt in " + dev_dir);
  std::sort(dev_files.begin(), dev_files.end());
  for (const fs::path& file : dev_files) {
    std::string name = file.filename().string();
    int set = name.rfind("amazon", 0) == 0 ? 1 : name.rfind("nyt", 0) == 0 ? 2 : name.rfind("tweets", 0) == 0 ? 3 : 0;
    if (set == 0) throw std::runtime_error("unknown sentiment-dev set " + file.string());
    std::ifstream in(file);
    std::size_t line_number = 0, kept = 0;
    auto& report = data.report[file.filename().string()];
    for (std::string line; std::getline(in, line);) {
      ++line_number;
      std::istringstream fields(line);
      std::string id, score, text;
      if (!std::getline(fields, id, '\t') || !std::getline(fields, score, '\t') || !std::getline(fields, text) ||
          utf8::first_invalid(text)) {
        std::cerr << "make-sentiment-model: " << file.string() << ":" << line_number << ": not id<TAB>score<TAB>text, skipped\n";
        continue;
      }
      double human = std::stod(score);
      std::size_t at = add(text);
      Example& e = data.examples[at];
      e.human = human;
      e.positive = human > 0;
      e.weight = std::min(1.0, std::fabs(human) / 2);
      e.set = set;
      e.fold = static_cast<int>((kept / 2) % 10);
      // Even lines calibrate (are learned from), odd lines are reported.
      ((kept++ % 2 == 0) ? data.calibration : report).push_back(at);
    }
  }
  return data;
}

std::string english_provenance(const EnglishData& data) {
  std::ostringstream out;
  out << "# English sentiment model: feature<TAB>weight (positive > 0). Generated by\n"
      << "# sentiment/tools/make_sentiment_model.cc from " << data.polarity.size()
      << " polarity-v2.0 reviews (Pang & Lee 2004, CC BY 4.0) and the " << data.calibration.size()
      << " calibration snippets (even lines) of\n# ../shared/data/sentiment-dev (cjhutto/vaderSentiment, MIT); "
      << "'!' marks a word in a negation's scope, a space joins a pair. Reviews: logistic loss on the class;\n"
      << "# snippets: logistic loss on the soft target (1 + clamp(score, -1, 1)) / 2, NYT counted twice.\n"
      << "# @lexicon weighs the rules' score, @praise / @blame their positive / negative sums (s / sqrt(s^2 + 15)).\n";
  return out.str();
}

int english(const std::string& polarity_dir, const std::string& dev_dir, const std::string* output) {
  EnglishData data = read_english(polarity_dir, dev_dir);
  std::size_t dims = data.vocabulary.size();
  if (!output) {
    long right = 0;
    for (int fold = 0; fold < 10; ++fold) {
      std::vector<std::size_t> use = data.calibration, held;
      for (std::size_t i : data.polarity) (static_cast<int>(data.examples[i].human) == fold ? held : use).push_back(i);
      Trained model = train(data.examples, use, dims, kEnglish, true);
      long fold_right = 0;
      for (std::size_t i : held) fold_right += (model.margin(data.examples[i]) > 0) == data.examples[i].positive;
      std::printf("  fold %d: %ld/%zu\n", fold, fold_right, held.size());
      right += fold_right;
    }
    std::printf("polarity-v2.0, 10-fold cross-validation: %.2f%% (%ld/%zu)\n",
                100.0 * static_cast<double>(right) / static_cast<double>(data.polarity.size()), right,
                data.polarity.size());
  }
  std::vector<std::size_t> all = data.polarity;
  all.insert(all.end(), data.calibration.begin(), data.calibration.end());
  Trained model = train(data.examples, all, dims, kEnglish, true);
  for (const auto& [file, indices] : data.report) {
    std::vector<double> human, learned, rules;
    for (std::size_t i : indices) {
      human.push_back(data.examples[i].human);
      learned.push_back(std::tanh(model.margin(data.examples[i]) / 2));
      rules.push_back(data.examples[i].lexicon);
    }
    std::printf("%s report half (%zu snippets, odd lines): Pearson r  rules %.3f   model %.3f\n", file.c_str(),
                human.size(), pearson(human, rules), pearson(human, learned));
  }
  if (output) write_model(*output, model, data.vocabulary, kEnglish, english_provenance(data));
  return 0;
}

// en-dev-cv: 10-fold cross-validation inside the training data only, for
// choosing settings without the report halves. Fold f holds out the polarity
// reviews with file index mod 10 = f and the calibration snippets (even
// lines) whose position among their file's even lines, mod 10, is f; the
// model trained on the rest scores them. Reports polarity accuracy and each
// sentiment-dev file's Pearson r over its pooled held-out calibration
// snippets. The odd lines are not read into any figure.
void dev_cv(const EnglishData& data, const Settings& settings, const std::string& name) {
  std::size_t dims = data.vocabulary.size();
  std::vector<double> predicted(data.examples.size(), 0);
  long right = 0;
  double lexicon = 0, bias = 0, praise = 0, blame = 0;
  for (int fold = 0; fold < 10; ++fold) {
    std::vector<std::size_t> use, held;
    for (std::size_t i : data.polarity) (static_cast<int>(data.examples[i].human) == fold ? held : use).push_back(i);
    for (std::size_t i : data.calibration) (data.examples[i].fold == fold ? held : use).push_back(i);
    Trained model = train(data.examples, use, dims, settings, true);
    lexicon += model.lexicon / 10;  // the constants, averaged over the folds
    praise += model.praise / 10;
    blame += model.blame / 10;
    bias += model.bias / 10;
    for (std::size_t i : held) {
      double m = model.margin(data.examples[i]);
      predicted[i] = std::tanh(m / 2);
      if (data.examples[i].set == 0) right += (m > 0) == data.examples[i].positive;
    }
  }
  std::printf("%-28s polarity %.2f%%", name.c_str(),
              100.0 * static_cast<double>(right) / static_cast<double>(data.polarity.size()));
  for (int set = 1; set <= 3; ++set) {
    std::vector<double> human, model, rules;
    for (std::size_t i : data.calibration) {
      if (data.examples[i].set != set) continue;
      human.push_back(data.examples[i].human);
      model.push_back(predicted[i]);
      rules.push_back(data.examples[i].lexicon);
    }
    std::printf("  %s r %.3f (rules %.3f)", set == 1 ? "amazon" : set == 2 ? "nyt" : "tweets", pearson(human, model),
                pearson(human, rules));
  }
  std::printf("  @lexicon %.2f @bias %.2f @praise %.2f @blame %.2f\n", lexicon, bias, praise, blame);
  std::fflush(stdout);
}

// "name:key=value,key=value", starting from kEnglishBefore:
// loss=classify|soft|squared, scale (the soft/squared target's factor),
// split=0|1 (the rules' positive and negative sums as features), l2, epochs,
// rate, min_documents, polarity/amazon/nyt/tweets (set weights).
std::pair<std::string, Settings> parse_variant(const std::string& spec) {
  Settings settings = kEnglishBefore;
  std::size_t colon = spec.find(':');
  std::string name = spec.substr(0, colon);
  if (colon == std::string::npos) return {name, settings};
  std::istringstream items(spec.substr(colon + 1));
  for (std::string item; std::getline(items, item, ',');) {
    std::size_t eq = item.find('=');
    if (eq == std::string::npos) throw std::runtime_error("bad variant item " + item);
    std::string key = item.substr(0, eq), value = item.substr(eq + 1);
    if (key == "loss") {
      if (value != "soft" && value != "squared" && value != "classify") throw std::runtime_error("unknown loss " + value);
      settings.dev_loss = value == "soft" ? DevLoss::kSoft : value == "squared" ? DevLoss::kSquared : DevLoss::kClassify;
    } else if (key == "l2") {
      settings.l2 = std::stod(value);
    } else if (key == "epochs") {
      settings.epochs = std::stoi(value);
    } else if (key == "rate") {
      settings.rate = std::stod(value);
    } else if (key == "min_documents") {
      settings.min_documents = static_cast<std::uint32_t>(std::stoul(value));
    } else if (key == "split") {
      settings.split_lexicon = value == "1";
    } else if (key == "scale") {
      settings.dev_scale = std::stod(value);
    } else if (key == "polarity") {
      settings.polarity_weight = std::stod(value);
    } else if (key == "amazon") {
      settings.amazon_weight = std::stod(value);
    } else if (key == "nyt") {
      settings.nyt_weight = std::stod(value);
    } else if (key == "tweets") {
      settings.tweets_weight = std::stod(value);
    } else {
      throw std::runtime_error("unknown variant key " + key);
    }
  }
  return {name, settings};
}

int english_dev_cv(const std::string& polarity_dir, const std::string& dev_dir, const std::vector<std::string>& specs) {
  EnglishData data = read_english(polarity_dir, dev_dir);
  if (specs.empty()) {
    dev_cv(data, kEnglishBefore, "before");
    dev_cv(data, kEnglish, "committed settings");
  }
  for (const std::string& spec : specs) {
    auto [name, settings] = parse_variant(spec);
    dev_cv(data, settings, name);
  }
  return 0;
}

// ---- Korean ----

class NsmcExamples : public indexer::RecordSink {
 public:
  explicit NsmcExamples(char dev_digit) : dev_digit_(dev_digit) {}
  void review(indexer::Review&& r) override {
    if (r.id.empty() || r.id.back() == '0') return;  // test split: never learned from
    if (!r.rating || (*r.rating > 4 && *r.rating < 9)) return;
    std::vector<analysis::Token> tokens = analyzer_.analyze(r.text);
    Example e = example(vocabulary, sentiment::korean_features(tokens));
    e.positive = *r.rating >= 9;
    (r.id.back() == dev_digit_ ? dev : train).push_back(examples.size());
    examples.push_back(std::move(e));
    if (examples.size() % 100000 == 0) std::cerr << examples.size() << " reviews read\n";
  }
  void skip(indexer::Skip&& skip) override { std::cerr << "skipped " << skip.file << ":" << skip.line << "\n"; }

  std::vector<Example> examples;
  std::vector<std::size_t> train, dev;
  Vocabulary vocabulary;

 private:
  analysis::Analyzer analyzer_;
  char dev_digit_;
};

int korean(const std::string& nsmc, const std::string& output, char dev_digit) {
  NsmcExamples data(dev_digit);
  indexer::read_file(nsmc, nsmc, "nsmc", {}, data);
  if (data.train.empty()) throw std::runtime_error("no labelled training reviews in " + nsmc);
  Trained model = train(data.examples, data.train, data.vocabulary.size(), kKorean, false);
  if (!data.dev.empty()) {
    long right = 0;
    for (std::size_t i : data.dev) right += (model.margin(data.examples[i]) > 0) == data.examples[i].positive;
    std::printf("NSMC development split (ids ending in %c): %.2f%% (%ld/%zu)\n", dev_digit,
                100.0 * static_cast<double>(right) / static_cast<double>(data.dev.size()), right, data.dev.size());
  }
  long positive = 0;
  for (std::size_t i : data.train) positive += data.examples[i].positive;
  std::ostringstream provenance;
  provenance << "# Korean sentiment model: feature<TAB>weight (positive > 0). Generated by\n"
             << "# sentiment/tools/make_sentiment_model.cc from the NSMC training split (ids not ending in 0"
             << (dev_digit ? std::string(" or ") + dev_digit : std::string()) << ") of ../shared/data/nsmc (e9t/nsmc, CC0 1.0):\n# "
             << positive << " positive (rating >= 9) and " << data.train.size() - static_cast<std::size_t>(positive)
             << " negative (<= 4) reviews; '!' marks a negated word, a space joins a pair.\n";
  write_model(output, model, data.vocabulary, kKorean, provenance.str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 4 && args[0] == "en") return english(args[1], args[2], &args[3]);
    if (args.size() == 3 && args[0] == "en-cv") return english(args[1], args[2], nullptr);
    if (args.size() >= 3 && args[0] == "en-dev-cv") {
      return english_dev_cv(args[1], args[2], std::vector<std::string>(args.begin() + 3, args.end()));
    }
    if ((args.size() == 3 || args.size() == 4) && args[0] == "ko") {
      return korean(args[1], args[2], args.size() == 4 ? args[3][0] : '\0');
    }
    std::cerr << "usage: make-sentiment-model en POLARITY_DIR SENTIMENT_DEV_DIR OUTPUT.tsv\n"
                 "       make-sentiment-model en-cv POLARITY_DIR SENTIMENT_DEV_DIR\n"
                 "       make-sentiment-model en-dev-cv POLARITY_DIR SENTIMENT_DEV_DIR [NAME:KEY=VALUE,...]...\n"
                 "       make-sentiment-model ko NSMC.jsonl.gz OUTPUT.tsv [DEV_DIGIT]\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "make-sentiment-model: " << e.what() << "\n";
    return 1;
  }
}
