// .txt: the whole file is one review; a short first line without a full
// stop is taken as its title.
#include <string>

#include "reader_internal.h"
#include "revsearch/utf8.h"

namespace revsearch::indexer::detail {
namespace {

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

// "Soundtrack #1; A Discordant Love Story…" is a title; a sentence is not.
bool looks_like_title(std::string_view line) {
  std::size_t end = line.find_last_not_of(" \t");
  if (end == std::string_view::npos || utf8::length(line) > 150) return false;
  char last = line[end];
  return last != '.' && last != '!' && last != '?' && last != ',' && last != ';';
}

}  // namespace

void read_text(LineReader& lines, const ReadContext& context) {
  std::vector<std::string> kept;
  std::size_t total = 0;
  std::string line;
  for (LineReader::Status status; (status = lines.next(line)) != LineReader::Status::kEnd;) {
    total += lines.last_line_length() + 1;
    if (status == LineReader::Status::kTooLong || total > context.options.max_record_bytes) {
      context.skip(lines.line_number(), "record too large",
                   "review exceeds --max-record-bytes (" + std::to_string(context.options.max_record_bytes) +
                       " bytes)");
      return;
    }
    if (!check_utf8(context, lines.line_number(), line)) return;
    kept.push_back(std::move(line));
  }

  std::size_t first = 0;
  while (first < kept.size() && is_blank(kept[first])) ++first;
  if (first == kept.size()) {
    context.skip(0, "empty file", "no text");
    return;
  }
  Review review;
  review.id = context.id_base;
  review.source = context.display + ":1";
  review.title = context.options.title;
  bool has_more = false;
  for (std::size_t i = first + 1; i < kept.size() && !has_more; ++i) has_more = !is_blank(kept[i]);
  if (review.title.empty() && has_more && looks_like_title(kept[first])) {
    review.title = kept[first];
    ++first;
  }
  for (std::size_t i = first; i < kept.size(); ++i) {
    review.text += kept[i];
    review.text += '\n';
  }
  context.sink.review(std::move(review));
}

}  // namespace revsearch::indexer::detail
