// The routes of `revsearch serve`: GET /search, /entities, /stats, /analyze,
// /sentiment, /health, the page at /, and POST /reviews. Searches run on a
// pool of workers, each with its own Searcher, reopened when a commit lands.
#include <spdlog/spdlog.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

#include "revsearch/api/json.h"
#include "revsearch/errors.h"
#include "revsearch/indexer/indexer.h"
#include "revsearch/query/database.h"
#include "revsearch/query/searcher.h"
#include "revsearch/query/stats.h"
#include "revsearch/sentiment/sentiment.h"
#include "revsearch/server/server.h"
#include "revsearch/utf8.h"
#include "worker_pool.h"

namespace revsearch::server {

namespace embedded {
extern const std::string_view kIndexHtml;
}

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// A refusal: status and message, turned into {"error", "column"}.
struct HttpError : std::runtime_error {
  HttpError(int code, const std::string& message) : std::runtime_error(message), status(code) {}
  int status;
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The parameters one route accepts; any other is a 400.
using ParamNames = std::set<std::string, std::less<>>;

// The validated parameters of a request.
class Params {
 public:
  Params(const std::multimap<std::string, std::string>& raw, const ParamNames& allowed) {
    for (const auto& [name, value] : raw) {
      if (!utf8::is_valid(name)) throw HttpError(400, "parameter name is not valid UTF-8");
      if (!allowed.count(name)) throw HttpError(400, "unknown parameter '" + name + "'");
      if (!values_.emplace(name, value).second) throw HttpError(400, "parameter '" + name + "' given twice");
      if (auto bad = utf8::first_invalid(value)) {
        throw HttpError(400, "parameter '" + name + "' is not valid UTF-8 (byte " + std::to_string(*bad + 1) + ")");
      }
    }
  }

  const std::string* find(std::string_view name) const {
    auto it = values_.find(name);
    return it == values_.end() ? nullptr : &it->second;
  }

  std::string text(std::string_view name) const {
    const std::string* v = find(name);
    if (!v || v->empty()) throw HttpError(400, "missing parameter '" + std::string(name) + "'");
    return *v;
  }

  template <typename Number>
  std::optional<Number> number(std::string_view name, Number min, Number max) const {
    const std::string* v = find(name);
    if (!v) return std::nullopt;
    Number n{};
    auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec != std::errc() || end != v->data() + v->size() || v->empty() || n < min || n > max) {
      throw HttpError(400, "parameter '" + std::string(name) + "' must be a number in " + std::to_string(min) +
                               ".." + std::to_string(max) + ", not '" + std::string(utf8::truncate(*v, 40)) + "'");
    }
    return n;
  }

  // "1"/"true"/"" (present) or "0"/"false".
  bool flag(std::string_view name) const {
    const std::string* v = find(name);
    if (!v) return false;
    if (v->empty() || *v == "1" || *v == "true") return true;
    if (*v == "0" || *v == "false") return false;
    throw HttpError(400, "parameter '" + std::string(name) + "' must be 1, true, 0 or false");
  }

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

// What each search worker owns.
struct Worker {
  explicit Worker(const std::string& db)
      : searcher(db), database(query::open_database(db)), scorer(analyzer) {}
  query::Searcher searcher;
  Xapian::Database database;  // for /entities
  analysis::Analyzer analyzer;
  sentiment::Scorer scorer;
  std::uint64_t generation = 0;
  Clock::time_point checked = Clock::now();
};

const ParamNames kSearchParams = {"q",         "limit",   "offset",        "all_passages",  "facets",
                                  "sort",      "explain", "sentiment_min", "sentiment_max", "include_boilerplate",
                                  "no_suggest"};

query::SearchOptions search_options(const Params& p) {
  query::SearchOptions o;
  o.limit = p.number<Xapian::doccount>("limit", 1, 10000).value_or(o.limit);
  o.offset = p.number<Xapian::doccount>("offset", 0, 1000000).value_or(o.offset);
  o.all_passages = p.flag("all_passages");
  o.explain = p.flag("explain");
  o.include_boilerplate = p.flag("include_boilerplate");
  o.suggest = !p.flag("no_suggest");
  if (const std::string* facets = p.find("facets")) {
    std::string_view rest = *facets;
    while (!rest.empty()) {
      auto comma = rest.find(',');
      std::string_view name = rest.substr(0, comma);
      if (!name.empty()) o.facets.emplace_back(name);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  if (const std::string* sort = p.find("sort")) {
    if (*sort == "sentiment") {
      o.sentiment_sort = query::SearchOptions::SentimentSort::kAscending;
    } else if (*sort == "-sentiment") {
      o.sentiment_sort = query::SearchOptions::SentimentSort::kDescending;
    } else {
      throw HttpError(400, "parameter 'sort' must be 'sentiment' or '-sentiment'");
    }
  }
  o.sentiment_min = p.number<double>("sentiment_min", -1.0, 1.0);
  o.sentiment_max = p.number<double>("sentiment_max", -1.0, 1.0);
  return o;
}

std::optional<analysis::Pipeline> pipeline_named(const Params& p) {
  const std::string* lang = p.find("lang");
  if (!lang || *lang == "auto") return analysis::Pipeline::kAuto;
  if (*lang == "ko") return analysis::Pipeline::kKorean;
  if (*lang == "en") return analysis::Pipeline::kEnglish;
  throw HttpError(400, "parameter 'lang' must be ko, en or auto");
}

// Equal strings in time that depends only on their lengths.
bool constant_time_equal(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ (b.empty() ? 0 : b[i % b.size()]));
  }
  return diff == 0;
}

Response json_response(int status, const nlohmann::json& body) {
  Response r;
  r.status = status;
  // Messages may quote request bytes that are not UTF-8 (a path, a method):
  // replaced, never a throw.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

}  // namespace

Request parse_target(const std::string& method, const std::string& target) {
  Request r;
  r.method = method;
  auto question = target.find('?');
  r.path = target.substr(0, question);
  if (question == std::string::npos) return r;
  std::string_view query = std::string_view(target).substr(question + 1);
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    r.params.emplace(percent_decode(pair.substr(0, eq)),
                     eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1)));
  }
  return r;
}

