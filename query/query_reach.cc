#include "revsearch/query/query_reach.h"

namespace revsearch::query {

bool can_reach(const Xapian::Query& query, const std::function<bool(const std::string&)>& holds) {
  const std::size_t n = query.get_num_subqueries();
  auto any = [&] {
    for (std::size_t i = 0; i < n; ++i) {
      if (can_reach(query.get_subquery(i), holds)) return true;
    }
    return false;
  };
  auto every = [&] {
    for (std::size_t i = 0; i < n; ++i) {
      if (!can_reach(query.get_subquery(i), holds)) return false;
    }
    return n > 0;
  };
  switch (query.get_type()) {
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return false;
    case Xapian::Query::LEAF_TERM:
      return holds(*query.get_terms_begin());
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_PHRASE:
    case Xapian::Query::OP_NEAR:
      return every();
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
    case Xapian::Query::OP_ELITE_SET:
      return any();
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      return n > 0 && can_reach(query.get_subquery(0), holds);
    default:  // match-all, wildcards, value ranges, posting sources
      return true;
  }
}

}  // namespace revsearch::query
