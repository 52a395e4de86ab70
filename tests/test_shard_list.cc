// Stub files: what a line means, what is refused (naming file and line),
// and a written stub read back the same.
#include <catch2/catch.hpp>

#include "revsearch/cluster/shard_list.h"
#include "revsearch/errors.h"
#include "revsearch/indexer/shards.h"
#include "support.h"

using namespace revsearch;
using revsearch::test::TempDir;

TEST_CASE("shard list: locations are HOST:PORT or a folder", "[cluster]") {
  struct Row {
    const char* location;
    bool remote;
    const char* name;
  };
  for (const Row& row : {Row{"10.0.0.11:33333", true, "10.0.0.11:33333"}, Row{":4000", true, "127.0.0.1:4000"},
                         Row{"db/shard-0", false, "db/shard-0"}, Row{"a:b", false, "a:b"}}) {
    INFO(row.location);
    cluster::Shard shard = cluster::parse_location(row.location);
    CHECK(shard.remote() == row.remote);
    CHECK(shard.name == row.name);
  }
  CHECK_THROWS_AS(cluster::parse_location("host:0"), UsageError);
  CHECK_THROWS_AS(cluster::parse_location("host:70000"), UsageError);
}

TEST_CASE("shard list: a written stub reads back in order, bad lines name file and line", "[cluster]") {
  TempDir dir;
  std::string stub = dir / "cluster.stub";
  cluster::write_stub(stub, {cluster::parse_location("a:1"), cluster::parse_location(dir / "local"),
                             cluster::parse_location("b:2")});
  CHECK(test::read_file(stub) == "remote a:1\nauto local\nremote b:2\n");
  std::vector<cluster::Shard> shards = cluster::shards_of(stub);
  REQUIRE(shards.size() == 3);
  CHECK(shards[0].host == "a");
  CHECK(shards[0].port == 1);
  CHECK(shards[1].path == dir / "local");
  CHECK(shards[2].name == "b:2");
  CHECK(cluster::any_remote(shards));

  for (const char* bad : {"remote a:1\nremote nowhere\n", "auto\n", "remote a:1 extra\n", "flint x\n", "# only\n"}) {
    INFO(bad);
    test::write_file(stub, bad);
    try {
      cluster::read_stub(stub);
      FAIL("accepted");
    } catch (const DatabaseError& e) {
      CHECK(std::string(e.what()).find(stub) == 0);
    }
  }
  test::write_file(stub, "remote a:1\nremote nowhere\n");
  CHECK_THROWS_WITH(cluster::read_stub(stub), Catch::Contains(stub + ":2:"));
}

TEST_CASE("shard list: --shard K/N", "[cluster]") {
  CHECK(indexer::parse_shard_spec("0/3") == std::pair<std::size_t, std::size_t>{0, 3});
  CHECK(indexer::parse_shard_spec("255/256") == std::pair<std::size_t, std::size_t>{255, 256});
  for (const char* bad : {"3/3", "1", "/3", "1/0", "a/3", "1/3x", "0/257"}) {
    INFO(bad);
    CHECK_THROWS_AS(indexer::parse_shard_spec(bad), UsageError);
  }
}
