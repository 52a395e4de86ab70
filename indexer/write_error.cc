// Translation of Xapian write errors, with the out-of-space cases named.
#include "write_error.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace revsearch::indexer::detail {
namespace {

// Xapian 1.4 keeps the errno only as its strerror() text, and a failed
// commit wraps the original error in its message.
std::string space_error(const Xapian::Error& error) {
  const char* system_error = error.get_error_string();
  std::string description = error.get_description();
  for (int code : {ENOSPC, EFBIG, EDQUOT}) {
    std::string text = std::strerror(code);
    if ((system_error && text == system_error) || description.find("(" + text + ")") != std::string::npos) return text;
  }
  return {};
}

std::string terminate_db_path;
std::terminate_handler terminate_previous = nullptr;

[[noreturn]] void report_and_exit() {
  try {
    if (std::exception_ptr current = std::current_exception()) std::rethrow_exception(current);
  } catch (const Xapian::Error& e) {
    std::string message = "revsearch: error: " + std::string(database_write_error(terminate_db_path, e).what()) + "\n";
    ssize_t written = ::write(STDERR_FILENO, message.data(), message.size());
    (void)written;
    _exit(1);  // the CLI's exit status for database errors
  } catch (...) {
    if (terminate_previous) terminate_previous();
    std::abort();
  }
  // No exception at all: Xapian 1.4.22 also ends the process this way when
  // the disk fills inside a commit. Say which, from the space left.
  std::error_code ec;
  std::filesystem::path at = terminate_db_path;
  while (!at.empty() && !std::filesystem::exists(at, ec)) at = at.parent_path();
  std::filesystem::space_info space = std::filesystem::space(at.empty() ? "." : at, ec);
  constexpr std::uintmax_t kNearlyFull = 1u << 20;
  std::string message =
      "revsearch: error: " + terminate_db_path +
      (!ec && space.available < kNearlyFull ? ": no space left to write the database (" + std::string(std::strerror(ENOSPC)) + ")"
                                            : ": the database library stopped while writing") +
      "; it stays usable as of its last commit: free some space and run the same command again to finish\n";
  ssize_t written = ::write(STDERR_FILENO, message.data(), message.size());
  (void)written;
  _exit(1);
}

}  // namespace

DatabaseError database_write_error(const std::string& db_path, const Xapian::Error& error,
                                   const std::string& doing) {
  std::string reason = space_error(error);
  if (!reason.empty()) {
    return DatabaseError(db_path + ": no space left to write the database (" + reason +
                         "); it stays usable as of its last commit: free some space and run the same "
                         "command again to finish (" + error.get_description() + ")");
  }
  return DatabaseError(db_path + ": " + doing + error.get_description());
}

TerminateReporter::TerminateReporter(const std::string& db_path) {
  terminate_db_path = db_path;
  previous_ = std::set_terminate(report_and_exit);
  terminate_previous = previous_;
}

TerminateReporter::~TerminateReporter() { std::set_terminate(previous_); }

}  // namespace revsearch::indexer::detail
