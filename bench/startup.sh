#!/usr/bin/env bash
# Start-up benchmark: time from launching `steward run` (bin/steward, as a user would) with N HTTP checks to the first
# probe, over several runs; then how the first interval went (probes done, scheduling lag). Loopback only; everything
# started here is ended on exit. See bench/README.md, section "Start-up".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bench/lib.sh"

CHECKS=1000 RUNS=5 INTERVAL=10 HEAP=256m KEEP_DATA=0 AOT=0
FARM_PORT=${BENCH_FARM_PORT:-9100} FARM_PORTS=4 STEWARD_PORT=${BENCH_STEWARD_PORT:-9180}

usage() {
  cat <<EOF
usage: bench/startup.sh [--checks 1000] [--runs 5] [--interval 10] [--keep-data] [--aot]
  --keep-data  reuse one data directory for every run (a restart) instead of a new one per run (a first start)
  --aot        first a training run that writes a JDK AOT cache (-XX:AOTCacheOutput), then every run uses it
Ports (env): BENCH_FARM_PORT=$FARM_PORT (uses $FARM_PORTS ports), BENCH_STEWARD_PORT=$STEWARD_PORT.
Extra Steward JVM flags: BENCH_STEWARD_OPTS; another launcher taking bin/steward's arguments: BENCH_STEWARD_BIN.
EOF
}

ARGS="$*"
while [ $# -gt 0 ]; do
  case "$1" in
    --checks) CHECKS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --interval) INTERVAL="$2"; shift 2 ;;
    --keep-data) KEEP_DATA=1; shift ;;
    --aot) AOT=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

. "$ROOT/bin/java-home.sh"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS="$ROOT/bench/results"
RUN="$RESULTS/startup-$STAMP"
mkdir -p "$RUN"
trap bench_cleanup EXIT
trap 'exit 130' INT TERM
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

bench_ensure_jar "$ROOT"
bench_require_ports_free $(seq "$FARM_PORT" $((FARM_PORT + FARM_PORTS - 1))) "$STEWARD_PORT"
bench_spawn "$RUN/farm.log" "$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC "$ROOT/bench/ArrivalFarm.java" \
  "$FARM_PORT" "$FARM_PORTS" "$INTERVAL"
bench_wait_http "http://127.0.0.1:$FARM_PORT/_stats" 30 "$BENCH_LAST_PID" || bench_die "target farm did not start"

{
  echo "stack: bench"
  echo "services:"
  echo "  farm:"
  echo "    checks:"
  for ((i = 0; i < CHECKS; i++)); do
    echo "      - {name: t$i, http: {url: \"http://127.0.0.1:$((FARM_PORT + i % FARM_PORTS))/t/$i\"}, interval: ${INTERVAL}s, timeout: 5s}"
  done
} >"$RUN/stack.yml"

# --aot: a training run of INTERVAL + 10 s writes the cache when the JVM exits (JEP 514, JDK 25).
AOT_OPTS=""
if [ "$AOT" = 1 ]; then
  bench_log "AOT training run (about $((INTERVAL + 10)) s, then the cache is assembled)"
  STEWARD_JAVA_OPTS="-Xmx$HEAP -XX:AOTCacheOutput=$RUN/steward.aot ${BENCH_STEWARD_OPTS:-}" bench_spawn \
    "$RUN/aot-training.log" "${BENCH_STEWARD_BIN:-$ROOT/bin/steward}" run --config "$RUN/stack.yml" \
    --data "$RUN/aot-training-data" --port "$STEWARD_PORT"
  training=$BENCH_LAST_PID
  sleep $((INTERVAL + 10))
  kill -TERM "$training" 2>/dev/null || true
  deadline=$((SECONDS + 180))
  while kill -0 "$training" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 1; done
  bench_stop "$training"
  [ -s "$RUN/steward.aot" ] || bench_die "no AOT cache was written (see $RUN/aot-training.log)"
  AOT_OPTS="-XX:AOTCache=$RUN/steward.aot"
fi

farm_first_ms() {
  curl -fsS --max-time 2 "http://127.0.0.1:$FARM_PORT/_stats${1:+?reset=1}" | tr ' ' '\n' \
    | awk -F= '$1 == "first_request_unix_ms" { print $2 }'
}

