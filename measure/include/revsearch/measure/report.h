// Benchmark results as JSON (for scripts) and markdown tables (for people).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "revsearch/measure/index_bench.h"
#include "revsearch/measure/query_bench.h"

namespace revsearch::measure {

nlohmann::json to_json(const QueryBenchResult& result);
nlohmann::json to_json(const IndexBenchResult& result);
std::string to_markdown(const QueryBenchResult& result);
std::string to_markdown(const IndexBenchResult& result);

}  // namespace revsearch::measure
