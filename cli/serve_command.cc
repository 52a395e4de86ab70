// `revsearch serve --db DIR [--host 127.0.0.1] [--port 8080] [--threads N]`
// (issue 15): the JSON API and the web page over HTTP, see server/.
#include <sys/stat.h>

#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>

#include "commands.h"
#include "revsearch/errors.h"
#include "revsearch/server/server.h"

namespace revsearch::cli {
namespace {

// The token is the file's first line, surrounding white space trimmed.
std::string read_token(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("--admin-token-file " + path + ": cannot read it");
  std::string token;
  std::getline(in, token);
  auto first = token.find_first_not_of(" \t\r\n");
  auto last = token.find_last_not_of(" \t\r\n");
  token = first == std::string::npos ? "" : token.substr(first, last - first + 1);
  if (token.size() < 16) throw UsageError("--admin-token-file " + path + ": the token must be at least 16 characters");
  struct stat st {};
  if (stat(path.c_str(), &st) == 0 && (st.st_mode & (S_IRGRP | S_IROTH))) {
    spdlog::warn("--admin-token-file {} is readable by other users (chmod 600 it)", path);
  }
  return token;
}

}  // namespace

Command add_serve_command(CLI::App& app) {
  auto options = std::make_shared<server::ServerOptions>();
  auto token_file = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand("serve", "Serve the JSON API and the search page over HTTP");
  sub->add_option("--db", options->db, "Database directory")->required();
  sub->add_option("--host", options->host, "Address to listen on (default: loopback only)")
      ->capture_default_str();
  sub->add_option("--port", options->port, "Port (0: any free port, printed at start)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  sub->add_option("--threads", options->threads, "Search workers, one searcher each (default: one per core)")
      ->check(CLI::Range(1, 256));
  sub->add_option("--connections", options->connections,
                  "Connection threads: clients served at once; a slow client holds one of these, not a search worker")
      ->capture_default_str()
      ->check(CLI::Range(1, 4096));
  sub->add_option("--admin-token-file", *token_file,
                  "File holding the token that POST /reviews must send (Authorization: Bearer TOKEN)");
  sub->add_option("--max-body-bytes", options->max_body_bytes, "Refuse request bodies larger than this (413)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  sub->add_option("--timeout", options->timeout_s, "Seconds before a slow or stalled client is cut off")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 3600.0));
  return {sub, [options, token_file] {
            if (!token_file->empty()) options->admin_token = read_token(*token_file);
            return server::serve(*options);
          }};
}

}  // namespace revsearch::cli
