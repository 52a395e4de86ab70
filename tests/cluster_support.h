// Test helpers for clusters: xapian-tcpsrv shard servers on ephemeral
// loopback ports, each in a session of its own (it signals its whole
// process group on SIGTERM) and dying with the test (PR_SET_PDEATHSIG).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "child_process.h"

namespace revsearch::test {

// A port the kernel just handed out on 127.0.0.1, free again when returned.
inline int ephemeral_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    if (fd >= 0) close(fd);
    throw std::runtime_error("no ephemeral port");
  }
  close(fd);
  return ntohs(addr.sin_port);
}

inline bool accepts_connections(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// `xapian-tcpsrv --writable` over one folder.
class ShardServer {
 public:
  // `env`: NAME=VALUE for the server's environment (XAPIAN_FLUSH_THRESHOLD).
  explicit ShardServer(std::string folder, std::vector<std::string> env = {})
      : folder_(std::move(folder)), env_(std::move(env)) {
    fs::create_directories(folder_);
    for (int attempt = 0; attempt < 5 && !server_; ++attempt) start(ephemeral_port());
    if (!server_) throw std::runtime_error("xapian-tcpsrv did not start over " + folder_);
  }
  int port() const { return port_; }
  std::string location() const { return "127.0.0.1:" + std::to_string(port_); }
  void kill_now() {
    server_->kill_now(SIGKILL);
    server_->wait();
    server_.reset();
  }
  void pause() { server_->kill_now(SIGSTOP); }
  void resume() { server_->kill_now(SIGCONT); }
  // On the same port (the test's stub names it), after kill_now().
  void restart() {
    for (int attempt = 0; attempt < 50 && !server_; ++attempt) {
      start(port_);
      if (!server_) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (!server_) throw std::runtime_error("xapian-tcpsrv did not restart on " + location());
  }

 private:
  void start(int port) {
    ChildOptions options;
    options.program = "xapian-tcpsrv";
    options.new_session = true;
    options.env = env_;
    auto child = std::make_unique<Child>(
        std::vector<std::string>{"--writable", "--quiet", "--interface", "127.0.0.1", "--port", std::to_string(port), folder_},
        options);
    for (int i = 0; i < 100; ++i) {
      if (child->exited()) return;  // the port was taken meanwhile
      if (accepts_connections(port)) {
        server_ = std::move(child);
        port_ = port;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  std::string folder_;
  std::vector<std::string> env_;
  int port_ = 0;
  std::unique_ptr<Child> server_;
};

// Three shard servers over empty folders and the stub that lists them.
struct Cluster {
  explicit Cluster(const std::string& dir, std::size_t shards = 3, const std::vector<std::string>& server_env = {}) {
    std::vector<std::string> args = {"cluster", "stub", "--out", dir + "/cluster.stub"};
    for (std::size_t k = 0; k < shards; ++k) {
      servers.push_back(std::make_unique<ShardServer>(dir + "/shard-" + std::to_string(k), server_env));
      args.push_back(servers.back()->location());
    }
    stub = dir + "/cluster.stub";
    RunResult r = run_revsearch(args);
    if (r.status != 0) throw std::runtime_error("cluster stub failed: " + r.err);
  }
  std::vector<std::unique_ptr<ShardServer>> servers;
  std::string stub;
};

}  // namespace revsearch::test
