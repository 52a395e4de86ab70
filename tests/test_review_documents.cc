// Units of bulk indexing (issue 7): the per-review documents, content
// stamps and shard assignment (which must never change between versions,
// or existing sharded databases would be split wrongly).
#include <catch2/catch.hpp>

#include <algorithm>

#include "revsearch/indexer/review_documents.h"
#include "revsearch/indexer/shards.h"
#include "revsearch/passage_record.h"
#include "revsearch/facet_terms.h"
#include "revsearch/schema.h"

using namespace revsearch;
using namespace revsearch::indexer;

TEST_CASE("review documents: one per passage, each with its unique id; the first with the content stamp", "[bulk]") {
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
    // All of a review's passages are committed together: one stamp will do.
    CHECK(doc.get_value(schema::kSlotContentHash) == (n == 1 ? stamp : ""));
    auto t = doc.termlist_begin();
    t.skip_to(schema::unique_id("r1", n));
    REQUIRE(t != doc.termlist_end());
    CHECK(*t == schema::unique_id("r1", n));
    // Several passages: each names its review (schema::review_query).
    t.skip_to(schema::prefixed(schema::kReview, "r1"));
    REQUIRE(t != doc.termlist_end());
    CHECK(*t == schema::prefixed(schema::kReview, "r1"));
    std::optional<PassageRecord> record = PassageRecord::decode(doc.get_value(schema::kSlotRecord));
    REQUIRE(record);
    CHECK(record->passage == n);
    CHECK(record->source_file == source_key("in.jsonl"));
    CHECK(record->source_line == 1);
  }
  CHECK(std::count(docs.metadata.begin(), docs.metadata.end(),
                   std::pair<std::string, std::string>{source_metadata_key(source_key("in.jsonl")), "in.jsonl"}) == 1);
}

TEST_CASE("review documents: a one-passage review has no review-id term, only its Q term", "[bulk]") {
  ReviewAnalysis analysis;
  Review review;
  review.id = "nsmc-1";
  review.text = "한소희가 너무 예뻐요";
  ReviewDocuments docs = documents_for(review, analysis);
  REQUIRE(docs.documents.size() == 1);
  const Xapian::Document& doc = docs.documents[0];
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    CHECK(!schema::has_prefix(*t, schema::kReview));
    CHECK(!schema::has_prefix(*t, schema::kKind));  // review text: no kind term
  }
  // The 초성 of its stems are no terms (initials: scans the stems).
  CHECK(doc.termlist_begin() != doc.termlist_end());
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) CHECK(!schema::has_prefix(*t, schema::kInitials));
  // Its facet terms are one value, split the same way by the query side.
  // Opinion terms once per sentence that holds them, for the sentiment facet.
  CHECK(split_facet_terms(doc.get_value(schema::kSlotFacets)) ==
        std::vector<std::string>{"Lko", "XSLpositive", "Ahan-so-hui", "XSEgiven:so-hui:positive",
                                 "XSEhan-so-hui:positive"});
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
