// Test helpers for `revsearch serve` (issue 15): the real binary as a child
// process on an ephemeral loopback port, and a minimal HTTP/1.1 client over
// a plain socket (so a test controls every byte it sends).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "child_process.h"

namespace revsearch::test {

struct HttpReply {
  int status = 0;  // 0: the connection closed without a reply
  std::string headers;
  std::string body;
  nlohmann::json json() const { return nlohmann::json::parse(body); }
};

// A connected socket to 127.0.0.1:port; closed on destruction.
class Connection {
 public:
  explicit Connection(int port, double timeout_s = 60) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket failed");
    timeval tv{static_cast<time_t>(timeout_s), static_cast<suseconds_t>((timeout_s - static_cast<long>(timeout_s)) * 1e6)};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      close(fd_);
      throw std::runtime_error("cannot connect to port " + std::to_string(port));
    }
  }
  ~Connection() { close(fd_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void send_all(const std::string& data) {
    for (std::size_t sent = 0; sent < data.size();) {
      ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;  // the server may refuse before reading everything
      sent += static_cast<std::size_t>(n);
    }
  }
  // Everything until the server closes (or the receive timeout).
  std::string read_all() {
    std::string out;
    char buf[65536];
    for (ssize_t n; (n = recv(fd_, buf, sizeof buf, 0)) > 0;) out.append(buf, static_cast<std::size_t>(n));
    return out;
  }

 private:
  int fd_ = -1;
};

inline HttpReply parse_reply(const std::string& raw) {
  HttpReply r;
  if (raw.rfind("HTTP/1.1 ", 0) != 0) return r;
  r.status = std::stoi(raw.substr(9, 3));
  auto end = raw.find("\r\n\r\n");
  r.headers = raw.substr(0, end);
  if (end != std::string::npos) r.body = raw.substr(end + 4);
  return r;
}

// One request on a fresh connection ("Connection: close").
inline HttpReply http(int port, const std::string& method, const std::string& target, const std::string& body = "",
                      const std::string& headers = "") {
  Connection c(port);
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers;
  if (!body.empty() || method == "POST") request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  c.send_all(request + "\r\n" + body);
  return parse_reply(c.read_all());
}
inline HttpReply http_get(int port, const std::string& target) { return http(port, "GET", target); }

// Percent-encodes everything but unreserved characters.
inline std::string url_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// `revsearch serve --db DB --port 0` on 127.0.0.1, ready (GET /health
// answered) when constructed, stopped (SIGTERM, then SIGKILL) when destroyed.
class ServerProcess {
 public:
  explicit ServerProcess(const std::string& db, const std::vector<std::string>& extra = {})
      : child_(arguments(db, extra)) {
    static const std::regex kUrl(R"(http://127\.0\.0\.1:(\d+)/)");
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::string out;  // outlives the loop: the match points into it
    std::smatch m;
    for (;;) {
      out = child_.out_so_far();
      if (std::regex_search(out, m, kUrl)) break;
      if (child_.exited() || std::chrono::steady_clock::now() > deadline) {
        throw std::runtime_error("revsearch serve did not start: " + child_.err_so_far());
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    port_ = std::stoi(m[1]);
    while (http_get(port_, "/health").status != 200) {
      if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("/health never answered");
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  ~ServerProcess() {
    child_.kill_now(SIGTERM);
    for (int i = 0; i < 100 && !child_.exited(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    // ~Child kills with SIGKILL whatever is still running.
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  std::string url(const std::string& target) const { return "http://127.0.0.1:" + std::to_string(port_) + target; }
  std::string err() const { return child_.err_so_far(); }
  // Stops the server and returns how it ended.
  ChildResult stop() {
    child_.kill_now(SIGTERM);
    return child_.wait();
  }

 private:
  static std::vector<std::string> arguments(const std::string& db, const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"serve", "--db", db, "--host", "127.0.0.1", "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }

  Child child_;
  int port_ = 0;
};

}  // namespace revsearch::test
