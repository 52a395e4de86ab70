// Input readers: each format, field mapping, and bad records reported with
// file and line while good ones around them are kept.
#include <catch2/catch.hpp>
#include <zlib.h>

#include "revsearch/errors.h"
#include "revsearch/indexer/line_reader.h"
#include "revsearch/indexer/readers.h"
#include "support.h"

using namespace revsearch::indexer;
using revsearch::test::TempDir;
using revsearch::test::write_file;

namespace {

struct Collect : RecordSink {
  std::vector<Review> reviews;
  std::vector<Skip> skips;
  void review(Review&& r) override { reviews.push_back(std::move(r)); }
  void skip(Skip&& s) override { skips.push_back(std::move(s)); }
};

Collect read(const std::string& path, ReaderOptions options = {}) {
  Collect sink;
  read_file(path, path, "base", options, sink);
  return sink;
}

void write_gzip(const std::string& path, const std::string& content) {
  gzFile f = gzopen(path.c_str(), "wb");
  gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
  gzclose(f);
}

}  // namespace

TEST_CASE("format_of looks through .gz", "[readers]") {
  CHECK(format_of("a/b.jsonl.gz") == Format::kJsonLines);
  CHECK(format_of("x.TSV") == Format::kTsv);
  CHECK(format_of("x.csv.gz") == Format::kCsv);
  CHECK(format_of("x.txt") == Format::kText);
  CHECK(format_of("x.pdf") == Format::kUnknown);
}

TEST_CASE("txt: one review, title from a title-like first line", "[readers]") {
  Collect sink = read(revsearch::test::seed_review());
  REQUIRE(sink.reviews.size() == 1);
  CHECK(sink.reviews[0].title == "Soundtrack #1; A Discordant Love Story…");
  CHECK(sink.reviews[0].id == "base");
  CHECK(sink.reviews[0].text.rfind("The recent venture", 0) == 0);

  TempDir dir;
  write_file(dir / "plain.txt", "Just one sentence of review text.\n");
  Collect plain = read(dir / "plain.txt");
  REQUIRE(plain.reviews.size() == 1);
  CHECK(plain.reviews[0].title.empty());
}

TEST_CASE("jsonl: fields, mapping, bad lines skipped with their line", "[readers]") {
  TempDir dir;
  write_file(dir / "r.jsonl",
             "{\"id\": \"a\", \"text\": \"좋은 영화\", \"rating\": 9, \"lang\": \"ko\"}\n"
             "{\"id\": \"b\", \"text\": \"broken\"\n"
             "\n"
             "[1, 2]\n"
             "{\"id\": 7, \"document\": \"no text key\"}\n"
             "{\"id\": \"c\", \"text\": \"bad \xFF byte\"}\n"
             "{\"text\": \"no id\"}\n");
  Collect sink = read(dir / "r.jsonl");
  REQUIRE(sink.reviews.size() == 3);
  CHECK(sink.reviews[0].id == "a");
  CHECK(sink.reviews[0].rating == 9.0);
  CHECK(sink.reviews[0].source == dir / "r.jsonl" + ":1");
  CHECK(sink.reviews[1].id == "7");  // "document" is a default alias of text
  CHECK(sink.reviews[2].id == "base:7");
  REQUIRE(sink.skips.size() == 3);
  CHECK(sink.skips[0].line == 2);
  CHECK(sink.skips[0].reason == "invalid JSON");
  CHECK(sink.skips[1].line == 4);
  CHECK(sink.skips[2].line == 6);
  CHECK(sink.skips[2].reason == "invalid UTF-8");

  ReaderOptions mapped;
  mapped.field_map["text"] = "body_text";
  write_file(dir / "m.jsonl", "{\"id\": \"x\", \"body_text\": \"mapped\"}\n");
  Collect m = read(dir / "m.jsonl", mapped);
  REQUIRE(m.reviews.size() == 1);
  CHECK(m.reviews[0].text == "mapped");
}

