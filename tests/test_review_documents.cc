// Units of bulk indexing (issue 7): the per-review documents, content
// stamps and shard assignment (which must never change between versions,
// or existing sharded databases would be split wrongly).
#include <catch2/catch.hpp>

#include "revsearch/indexer/review_documents.h"
#include "revsearch/indexer/shards.h"
#include "revsearch/schema.h"

using namespace revsearch;
using namespace revsearch::indexer;

TEST_CASE("review documents: one per passage, each with its unique id and content stamp", "[bulk]") {
  ReviewAnalysis analysis;
  Review review;
  review.id = "r1";
  review.text = "The acting was superb.\n\nThe music was forgettable.\n\nThe acting was superb.\n";
  review.source = "in.jsonl:1";
  ReviewDocuments docs = documents_for(review, analysis);
  REQUIRE(docs.documents.size() == 2);
  CHECK(docs.duplicates == 1);
  CHECK(docs.review_id == "r1");
  std::string stamp = content_stamp(content_hash(review), 2);
  for (unsigned n = 1; n <= 2; ++n) {
    const Xapian::Document& doc = docs.documents[n - 1];
    CHECK(doc.get_value(schema::kSlotContentHash) == stamp);
    auto t = doc.termlist_begin();
    t.skip_to(schema::unique_id("r1", n));
    REQUIRE(t != doc.termlist_end());
    CHECK(*t == schema::unique_id("r1", n));
  }
}

TEST_CASE("review documents: the content hash sees every field and field boundaries", "[bulk]") {
  auto make = [](const char* text, const char* title, std::optional<double> rating, const char* source) {
    Review r;
    r.id = "x";
    r.text = text;
    r.title = title;
    r.rating = rating;
    r.source = source;
    return r;
  };
  std::uint64_t base = content_hash(make("ab", "c", {}, "in:1"));
  CHECK(content_hash(make("ab", "c", {}, "in:1")) == base);  // stable
  CHECK(content_hash(make("a", "bc", {}, "in:1")) != base);  // field boundaries count
  CHECK(content_hash(make("ab", "c", 7.0, "in:1")) != base);
  CHECK(content_hash(make("ab", "c", {}, "other:3")) != base);
  CHECK(content_stamp(0x1234, 3) == "0000000000001234:3");
}

TEST_CASE("shards: stable FNV-1a assignment", "[bulk]") {
  CHECK(fnv1a64("") == 14695981039346656037ull);
  CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cull);  // published FNV-1a 64 test vector
  CHECK(shard_of("anything", 1) == 0);
  std::vector<std::size_t> counts(4, 0);
  for (int i = 0; i < 4000; ++i) ++counts[shard_of("nsmc-" + std::to_string(i), 4)];
  for (std::size_t c : counts) CHECK(c > 800);  // roughly even
}