# One run: prints "launch_to_first_request_s launch_to_first_probe_s launch_to_metrics_s probes lag_max_ms lag_p99_ms"
# where the first is seen by the farm (it does not depend on Steward's API answering), the second is Steward's own
# steward_first_probe_time_seconds, and the last three are read one interval + 1 s after the first request; "-" when
# Steward's /metrics did not answer in time (see steward.log and threads.txt in the run's directory).
one_run() {
  local n="$1" dir="$RUN/run-$1" data
  mkdir -p "$dir"
  data="$dir/data"; [ "$KEEP_DATA" = 1 ] && data="$RUN/data"
  local launch pid metrics_at="-" first="-" farm_first=0 deadline
  farm_first_ms reset >/dev/null
  launch=$(bench_now)
  STEWARD_JAVA_OPTS="-Xmx$HEAP $AOT_OPTS ${BENCH_STEWARD_OPTS:-}" bench_spawn "$dir/steward.log" \
    "${BENCH_STEWARD_BIN:-$ROOT/bin/steward}" run --config "$RUN/stack.yml" --data "$data" --port "$STEWARD_PORT"
  pid=$BENCH_LAST_PID
  deadline=$((SECONDS + 60))
  while [ "$SECONDS" -lt "$deadline" ]; do
    farm_first=$(farm_first_ms); [ "${farm_first:-0}" != 0 ] && break
    kill -0 "$pid" 2>/dev/null || { tail -20 "$dir/steward.log" >&2; bench_die "run $n: steward exited"; }
    sleep 0.05
  done
  [ "${farm_first:-0}" != 0 ] || bench_die "run $n: no request reached the farm within 60 s (see $dir/steward.log)"
  farm_first=$(bench_calc "$farm_first / 1000")
  # Steward's own view, while the first interval runs: when /metrics first answers, and its first probe time.
  deadline=$((SECONDS + INTERVAL))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if curl -fsS --max-time 1 "http://127.0.0.1:$STEWARD_PORT/metrics" -o "$dir/poll.txt" 2>/dev/null; then
      metrics_at=$(bench_calc "$(bench_now) - $launch")
      first=$(bench_calc "$(bench_metric "$dir/poll.txt" steward_first_probe_time_seconds) - $launch")
      break
    fi
    sleep 0.1
  done
  bench_sleep_until "$(bench_calc "$farm_first + $INTERVAL + 1")" $((INTERVAL + 2))
  local probes="-" lag_max="-" lag_p99="-"
  if curl -fsS --max-time 5 "http://127.0.0.1:$STEWARD_PORT/metrics" -o "$dir/metrics.txt" 2>/dev/null; then
    probes=$(bench_calc "$(bench_metric "$dir/metrics.txt" steward_probes_total)")
    lag_max=$(bench_calc "1000 * $(bench_metric "$dir/metrics.txt" steward_scheduler_lag_max_seconds)")
    lag_p99=$(bench_calc "1000 * $(bench_metric "$dir/metrics.txt" steward_scheduler_lag_seconds 'quantile="0.99"')")
  else
    bench_jcmd "$pid" Thread.print >"$dir/threads.txt" 2>&1 || true
  fi
  bench_stop "$pid"
  echo "$(bench_calc "$farm_first - $launch") $first $metrics_at $probes $lag_max $lag_p99"
}

# one_run runs in this shell (not in $(...)), so that the EXIT trap knows every process it started.
for ((r = 1; r <= RUNS; r++)); do
  one_run "$r" >"$RUN/run-$r.row"
  bench_log "run $r: $(cat "$RUN/run-$r.row")"
  cat "$RUN/run-$r.row" >>"$RUN/runs.txt"
done

stats() { # stats COLUMN -> "min / median / max", plus how many runs had no value
  awk -v c="$1" '{ print $c }' "$RUN/runs.txt" | sort -g | awk '
    $1 == "-" { missing++; next }
    { v[++n] = $1 }
    END {
      if (n == 0) { printf "none"; exit }
      m = n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
      printf "%.3g / %.3g / %.3g", v[1], m, v[n]
      if (missing) printf " (%d of %d runs: no answer from /metrics)", missing, n + missing
    }'
}

{
  echo "## startup $STAMP"
  echo
  echo "machine: $(nproc) CPUs ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), load average at start" \
    "$LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "command: bench/startup.sh $ARGS"
  echo "settings: $CHECKS HTTP checks every ${INTERVAL}s, $RUNS runs, -Xmx$HEAP, $([ "$KEEP_DATA" = 1 ] && echo "one data directory (restarts)" || echo "a new data directory per run")$([ "$AOT" = 1 ] && echo ", with an AOT cache from a training run")${BENCH_STEWARD_OPTS:+, extra JVM flags: $BENCH_STEWARD_OPTS}"
  echo
  echo "| measure ($RUNS runs) | min / median / max |"
  echo "|---|---|"
  echo "| launch → first probe request at the farm (s) | $(stats 1) |"
  echo "| launch → first probe start, Steward's own metric (s) | $(stats 2) |"
  echo "| launch → /metrics answering (s) | $(stats 3) |"
  echo "| probes done by first request + interval + 1 s ($CHECKS checks) | $(stats 4) |"
  echo "| scheduling lag max in that time (ms) | $(stats 5) |"
  echo "| scheduling lag p99 in that time (ms) | $(stats 6) |"
  echo
  echo "raw files: bench/results/startup-$STAMP/"
  echo
} | tee -a "$RESULTS/startup.md"
