// Hardening (issue 9): crash safety for real. `revsearch index` is killed
// with SIGKILL at 20 random moments on an NSMC slice; after each kill the
// database opens, searches work, and re-running the same command completes
// to exactly the passage count of an uninterrupted run. The seed is printed;
// REVSEARCH_CRASH_SEED=N repeats a run.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>
#include <random>
#include <thread>

#include "child_process.h"

using namespace revsearch::test;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kTrials = 20;
// Sanitized builds run about 3x slower: a smaller slice keeps CI short.
constexpr std::size_t kSliceLines = kSanitizedBuild ? 5000 : 20000;

long stats_passages(const std::string& db) {
  RunResult r = run_revsearch({"stats", "--db", db, "--json"});
  INFO("stats stderr: " << r.err);
  REQUIRE(r.status == 0);
  return nlohmann::json::parse(r.out)["passages"].get<long>();
}

}  // namespace

TEST_CASE("hardening: SIGKILL at random moments never loses or corrupts the index", "[hardening][crash]") {
  TempDir dir;
  const std::string input = dir / "nsmc-slice.jsonl";
  write_nsmc_slice(input, kSliceLines);
  // Small commits so that kills land before, between and inside commits.
  auto index_args = [&](const std::string& db) {
    return std::vector<std::string>{"--quiet", "index", "--commit-every", "1500", "--db", db, input};
  };

  auto started = Clock::now();
  ChildResult reference = Child(index_args(dir / "reference")).wait();
  const auto full_run = Clock::now() - started;
  REQUIRE(reference.status == 0);
  const long expected = summary_value(reference.out, "passages indexed");
  REQUIRE(expected >= static_cast<long>(kSliceLines));
  REQUIRE(stats_passages(dir / "reference") == expected);

  std::random_device rd;
  const char* env_seed = std::getenv("REVSEARCH_CRASH_SEED");
  const unsigned seed = env_seed ? static_cast<unsigned>(std::stoul(env_seed)) : rd();
  std::cerr << "crash harness: seed " << seed << " (set REVSEARCH_CRASH_SEED=" << seed << " to repeat)\n";
  UNSCOPED_INFO("crash harness seed: " << seed);
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> moment(0.02, 0.9);

  int killed_mid_run = 0;
  for (int trial = 1; trial <= kTrials; ++trial) {
    const std::string db = dir / ("db-" + std::to_string(trial));
    auto delay = std::chrono::duration_cast<std::chrono::microseconds>(full_run * moment(random));
    INFO("trial " << trial << ": SIGKILL after " << delay.count() / 1000 << " ms of a "
                  << std::chrono::duration_cast<std::chrono::milliseconds>(full_run).count() << " ms run");
    // The moment is relative to the reference run; if the machine got faster
    // and the run finished first, start again and kill sooner.
    for (int attempt = 0; attempt < 6; ++attempt, delay /= 2) {
      fs::remove_all(db);
      Child child(index_args(db));
      std::this_thread::sleep_for(delay);
      if (!child.exited()) {
        child.kill_now(SIGKILL);
        child.wait();
        ++killed_mid_run;
        break;
      }
    }
    // After the kill: the database (if it got as far as creating one) opens
    // and answers searches with whatever it had committed.
    if (fs::exists(fs::path(db) / "iamglass")) {
      long committed = stats_passages(db);
      CHECK(committed >= 0);
      CHECK(committed <= expected);
      RunResult search = run_revsearch({"search", "--db", db, "--json", "영화"});
      INFO("search stderr: " << search.err);
      CHECK(search.status == 0);
      CHECK(nlohmann::json::parse(search.out).contains("hits"));
      CHECK(run_revsearch({"check", "--db", db}).status == 0);
    }
    // Re-running the same command finishes the job: nothing lost, nothing doubled.
    ChildResult rerun = Child(index_args(db)).wait();
    INFO("re-run stderr: " << rerun.err);
    REQUIRE(rerun.status == 0);
    CHECK(stats_passages(db) == expected);
    fs::remove_all(db);
  }
  // The harness is only meaningful if the kills landed inside runs.
  CHECK(killed_mid_run == kTrials);
  std::cerr << "crash harness: " << kTrials << " trials, " << killed_mid_run << " killed mid-run, "
            << expected << " passages each time\n";
}
