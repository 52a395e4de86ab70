// The HTTP front of `revsearch serve`: cpp-httplib's server, its limits and
// timeouts, JSON for every error it makes itself (400, 413, 414...), one
// stderr line per refused request, and a clean stop on SIGINT/SIGTERM.
#include <httplib.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <iostream>
#include <thread>

#include "revsearch/api/json.h"
#include "revsearch/server/server.h"
#include "revsearch/utf8.h"

namespace revsearch::server {
namespace {

// Text fit for one log line: at most 200 bytes, control characters (and
// every non-ASCII byte, unless the text is valid UTF-8) escaped.
std::string loggable(std::string_view text) {
  std::string_view shown = utf8::truncate(text, 200);
  bool valid = utf8::is_valid(shown);
  std::string out;
  for (char ch : shown) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && !valid)) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      out += hex;
    } else {
      out += ch;
    }
  }
  if (text.size() > shown.size()) out += "... (" + std::to_string(text.size()) + " bytes)";
  return out;
}

std::string_view reason(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 408: return "request timeout";
    case 413: return "request body too large";
    case 414: return "request line too long";
    case 431: return "request headers too large";
    default: return status >= 500 ? "server error" : "refused";
  }
}

// Debian's cpp-httplib 0.11.4 is compiled with a listen backlog of 5: a
// burst of connections (64 at once from a load test) overflows the accept
// queue, the kernel drops the handshakes and clients wait 1-3 s to retry.
// Linux lets listen() change the backlog of a listening socket, so widen it
// on the socket httplib made (found by its port).
void widen_backlog(int port) {
  for (int fd = 3; fd < 4096; ++fd) {
    int listening = 0;
    socklen_t length = sizeof listening;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &length) != 0 || !listening) continue;
    sockaddr_storage address{};
    socklen_t address_length = sizeof address;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &address_length) != 0) continue;
    int bound = -1;
    if (address.ss_family == AF_INET) bound = ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);
    if (address.ss_family == AF_INET6) bound = ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port);
    if (bound == port && listen(fd, SOMAXCONN) != 0) spdlog::warn("cannot widen the listen backlog");
  }
}

}  // namespace

int serve(const ServerOptions& options) {
  std::signal(SIGPIPE, SIG_IGN);
  // SIGINT/SIGTERM go to one thread that stops the server (blocked here
  // before any thread starts, so every thread inherits the mask).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  Handler handler(options);
  httplib::Server http;
  std::size_t connections = std::max<std::size_t>(options.connections, 1);
  http.new_task_queue = [connections] { return new httplib::ThreadPool(connections); };
  auto seconds = std::chrono::duration<double>(options.timeout_s);
  auto timeout = std::chrono::duration_cast<std::chrono::microseconds>(seconds);
  http.set_read_timeout(timeout);
  http.set_write_timeout(timeout);
  http.set_keep_alive_timeout(std::max<time_t>(1, static_cast<time_t>(options.timeout_s)));
  http.set_keep_alive_max_count(1000);
  http.set_payload_max_length(options.max_body_bytes);
  http.set_tcp_nodelay(true);

  auto adapt = [&handler](const httplib::Request& req, httplib::Response& res) {
    Request request;
    request.method = req.method;
    request.path = req.path;
    request.params = req.params;
    request.authorization = req.get_header_value("Authorization");
    request.body = req.body;
    Response r = handler.handle(request);
    res.status = r.status;
    if (!r.allow.empty()) res.set_header("Allow", r.allow);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Cache-Control", "no-store");
    res.set_content(r.body, r.content_type.c_str());
  };
  // Every method reaches the handler, which answers 404/405 itself.
  const httplib::Server::Handler routes(adapt);
  http.Get(".*", routes).Post(".*", routes).Put(".*", routes).Patch(".*", routes).Delete(".*", routes);
  http.Options(".*", routes);

  // Errors httplib makes itself (bad request line, 413, 414) get a JSON body too.
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string message(reason(res.status));
    res.set_content(api::error_json(message).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json; charset=utf-8");
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(api::error_json("internal error").dump(), "application/json; charset=utf-8");
  });
  // One stderr line per refused request, naming it.
  http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    if (res.status < 400) return;
    std::string message;
    try {
      message = nlohmann::json::parse(res.body).value("error", "");
    } catch (const nlohmann::json::exception&) {
    }
    spdlog::warn("refused {} {} {} from {}: {}", res.status, req.method.empty() ? "-" : req.method,
                 req.target.empty() ? std::string("-") : loggable(req.target),
                 req.remote_addr.empty() ? "-" : req.remote_addr, message.empty() ? std::string(reason(res.status)) : loggable(message));
  });

  int port = options.port;
  if (port == 0) {
    port = http.bind_to_any_port(options.host);
    if (port < 0) throw std::runtime_error("cannot listen on " + options.host);
  } else if (!http.bind_to_port(options.host, port)) {
    throw std::runtime_error("cannot listen on " + options.host + ":" + std::to_string(port));
  }
  widen_backlog(port);
  if (options.host != "127.0.0.1" && options.host != "::1" && options.host != "localhost") {
    spdlog::warn("listening on {}, not loopback: anyone who can reach it can search", options.host);
  }
  std::string host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  std::cout << "serving " << options.db << " at http://" << host << ":" << port << "/" << std::endl;

  std::thread stopper([&http, &stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    http.stop();
  });
  http.listen_after_bind();
  pthread_kill(stopper.native_handle(), SIGTERM);  // ends the stopper if it still waits
  stopper.join();
  spdlog::info("server stopped");
  return 0;
}

}  // namespace revsearch::server
