// Benchmark results as JSON (for scripts) and markdown tables (for people).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "revsearch/bench/index_bench.h"
#include "revsearch/bench/query_bench.h"

namespace revsearch::bench {

nlohmann::json to_json(const QueryBenchResult& result);
nlohmann::json to_json(const IndexBenchResult& result);
std::string to_markdown(const QueryBenchResult& result);
std::string to_markdown(const IndexBenchResult& result);

}  // namespace revsearch::bench
