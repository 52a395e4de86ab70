// .jsonl: one JSON object per line; fields mapped by FieldMapper.
#include <nlohmann/json.hpp>

#include "reader_internal.h"

namespace revsearch::indexer::detail {
namespace {

std::optional<std::string> scalar_string(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number()) {
    std::string s = value.dump();
    return s;
  }
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  return std::nullopt;
}

}  // namespace

void read_json_lines(LineReader& lines, const ReadContext& context) {
  FieldMapper mapper(context.options.field_map);
  static const char* const kFields[] = {"id", "text", "title", "lang", "rating", "date", "movie_id"};
  std::string line;
  for (LineReader::Status status; (status = lines.next(line)) != LineReader::Status::kEnd;) {
    std::size_t number = lines.line_number();
    if (status == LineReader::Status::kTooLong) {
      context.skip(number, "record too large",
                   std::to_string(lines.last_line_length()) + " bytes > --max-record-bytes " +
                       std::to_string(context.options.max_record_bytes));
      continue;
    }
    if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines are not records
    if (!check_utf8(context, number, line)) continue;
    nlohmann::json object;
    try {
      object = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      // Not only parse_error: a number too large for a double ("1e999")
      // throws out_of_range (found by fuzz_read_gzip, issue 9).
      std::string what = e.what();
      auto colon = what.find(": ");
      context.skip(number, "invalid JSON", colon == std::string::npos ? what : what.substr(colon + 2));
      continue;
    }
    if (!object.is_object()) {
      context.skip(number, "invalid JSON", "not a JSON object");
      continue;
    }
    Review review;
    std::optional<std::string> problem;
    for (const char* field : kFields) {
      const nlohmann::json* value = mapper.find(object, field);
      if (!value) continue;
      auto text = scalar_string(*value);
      if (!text) {
        problem = std::string("field '") + field + "' is not a string or number";
        break;
      }
      problem = set_field(review, field, *text);
      if (problem) break;
    }
    if (problem) {
      context.skip(number, "bad field", *problem);
      continue;
    }
    if (review.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      context.skip(number, "missing text",
                   mapper.find(object, "text") ? "the text field is empty" : "no text field (use --field text=NAME)");
      continue;
    }
    if (review.id.empty()) review.id = context.id_base + ":" + std::to_string(number);
    review.source = context.display + ":" + std::to_string(number);
    context.sink.position(lines.bytes_read());
    context.sink.review(std::move(review));
  }
}

}  // namespace revsearch::indexer::detail
