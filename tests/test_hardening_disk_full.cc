// Hardening (issue 9): running out of space while indexing. Two ways to be
// short of space: a file-size limit on the indexing process (RLIMIT_FSIZE,
// always available) and a small tmpfs mounted by the test (when allowed, i.e.
// as root in a container; otherwise that section is skipped with a warning).
// Either way: a clear "no space" error naming the database, the database
// usable at its last commit, and the same command completing once there is
// room again.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "child_process.h"

using namespace revsearch::test;

namespace {

long stats_passages(const std::string& db) {
  RunResult r = run_revsearch({"stats", "--db", db, "--json"});
  INFO("stats stderr: " << r.err);
  REQUIRE(r.status == 0);
  return nlohmann::json::parse(r.out)["passages"].get<long>();
}

std::vector<std::string> index_args(const std::string& db, const std::string& input) {
  return {"--quiet", "index", "--commit-every", "1000", "--db", db, input};
}

// The failed run's promises: a "no space" error naming the database, and
// the database still opening, searching and checking clean, part-filled.
void check_out_of_space(const ChildResult& failed, const std::string& db, long expected) {
  INFO("stderr: " << failed.err);
  CHECK(failed.signal == 0);
  if (failed.err.find("Sanitizer") != std::string::npos && !sanitizer_report_in_our_code(failed.err)) {
    WARN("sanitizer report inside libxapian after the failed commit (Xapian's bug)");
  } else {
    CHECK(failed.status == 1);
  }
  CHECK(failed.err.find("no space left") != std::string::npos);
  CHECK(failed.err.find(db) != std::string::npos);
  long committed = stats_passages(db);
  CHECK(committed > 0);
  CHECK(committed < expected);
  RunResult search = run_revsearch({"search", "--db", db, "--json", "영화"});
  CHECK(search.status == 0);
  CHECK(!nlohmann::json::parse(search.out)["hits"].empty());
  CHECK(run_revsearch({"check", "--db", db}).status == 0);
}

// A tmpfs of `megabytes` at `dir`, unmounted at scope exit.
class TmpfsMount {
 public:
  TmpfsMount(const std::string& dir, int megabytes) : dir_(dir) {
    fs::create_directories(dir);
    mounted_ = std::system(("mount -t tmpfs -o size=" + std::to_string(megabytes) + "m tmpfs " + shell_quote(dir) +
                            " 2>/dev/null").c_str()) == 0;
  }
  ~TmpfsMount() {
    if (mounted_) std::system(("umount " + shell_quote(dir_)).c_str());
  }
  bool mounted() const { return mounted_; }
  bool resize(int megabytes) const {
    return std::system(("mount -o remount,size=" + std::to_string(megabytes) + "m " + shell_quote(dir_)).c_str()) == 0;
  }

 private:
  std::string dir_;
  bool mounted_ = false;
};

}  // namespace

TEST_CASE("hardening: out of space while indexing", "[hardening][disk-full]") {
  TempDir dir;
  const std::string input = dir / "nsmc-slice.jsonl";
  // Smaller in the sanitized build (about 3x slower): its index still
  // outgrows both limits below, after several commits.
  const long lines = kSanitizedBuild ? 8000 : 20000;
  write_nsmc_slice(input, lines);
  ChildResult reference = Child(index_args(dir / "reference", input)).wait();
  REQUIRE(reference.status == 0);
  const long expected = summary_value(reference.out, "passages indexed");
  REQUIRE(expected >= lines);

  SECTION("file-size limit (EFBIG)") {
    const std::string db = dir / "limited";
    ChildOptions limited;
    limited.max_file_bytes = 2u << 20;  // the full index needs > 4 MB in its largest table
    check_out_of_space(Child(index_args(db, input), limited).wait(), db, expected);
    ChildResult rerun = Child(index_args(db, input)).wait();
    INFO("re-run stderr: " << rerun.err);
    CHECK(rerun.status == 0);
    CHECK(stats_passages(db) == expected);
  }

  SECTION("full file system (ENOSPC)") {
    TmpfsMount mount(dir / "small-fs", 3);
    if (!mount.mounted()) {
      WARN("cannot mount a tmpfs here (needs root); only the file-size limit was tested");
      return;
    }
    const std::string db = dir / "small-fs/db";
    check_out_of_space(Child(index_args(db, input)).wait(), db, expected);
    REQUIRE(mount.resize(128));  // "free space"
    ChildResult rerun = Child(index_args(db, input)).wait();
    INFO("re-run stderr: " << rerun.err);
    CHECK(rerun.status == 0);
    CHECK(stats_passages(db) == expected);
  }
}