struct Handler::Impl {
  explicit Impl(const ServerOptions& o) : options(o), pool(make_workers(o)) {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/revsearch-serve-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary directory");
    upload_dir = pattern;
  }
  ~Impl() {
    std::error_code ec;
    fs::remove_all(upload_dir, ec);
  }

  static std::vector<std::unique_ptr<Worker>> make_workers(const ServerOptions& o) {
    std::size_t n = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::unique_ptr<Worker>> workers;
    for (std::size_t i = 0; i < n; ++i) workers.push_back(std::make_unique<Worker>(o.db));
    return workers;
  }

  // Sees the latest commit: at once after our own POST, within a second
  // after another writer's (e.g. `revsearch index` beside the server).
  void refresh(Worker& w) {
    std::uint64_t now_generation = generation.load();
    auto now = Clock::now();
    if (w.generation == now_generation && now - w.checked < std::chrono::seconds(1)) return;
    w.searcher.reopen();
    w.database.reopen();
    w.generation = now_generation;
    w.checked = now;
  }

  Response route(const Request& request);
  Response search(const Request& request);
  Response post_reviews(const Request& request);

  ServerOptions options;
  WorkerPool<Worker> pool;
  std::atomic<std::uint64_t> generation{0};
  std::mutex writer;  // one POST /reviews at a time
  std::atomic<std::uint64_t> uploads{0};
  std::string upload_dir;
};

