#!/usr/bin/env bash
# Console overview benchmark: Steward with N HTTP checks against the local target farm, V browsers streaming the
# overview's live updates (/ui/events), a moving slice of failing targets so that checks go down and recover, and wrk
# loading GET /ui. Reports the overview's server time (Server-Timing header, every answer of the window), wrk's
# latency, requests/s, page size, the viewers' received updates, Steward's CPU and memory. Loopback only; everything
# started here is ended on exit. See bench/README.md, section "Console overview".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bench/lib.sh"

CHECKS=10000 SERVICES=100 VIEWERS=50 DURATION=60 WARMUP=20 INTERVAL=10 TIMEOUT=5 CONNECTIONS=4 THREADS=2
FAIL_EVERY=100 FLIP=15 HEAP=1g PROFILE=0 EXTRA=""
FARM_PORT=${BENCH_FARM_PORT:-9300} FARM_PORTS=4 STEWARD_PORT=${BENCH_STEWARD_PORT:-9380}

usage() {
  cat <<EOF
usage: bench/console-overview.sh [--checks 10000] [--services 100] [--viewers 50] [--duration 60] [--warmup 20]
                                 [--interval 10] [--connections 4] [--threads 2] [--fail-every 100] [--flip 15]
                                 [--heap 1g] [--profile] [--no-alerts]
  --checks N       HTTP checks, spread evenly over --services services
  --viewers V      live update streams (GET /ui/events) held open for the whole run
  --duration S     the measured wrk window on GET /ui (after --warmup seconds of unmeasured wrk load)
  --connections C  wrk connections (closed loop: each sends its next request when the last one is answered)
  --fail-every K   every --flip seconds the farm fails another 1/K of the targets (503) and the previous slice
                   recovers; 0: no failures
  --profile        also record a JFR profile of Steward (costs some CPU: figures of such a run are not reported)
  --no-alerts      "alert: false" on every check
Ports (env): BENCH_FARM_PORT=$FARM_PORT (uses $((FARM_PORTS)) ports), BENCH_STEWARD_PORT=$STEWARD_PORT.
Extra Steward JVM flags: BENCH_STEWARD_OPTS.
EOF
}

ARGS="$*"
while [ $# -gt 0 ]; do
  case "$1" in
    --checks) CHECKS="$2"; shift 2 ;;
    --services) SERVICES="$2"; shift 2 ;;
    --viewers) VIEWERS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --interval) INTERVAL="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --fail-every) FAIL_EVERY="$2"; shift 2 ;;
    --flip) FLIP="$2"; shift 2 ;;
    --heap) HEAP="$2"; shift 2 ;;
    --profile) PROFILE=1; shift ;;
    --no-alerts) EXTRA=", alert: false"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
[ "$THREADS" -le "$CONNECTIONS" ] || THREADS=$CONNECTIONS

. "$ROOT/bin/java-home.sh"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS="$ROOT/bench/results"
RUN="$RESULTS/console-overview-$STAMP"
mkdir -p "$RUN/data"
trap bench_cleanup EXIT
trap 'exit 130' INT TERM
BASE="http://127.0.0.1:$STEWARD_PORT"

ensure_wrk() {
  command -v wrk >/dev/null && return 0
  [ "$(id -u)" = 0 ] || bench_die "wrk is missing; install it (apt-get install -y wrk) or run as root"
  bench_log "installing wrk"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
}

start_farm() {
  bench_spawn "$RUN/farm.log" "$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC "$ROOT/bench/ArrivalFarm.java" \
    "$FARM_PORT" "$FARM_PORTS" "$INTERVAL"
  FARM_PID=$BENCH_LAST_PID
  bench_wait_http "http://127.0.0.1:$FARM_PORT/_stats" 30 "$FARM_PID" && return 0
  cat "$RUN/farm.log" >&2
  bench_die "target farm did not answer on 127.0.0.1:$FARM_PORT within 30 s"
}

