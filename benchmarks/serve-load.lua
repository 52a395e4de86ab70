-- wrk script for benchmarks/serve-load.sh (issue 15): GET /search for each
-- query of a query file in turn (one a line, '#' comments and '@set' lines
-- skipped), and at the end one JSON line with requests, errors and latency
-- percentiles (microseconds).
--   wrk -s serve-load.lua URL -- QUERY_FILE LIMIT
--   wrk -s serve-load.lua URL -- health        (GET /health only: the HTTP round trip without a search)
local paths = {}
local counter = 0

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  if args[1] == "health" then
    paths[1] = "/health"
    return
  end
  local limit = args[2] or "10"
  for line in io.lines(args[1]) do
    if line ~= "" and line:sub(1, 1) ~= "#" and line:sub(1, 1) ~= "@" then
      paths[#paths + 1] = "/search?limit=" .. limit .. "&q=" .. encode(line)
    end
  end
  -- Each wrk thread starts at a different query.
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"mean_ms":%.3f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), latency.mean / 1000,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.status, e.timeout))
end
