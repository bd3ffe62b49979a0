-- wrk script: POST the JSON of $BODY_FILE; with KEYS=1 each request carries a fresh
-- Idempotency-Key (thread id and a counter), so every request is a first request. Prints one
-- RESULT line like bench/wrk/post.lua.
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
local body = f:read("*a")
f:close()
local keyed = os.getenv("KEYS") == "1"
local counter = 0
prefix = tostring(math.random(1, 1e9))

function setup(thread)
  thread:set("prefix", tostring(math.random(1, 1e9)))
end

function request()
  counter = counter + 1
  local headers = { ["Content-Type"] = "application/json" }
  if keyed then headers["Idempotency-Key"] = prefix .. "-" .. counter end
  return wrk.format("POST", nil, headers, body)
end

done = function(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format(
    "RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d non2xx=%d\n",
    summary.requests / s, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status))
end