write_stack() {
  local per=$(((CHECKS + SERVICES - 1) / SERVICES)) i s
  {
    echo "stack: console-bench"
    echo "services:"
    for ((s = 0; s < SERVICES && s * per < CHECKS; s++)); do
      echo "  svc$s:"
      echo "    checks:"
      for ((i = s * per; i < (s + 1) * per && i < CHECKS; i++)); do
        echo "      - {name: t$i, http: {url: \"http://127.0.0.1:$((FARM_PORT + i % FARM_PORTS))/t/$i\"}, interval: ${INTERVAL}s, timeout: ${TIMEOUT}s$EXTRA}"
      done
    done
  } >"$RUN/stack.yml"
}

start_steward() {
  local opts="-Xmx$HEAP -Xlog:gc:file=$RUN/gc.log ${BENCH_STEWARD_OPTS:-}"
  [ "$PROFILE" = 1 ] && opts="$opts -XX:StartFlightRecording=filename=$RUN/profile.jfr,settings=profile"
  STEWARD_JAVA_OPTS="$opts" bench_spawn "$RUN/steward.log" "$ROOT/bin/steward" run \
    --config "$RUN/stack.yml" --data "$RUN/data" --port "$STEWARD_PORT"
  STEWARD_PID=$BENCH_LAST_PID
  bench_wait_http "$BASE/login" 180 "$STEWARD_PID" || { tail -20 "$RUN/steward.log" >&2; bench_die "Steward did not answer within 180 s"; }
}

# Waits until every check has a first result (its probe_success sample appears in /metrics).
wait_all_probed() {
  local deadline=$((SECONDS + 120)) have=0
  while [ "$SECONDS" -lt "$deadline" ]; do
    have=$(curl -fsS --max-time 60 "$BASE/metrics" | grep -c '^probe_success{' || true)
    [ "$have" -ge "$CHECKS" ] && { bench_log "all $CHECKS checks have a result"; return 0; }
    sleep 2
  done
  bench_die "only $have of $CHECKS checks had a result after 120 s"
}

# Every FLIP seconds the next 1/FAIL_EVERY of the targets fails and the previous slice recovers.
flip_failures() {
  local k=0
  while :; do
    curl -fsS --max-time 5 "http://127.0.0.1:$FARM_PORT/_fail?every=$FAIL_EVERY&offset=$k" >/dev/null || true
    k=$((k + 1))
    sleep "$FLIP"
  done
}

# scrape FILE: /metrics into FILE; a slow or failed scrape is logged, not fatal (an empty file gives "-" figures).
scrape() {
  curl -fsS --max-time 60 "$BASE/metrics" -o "$1" && return 0
  bench_log "no /metrics within 60 s ($1)"
  : >"$1"
}
rss_mib() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null; }

