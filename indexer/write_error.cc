// Translation of Xapian write errors, with the out-of-space cases named.
#include "write_error.h"

#include <cerrno>
#include <cstring>

namespace revsearch::indexer::detail {

DatabaseError database_write_error(const std::string& db_path, const Xapian::Error& error,
                                   const std::string& doing) {
  // Xapian 1.4 keeps the errno only as its strerror() text.
  const char* system_error = error.get_error_string();
  std::string reason = system_error ? system_error : "";
  for (int code : {ENOSPC, EFBIG, EDQUOT}) {
    if (!reason.empty() && reason == std::strerror(code)) {
      return DatabaseError(db_path + ": no space left to write the database (" + reason +
                           "); it stays usable as of its last commit: free some space and run the same "
                           "command again to finish (" + error.get_description() + ")");
    }
  }
  return DatabaseError(db_path + ": " + doing + error.get_description());
}

}  // namespace revsearch::indexer::detail
