// libFuzzer target for the routes of `revsearch serve` (issue 15): any bytes
// as "METHOD TARGET\nHeader: value\n...\n\nbody", through the server's own
// target decoding into Handler::handle over a small database (the seed
// review, indexed once per process). Whatever comes in, the answer must be a
// known status with a JSON body (or the page), never an exception or a crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "revsearch/indexer/indexer.h"
#include "revsearch/server/server.h"

namespace {

using namespace revsearch;

// A database in a temporary directory and the handler over it, removed at exit.
struct Fixture {
  Fixture() {
    dir = (std::filesystem::temp_directory_path() / ("revsearch-fuzz-http-" + std::to_string(getpid()))).string();
    std::filesystem::remove_all(dir);
    indexer::IndexOptions options;
    options.threads = 1;
    indexer::index_paths(dir, {std::string(REVSEARCH_SOURCE_DIR) + "/corpus/soundtrack-1.txt"}, options);
    server::ServerOptions o;
    o.db = dir;
    o.threads = 1;
    o.admin_token = "fuzz-token-0123456789";  // the seeds hold one POST with it
    handler = std::make_unique<server::Handler>(o);
  }
  ~Fixture() {
    handler.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::string dir;
  std::unique_ptr<server::Handler> handler;
};

server::Handler& handler() {
  static Fixture fixture;
  return *fixture.handler;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view head = input.substr(0, input.find("\n\n"));
  std::string body = head.size() < input.size() ? std::string(input.substr(head.size() + 2)) : std::string();
  std::string_view line = head.substr(0, head.find('\n'));
  std::string_view rest = line.size() < head.size() ? head.substr(line.size() + 1) : std::string_view();
  auto space = line.find(' ');
  std::string method(line.substr(0, space));
  std::string target(space == std::string_view::npos ? "/" : line.substr(space + 1));
  server::Request request = server::parse_target(method, target);
  request.body = std::move(body);
  while (!rest.empty()) {
    std::string_view header = rest.substr(0, rest.find('\n'));
    rest = header.size() < rest.size() ? rest.substr(header.size() + 1) : std::string_view();
    static constexpr std::string_view kAuth = "Authorization: ";
    if (header.substr(0, kAuth.size()) == kAuth) request.authorization = std::string(header.substr(kAuth.size()));
  }
  server::Response response = handler().handle(request);
  switch (response.status) {
    case 200: case 400: case 401: case 404: case 405: case 503: break;
    default: std::abort();  // 500 is an internal error: a finding
  }
  if (response.content_type.rfind("application/json", 0) == 0) {
    nlohmann::json parsed = nlohmann::json::parse(response.body);  // throws (a finding) if not JSON
    if (response.status != 200 && !(parsed.contains("error") && parsed.contains("column"))) std::abort();
  }
  return 0;
}