measure() {
  # Like a browser: load the page, then open the stream from the generation the page shows.
  curl -fsS --max-time 120 -o "$RUN/page.html" -D "$RUN/page-headers.txt" "$BASE/ui"
  curl -fsS --max-time 120 --compressed -o /dev/null -w '%{size_download}\n' "$BASE/ui" >"$RUN/page-compressed-bytes.txt"
  local stream
  stream=$(grep -o 'sse-connect="[^"]*"' "$RUN/page.html" | head -1 | sed 's/^sse-connect="//; s/"$//')
  [ -n "$stream" ] || bench_die "no sse-connect attribute in the overview page ($RUN/page.html)"
  bench_log "viewers: $VIEWERS streams of $stream"
  local viewer_seconds=$((WARMUP + DURATION + 600)) # ended after the window (they print their counts then)
  bench_spawn "$RUN/viewers.log" "$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC "$ROOT/bench/SseViewers.java" \
    "$BASE$stream" "$VIEWERS" "$viewer_seconds"
  VIEWERS_PID=$BENCH_LAST_PID
  local deadline=$((SECONDS + 90)) open=0
  while [ "$SECONDS" -lt "$deadline" ]; do
    sleep 3
    scrape "$RUN/metrics-viewers.txt"
    open=$(bench_calc "0$(bench_metric "$RUN/metrics-viewers.txt" steward_console_viewers)")
    [ "$open" -ge "$VIEWERS" ] && break
  done
  bench_log "Steward counts $open open streams"

  bench_log "warm-up: wrk -c$CONNECTIONS on /ui for ${WARMUP}s (not measured)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 30s "$BASE/ui" >"$RUN/wrk-warmup.txt" 2>&1 || true

  bench_log "window: wrk -t$THREADS -c$CONNECTIONS on /ui for ${DURATION}s"
  local c0 c1 t0 t1 rss_max=0 r
  scrape "$RUN/metrics-0.txt"
  LOAD_WINDOW_START=$(cut -d' ' -f1-3 /proc/loadavg)
  t0=$(bench_now); c0=$(bench_cpu_ticks "$STEWARD_PID")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s -s "$ROOT/bench/console-overview.lua" "$BASE/ui" \
    >"$RUN/wrk.txt" 2>&1 &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    r=$(rss_mib "$STEWARD_PID"); [ -n "$r" ] && [ "$r" -gt "$rss_max" ] && rss_max=$r
    sleep 1
  done
  wait "$wrk_pid" || true
  c1=$(bench_cpu_ticks "$STEWARD_PID"); t1=$(bench_now)
  LOAD_WINDOW_END=$(cut -d' ' -f1-3 /proc/loadavg)
  scrape "$RUN/metrics-1.txt"
  bench_jcmd "$STEWARD_PID" GC.heap_info >"$RUN/heap.txt" 2>&1 || true

  bench_stop "$VIEWERS_PID"

  local m0="$RUN/metrics-0.txt" m1="$RUN/metrics-1.txt" secs cpu n0 n1
  secs=$(bench_calc "$t1 - $t0")
  cpu=$(bench_calc "($c1 - $c0) / $BENCH_TICKS")
  n0=$(bench_metric "$m0" steward_console_render_seconds_count)
  n1=$(bench_metric "$m1" steward_console_render_seconds_count)
  {
    grep -E '^[a-z0-9_]+=' "$RUN/wrk.txt"
    grep '^viewers=' "$RUN/viewers.log" | tail -1 | tr ' ' '\n' | sed -n 's/^\(.\)/viewer_\1/p'
    echo "window_s=$secs"
    echo "cpu_s=$cpu"
    echo "cores=$(bench_calc "$cpu / $secs")"
    echo "rss_max_mib=$rss_max"
    echo "rss_peak_mib=$(bench_rss_peak_mib "$STEWARD_PID")"
    echo "page_gzip_bytes=$(cat "$RUN/page-compressed-bytes.txt")"
    echo "steward_renders_window=$(bench_calc "$n1 - $n0")"
    echo "steward_render_mean_window_ms=$(bench_calc "1000 * ($(bench_metric "$m1" steward_console_render_seconds_sum) - $(bench_metric "$m0" steward_console_render_seconds_sum)) / ($n1 - $n0)")"
    echo "steward_render_p99_since_start_ms=$(bench_calc "1000 * $(bench_metric "$m1" steward_console_render_seconds 'quantile="0.99"')")"
    echo "steward_render_max_since_start_ms=$(bench_calc "1000 * $(bench_metric "$m1" steward_console_render_max_seconds)")"
    echo "updates_window=$(bench_calc "$(bench_metric "$m1" steward_console_updates_total) - $(bench_metric "$m0" steward_console_updates_total)")"
    echo "viewers_seen_by_steward=$(bench_calc "$(bench_metric "$m1" steward_console_viewers)")"
    echo "probes_window=$(bench_calc "$(bench_metric "$m1" steward_probes_total) - $(bench_metric "$m0" steward_probes_total)")"
    echo "failures_window=$(bench_calc "$(bench_metric "$m1" steward_probe_failures_total) - $(bench_metric "$m0" steward_probe_failures_total)")"
    echo "down_at_end=$(grep -c '^probe_success{.*} 0' "$m1" || true)"
    set -- $(bench_gc_summary "$RUN/gc.log" 0)
    echo "gc_pauses=$3"
    echo "gc_pause_total_ms=$4"
    echo "gc_pause_max_ms=$5"
    echo "gc_full=$6"
    echo "heap_after_gc_max_mib=$2"
  } >"$RUN/result.env" 2>"$RUN/calc.err" || true
  cat "$RUN/result.env" >&2
}

val() { bench_fmt "$(awk -F= -v k="$1" '$1 == k { print $2 }' "$RUN/result.env" 2>/dev/null)"; }

