-- wrk script for the forum load benchmark (deploy/bench/forum/run.sh): every request carries
-- member-ada's bearer token; at the end it prints one line with requests/s, the latency
-- percentiles and the error counts.
--   BENCH_TOKEN   the access token (required)
--   BENCH_LABEL   the name of the endpoint in the result line
--   BENCH_PATHS   optional: a file with one request path per line; requests then cycle through
--                 them (each wrk thread from its own offset) instead of repeating the URL's path
-- wrk counts a response with a status of 400 or more as a status error; a 2xx or 3xx is a success.
-- run.sh gives wrk --timeout 10s (its default is 2 s): a slow answer is then measured as latency
-- rather than dropped from the percentiles as a timeout.
-- There is no response() callback on purpose: it would make wrk hand every body to Lua and cost
-- the load generator CPU that the server on the same two cores needs.

local token = os.getenv("BENCH_TOKEN")
if token == nil or token == "" then
  error("BENCH_TOKEN is not set")
end
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"

-- BENCH_PATHS: the requests are formatted in init(), which runs in each wrk thread's own Lua state
-- once wrk has set the host and headers (at load time they are not there yet)
local list = os.getenv("BENCH_PATHS")
local paths = nil
local next_path = 1

local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("first", thread_count * 7919)
end

function init(args)
  if list == nil or list == "" then
    return
  end
  paths = {}
  for line in io.lines(list) do
    if line ~= "" then
      paths[#paths + 1] = wrk.format(nil, line)
    end
  end
  if #paths == 0 then
    error("BENCH_PATHS names an empty file")
  end
  next_path = (tonumber(first) or 1) % #paths + 1
end

-- only defined with BENCH_PATHS: without a request() function wrk sends its one request without
-- calling into Lua, which keeps the load generator's share of the two cores small
if list ~= nil and list ~= "" then
  function request()
    local r = paths[next_path]
    next_path = next_path % #paths + 1
    return r
  end
end

function done(summary, latency, requests)
  local label = os.getenv("BENCH_LABEL") or wrk.path
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local errors = e.status + e.connect + e.read + e.write + e.timeout
  local rps = summary.requests / seconds
  local p50, p99, p999 = latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000
  local verdict = (rps >= 2000 and p99 <= 25 and errors == 0) and "meets" or "misses"
  io.write(string.format(
    "RESULT %-15s %8.1f requests/s   p50 %7.2f ms   p99 %7.2f ms   p99.9 %7.2f ms   max %7.2f ms   "
      .. "%d requests in %.1fs   errors %d (non-2xx/3xx %d, connect %d, read %d, write %d, timeout %d)   "
      .. "target (>= 2000/s, p99 <= 25 ms, no errors): %s\n",
    label, rps, p50, p99, p999, latency.max / 1000, summary.requests, seconds, errors,
    e.status, e.connect, e.read, e.write, e.timeout, verdict))
end
