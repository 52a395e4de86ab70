// End-to-end helpers shared by the test files that search a database made
// once from real input files with the real binary.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "support.h"

namespace revsearch::test {

// The database `name`, indexed from `inputs` on first use and kept until the
// test binary exits. Skipped records (status 3) are allowed: NSMC has a few
// empty reviews.
inline const std::string& shared_database(const std::string& name, const std::vector<std::string>& inputs) {
  static TempDir dir;
  static std::map<std::string, std::string> made;
  if (auto it = made.find(name); it != made.end()) return it->second;
  std::string path = dir / name;
  std::vector<std::string> args = {"index", "--db", path};
  args.insert(args.end(), inputs.begin(), inputs.end());
  RunResult r = run_revsearch(args);
  if (r.status != 0 && r.status != 3) throw std::runtime_error("indexing " + name + " failed: " + r.err);
  return made.emplace(name, path).first->second;
}

// `revsearch search --db DB --json ARGS...`, which must succeed.
inline nlohmann::json search_json(const std::string& db, const std::vector<std::string>& args) {
  std::vector<std::string> command = {"search", "--db", db, "--json"};
  command.insert(command.end(), args.begin(), args.end());
  RunResult r = run_revsearch(command);
  INFO(r.err);
  REQUIRE(r.status == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace revsearch::test
