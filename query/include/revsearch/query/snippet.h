// Snippets: the passage window with the most query matches, highlighted.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/passage_record.h"
#include "revsearch/query/query_parser.h"

namespace revsearch::query {

struct Snippet {
  struct Segment {
    std::string text;
    bool highlighted = false;
  };
  std::vector<Segment> segments;           // in order; "…" marks cut text
  std::vector<std::pair<std::size_t, std::size_t>> matches;  // byte ranges in the full text

  // Plain text with each match between `open` and `close`.
  std::string render(std::string_view open, std::string_view close, bool html_escape = false) const;
};

// A window of about `max_bytes` of `text` around the densest cluster of
// tokens whose exact form or search form is highlighted, or that begin with
// a highlighted wildcard prefix. With `opinion`, the window starts at the
// sentence holding it, whose words of that feeling are highlighted too.
Snippet make_snippet(std::string_view text, analysis::Analyzer& analyzer, const Highlights& highlights,
                     std::size_t max_bytes = 320, const StoredOpinion* opinion = nullptr);

// The opinion a query asks for among a passage's (`actor:X
// sentiment:negative`: the strongest negative one about X), or null.
const StoredOpinion* asked_opinion(const std::vector<StoredOpinion>& opinions, const OpinionQuery& asked);

}  // namespace revsearch::query
