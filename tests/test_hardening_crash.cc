// Crash safety for real. `revsearch index` is stopped at random moments
// on small NSMC slices, by SIGKILL (100 moments, 20 in the sanitized build,
// which CI runs after the release suite: memory errors show in fewer) in
// four write modes (one database, --shards 2, --replace, both), and by
// SIGTERM and SIGINT (a clean stop: it commits what it analysed, says
// "stopped:" and exits 143 or 130). After each stop the database opens,
// `revsearch check` passes, searches work and no passage is there twice,
// and re-running the same command completes to exactly the passages and
// hits of an uninterrupted run (same unique ids, each once, same total
// length, same hits for a query). The trials are test cases of their own
// so that ctest runs two at a time. Each case prints its seed;
// REVSEARCH_CRASH_SEED=N repeats the stop moments.
//
// The runs use the CLI's own defaults with every threshold scaled down so
// that each is crossed several times in a run: Xapian's automatic flush
// (which commits on its own, between revsearch's commits) and
// --commit-every (revsearch's commits, which mark files done).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <chrono>
#include <algorithm>
#include <csignal>
#include <cstdint>
#include <iostream>
#include <random>
#include <thread>
#include <tuple>

#include "child_process.h"
#include "revsearch/schema.h"

using namespace revsearch::test;
using Clock = std::chrono::steady_clock;

namespace {

// Batches are 256 reviews; revsearch commits at the end of the batch that
// brings --commit-every passages: every third batch here, 2 commits in a
// release run besides the last, 1 in a sanitized one. Xapian commits on
// its own every kFlushThreshold passages: 13 times in a release run, 6 in
// a sanitized one. Stops land before the database exists, before the
// first commit of either kind, between and inside commits.
constexpr std::size_t kSliceLines = kSanitizedBuild ? 1000 : 2000;
// A clean stop finishes the reviews already read, and the pipeline holds
// up to 2,560 of them: a longer slice, so that stops land while reading.
constexpr std::size_t kStopSliceLines = kSanitizedBuild ? 3000 : 6000;
constexpr std::size_t kCommitEvery = 700;
constexpr std::size_t kFlushThreshold = 150;
constexpr int kKillTrialsPerCase = kSanitizedBuild ? 4 : 20;
constexpr int kStopTrialsPerCase = kSanitizedBuild ? 3 : 10;

// What the database holds, cheaply: read in-process, no child to start.
struct Fingerprint {
  Xapian::doccount passages = 0;
  Xapian::totallength total_length = 0;
  std::size_t unique_ids = 0;      // distinct passage ids (Q terms)
  std::size_t id_postings = 0;     // passages carrying them: unique_ids when nothing is doubled
  std::uint64_t ids_hash = 14695981039346656037ull;  // FNV-1a over the sorted ids

  bool operator==(const Fingerprint& o) const {
    return passages == o.passages && total_length == o.total_length && unique_ids == o.unique_ids &&
           id_postings == o.id_postings && ids_hash == o.ids_hash;
  }
};

std::ostream& operator<<(std::ostream& out, const Fingerprint& f) {
  return out << "{passages " << f.passages << ", total length " << f.total_length << ", ids " << f.unique_ids
             << ", id postings " << f.id_postings << ", ids hash " << f.ids_hash << "}";
}

Fingerprint fingerprint(const std::string& db_path) {
  Fingerprint f;
  Xapian::Database db(db_path);  // a sharded database opens through its stub
  f.passages = db.get_doccount();
  f.total_length = db.get_total_length();
  const std::string prefix(revsearch::schema::kUniqueId);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    ++f.unique_ids;
    f.id_postings += t.get_termfreq();  // summed over shards: an id in two shards counts twice
    for (unsigned char c : *t) f.ids_hash = (f.ids_hash ^ c) * 1099511628211ull;
    f.ids_hash = (f.ids_hash ^ 0xff) * 1099511628211ull;
  }
  return f;
}

// Whether a killed run got as far as leaving a database to open.
bool database_exists(const std::string& db) {
  const fs::path dir(db);
  if (fs::exists(dir / "iamglass")) return true;
  if (!fs::exists(dir / "XAPIANDB")) return false;
  return fs::exists(dir / "shard-0" / "iamglass") && fs::exists(dir / "shard-1" / "iamglass");
}

