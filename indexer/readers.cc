// Format dispatch and the field mapping shared by JSONL and TSV/CSV.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "reader_internal.h"
#include "revsearch/errors.h"
#include "revsearch/numbers.h"
#include "revsearch/utf8.h"

namespace revsearch::indexer {

Format format_of(const std::filesystem::path& path) {
  std::filesystem::path p = path;
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".gz") {
    p = p.stem();
    ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  }
  if (ext == ".txt" || ext == ".text") return Format::kText;
  if (ext == ".jsonl" || ext == ".ndjson") return Format::kJsonLines;
  if (ext == ".tsv" || ext == ".tab") return Format::kTsv;
  if (ext == ".csv") return Format::kCsv;
  return Format::kUnknown;
}

void validate_field_map(const std::map<std::string, std::string>& field_map) {
  detail::FieldMapper check(field_map);
}

std::uint64_t read_file(const std::filesystem::path& path, const std::string& display,
                        const std::string& id_base, const ReaderOptions& options, RecordSink& sink) {
  detail::ReadContext context{path, display, id_base, options, sink};
  Format format = format_of(path);
  if (format == Format::kUnknown) {
    context.skip(0, "unknown format", "not .txt, .jsonl, .tsv or .csv (optionally .gz)");
    return 0;
  }
  LineReader lines(path.string(), options.max_record_bytes);
  std::string_view head = lines.peek();
  if (head.empty()) {
    context.skip(0, "empty file", "no data");
    return 0;
  }
  if (detail::looks_binary(head)) {
    context.skip(0, "binary file", "contains NUL bytes; not text");
    return lines.bytes_read();
  }
  switch (format) {
    case Format::kText: detail::read_text(lines, context); break;
    case Format::kJsonLines: detail::read_json_lines(lines, context); break;
    case Format::kTsv: detail::read_delimited(lines, context, '\t', false); break;
    case Format::kCsv: detail::read_delimited(lines, context, ',', true); break;
    case Format::kUnknown: break;
  }
  return lines.bytes_read();
}

namespace detail {

FieldMapper::FieldMapper(const std::map<std::string, std::string>& overrides) {
  candidates_ = {
      {"id", {"id", "review_id", "reviewid", "doc_id", "docid"}},
      {"text", {"text", "document", "review", "body", "content", "review_text"}},
      {"title", {"title", "movie_title", "movie", "drama", "show"}},
      {"lang", {"lang", "language"}},
      {"rating", {"rating", "score", "stars"}},
      {"date", {"date", "created", "created_at", "time"}},
      {"movie_id", {"movie_id", "movieid", "title_id"}},
  };
  for (const auto& [field, source] : overrides) {
    if (!candidates_.count(field)) {
      throw UsageError("--field " + field + "=" + source +
                       ": unknown field (known: id, text, title, lang, rating, date, movie_id)");
    }
    candidates_[field] = {source};
  }
}

std::optional<std::string> FieldMapper::resolve(const std::string& field,
                                                const std::vector<std::string>& available) const {
  for (const std::string& name : candidates_.at(field)) {
    for (const std::string& column : available) {
      if (column == name) return column;
    }
  }
  return std::nullopt;
}

const nlohmann::json* FieldMapper::find(const nlohmann::json& object, const std::string& field) const {
  for (const std::string& name : candidates_.at(field)) {
    auto it = object.find(name);
    if (it != object.end() && !it->is_null()) return &*it;
  }
  return nullptr;
}

std::optional<std::string> set_field(Review& review, const std::string& field, const std::string& value) {
  if (field == "id") {
    review.id = value;
  } else if (field == "text") {
    review.text = value;
  } else if (field == "title") {
    review.title = value;
  } else if (field == "lang") {
    review.lang = value;
  } else if (field == "date") {
    review.date = value;
  } else if (field == "movie_id") {
    review.movie_id = value;
  } else if (field == "rating") {
    if (value.empty()) return std::nullopt;
    std::optional<double> rating = parse_number<double>(value);
    if (!rating) return "rating is not a number: " + value;
    review.rating = *rating;
  }
  return std::nullopt;
}

bool looks_binary(std::string_view first_block) {
  return first_block.substr(0, 8192).find('\0') != std::string_view::npos;
}

bool check_utf8(const ReadContext& context, std::size_t line_number, std::string_view line) {
  if (auto bad = utf8::first_invalid(line)) {
    context.skip(line_number, "invalid UTF-8", "invalid UTF-8 at byte " + std::to_string(*bad + 1));
    return false;
  }
  return true;
}

}  // namespace detail
}  // namespace revsearch::indexer
