// `revsearch serve` (issue 15): a JSON API and a web page over one database,
// on cpp-httplib. The routes are answered by `Handler`, which knows nothing
// of sockets (the fuzz target calls it directly); `serve` puts it behind
// HTTP.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace revsearch::server {

struct ServerOptions {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;                      // 0: any free port
  std::size_t threads = 0;              // search workers, one Searcher each; 0: one per core
  std::size_t connections = 64;         // connection (I/O) threads; a stalled client holds one of these
  std::string admin_token;              // empty: POST /reviews is refused
  std::size_t max_body_bytes = 16u << 20;  // POST bodies over this get 413
  double timeout_s = 5;                 // read/write timeout: slow or stalled clients are cut off
};

// One request as the routes see it: decoded query parameters, the
// Authorization header, the body.
struct Request {
  std::string method;  // "GET", "HEAD", "POST", ...
  std::string path;    // "/search"
  std::multimap<std::string, std::string> params;
  std::string authorization;
  std::string body;
};

// "/search?q=a%20b&limit=3" -> path and decoded parameters ('+' is a space).
Request parse_target(const std::string& method, const std::string& target);

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::string allow;  // the Allow header of a 405
  std::string error;  // the message of a refusal, for the log line
};

class Handler {
 public:
  // Opens one searcher per worker thread; throws DatabaseError when the
  // database cannot be opened.
  explicit Handler(const ServerOptions& options);
  ~Handler();
  Handler(const Handler&) = delete;
  Handler& operator=(const Handler&) = delete;

  // Never throws: every failure is a JSON error with its status.
  Response handle(const Request& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Serves until SIGINT or SIGTERM. Prints "serving DB at http://HOST:PORT/"
// on stdout once listening. Returns the process exit status.
int serve(const ServerOptions& options);

}  // namespace revsearch::server
