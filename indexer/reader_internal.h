// Internal: pieces shared by the format readers.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

#include "revsearch/indexer/line_reader.h"
#include "revsearch/indexer/readers.h"

namespace revsearch::indexer::detail {

// Where each of our fields comes from in a row or object.
class FieldMapper {
 public:
  explicit FieldMapper(const std::map<std::string, std::string>& overrides);
  // The input's name for `field` among `available`, if any.
  std::optional<std::string> resolve(const std::string& field, const std::vector<std::string>& available) const;
  // Same for a JSON object's keys.
  const nlohmann::json* find(const nlohmann::json& object, const std::string& field) const;

 private:
  std::map<std::string, std::vector<std::string>> candidates_;
};

// Fills `review` from the mapped string value of a field; numbers allowed
// for id and rating. Returns a reason string on failure.
std::optional<std::string> set_field(Review& review, const std::string& field, const std::string& value);

// A NUL byte in the first block means binary data, not text.
bool looks_binary(std::string_view first_block);

struct ReadContext {
  const std::filesystem::path& path;
  const std::string& display;
  const std::string& id_base;
  const ReaderOptions& options;
  RecordSink& sink;

  void skip(std::size_t line, std::string reason, std::string detail) const {
    sink.skip(Skip{display, line, std::move(reason), std::move(detail)});
  }
};

// Returns false (and reports the record) when the line is not valid UTF-8.
bool check_utf8(const ReadContext& context, std::size_t line_number, std::string_view line);

void read_text(LineReader& lines, const ReadContext& context);
void read_json_lines(LineReader& lines, const ReadContext& context);
void read_delimited(LineReader& lines, const ReadContext& context, char separator, bool quoted);

}  // namespace revsearch::indexer::detail
