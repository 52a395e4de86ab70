// .tsv / .csv: a header row names the columns. CSV follows RFC 4180 (quoted
// fields may hold separators, doubled quotes and newlines); TSV has no
// quoting, as NSMC's files expect.
#include <algorithm>

#include "reader_internal.h"

namespace revsearch::indexer::detail {
namespace {

enum class Split { kComplete, kOpenQuote, kBadQuote };

// Splits one logical record. For CSV an unterminated quote asks for the next
// physical line to be appended.
Split split_record(std::string_view record, char separator, bool quoted, std::vector<std::string>& fields) {
  fields.clear();
  std::string field;
  bool in_quotes = false;
  bool was_quoted = false;
  for (std::size_t i = 0; i < record.size(); ++i) {
    char c = record[i];
    if (quoted && in_quotes) {
      if (c == '"') {
        if (i + 1 < record.size() && record[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        field += c;
      }
    } else if (c == separator) {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (quoted && c == '"' && field.find_first_not_of(" ") == std::string::npos && !was_quoted) {
      field.clear();
      in_quotes = was_quoted = true;
    } else if (quoted && was_quoted && c != ' ') {
      return Split::kBadQuote;  // text after a closing quote
    } else if (!(quoted && was_quoted)) {
      field += c;
    }
  }
  if (in_quotes) return Split::kOpenQuote;
  fields.push_back(std::move(field));
  return Split::kComplete;
}

}  // namespace

void read_delimited(LineReader& lines, const ReadContext& context, char separator, bool quoted) {
  const std::size_t limit = context.options.max_record_bytes;
  FieldMapper mapper(context.options.field_map);
  std::vector<std::string> header;
  std::vector<std::pair<std::string, std::size_t>> mapped;  // our field -> column index
  std::vector<std::string> fields;
  std::string line, record;

  for (LineReader::Status status; (status = lines.next(line)) != LineReader::Status::kEnd;) {
    std::size_t start_line = lines.line_number();
    bool too_large = status == LineReader::Status::kTooLong;
    record = std::move(line);
    Split split = too_large ? Split::kComplete : split_record(record, separator, quoted, fields);
    while (split == Split::kOpenQuote && !too_large) {
      status = lines.next(line);
      if (status == LineReader::Status::kEnd) break;
      too_large = status == LineReader::Status::kTooLong || record.size() + line.size() + 1 > limit;
      if (too_large) break;
      record += '\n';
      record += line;
      split = split_record(record, separator, quoted, fields);
    }
    if (too_large) {
      context.skip(start_line, "record too large", "row exceeds --max-record-bytes " + std::to_string(limit));
      // Resynchronise at the next line: a quoted field may leave us inside
      // the record, which then shows up as rows with a wrong column count.
      continue;
    }
    if (split == Split::kOpenQuote) {
      context.skip(start_line, "bad CSV", "unterminated quoted field at end of file");
      break;
    }
    if (split == Split::kBadQuote) {
      context.skip(start_line, "bad CSV", "text after a closing quote");
      continue;
    }
    if (header.empty()) {
      if (record.find_first_not_of(" \t") == std::string::npos) continue;
      if (!check_utf8(context, start_line, record)) return;
      header = fields;
      if (!header.empty() && header[0].rfind("\xEF\xBB\xBF", 0) == 0) header[0].erase(0, 3);  // BOM
      for (const char* field : {"id", "text", "title", "lang", "rating", "date", "movie_id"}) {
        if (auto column = mapper.resolve(field, header)) {
          std::size_t index = 0;
          while (header[index] != *column) ++index;
          mapped.emplace_back(field, index);
        }
      }
      bool has_text = std::any_of(mapped.begin(), mapped.end(), [](auto& m) { return m.first == "text"; });
      if (!has_text) {
        context.skip(start_line, "missing text", "no text column in header (use --field text=NAME)");
        return;
      }
      continue;
    }
    if (record.empty()) continue;
    if (!check_utf8(context, start_line, record)) continue;
    if (fields.size() != header.size()) {
      context.skip(start_line, "wrong column count",
                   "expected " + std::to_string(header.size()) + " columns, found " + std::to_string(fields.size()));
      continue;
    }
    Review review;
    std::optional<std::string> problem;
    for (const auto& [field, index] : mapped) {
      if ((problem = set_field(review, field, fields[index]))) break;
    }
    if (problem) {
      context.skip(start_line, "bad field", *problem);
      continue;
    }
    if (review.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      context.skip(start_line, "missing text", "empty text");
      continue;
    }
    if (review.id.empty()) review.id = context.id_base + ":" + std::to_string(start_line);
    review.source = context.display + ":" + std::to_string(start_line);
    context.sink.position(lines.bytes_read());
    context.sink.review(std::move(review));
  }
  if (header.empty()) context.skip(0, "empty file", "no header row");
}

}  // namespace revsearch::indexer::detail