Handler::Handler(const ServerOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Handler::~Handler() = default;

Response Handler::handle(const Request& request) {
  Response r;
  try {
    return impl_->route(request);
  } catch (const HttpError& e) {
    r = json_response(e.status, api::error_json(e.what()));
    r.error = e.what();
  } catch (const UsageError& e) {  // bad query syntax, unknown facet...
    r = json_response(400, api::error_json(e.what()));
    r.error = e.what();
  } catch (const DatabaseError& e) {
    r = json_response(503, api::error_json(e.what()));
    r.error = e.what();
  } catch (const Xapian::Error& e) {
    r = json_response(503, api::error_json("database: " + e.get_description()));
    r.error = e.get_description();
  } catch (const std::exception& e) {
    r = json_response(500, api::error_json(std::string("internal error: ") + e.what()));
    r.error = e.what();
  }
  return r;
}

Response Handler::Impl::route(const Request& request) {
  struct Route {
    std::string_view path;
    std::string_view method;
  };
  static constexpr Route kRoutes[] = {{"/", "GET"},        {"/health", "GET"},    {"/search", "GET"},
                                      {"/entities", "GET"}, {"/stats", "GET"},    {"/analyze", "GET"},
                                      {"/sentiment", "GET"}, {"/reviews", "POST"}};
  const Route* found = nullptr;
  for (const Route& r : kRoutes) {
    if (r.path == request.path) found = &r;
  }
  if (!found) throw HttpError(404, "no such route: " + std::string(utf8::truncate(request.path, 200)));
  bool get_like = request.method == "GET" || request.method == "HEAD";
  if (!(found->method == request.method || (found->method == "GET" && get_like))) {
    Response r = json_response(405, api::error_json("method " + request.method + " not allowed on " + request.path +
                                                    " (allowed: " + std::string(found->method) + ")"));
    r.allow = found->method == "GET" ? "GET, HEAD" : std::string(found->method);
    r.error = "method not allowed";
    return r;
  }

  if (request.path == "/") {
    // The page reads its own parameters (q, page).
    Response r;
    r.content_type = "text/html; charset=utf-8";
    r.body = std::string(embedded::kIndexHtml);
    return r;
  }
  if (request.path == "/health") {
    Params p(request.params, {});
    return json_response(200, {{"status", "ok"}});
  }
  if (request.path == "/search") return search(request);
  if (request.path == "/reviews") return post_reviews(request);
  if (request.path == "/entities") {
    Params p(request.params, {"kind", "limit", "script"});
    std::vector<std::string> kinds;
    std::string_view rest = p.find("kind") ? std::string_view(*p.find("kind")) : "actor,character,title";
    while (!rest.empty()) {
      auto comma = rest.find(',');
      std::string kind(rest.substr(0, comma));
      if (kind != "actor" && kind != "character" && kind != "title" && kind != "director") {
        throw HttpError(400, "parameter 'kind' must list actor, character, title or director");
      }
      kinds.push_back(kind);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    std::size_t limit = p.number<std::size_t>("limit", 0, 100000).value_or(50);
    // script=hangul|latin: known people named in that script.
    std::string_view script = p.find("script") ? std::string_view(*p.find("script")) : "";
    if (!script.empty() && script != "hangul" && script != "latin") {
      throw HttpError(400, "parameter 'script' must be hangul or latin");
    }
    std::string_view like = script == "hangul" ? "가" : script == "latin" ? "a" : "";
    return pool.run([&](Worker& w) {
      refresh(w);
      return json_response(200, api::entities_json(w.database, w.database, kinds, limit, like));
    });
  }
  if (request.path == "/stats") {
    Params p(request.params, {});
    return pool.run([&](Worker&) { return json_response(200, api::stats_json(query::database_stats(options.db))); });
  }
  if (request.path == "/analyze") {
    Params p(request.params, {"text", "lang"});
    std::string text = p.text("text");
    analysis::Pipeline pipeline = *pipeline_named(p);
    return pool.run([&](Worker&) { return json_response(200, api::analyze_json(text, pipeline)); });
  }
  // /sentiment
  Params p(request.params, {"text", "lang"});
  std::string text = p.text("text");
  pipeline_named(p);  // validates lang
  const std::string* lang = p.find("lang");
  return pool.run([&](Worker& w) {
    return json_response(200, api::sentiment_json(w.scorer.score(text, lang ? *lang : "auto")));
  });
}

Response Handler::Impl::search(const Request& request) {
  Params p(request.params, kSearchParams);
  std::string q = p.text("q");
  query::SearchOptions o = search_options(p);
  return pool.run([&](Worker& w) {
    refresh(w);
    return json_response(200, api::search_json(w.searcher.search(q, o)));
  });
}

Response Handler::Impl::post_reviews(const Request& request) {
  Params p(request.params, {});
  static constexpr std::string_view kBearer = "Bearer ";
  std::string_view given = request.authorization;
  bool has_bearer = given.substr(0, kBearer.size()) == kBearer;
  if (has_bearer) given.remove_prefix(kBearer.size());
  if (options.admin_token.empty()) {
    throw HttpError(401, "adding reviews is disabled: the server was started without --admin-token-file");
  }
  if (!has_bearer || !constant_time_equal(given, options.admin_token)) {
    throw HttpError(401, "POST /reviews needs 'Authorization: Bearer TOKEN' with the server's admin token");
  }
  if (request.body.empty()) throw HttpError(400, "empty body: send reviews as JSONL, one object a line");

  std::lock_guard lock(writer);
  fs::path file = fs::path(upload_dir) / ("POST-reviews-" + std::to_string(++uploads) + ".jsonl");
  {
    std::ofstream out(file, std::ios::binary);
    out.write(request.body.data(), static_cast<std::streamsize>(request.body.size()));
    if (!out) throw std::runtime_error("cannot write " + file.string());
  }
  indexer::IndexOptions index_options;
  index_options.threads = 1;  // leave the cores to the searches
  indexer::IndexSummary s;
  try {
    s = indexer::index_paths(options.db, {file.string()}, index_options);
  } catch (...) {
    fs::remove(file);
    throw;
  }
  fs::remove(file);
  ++generation;  // every worker reopens before its next search
  return json_response(200, {{"reviews_read", s.reviews_read},
                             {"reviews_indexed", s.reviews_indexed},
                             {"reviews_unchanged", s.reviews_unchanged},
                             {"passages_indexed", s.passages_indexed},
                             {"duplicates_collapsed", s.duplicates_collapsed},
                             {"boilerplate_passages", s.boilerplate_passages},
                             {"stale_passages_removed", s.stale_passages_removed},
                             {"records_skipped", s.records_skipped},
                             {"skip_reasons", s.skip_reasons},
                             {"seconds", s.seconds}});
}

}  // namespace revsearch::server