TEST_CASE("csv: quoted fields with commas, quotes and newlines; wrong column count", "[readers]") {
  TempDir dir;
  write_file(dir / "r.csv",
             "id,title,text\n"
             "1,\"Soundtrack #1\",\"Sweet, if slow\"\n"
             "2,\"Quote \"\"here\"\"\",\"line one\nline two\"\n"
             "3,only two\n"
             "4,Vincenzo,plain text\n");
  Collect sink = read(dir / "r.csv");
  REQUIRE(sink.reviews.size() == 3);
  CHECK(sink.reviews[0].text == "Sweet, if slow");
  CHECK(sink.reviews[1].title == "Quote \"here\"");
  CHECK(sink.reviews[1].text == "line one\nline two");
  CHECK(sink.reviews[2].id == "4");
  REQUIRE(sink.skips.size() == 1);
  CHECK(sink.skips[0].line == 5);
  CHECK(sink.skips[0].reason == "wrong column count");
}

TEST_CASE("tsv: NSMC's id document label header works as is", "[readers]") {
  TempDir dir;
  write_file(dir / "ratings.tsv", "id\tdocument\tlabel\n9976970\t아 더빙.. 진짜 짜증나네요 목소리\t0\n3819312\t\"흠\"...포스터보고\t1\n");
  Collect sink = read(dir / "ratings.tsv");
  REQUIRE(sink.reviews.size() == 2);
  CHECK(sink.reviews[0].id == "9976970");
  CHECK(sink.reviews[1].text == "\"흠\"...포스터보고");
}

TEST_CASE("gzip input reads like plain input", "[readers]") {
  TempDir dir;
  write_gzip(dir / "r.jsonl.gz", "{\"id\": \"g\", \"text\": \"gzip review\"}\n");
  Collect sink = read(dir / "r.jsonl.gz");
  REQUIRE(sink.reviews.size() == 1);
  CHECK(sink.reviews[0].text == "gzip review");
}

TEST_CASE("binary, empty and over-long input is skipped, not read whole", "[readers]") {
  TempDir dir;
  write_file(dir / "bin.jsonl", std::string("\x7f" "ELF\0\0\x01\x02", 8));
  write_file(dir / "empty.txt", "");
  Collect bin = read(dir / "bin.jsonl");
  REQUIRE(bin.skips.size() == 1);
  CHECK(bin.skips[0].reason == "binary file");
  Collect empty = read(dir / "empty.txt");
  REQUIRE(empty.skips.size() == 1);
  CHECK(empty.skips[0].reason == "empty file");

  ReaderOptions small;
  small.max_record_bytes = 100;
  write_file(dir / "long.jsonl", "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"" + std::string(5000, 'x') +
                                     "\"}\n{\"id\":\"c\",\"text\":\"ok too\"}\n");
  Collect longs = read(dir / "long.jsonl", small);
  CHECK(longs.reviews.size() == 2);
  REQUIRE(longs.skips.size() == 1);
  CHECK(longs.skips[0].line == 2);
  CHECK(longs.skips[0].reason == "record too large");
}

TEST_CASE("LineReader bounds memory and keeps counting lines", "[readers]") {
  TempDir dir;
  write_file(dir / "l.txt", "short\r\n" + std::string(1 << 20, 'y') + "\nafter");
  LineReader reader(dir / "l.txt", 1000);
  std::string line;
  CHECK(reader.next(line) == LineReader::Status::kLine);
  CHECK(line == "short");
  CHECK(reader.next(line) == LineReader::Status::kTooLong);
  CHECK(line.empty());
  CHECK(reader.last_line_length() == (1u << 20));
  CHECK(reader.next(line) == LineReader::Status::kLine);
  CHECK(line == "after");
  CHECK(reader.line_number() == 3);
  CHECK(reader.next(line) == LineReader::Status::kEnd);
  CHECK_THROWS_AS(LineReader(dir / "missing.txt", 10), revsearch::InputError);
}
