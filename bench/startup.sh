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

# One run: prints "launch_to_first_probe_s launch_to_jvm_start_s launch_to_metrics_s probes_first_interval
# lag_max_first_interval_ms lag_p99_first_interval_ms".
one_run() {
  local n="$1" dir="$RUN/run-$1" data
  mkdir -p "$dir"
  data="$dir/data"; [ "$KEEP_DATA" = 1 ] && data="$RUN/data"
  local launch pid metrics_at="" first="" start=""
  launch=$(bench_now)
  STEWARD_JAVA_OPTS="-Xmx$HEAP $AOT_OPTS ${BENCH_STEWARD_OPTS:-}" bench_spawn "$dir/steward.log" \
    "${BENCH_STEWARD_BIN:-$ROOT/bin/steward}" run --config "$RUN/stack.yml" --data "$data" --port "$STEWARD_PORT"
  pid=$BENCH_LAST_PID
  local deadline=$((SECONDS + 60))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if curl -fsS --max-time 1 "http://127.0.0.1:$STEWARD_PORT/metrics" -o "$dir/poll.txt" 2>/dev/null; then
      [ -z "$metrics_at" ] && metrics_at=$(bench_now)
      first=$(bench_metric "$dir/poll.txt" steward_first_probe_time_seconds)
      [ -n "$first" ] && break
    fi
    kill -0 "$pid" 2>/dev/null || { tail -20 "$dir/steward.log" >&2; bench_die "run $n: steward exited"; }
    sleep 0.1
  done
  [ -n "$first" ] || bench_die "run $n: no first probe within 60 s (see $dir/steward.log)"
  start=$(bench_metric "$dir/poll.txt" steward_start_time_seconds)
  # The first interval after the first probe: every check should have been probed once, on time.
  sleep "$(bench_calc "$first + $INTERVAL + 1 - $(bench_now)")" 2>/dev/null || true
  curl -fsS --max-time 10 "http://127.0.0.1:$STEWARD_PORT/metrics" -o "$dir/metrics.txt"
  bench_stop "$pid"
  # launch_to_jvm_start_s is kept in runs.txt only: ProcessHandle's start instant rests on the kernel's boot time in
  # whole seconds, so it can be off by up to a second (it was 0.57 s before the launch on this machine).
  echo "$(bench_calc "$first - $launch") $(bench_calc "$start - $launch") $(bench_calc "$metrics_at - $launch")" \
    "$(bench_metric "$dir/metrics.txt" steward_probes_total)" \
    "$(bench_calc "1000 * $(bench_metric "$dir/metrics.txt" steward_scheduler_lag_max_seconds)")" \
    "$(bench_calc "1000 * $(bench_metric "$dir/metrics.txt" steward_scheduler_lag_seconds 'quantile="0.99"')")"
}

for ((r = 1; r <= RUNS; r++)); do
  row=$(one_run "$r")
  bench_log "run $r: $row"
  echo "$row" >>"$RUN/runs.txt"
done

stats() { # stats COLUMN -> "min / median / max"
  awk -v c="$1" '{ print $c }' "$RUN/runs.txt" | sort -g | awk '
    { v[NR] = $1 }
    END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3g / %.3g / %.3g", v[1], m, v[NR] }'
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
  echo "| launch → first probe started (s) | $(stats 1) |"
  echo "| launch → /metrics answering (s) | $(stats 3) |"
  echo "| probes done by first probe + interval + 1 s (of $CHECKS) | $(stats 4) |"
  echo "| scheduling lag max in that time (ms) | $(stats 5) |"
  echo "| scheduling lag p99 in that time (ms) | $(stats 6) |"
  echo
  echo "raw files: bench/results/startup-$STAMP/"
  echo
} | tee -a "$RESULTS/startup.md"
