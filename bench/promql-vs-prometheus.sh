#!/usr/bin/env bash
# Steward's PromQL API side by side with a real Prometheus (Debian's prometheus package) over the same data.
#
#   bench/promql-vs-prometheus.sh                 10,000 gauges + 100,000 counters, compare, then time
#   GAUGES=100 COUNTERS=1000 bench/promql-vs-prometheus.sh     a small data set
#   SKIP_BUILD=1 RUNS=30 WARMUP=5 bench/promql-vs-prometheus.sh
#
# 1. OpenMetricsBackfill writes one hour of samples (every 15 s) ending now to $WORK/data.om.
# 2. Prometheus gets it by backfilling (promtool tsdb create-blocks-from openmetrics) and serves it on loopback with
#    an empty scrape configuration; Steward (StewardPromServer) parses the same file into a MemorySeriesStore and
#    serves PrometheusApi on loopback.
# 3. PromqlVsPrometheus compare sends every query of promql-queries.txt to both at the same time and compares the
#    answers; PromqlVsPrometheus time times the two speed queries, alternating the servers request by request.
# Everything started here is stopped on exit.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
for tool in prometheus promtool; do
  command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install prometheus" >&2; exit 2; }
done

GAUGES="${GAUGES:-10000}"
COUNTERS="${COUNTERS:-100000}"
WARMUP="${WARMUP:-5}"
RUNS="${RUNS:-30}"
PROM_PORT="${PROM_PORT:-19090}"
STEWARD_PORT="${STEWARD_PORT:-19091}"
WORK="${WORK:-$(mktemp -d /tmp/promql-vs-prometheus.XXXXXX)}"
mkdir -p "$WORK"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [[ -n "${KEEP:-}" ]] || rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

if [[ -z "${SKIP_BUILD:-}" ]]; then
  (cd "$root" && ./mvnw -q -B -ntp -DskipTests -Dspotless.skip=true install)
  (cd "$here" && "$root/mvnw" -q -B -ntp -f "$here/pom.xml" package)
fi
jar="$here/target/benchmarks.jar"

end=$(( $(date +%s) / 15 * 15 ))
echo "== data: $GAUGES gauges + $COUNTERS counters, 1 h every 15 s, ending at $end ($(date -u -d "@$end" +%FT%TZ))"
"$java" -cp "$jar" dev.steward.bench.OpenMetricsBackfill "$WORK/data.om" "$end" "$GAUGES" "$COUNTERS"

echo "== prometheus: backfill"
start=$(date +%s.%N)
promtool tsdb create-blocks-from openmetrics "$WORK/data.om" "$WORK/prom" >"$WORK/backfill.log" 2>&1 \
  || { cat "$WORK/backfill.log"; exit 1; }
printf 'backfilled in %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"
printf 'global:\n  scrape_interval: 15s\nscrape_configs: []\n' >"$WORK/prometheus.yml"
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/prom" \
  --storage.tsdb.retention.time=3650d --web.listen-address="127.0.0.1:$PROM_PORT" \
  >"$WORK/prometheus.log" 2>&1 &
pids+=($!)

echo "== steward: load and serve"
"$java" -Xmx6g -cp "$jar" dev.steward.bench.StewardPromServer "$WORK/data.om" "$STEWARD_PORT" \
  >"$WORK/steward.log" 2>&1 &
pids+=($!)

wait_for() { # url name: at most 10 minutes
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "$2 exited" >&2; cat "$WORK"/*.log >&2; exit 1; }; done
    sleep 1
  done
  echo "$2 not ready after 10 minutes" >&2
  exit 1
}
wait_for "http://127.0.0.1:$PROM_PORT/-/ready" prometheus
wait_for "http://127.0.0.1:$STEWARD_PORT/api/v1/status/buildinfo" steward
grep -h "steward:" "$WORK/steward.log"
prom_series=$(curl -fsS "http://127.0.0.1:$PROM_PORT/api/v1/query?query=count(%7B__name__%3D~%22.%2B%22%7D)&time=$end" \
  | sed 's/.*"value":\[[^,]*,"\([0-9]*\)".*/\1/')
echo "prometheus: $prom_series series at $end; prometheus $(prometheus --version 2>&1 | head -1 | cut -d' ' -f3)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

prom="http://127.0.0.1:$PROM_PORT"
steward="http://127.0.0.1:$STEWARD_PORT"
# Prometheus 2.x selects [t - range, t]; Prometheus 3 and Steward select (t - range, t]. Samples are on whole
# seconds, so at t = end + 0.5 s no sample sits on a window's left edge and both semantics agree: that comparison is
# the verdict. At t = end some series have a sample exactly on the edge, which Prometheus 2.x counts and Steward
# does not; that run only shows the difference (set EDGE=1).
echo "== correctness at $end.5"
compare=0
"$java" -cp "$jar" dev.steward.bench.PromqlVsPrometheus compare "$prom" "$steward" "$end.5" "$here/promql-queries.txt" \
  || compare=$?
if [[ -n "${EDGE:-}" ]]; then
  echo "== at $end (samples on window edges: Prometheus 2.x includes them, Steward like Prometheus 3 does not)"
  "$java" -cp "$jar" dev.steward.bench.PromqlVsPrometheus compare "$prom" "$steward" "$end" "$here/promql-queries.txt" \
    || true
fi

echo "== speed at $end.5: $WARMUP warm-up + $RUNS timed requests per server, alternating"
"$java" -cp "$jar" dev.steward.bench.PromqlVsPrometheus time "$prom" "$steward" "$end.5" "$WARMUP" "$RUNS" \
  'avg_over_time(probe_duration_seconds[5m])' 'sum by (service) (rate(x_total[5m]))'
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$compare"
