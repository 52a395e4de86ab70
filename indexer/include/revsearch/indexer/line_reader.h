// Reads lines from plain or gzip-compressed files (zlib reads both) with a
// hard limit on line length, so a 1 GB line never sits in memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace revsearch::indexer {

class LineReader {
 public:
  enum class Status { kLine, kTooLong, kEnd };

  // Throws InputError when the file cannot be opened.
  LineReader(const std::string& path, std::size_t max_line_bytes);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Next line without its terminator ("\n" or "\r\n"). kTooLong: the line
  // was longer than the limit; `line` is empty and the reader has skipped to
  // the next line. Throws InputError on read or decompression errors.
  Status next(std::string& line);

  // The start of the unread input (up to one buffer), without consuming it;
  // used to sniff binary files.
  std::string_view peek();

  std::size_t line_number() const { return line_number_; }  // of the last line returned
  std::uint64_t bytes_read() const { return bytes_read_; }  // decompressed bytes
  std::size_t last_line_length() const { return last_length_; }

 private:
  bool fill();

  void* file_ = nullptr;  // gzFile
  std::string path_;
  std::size_t max_line_bytes_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  std::size_t line_number_ = 0;
  std::uint64_t bytes_read_ = 0;
  std::size_t last_length_ = 0;
};

}  // namespace revsearch::indexer
