#include "revsearch/query/word_weights.h"

#include <algorithm>
#include <cmath>

namespace revsearch::query::weights {

double bm25_rarity(double termfreq, double passages) {
  double ratio = (passages - termfreq + 0.5) / (termfreq + 0.5);
  if (ratio < 2) ratio = ratio * 0.5 + 1;
  return std::log(ratio);
}

Xapian::Query scaled(const Xapian::Query& q, double scale) {
  return scale == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, scale);
}

Xapian::Query first_match(const std::vector<Alternative>& alternatives) {
  std::vector<Xapian::Query> parts;
  std::vector<Xapian::Query> before;
  for (const Alternative& a : alternatives) {
    if (a.query.empty()) continue;
    if (before.empty()) {
      parts.push_back(a.query);
    } else {
      Xapian::Query taken = before.size() == 1 ? before[0] : Xapian::Query(Xapian::Query::OP_OR, before.begin(), before.end());
      parts.emplace_back(Xapian::Query::OP_AND_NOT, a.query, taken);
    }
    before.push_back(a.query);
  }
  if (parts.empty()) return {};
  if (parts.size() == 1) return parts[0];
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query counted_as_found(const Xapian::Query& item) {
  auto* found = new Xapian::FixedWeightPostingSource(kEveryWordFound);
  return Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(found->release()), item);
}

}  // namespace revsearch::query::weights
