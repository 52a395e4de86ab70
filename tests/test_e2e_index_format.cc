// End to end: the index budget is visible (`stats --terms`), and a database
// of an older index format is refused with a message, never searched.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <filesystem>

#include "revsearch/schema.h"
#include "support.h"

using namespace revsearch::test;

namespace {

// A database as revsearch wrote it before index formats were recorded:
// JSON document data, a K term on every passage, no format metadata.
void write_format_1_database(const std::string& path) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
  Xapian::Document doc;
  doc.add_posting("lacklustre", 1);
  doc.add_term("Zlacklustr");
  doc.add_boolean_term("Qold#1");
  doc.add_boolean_term("XRold");
  doc.add_boolean_term("Kreview");
  doc.add_value(revsearch::schema::kSlotReview, "old");
  doc.set_data(R"({"review_id":"old","passage":1,"text":"lacklustre"})");
  db.add_document(doc);
  db.commit();
}

}  // namespace

TEST_CASE("e2e: an older database is refused with a message to re-index", "[e2e]") {
  TempDir dir;
  write_format_1_database(dir / "old");
  RunResult search = run_revsearch({"search", "--db", dir / "old", "lacklustre"});
  CHECK(search.status == 1);
  CHECK(search.out.empty());
  CHECK(search.err.find("older revsearch (index format 1") != std::string::npos);
  CHECK(search.err.find("index the reviews again") != std::string::npos);

  // Nor are passages of the new format added to it.
  RunResult index = run_revsearch({"index", "--db", dir / "old", seed_review()});
  CHECK(index.status == 1);
  CHECK(index.err.find("older revsearch") != std::string::npos);
  CHECK(Xapian::Database(dir / "old").get_doccount() == 1);

  // A format-2 database holds the Korean terms of the analysis before the
  // inflection table (유치한 as 유치, no words of unspaced runs): refused too.
  {
    Xapian::WritableDatabase two(dir / "two", Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document doc;
    doc.add_posting("유치한", 1);
    doc.add_term("Z유치");
    two.add_document(doc);
    two.set_metadata(std::string(revsearch::schema::kFormatKey), "2");
    two.commit();
  }
  RunResult two = run_revsearch({"search", "--db", dir / "two", "유치하다"});
  CHECK(two.status == 1);
  CHECK(two.err.find("older revsearch (index format 2, this version reads format " +
                     std::string(revsearch::schema::kFormat) + ")") != std::string::npos);

  // Describing and checking it still work.
  CHECK(run_revsearch({"stats", "--db", dir / "old"}).status == 0);
  CHECK(run_revsearch({"check", "--db", dir / "old"}).status == 0);
}

TEST_CASE("e2e: a new database records its format", "[e2e]") {
  TempDir dir;
  REQUIRE(run_revsearch({"index", "--db", dir / "db", seed_review()}).status == 0);
  Xapian::Database db(dir / "db");
  CHECK(db.get_metadata(std::string(revsearch::schema::kFormatKey)) == revsearch::schema::kFormat);
  CHECK(db.get_metadata(std::string(revsearch::schema::kPositionsKey)) == "0");  // and that words have none
}

TEST_CASE("e2e: stats --terms shows what a passage costs", "[e2e]") {
  TempDir dir;
  REQUIRE(run_revsearch({"index", "--db", dir / "db", seed_review(), source_path("corpus/nsmc-sample.jsonl")})
              .status == 0);
  RunResult r = run_revsearch({"stats", "--db", dir / "db", "--terms", "--json"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  auto budget = nlohmann::json::parse(r.out);
  std::map<std::string, nlohmann::json> by_prefix;
  std::uint64_t postings = 0;
  for (const auto& p : budget["prefixes"]) {
    by_prefix[p["prefix"].get<std::string>()] = p;
    postings += p["postings"].get<std::uint64_t>();
  }
  CHECK(postings == budget["postings"].get<std::uint64_t>());
  const auto passages = budget["passages"].get<double>();
  REQUIRE(passages > 3000);
  // No term carries positions: phrases are checked against the stored
  // text (test_e2e_phrases.cc indexes with --positions too).
  CHECK(by_prefix.at("")["positional"] == false);
  CHECK(by_prefix.at("Z")["positional"] == false);
  CHECK(by_prefix.at("XKB")["positional"] == false);
  // One Q and one L term per passage; no kind term on review text, no
  // 초성 or sentiment-word postings (vocabulary-level, see schema.h).
  // (Q also names the review document of a review of several passages.)
  CHECK(by_prefix.at("Q")["postings"].get<double>() == passages + budget["review_documents"].get<double>());
  CHECK(budget["review_documents"].get<long>() >= 1);  // the seed review, at least
  CHECK(by_prefix.at("L")["postings"].get<double>() == passages);
  CHECK(by_prefix.at("K")["postings"] == 1);  // the seed review's boilerplate line
  CHECK(by_prefix.count("XKC") == 0);
  CHECK(by_prefix.count("XSW") == 0);
  // 초성 are found by scanning stems: no synonym table (the remote backend
  // has none), and the facet terms are one value, not more postings.
  CHECK(budget["synonym_keys"].get<long>() == 0);
  // The budget: well under 30 postings and 200 bytes of data per passage.
  CHECK(budget["postings_per_passage"].get<double>() < 30);
  CHECK(budget["data_bytes_per_passage"].get<double>() < 200);
  CHECK(budget["table_bytes"]["postlist"].get<long>() > 0);

  RunResult text = run_revsearch({"stats", "--db", dir / "db", "--terms"});
  CHECK(text.out.find("postings") != std::string::npos);
  CHECK(text.out.find("(words)") != std::string::npos);
}

TEST_CASE("e2e: compact --search-only leaves out the term lists: same hits and facets, smaller, no updates",
          "[e2e]") {
  TempDir dir;
  const std::string nsmc = source_path("corpus/nsmc-sample.jsonl");
  REQUIRE(run_revsearch({"index", "--db", dir / "db", seed_review(), nsmc}).status == 0);
  REQUIRE(run_revsearch({"compact", "--db", dir / "db", "--out", dir / "full"}).status == 0);
  REQUIRE(run_revsearch({"compact", "--db", dir / "db", "--out", dir / "lean", "--search-only"}).status == 0);
  CHECK(!std::filesystem::exists(std::filesystem::path(dir / "lean") / "termlist.glass"));
  auto size = [](const std::string& path) {
    std::uintmax_t total = 0;
    for (const auto& f : std::filesystem::recursive_directory_iterator(path)) total += f.file_size();
    return total;
  };
  CHECK(size(dir / "lean") < size(dir / "full") * 9 / 10);

  for (const char* query : {"영화 최고", "lacklustre chemistry", "actor:\"Han So-hee\"", "initials:ㅎㅅㅎ"}) {
    INFO(query);
    RunResult full = run_revsearch({"search", "--db", dir / "full", "--json", "--explain", query});
    RunResult lean = run_revsearch({"search", "--db", dir / "lean", "--json", "--explain", query});
    REQUIRE(full.status == 0);
    CHECK(lean.status == 0);
    auto a = nlohmann::json::parse(full.out), b = nlohmann::json::parse(lean.out);
    a.erase("database"), b.erase("database");
    CHECK(a["hits"] == b["hits"]);
  }
  // Facets count a value slot, not term lists: the lean copy has them too.
  for (const char* query : {"영화", "soundtrack"}) {
    RunResult full = run_revsearch({"search", "--db", dir / "full", "--json", "--facets", "lang,sentiment,actor,kind", query});
    RunResult lean = run_revsearch({"search", "--db", dir / "lean", "--json", "--facets", "lang,sentiment,actor,kind", query});
    REQUIRE(lean.status == 0);
    CHECK(nlohmann::json::parse(lean.out)["facets"] == nlohmann::json::parse(full.out)["facets"]);
    CHECK(!nlohmann::json::parse(lean.out)["facets"]["lang"].empty());
  }
  RunResult index = run_revsearch({"index", "--db", dir / "lean", nsmc});
  CHECK(index.status == 1);
  CHECK(index.err.find("search-only copy") != std::string::npos);
  CHECK(run_revsearch({"check", "--db", dir / "lean"}).status == 0);
}
