-- wrk script for bench/console-overview.sh: GET /ui, keeps every answer's Server-Timing "render;dur=<ms>" value and
-- prints, when wrk ends, KEY=VALUE lines: the server time's and wrk's latency quantiles, requests, errors, page size.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  durs = {}
  count = 0
  missing = 0
  non200 = 0
  page_bytes = 0
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  end
  local timing = headers["Server-Timing"] or headers["server-timing"]
  local ms = timing and tonumber(timing:match("dur=([%d%.]+)"))
  if ms then
    count = count + 1
    durs[count] = ms
  else
    missing = missing + 1
  end
  page_bytes = #body
end

local function quantile(sorted, q)
  if #sorted == 0 then return "-" end
  local rank = math.max(1, math.ceil(q * #sorted))
  return string.format("%.3f", sorted[rank])
end

function done(summary, latency, requests)
  local all, missing_all, non200_all, page = {}, 0, 0, 0
  for _, t in ipairs(threads) do
    for _, d in ipairs(t:get("durs")) do table.insert(all, d) end
    missing_all = missing_all + t:get("missing")
    non200_all = non200_all + t:get("non200")
    page = math.max(page, t:get("page_bytes"))
  end
  table.sort(all)
  local sum = 0
  for _, d in ipairs(all) do sum = sum + d end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  print(string.format("requests=%d", summary.requests))
  print(string.format("seconds=%.3f", seconds))
  print(string.format("requests_per_s=%.2f", summary.requests / seconds))
  print(string.format("errors=%d", e.connect + e.read + e.write + e.timeout + non200_all))
  print(string.format("timeouts=%d", e.timeout))
  print(string.format("page_bytes=%d", page))
  print(string.format("server_count=%d", #all))
  print(string.format("server_missing=%d", missing_all))
  print("server_p50_ms=" .. quantile(all, 0.50))
  print("server_p90_ms=" .. quantile(all, 0.90))
  print("server_p99_ms=" .. quantile(all, 0.99))
  print("server_max_ms=" .. quantile(all, 1.0))
  print(string.format("server_mean_ms=%.3f", #all > 0 and sum / #all or 0))
  for _, q in ipairs({50, 90, 99}) do
    print(string.format("wrk_p%d_ms=%.3f", q, latency:percentile(q) / 1000))
  end
  print(string.format("wrk_max_ms=%.3f", latency.max / 1000))
  print(string.format("wrk_mean_ms=%.3f", latency.mean / 1000))
end
