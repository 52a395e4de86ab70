// Test helpers: temporary directories, running the real binary, fixtures.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace revsearch::test {

namespace fs = std::filesystem;

// Whether this test binary is built with AddressSanitizer (GCC defines
// __SANITIZE_ADDRESS__, clang answers __has_feature).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitizedBuild = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitizedBuild = true;
#else
inline constexpr bool kSanitizedBuild = false;
#endif
#else
inline constexpr bool kSanitizedBuild = false;
#endif

// A sanitizer report whose innermost frame of interest is ours. Debian's
// Xapian 1.4.22 itself over-reads a heap block while iterating the terms of
// a postlist with garbage inside (found by the damaged-database test under
// ASan; release builds read a few stray bytes and report the damage or
// succeed), and leaks an object allocated inside WritableDatabase::commit()
// when the commit fails for want of space (the disk-full test). Those are
// Xapian's bugs, not ours: a report counts when a revsearch:: frame comes
// before any libxapian frame.
inline bool sanitizer_report_in_our_code(const std::string& err) {
  std::size_t report = err.find("Sanitizer");
  if (report == std::string::npos) return false;
  std::istringstream lines(err.substr(report));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.find("libxapian.so") != std::string::npos) return false;
    if (line.find("revsearch::") != std::string::npos) return true;
  }
  return true;
}

// A fresh directory under the system temp dir, removed at scope exit.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("revsearch-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

inline void write_file(const std::string& path, const std::string& content) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string source_path(const std::string& relative) { return std::string(REVSEARCH_SOURCE_DIR) + "/" + relative; }
inline std::string shared_data(const std::string& relative) { return std::string(REVSEARCH_SHARED_DATA) + "/" + relative; }
inline std::string seed_review() { return source_path("corpus/soundtrack-1.txt"); }

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs build/revsearch with `args`, capturing stdout, stderr and the exit status.
inline RunResult run_revsearch(const std::vector<std::string>& args) {
  TempDir capture;
  std::string command = shell_quote(REVSEARCH_BINARY);
  for (const std::string& a : args) command += " " + shell_quote(a);
  command += " >" + shell_quote(capture / "out") + " 2>" + shell_quote(capture / "err") + " </dev/null";
  int raw = std::system(command.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(capture / "out");
  r.err = read_file(capture / "err");
  return r;
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The value printed after "label:" in the index summary.
inline long summary_value(const std::string& out, const std::string& label) {
  for (const std::string& line : lines_of(out)) {
    if (line.rfind(label + ":", 0) == 0) return std::stol(line.substr(label.size() + 1));
  }
  return -1;
}

}  // namespace revsearch::test
