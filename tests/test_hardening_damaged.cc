// Hardening (issue 9): a damaged database (truncated, garbage, missing or
// foreign files) gives a clear error naming it on every command, never a
// crash, and `revsearch check` reports its state.
#include <catch2/catch.hpp>

#include <functional>
#include <sstream>

#include "support.h"

using namespace revsearch::test;

namespace {

// A small real database made from the demo corpus.
void make_database(const std::string& db) {
  RunResult r = run_revsearch({"index", "--db", db, source_path("corpus")});
  REQUIRE(r.status == 0);
}

void truncate_to(const fs::path& file, double fraction) {
  fs::resize_file(file, static_cast<std::uintmax_t>(static_cast<double>(fs::file_size(file)) * fraction));
}

void overwrite_at(const fs::path& file, double fraction, const std::string& bytes) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>(static_cast<double>(fs::file_size(file)) * fraction));
  f << bytes;
}
void overwrite_middle(const fs::path& file, const std::string& bytes) { overwrite_at(file, 0.5, bytes); }

struct Damage {
  std::string name;
  std::function<void(const fs::path& db)> apply;
};

}  // namespace

TEST_CASE("hardening: damaged databases give a clear error naming them, never a crash", "[hardening][damaged]") {
  const std::string garbage(8192, '\xA5');
  const std::vector<Damage> damages = {
      {"postlist truncated to half", [](const fs::path& db) { truncate_to(db / "postlist.glass", 0.5); }},
      {"postlist emptied", [](const fs::path& db) { truncate_to(db / "postlist.glass", 0); }},
      {"termlist truncated", [](const fs::path& db) { truncate_to(db / "termlist.glass", 0.3); }},
      // Passage records are values, in the postlist table (format 4; no docdata table).
      {"postlist's last tenth cut off", [](const fs::path& db) { truncate_to(db / "postlist.glass", 0.9); }},
      {"version file truncated", [](const fs::path& db) { truncate_to(db / "iamglass", 0.5); }},
      {"version file emptied", [](const fs::path& db) { truncate_to(db / "iamglass", 0); }},
      {"version file garbage", [&](const fs::path& db) { write_file((db / "iamglass").string(), garbage); }},
      {"postlist garbage", [&](const fs::path& db) { write_file((db / "postlist.glass").string(), garbage); }},
      {"garbage inside postlist", [&](const fs::path& db) { overwrite_middle(db / "postlist.glass", garbage); }},
      {"garbage late in postlist", [&](const fs::path& db) { overwrite_at(db / "postlist.glass", 0.75, garbage); }},
      {"garbage inside termlist", [&](const fs::path& db) { overwrite_middle(db / "termlist.glass", garbage); }},
      {"postlist removed", [](const fs::path& db) { fs::remove(db / "postlist.glass"); }},
      {"version file removed", [](const fs::path& db) { fs::remove(db / "iamglass"); }},
      {"all files removed", [](const fs::path& db) { for (const auto& e : fs::directory_iterator(db)) fs::remove(e.path()); }},
      {"a file, not a directory", [&](const fs::path& db) { fs::remove_all(db); write_file(db.string(), garbage); }},
  };
  TempDir dir;
  const std::string pristine = dir / "pristine";
  make_database(pristine);
  RunResult intact = run_revsearch({"check", "--db", pristine});
  CHECK(intact.status == 0);
  CHECK(intact.out.find(pristine + ": ok (") != std::string::npos);

  for (const Damage& damage : damages) {
    DYNAMIC_SECTION(damage.name) {
      const std::string db = dir / "damaged";
      fs::remove_all(db);
      fs::copy(pristine, db);
      damage.apply(db);
      for (const std::vector<std::string>& args :
           {std::vector<std::string>{"search", "--db", db, "lacklustre"}, {"search", "--db", db, "--json", "최고의 영화"},
            {"stats", "--db", db}, {"check", "--db", db}, {"index", "--db", db, seed_review()}}) {
        RunResult r = run_revsearch(args);
        INFO(damage.name << ": revsearch " << args[0] << "\nstdout:\n" << r.out << "stderr:\n" << r.err);
        // Exit 1 with a message (not a signal, not a sanitizer report), or a
        // harmless success when the damage does not touch what was read.
        REQUIRE(r.status >= 0);
        if (r.err.find("Sanitizer") != std::string::npos && !sanitizer_report_in_our_code(r.err)) {
          WARN(damage.name << ": revsearch " << args[0] << ": sanitizer report inside libxapian (Xapian's bug)");
          continue;
        }
        CHECK(r.err.find("Sanitizer") == std::string::npos);
        if (args[0] == "check") {
          CHECK(r.status == 1);
          CHECK(r.err.find(db) != std::string::npos);
        } else if (r.status != 0) {
          CHECK(r.status == 1);
          CHECK(r.err.find(db) != std::string::npos);
        }
      }
    }
  }
}

TEST_CASE("hardening: check on a missing database says so", "[hardening][damaged]") {
  TempDir dir;
  RunResult r = run_revsearch({"check", "--db", dir / "nothing"});
  CHECK(r.status == 1);
  CHECK(r.err.find("no database at '" + (dir / "nothing") + "'") != std::string::npos);
}

TEST_CASE("hardening: check covers every shard of a sharded database", "[hardening][damaged]") {
  TempDir dir;
  const std::string db = dir / "sharded";
  REQUIRE(run_revsearch({"index", "--shards", "2", "--db", db, source_path("corpus")}).status == 0);
  RunResult intact = run_revsearch({"check", "--db", db});
  INFO("stderr: " << intact.err);
  CHECK(intact.status == 0);
  CHECK(intact.out.find(db + ": ok (") != std::string::npos);

  truncate_to(fs::path(db) / "shard-1" / "postlist.glass", 0);
  RunResult damaged = run_revsearch({"check", "--db", db});
  CHECK(damaged.status == 1);
  CHECK(damaged.err.find(db) != std::string::npos);
}