// Waits until `db` holds a committed passage; false when the run ended first.
bool wait_for_first_commit(Child& child, const std::string& db) {
  while (!child.exited()) {
    try {
      if (Xapian::Database(db).get_doccount() > 0) return true;
    } catch (const Xapian::Error&) {
      // not created yet, or a shard still missing
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

enum class Landed { kBeforeDatabase, kBeforeFirstCommit, kMidCommits, kAfterLastCommit };

struct Tally {
  int trials = 0;
  int finished_first = 0;  // stop moments after the end of the run (then tried again, sooner)
  int clean_stops = 0;     // SIGTERM / SIGINT runs that committed and said "stopped:"
  int landed[4] = {};
};

// Every hit of a query, as (review id, passage, score), sorted: the same
// passages with the same statistics score the same, whatever order ties
// come in.
std::vector<std::tuple<std::string, long, double>> all_hits(const std::string& db, const std::string& query) {
  RunResult r = run_revsearch({"search", "--db", db, "--json", "--limit", "10000", query});
  INFO("search '" << query << "': " << r.err);
  REQUIRE(r.status == 0);
  std::vector<std::tuple<std::string, long, double>> hits;
  const nlohmann::json result = nlohmann::json::parse(r.out);
  for (const nlohmann::json& hit : result["hits"]) {
    hits.emplace_back(hit["review_id"].get<std::string>(), hit["passage"].get<long>(), hit["score"].get<double>());
  }
  std::sort(hits.begin(), hits.end());
  return hits;
}

const char* const kHitsQuery = "영화 연기";  // hits in the sanitized build's 1,000 reviews too

std::string signal_name(int sig) { return sig == SIGKILL ? "SIGKILL" : sig == SIGTERM ? "SIGTERM" : "SIGINT"; }

// `stop_signal`: SIGKILL, or SIGTERM / SIGINT (a clean stop).
void run_crash_trials(const std::string& mode, const std::vector<std::string>& write_options, int stop_signal) {
  const int trials_per_case = stop_signal == SIGKILL ? kKillTrialsPerCase : kStopTrialsPerCase;
  const std::string what = signal_name(stop_signal) + ", " + mode;
  TempDir dir;
  const std::string input = dir / "nsmc-slice.jsonl";
  const std::size_t slice_lines = stop_signal == SIGKILL ? kSliceLines : kStopSliceLines;
  write_nsmc_slice(input, slice_lines);
  auto index_args = [&](const std::string& db) {
    std::vector<std::string> args{"--quiet", "index", "--commit-every", std::to_string(kCommitEvery), "--db", db};
    args.insert(args.end(), write_options.begin(), write_options.end());
    args.push_back(input);
    return args;
  };
  ChildOptions scaled;
  scaled.env = {"XAPIAN_FLUSH_THRESHOLD=" + std::to_string(kFlushThreshold)};

  // The uninterrupted run: what every resume must reach, and the time scale
  // for the stop moments.
  const std::string reference_db = dir / "reference";
  auto started = Clock::now();
  ChildResult reference = Child(index_args(reference_db), scaled).wait();
  const auto full_run = Clock::now() - started;
  INFO("reference run stderr: " << reference.err);
  REQUIRE(reference.status == 0);
  const long expected = summary_value(reference.out, "passages indexed");
  REQUIRE(expected >= static_cast<long>(slice_lines));
  const Fingerprint want = fingerprint(reference_db);
  // Documents: the passages, and a review document for each review of several.
  REQUIRE(want.passages >= static_cast<Xapian::doccount>(expected));
  REQUIRE(want.unique_ids == want.passages);
  REQUIRE(want.id_postings == want.passages);
  RunResult stats = run_revsearch({"stats", "--db", reference_db, "--json"});
  REQUIRE(stats.status == 0);
  REQUIRE(nlohmann::json::parse(stats.out)["passages"].get<long>() == expected);
  const auto want_hits = all_hits(reference_db, kHitsQuery);
  REQUIRE(want_hits.size() > 10);
  fs::remove_all(reference_db);

  const char* env_seed = std::getenv("REVSEARCH_CRASH_SEED");
  const unsigned seed = env_seed ? static_cast<unsigned>(std::stoul(env_seed)) : std::random_device{}();
  std::cerr << "crash harness (" << what << "): seed " << seed << " (set REVSEARCH_CRASH_SEED=" << seed
            << " to repeat)\n";
  UNSCOPED_INFO("crash harness (" << what << ") seed: " << seed);
  std::mt19937 random(seed);
  // Over the whole run: start-up, every commit, the last commit (not quite
  // to the end: a stop after the exit is a wasted run). One random moment
  // in each of trials_per_case equal slices of it, so that a few trials
  // still reach past a start-up that takes most of a sanitized run.
  std::uniform_real_distribution<double> within_slice(0.0, 1.0);
  auto moment = [&](int trial) { return 0.95 * (trial - 1 + within_slice(random)) / trials_per_case; };

  Tally tally;
  for (int trial = 1; trial <= trials_per_case; ++trial) {
    const std::string db = dir / ("db-" + std::to_string(trial));
    // Odd trials: a moment on the reference run's clock. Even trials: a
    // moment after this run's first commit shows (Xapian's or revsearch's),
    // however much slower than its reference a run gets (a sanitized one
    // beside other tests).
    const bool after_first_commit = trial % 2 == 0;
    auto delay = std::chrono::duration_cast<std::chrono::microseconds>(
        full_run * (after_first_commit ? 0.5 * within_slice(random) : moment(trial)));
    INFO(what << ", trial " << trial << ": " << signal_name(stop_signal) << " after " << delay.count() / 1000
              << " ms" << (after_first_commit ? " after the first commit" : "") << " of a "
              << std::chrono::duration_cast<std::chrono::milliseconds>(full_run).count() << " ms run");
    // When this run finished first (the machine got less busy), start again
    // and stop sooner.
    bool stopped = false;
    ChildResult result;
    for (int attempt = 0; attempt < 8 && !stopped; ++attempt, delay /= 2) {
      fs::remove_all(db);
      Child child(index_args(db), scaled);
      if (after_first_commit && !wait_for_first_commit(child, db)) {
        ++tally.finished_first;
        continue;
      }
      std::this_thread::sleep_for(delay);
      if (child.exited()) {
        ++tally.finished_first;
        continue;
      }
      child.kill_now(stop_signal);
      result = child.wait();
      // A clean stop exits 128 + the signal (or, before the handler is in
      // place, dies of it); 0 is a run that finished first (or had read
      // everything when the signal came, and finished).
      const bool ended_by_stop = result.signal == stop_signal || result.status == 128 + stop_signal;
      if (!ended_by_stop) {
        INFO("stderr: " << result.err);
        REQUIRE(result.status == 0);
        ++tally.finished_first;
        continue;
      }
      // Stopped after its last commit (a sharded run's last commits come
      // quickly): like a run that finished first, so start again and stop
      // sooner, while attempts remain.
      if (attempt + 1 < 8 && database_exists(db) && fingerprint(db).passages == want.passages) {
        ++tally.finished_first;
        continue;
      }
      stopped = true;
    }
    REQUIRE(stopped);
    ++tally.trials;
    if (result.status == 128 + stop_signal) {
      // The clean stop's summary says how far it got and what to do.
      INFO("stdout: " << result.out << "stderr: " << result.err);
      CHECK(result.out.find("stopped: ") != std::string::npos);
      CHECK(result.out.find("run the same command to continue") != std::string::npos);
      ++tally.clean_stops;
    }

    // After the stop: whatever was committed is intact, searchable and
    // never doubled.
    Landed landed = Landed::kBeforeDatabase;
    if (database_exists(db)) {
      RunResult check = run_revsearch({"check", "--db", db});
      INFO("check stdout: " << check.out << "check stderr: " << check.err);
      CHECK(check.status == 0);
      const Fingerprint committed = fingerprint(db);
      INFO("after the stop: " << committed);
      CHECK(committed.passages <= want.passages);
      CHECK(committed.id_postings == committed.passages);
      CHECK(committed.unique_ids == committed.passages);
      RunResult search = run_revsearch({"search", "--db", db, "--json", "영화"});
      INFO("search stderr: " << search.err);
      CHECK(search.status == 0);
      CHECK((search.status == 0 && nlohmann::json::parse(search.out).contains("hits")));
      landed = committed.passages == 0               ? Landed::kBeforeFirstCommit
               : committed.passages < want.passages ? Landed::kMidCommits
                                                     : Landed::kAfterLastCommit;
    }
    ++tally.landed[static_cast<int>(landed)];

    // Re-running the same command finishes the job: nothing lost, nothing
    // doubled, the very passages and hits of the uninterrupted run.
    ChildResult rerun = Child(index_args(db), scaled).wait();
    INFO("re-run stderr: " << rerun.err);
    REQUIRE(rerun.status == 0);
    CHECK(fingerprint(db) == want);
    CHECK(all_hits(db, kHitsQuery) == want_hits);
    fs::remove_all(db);
  }

  std::cerr << "crash harness (" << what << "): " << tally.trials << " stops mid-run (" << tally.clean_stops
            << " clean), " << expected << " passages each time; "
            << tally.landed[static_cast<int>(Landed::kBeforeDatabase)] << " before the database existed, "
            << tally.landed[static_cast<int>(Landed::kBeforeFirstCommit)] << " before the first commit, "
            << tally.landed[static_cast<int>(Landed::kMidCommits)] << " between or inside commits, "
            << tally.landed[static_cast<int>(Landed::kAfterLastCommit)] << " after the last commit; "
            << tally.finished_first << " moments came after the end of the run and were tried again sooner\n";
  // The harness is only meaningful if the stops landed inside runs, most
  // of them with part of the work committed.
  CHECK(tally.trials == trials_per_case);
  CHECK(tally.landed[static_cast<int>(Landed::kMidCommits)] > 0);
  if (stop_signal != SIGKILL) CHECK(tally.clean_stops > 0);
}

}  // namespace

TEST_CASE("hardening: crash: SIGKILL then resume: one database (1 of 2)", "[hardening][crash]") {
  run_crash_trials("one database", {}, SIGKILL);
}

TEST_CASE("hardening: crash: SIGKILL then resume: one database (2 of 2)", "[hardening][crash]") {
  run_crash_trials("one database", {}, SIGKILL);
}

TEST_CASE("hardening: crash: SIGKILL then resume: --shards 2", "[hardening][crash]") {
  run_crash_trials("--shards 2", {"--shards", "2"}, SIGKILL);
}

// --replace rebuilds every review: a resume that added passages instead of
// replacing them would double everything the killed run committed.
TEST_CASE("hardening: crash: SIGKILL then resume: --replace", "[hardening][crash]") {
  run_crash_trials("--replace", {"--replace"}, SIGKILL);
}

TEST_CASE("hardening: crash: SIGKILL then resume: --shards 2 --replace", "[hardening][crash]") {
  run_crash_trials("--shards 2 --replace", {"--shards", "2", "--replace"}, SIGKILL);
}

TEST_CASE("hardening: crash: SIGTERM then resume: one database", "[hardening][crash]") {
  run_crash_trials("one database", {}, SIGTERM);
}

TEST_CASE("hardening: crash: SIGINT then resume: --shards 2", "[hardening][crash]") {
  run_crash_trials("--shards 2", {"--shards", "2"}, SIGINT);
}

// The narrowest window, made on purpose: a run killed while Xapian was
// creating the database leaves empty tables and no version file (found by
// the trials above under ASan, about once in a hundred kills). The re-run
// must start over, not fail to open it.
TEST_CASE("hardening: crash: a run killed while creating the database does not block the re-run",
          "[hardening][crash]") {
  TempDir dir;
  const std::string input = dir / "nsmc-slice.jsonl";
  write_nsmc_slice(input, 300);
  for (const std::vector<std::string>& layout : {std::vector<std::string>{}, {"--shards", "2"}}) {
    const std::string db = dir / (layout.empty() ? "single" : "sharded");
    // The killed run's leftovers: for --shards 2, shard-0 created, shard-1 not finished.
    fs::path unfinished(db);
    if (!layout.empty()) {
      REQUIRE(run_revsearch({"index", "--shards", "2", "--db", db, seed_review()}).status == 0);
      fs::remove_all(fs::path(db) / "shard-1");
      unfinished /= "shard-1";
    }
    fs::create_directories(unfinished);
    for (const char* name : {"flintlock", "postlist.glass", "termlist.glass", "v.tmp"}) {
      write_file((unfinished / name).string(), "");
    }
    std::vector<std::string> args{"--quiet", "index", "--db", db};
    args.insert(args.end(), layout.begin(), layout.end());
    args.push_back(input);
    ChildResult rerun = Child(args).wait();
    INFO((layout.empty() ? "one database" : "--shards 2") << ": re-run stderr: " << rerun.err);
    CHECK(rerun.status == 0);
    CHECK(run_revsearch({"check", "--db", db}).status == 0);
  }
}

// As a user runs it: default settings (Xapian's flush threshold of 5,000
// passages, a commit every 20,000) on more reviews than the first, killed
// after Xapian's first automatic commit and before revsearch's first: the
// window in which a stopped run used to leave passages without the index
// format, a database every later command refused as "older".
TEST_CASE("hardening: crash: default settings, killed between Xapian's first flush and the first commit",
          "[hardening][crash]") {
  TempDir dir;
  const std::string input = dir / "nsmc.jsonl";
  write_nsmc_slice(input, 12000);
  const std::string db = dir / "db";
  const std::vector<std::string> args{"--quiet", "index", "--db", db, input};
  ChildOptions defaults;
  defaults.env = {"XAPIAN_FLUSH_THRESHOLD"};  // unset: the CLI's own default applies
  Child child(args, defaults);
  REQUIRE(wait_for_first_commit(child, db));
  child.kill_now(SIGKILL);
  ChildResult killed = child.wait();
  const Fingerprint committed = fingerprint(db);
  INFO("after the kill: " << committed);
  if (killed.signal == SIGKILL) CHECK(committed.passages < 12000);
  RunResult search = run_revsearch({"search", "--db", db, "--json", "영화"});
  INFO("search stderr: " << search.err);
  CHECK(search.status == 0);
  CHECK(run_revsearch({"check", "--db", db}).status == 0);
  ChildResult rerun = Child(args, defaults).wait();
  INFO("re-run stderr: " << rerun.err);
  REQUIRE(rerun.status == 0);
  CHECK(summary_value(rerun.out, "reviews unchanged") > 0);  // the committed ones are not analysed again
  const std::string reference = dir / "reference";
  REQUIRE(Child({"--quiet", "index", "--db", reference, input}, defaults).wait().status == 0);
  CHECK(fingerprint(db) == fingerprint(reference));
  CHECK(all_hits(db, kHitsQuery) == all_hits(reference, kHitsQuery));
}

// A second Ctrl-C does not wait for the commit: the process ends at once
// (130), and what Xapian had committed still resumes.
TEST_CASE("hardening: crash: a second SIGINT stops at once, and the run resumes", "[hardening][crash]") {
  TempDir dir;
  const std::string input = dir / "nsmc.jsonl";
  write_nsmc_slice(input, kStopSliceLines);
  const std::string db = dir / "db";
  const std::vector<std::string> args{"index", "--db", db, input};
  ChildOptions scaled;
  scaled.env = {"XAPIAN_FLUSH_THRESHOLD=" + std::to_string(kFlushThreshold)};
  Child child(args, scaled);
  REQUIRE(wait_for_first_commit(child, db));
  child.kill_now(SIGINT);
  // The second once the first is handled (two pending SIGINTs are one),
  // while the run still drains its pipeline (a few hundred ms).
  for (int i = 0; i < 5000 && child.err_so_far().find("stopping:") == std::string::npos && !child.exited(); ++i) {
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  child.kill_now(SIGINT);
  ChildResult stopped = child.wait();
  INFO("stdout: " << stopped.out << "stderr: " << stopped.err);
  if (stopped.status != 0) {  // (unless it had finished)
    CHECK(stopped.status == 130);
    CHECK(stopped.err.find("stopped at once") != std::string::npos);
    CHECK(stopped.out.find("stopped: ") == std::string::npos);  // no summary: it did not wait
  }
  CHECK(run_revsearch({"check", "--db", db}).status == 0);
  ChildResult rerun = Child({"--quiet", "index", "--db", db, input}, scaled).wait();
  INFO("re-run stderr: " << rerun.err);
  REQUIRE(rerun.status == 0);
  const std::string reference = dir / "reference";
  REQUIRE(Child({"--quiet", "index", "--db", reference, input}, scaled).wait().status == 0);
  CHECK(fingerprint(db) == fingerprint(reference));
}
