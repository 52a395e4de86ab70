// A user's synonyms, stored in the database: lines of equivalent forms
// ("떡밥, 복선") or one-way rules ("a => b"), the format Elasticsearch and
// Solr users write (analysis/variants.h). Searches read them at query
// time beside the built-in film vocabulary: adding or removing them needs
// no re-indexing, and every entry point (CLI, server, remote shards, whose
// metadata shard 0 holds) sees the same table.
#pragma once

#include <string>
#include <string_view>

#include "revsearch/analysis/variants.h"

namespace revsearch::query {

// Replaces the database's synonyms with `text`, checked first: a bad line
// throws analysis::VariantsError and the database keeps its table. Throws
// DatabaseError when the database cannot be written (locked by an index
// run, a shard down).
analysis::VariantTable store_synonyms(const std::string& db_path, std::string_view text, double timeout_s);

// Removes them.
void clear_synonyms(const std::string& db_path, double timeout_s);

// The stored text ("" when none).
std::string stored_synonyms(const std::string& db_path, double timeout_s);

}  // namespace revsearch::query