summary() {
  echo "## console-overview $STAMP"
  echo
  echo "machine: $(nproc) CPUs ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), load average at start" \
    "$LOAD_START, window start $LOAD_WINDOW_START, window end $LOAD_WINDOW_END; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "command: bench/console-overview.sh $ARGS"
  echo "settings: $CHECKS checks in $SERVICES services every ${INTERVAL}s, $VIEWERS viewers, failing slice 1/$FAIL_EVERY moved" \
    "every ${FLIP}s, wrk -t$THREADS -c$CONNECTIONS ${DURATION}s after ${WARMUP}s warm-up, Steward -Xmx$HEAP${BENCH_STEWARD_OPTS:+ $BENCH_STEWARD_OPTS}$([ "$PROFILE" = 1 ] && echo ', JFR on')"
  echo
  echo "| GET /ui | p50 ms | p90 ms | p99 ms | max ms | mean ms |"
  echo "|---|---|---|---|---|---|"
  echo "| server time (Server-Timing, $(val server_count) answers) | $(val server_p50_ms) | $(val server_p90_ms) | $(val server_p99_ms) | $(val server_max_ms) | $(val server_mean_ms) |"
  echo "| wrk latency | $(val wrk_p50_ms) | $(val wrk_p90_ms) | $(val wrk_p99_ms) | $(val wrk_max_ms) | $(val wrk_mean_ms) |"
  echo
  echo "| requests/s | errors | page KiB (gzip) | viewers connected / open at end (Steward counts) | updates sent | update events received (min / max per viewer) | MiB received by viewers | Steward CPU cores | RSS MiB max (peak) | GC pauses (total ms, max ms) |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  echo "| $(val requests_per_s) | $(val errors) | $(bench_fmt "$(bench_calc "$(val page_bytes) / 1024")") ($(bench_fmt "$(bench_calc "$(val page_gzip_bytes) / 1024")"))" \
    "| $(val viewer_connected) / $(val viewer_open_at_end) ($(val viewers_seen_by_steward)) | $(val updates_window) in the window" \
    "| $(val viewer_events_total) ($(val viewer_events_min) / $(val viewer_events_max)) | $(bench_fmt "$(bench_calc "$(val viewer_bytes_total) / 1048576")")" \
    "| $(val cores) | $(val rss_max_mib) ($(val rss_peak_mib)) | $(val gc_pauses) ($(val gc_pause_total_ms), $(val gc_pause_max_ms)) |"
  echo
  echo "goal: p99 server time < 100 ms with $VIEWERS viewers: $(awk -v p="$(val server_p99_ms)" 'BEGIN { print (p != "-" && p + 0 < 100) ? "met" : "not met" }')" \
    "(p99 $(val server_p99_ms) ms); probes in the window $(val probes_window), failed $(val failures_window)," \
    "checks down at the end $(val down_at_end); Steward's own p99 since start $(val steward_render_p99_since_start_ms) ms"
  echo "raw files: bench/results/console-overview-$STAMP/"
  echo
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
LOAD_WINDOW_START=- LOAD_WINDOW_END=-
ensure_wrk
bench_ensure_jar "$ROOT"
bench_require_ports_free $(seq "$FARM_PORT" $((FARM_PORT + FARM_PORTS - 1))) "$STEWARD_PORT"
write_stack
start_farm
bench_log "Steward with $CHECKS checks in $SERVICES services, -Xmx$HEAP"
start_steward
wait_all_probed
if [ "$FAIL_EVERY" -gt 0 ]; then
  export -f flip_failures
  bench_spawn "$RUN/flip.log" env FARM_PORT="$FARM_PORT" FAIL_EVERY="$FAIL_EVERY" FLIP="$FLIP" bash -c flip_failures
fi
measure
[ "$PROFILE" = 1 ] && bench_stop "$STEWARD_PID" && [ -f "$RUN/profile.jfr" ] \
  && "$JAVA_HOME/bin/jfr" view hot-methods "$RUN/profile.jfr" >"$RUN/hot-methods.txt" 2>&1 || true
summary | tee -a "$RESULTS/console-overview.md"
