// Issue 15: the page at / in a real browser. Headless Chromium (Debian
// `chromium`, installed by scripts/install-deps.sh) loads /?q=..., runs the
// page's script against the JSON API, and the rendered DOM must hold the
// highlighted hits, the facet list and, for actor:"...", the person view.
#include "e2e_support.h"
#include "server_support.h"

namespace revsearch::test {
namespace {

std::string chromium() {
  for (const char* path : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
    if (access(path, X_OK) == 0) return path;
  }
  return "";
}

// The DOM after the page's script has run (virtual time lets fetches finish).
std::string rendered_dom(const std::string& url) {
  TempDir profile;
  std::string command = "timeout 120 " + shell_quote(chromium()) +
                        " --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
                        " --user-data-dir=" + shell_quote(profile / "profile") +
                        " --virtual-time-budget=15000 --dump-dom " + shell_quote(url) + " > " +
                        shell_quote(profile / "dom.html") + " 2> " + shell_quote(profile / "err");
  int raw = std::system(command.c_str());
  INFO(read_file(profile / "err"));
  REQUIRE(WIFEXITED(raw));
  REQUIRE(WEXITSTATUS(raw) == 0);
  return read_file(profile / "dom.html");
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST_CASE("serve: the page renders hits, facets and the person view in headless Chromium", "[serve][browser]") {
  if (chromium().empty()) {
    WARN("chromium is not installed (scripts/install-deps.sh installs it): browser test skipped");
    return;
  }
  const std::string& db = shared_database("serve-browser", {source_path("corpus")});
  ServerProcess server(db, {"--threads", "2"});

  std::string dom = rendered_dom(server.url("/?q=" + url_encode("최고의 영화")));
  CHECK(count(dom, "<article class=\"hit\"") == 10);
  CHECK(count(dom, "<b>") >= 10);  // highlighted matches in the snippets
  CHECK(dom.find("최고") != std::string::npos);
  CHECK(dom.find("id=\"facet-sentiment\"") != std::string::npos);
  CHECK(dom.find("id=\"facet-rating\"") != std::string::npos);
  CHECK(dom.find("class=\"badge ") != std::string::npos);
  CHECK(dom.find("class=\"pager\"") != std::string::npos);
  CHECK(dom.find("id=\"error\"") == std::string::npos);

  dom = rendered_dom(server.url("/?q=" + url_encode("actor:\"Han So-hee\"")));
  CHECK(dom.find("id=\"person\"") != std::string::npos);
  CHECK(dom.find("class=\"chart\"") != std::string::npos);
  CHECK(dom.find("Most positive") != std::string::npos);
  CHECK(dom.find("Co-mentioned people") != std::string::npos);
  CHECK(dom.find("id=\"facet-actor\"") != std::string::npos);
  CHECK(dom.find("<b>Han So-Hee</b>") != std::string::npos);

  // A query error shows as a message, not a blank page.
  dom = rendered_dom(server.url("/?q=" + url_encode("(lacklustre")));
  CHECK(dom.find("query syntax error at column 1") != std::string::npos);
}

}  // namespace
}  // namespace revsearch::test
