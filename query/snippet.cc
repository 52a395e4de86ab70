// Snippet selection: slide a window over the matching tokens and keep the
// one covering the most distinct matches, then cut at word boundaries.
#include "revsearch/query/snippet.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "revsearch/entities/recognizer.h"
#include "revsearch/sentiment/sentiment.h"
#include "revsearch/utf8.h"

namespace revsearch::query {
namespace {

void append_escaped(std::string& out, std::string_view text, bool html) {
  if (!html) {
    out += text;
    return;
  }
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
}

// Mentions of the people asked for, in whatever spelling the passage uses,
// and the words of the opinion asked for, merged into the token matches
// (kept sorted and disjoint).
void add_people(std::string_view text, analysis::Analyzer& analyzer, const Highlights& highlights,
                const StoredOpinion* opinion, std::vector<std::pair<std::size_t, std::size_t>>& matches,
                std::vector<std::string>& forms) {
  if (highlights.people.empty() && !opinion) return;
  std::vector<std::tuple<std::size_t, std::size_t, std::string>> all;
  for (std::size_t i = 0; i < matches.size(); ++i) all.emplace_back(matches[i].first, matches[i].second, forms[i]);
  bool added = false;
  if (!highlights.people.empty()) {
    for (const entities::Mention& m : entities::find_mentions(text)) {
      if (m.kind != entities::EntityKind::kActor && m.kind != entities::EntityKind::kCharacter) continue;
      if (!highlights.people.count(m.key) && !highlights.people.count(m.given_key)) continue;
      all.emplace_back(m.begin, m.end, m.key);
      added = true;
    }
  }
  if (opinion && opinion->begin < opinion->end && opinion->end <= text.size()) {
    // The sentence's lexicon words that feel the way the opinion does.
    std::string_view sentence = text.substr(opinion->begin, opinion->end - opinion->begin);
    sentiment::Scorer scorer(analyzer);
    for (const sentiment::WordScore& w : scorer.score(sentence, "", sentiment::Method::kRules).words) {
      if ((w.weight > 0) != (opinion->score > 0)) continue;
      all.emplace_back(opinion->begin + w.begin, opinion->begin + w.end, w.word);
      added = true;
    }
  }
  if (!added) return;
  std::sort(all.begin(), all.end());
  matches.clear();
  forms.clear();
  for (auto& [begin, end, form] : all) {
    if (!matches.empty() && begin < matches.back().second) {  // overlaps: widen
      matches.back().second = std::max(matches.back().second, end);
      continue;
    }
    matches.emplace_back(begin, end);
    forms.push_back(std::move(form));
  }
}

}  // namespace

std::string Snippet::render(std::string_view open, std::string_view close, bool html_escape) const {
  std::string out;
  for (const Segment& segment : segments) {
    if (segment.highlighted) out += open;
    append_escaped(out, segment.text, html_escape);
    if (segment.highlighted) out += close;
  }
  return out;
}

bool highlighted(const analysis::Token& token, const Highlights& highlights) {
  if (highlights.exact.count(token.text)) return true;
  if (!token.stopword && highlights.stems.count(token.search_form())) return true;
  for (const std::string& prefix : highlights.prefixes) {
    if (token.text.compare(0, prefix.size(), prefix) == 0) return true;
  }
  return false;
}

Snippet make_snippet(std::string_view text, analysis::Analyzer& analyzer, const Highlights& highlights,
                     std::size_t max_bytes, const StoredOpinion* opinion) {
  Snippet snippet;
  std::vector<analysis::Token> tokens = analyzer.analyze(text);
  std::vector<std::pair<std::size_t, std::size_t>>& matches = snippet.matches;
  std::vector<std::string> matched_forms;
  for (const analysis::Token& token : tokens) {
    if (!highlighted(token, highlights)) continue;
    // A compound and its parts cover the same text: keep the widest range.
    if (!matches.empty() && token.begin < matches.back().second) {
      if (token.begin <= matches.back().first && token.end >= matches.back().second) {
        matches.back() = {token.begin, token.end};
      } else if (token.end > matches.back().second) {
        matches.back().second = token.end;
      }
      continue;
    }
    // Matches separated only by spaces or hyphens read as one: "Han So-Hee".
    if (!matches.empty() && token.begin >= matches.back().second &&
        text.substr(matches.back().second, token.begin - matches.back().second)
                .find_first_not_of(" -") == std::string_view::npos) {
      matches.back().second = token.end;
      continue;
    }
    matches.emplace_back(token.begin, token.end);
    matched_forms.push_back(token.search_form());
  }
  add_people(text, analyzer, highlights, opinion, matches, matched_forms);

  // Choose the window start: the sentence holding the opinion asked for, or
  // the match that begins the densest run.
  std::size_t window_begin = 0;
  if (text.size() > max_bytes && opinion && opinion->begin < text.size()) {
    window_begin = opinion->begin;
  } else if (text.size() > max_bytes && !matches.empty()) {
    std::size_t best = 0, best_count = 0;
    for (std::size_t i = 0; i < matches.size(); ++i) {
      std::set<std::string> distinct;
      for (std::size_t j = i; j < matches.size() && matches[j].second - matches[i].first <= max_bytes; ++j) {
        distinct.insert(matched_forms[j]);
      }
      if (distinct.size() > best_count) best = i, best_count = distinct.size();
    }
    // Start a little before the first match, at a space.
    std::size_t lead = std::min<std::size_t>(matches[best].first, max_bytes / 5);
    window_begin = matches[best].first - lead;
    std::size_t space = text.find(' ', window_begin);
    if (window_begin > 0 && space != std::string_view::npos && space < matches[best].first) window_begin = space + 1;
    // No space before the match (text written without spaces): start at a
    // character, never inside one.
    while (window_begin > 0 && (static_cast<unsigned char>(text[window_begin]) & 0xC0) == 0x80) --window_begin;
  }
  std::size_t window_end = text.size();
  if (window_end - window_begin > max_bytes) {
    window_end = window_begin + utf8::truncate(text.substr(window_begin), max_bytes).size();
    std::size_t space = text.rfind(' ', window_end);
    if (space != std::string_view::npos && space > window_begin + max_bytes / 2) window_end = space;
  }

  if (window_begin > 0) snippet.segments.push_back({"…", false});
  std::size_t cursor = window_begin;
  for (auto [b, e] : matches) {
    if (b < window_begin || e > window_end) continue;
    if (b > cursor) snippet.segments.push_back({std::string(text.substr(cursor, b - cursor)), false});
    snippet.segments.push_back({std::string(text.substr(b, e - b)), true});
    cursor = e;
  }
  if (window_end > cursor) snippet.segments.push_back({std::string(text.substr(cursor, window_end - cursor)), false});
  if (window_end < text.size()) snippet.segments.push_back({"…", false});
  return snippet;
}

const StoredOpinion* asked_opinion(const std::vector<StoredOpinion>& opinions, const OpinionQuery& asked) {
  const StoredOpinion* strongest = nullptr;
  for (const StoredOpinion& o : opinions) {
    if (o.label != asked.label) continue;
    if (std::find(asked.people.begin(), asked.people.end(), o.entity) == asked.people.end()) continue;
    if (!strongest || std::fabs(o.score) > std::fabs(strongest->score)) strongest = &o;
  }
  return strongest;
}

}  // namespace revsearch::query
