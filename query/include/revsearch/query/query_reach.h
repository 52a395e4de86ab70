// Which documents a query can reach, judged from the query alone.
#pragma once

#include <xapian.h>

#include <functional>
#include <string>

namespace revsearch::query {

// Whether `query` could match a document whose terms all satisfy `holds`
// (a conservative answer: true unless the query's structure rules it
// out). A leaf term matches only if the document can hold it; AND, FILTER,
// PHRASE and NEAR need every side, OR-like operators one, AND_NOT,
// AND_MAYBE and SCALE_WEIGHT their first. Match-all, wildcards, value
// ranges and posting sources can reach any document.
bool can_reach(const Xapian::Query& query, const std::function<bool(const std::string&)>& holds);

}  // namespace revsearch::query
