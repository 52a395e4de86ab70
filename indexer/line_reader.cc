// Buffered, bounded line reading over zlib's gzread (transparent for
// uncompressed files).
#include "revsearch/indexer/line_reader.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>

#include "revsearch/errors.h"

namespace revsearch::indexer {

namespace {
constexpr std::size_t kBufferBytes = 1 << 18;
}

LineReader::LineReader(const std::string& path, std::size_t max_line_bytes)
    : path_(path), max_line_bytes_(max_line_bytes), buffer_(kBufferBytes) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) throw InputError(path + ": cannot open: " + std::strerror(errno));
  gzbuffer(f, 1 << 17);
  file_ = f;
}

LineReader::~LineReader() {
  if (file_) gzclose(static_cast<gzFile>(file_));
}

bool LineReader::fill() {
  if (eof_) return false;
  int n = gzread(static_cast<gzFile>(file_), buffer_.data(), static_cast<unsigned>(buffer_.size()));
  if (n < 0) {
    int code = 0;
    const char* message = gzerror(static_cast<gzFile>(file_), &code);
    throw InputError(path_ + ":" + std::to_string(line_number_ + 1) + ": read error: " +
                     (code == Z_ERRNO ? std::strerror(errno) : message));
  }
  if (n == 0) {
    eof_ = true;
    return false;
  }
  pos_ = 0;
  end_ = static_cast<std::size_t>(n);
  bytes_read_ += end_;
  return true;
}

std::string_view LineReader::peek() {
  if (pos_ == end_) fill();
  return std::string_view(buffer_.data() + pos_, end_ - pos_);
}

LineReader::Status LineReader::next(std::string& line) {
  line.clear();
  std::size_t length = 0;
  bool too_long = false;
  bool any = false;
  while (true) {
    if (pos_ == end_ && !fill()) break;
    any = true;
    const char* start = buffer_.data() + pos_;
    const void* nl = std::memchr(start, '\n', end_ - pos_);
    std::size_t chunk = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : end_ - pos_;
    length += chunk;
    if (!too_long && length > max_line_bytes_) {
      too_long = true;
      line.clear();
      line.shrink_to_fit();
    }
    if (!too_long) line.append(start, chunk);
    pos_ += chunk;
    if (nl) {
      ++pos_;  // the newline
      break;
    }
  }
  if (!any) return Status::kEnd;
  ++line_number_;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  last_length_ = length;
  return too_long ? Status::kTooLong : Status::kLine;
}

}  // namespace revsearch::indexer
