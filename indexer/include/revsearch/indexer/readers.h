// Input formats: one review per .txt file, one per JSONL line, one per
// TSV/CSV row; any of them optionally gzip-compressed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "revsearch/indexer/review.h"

namespace revsearch::indexer {

enum class Format { kText, kJsonLines, kTsv, kCsv, kUnknown };

// By extension, looking through a trailing ".gz": "a.jsonl.gz" is kJsonLines.
Format format_of(const std::filesystem::path& path);

struct ReaderOptions {
  std::size_t max_record_bytes = 10u << 20;  // larger records are skipped unread
  // Our field name -> the input's column or key ("text" -> "document").
  std::map<std::string, std::string> field_map;
  std::string title;  // title for .txt reviews; empty: from a title-like first line
};

// Throws UsageError for a mapping of an unknown field.
void validate_field_map(const std::map<std::string, std::string>& field_map);

// Receives what a reader finds, in input order.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void review(Review&& review) = 0;
  virtual void skip(Skip&& skip) = 0;
  // Decompressed bytes of the file consumed so far, before each review of
  // a multi-record file (progress displays; bulk indexing, issue 7).
  virtual void position(std::uint64_t /*bytes_read*/) {}
};

// Reads one file. `display` names it in messages and sources; `id_base`
// stands in for missing ids (a .txt review's id, "id_base:line" for rows).
// Bad records are reported to the sink; an unreadable file throws InputError.
// Returns the decompressed bytes read.
std::uint64_t read_file(const std::filesystem::path& path, const std::string& display,
                        const std::string& id_base, const ReaderOptions& options, RecordSink& sink);

}  // namespace revsearch::indexer
