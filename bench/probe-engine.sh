#!/usr/bin/env bash
# Probe engine load benchmark: Steward running N HTTP checks against the local target farm, then the same with hanging
# targets added, then blackbox_exporter driven by a real Prometheus at the same rate, all in one run. Loopback only;
# everything started here is ended on exit. See bench/README.md, section "Probe engine".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bench/lib.sh"

CHECKS=10000 INTERVAL=10 TIMEOUT=5 HANG=100 WARMUP=30 WINDOW=60 HEAP=256m PROFILE=0 EXTRA=""
PHASES="steward hang blackbox"
FARM_PORT=${BENCH_FARM_PORT:-9100} FARM_PORTS=4
STEWARD_PORT=${BENCH_STEWARD_PORT:-9180} BLACKBOX_PORT=${BENCH_BLACKBOX_PORT:-9115} PROM_PORT=${BENCH_PROM_PORT:-9190}

usage() {
  cat <<EOF
usage: bench/probe-engine.sh [--checks 10000] [--interval 10] [--hang 100] [--warmup 30] [--window 60]
                             [--phases "steward hang blackbox"] [--profile] [--no-alerts]
  --phases   any of: steward (N checks), hang (N checks + --hang hanging ones), blackbox (N targets, Prometheus-driven)
  --profile  also record a JFR profile of each Steward phase (costs some CPU: figures of such a run are not reported)
  --no-alerts  "alert: false" on every check (no built-in StewardCheckDown rule per check)
Ports (env): BENCH_FARM_PORT=$FARM_PORT (uses $((FARM_PORTS + 1)) ports), BENCH_STEWARD_PORT=$STEWARD_PORT,
BENCH_BLACKBOX_PORT=$BLACKBOX_PORT, BENCH_PROM_PORT=$PROM_PORT. Extra Steward JVM flags: BENCH_STEWARD_OPTS;
another launcher taking the same arguments as bin/steward: BENCH_STEWARD_BIN.
EOF
}

ARGS="$*"
while [ $# -gt 0 ]; do
  case "$1" in
    --checks) CHECKS="$2"; shift 2 ;;
    --interval) INTERVAL="$2"; shift 2 ;;
    --hang) HANG="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --window) WINDOW="$2"; shift 2 ;;
    --phases) PHASES="$2"; shift 2 ;;
    --profile) PROFILE=1; shift ;;
    --no-alerts) EXTRA=", alert: false"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

. "$ROOT/bin/java-home.sh"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS="$ROOT/bench/results"
RUN="$RESULTS/probe-engine-$STAMP"
mkdir -p "$RUN"
trap bench_cleanup EXIT
trap 'exit 130' INT TERM
HANG_PORT=$((FARM_PORT + FARM_PORTS))

# ---------------------------------------------------------------------------------------------------------------------
# Set-up: packages, jar, ports, farm.

ensure_packages() {
  local missing=()
  command -v prometheus-blackbox-exporter >/dev/null || missing+=(prometheus-blackbox-exporter)
  command -v prometheus >/dev/null || missing+=(prometheus)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || bench_die "missing ${missing[*]}; install them (apt-get install -y ${missing[*]}) or run as root"
  bench_log "installing ${missing[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  # Debian may start the packaged services on install; they are not used here (own instances on other ports).
  local service
  for service in prometheus prometheus-blackbox-exporter; do
    if command -v systemctl >/dev/null && systemctl is-active --quiet "$service" 2>/dev/null; then
      systemctl stop "$service" || true
    fi
  done
}

# The farm is bench/ArrivalFarm.java: answers like the demo's TargetFarm and measures each target's probe jitter.
start_farm() {
  bench_spawn "$RUN/farm.log" "$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC "$ROOT/bench/ArrivalFarm.java" \
    "$FARM_PORT" $((FARM_PORTS + 1)) "$INTERVAL"
  FARM_PID=$BENCH_LAST_PID
  bench_wait_http "http://127.0.0.1:$FARM_PORT/_stats" 30 "$FARM_PID" && return 0
  cat "$RUN/farm.log" >&2
  bench_die "target farm did not answer on 127.0.0.1:$FARM_PORT within 30 s"
}

# farm_stats [reset]: the farm's counters since the last reset, as KEY=VALUE lines prefixed "farm_".
farm_stats() {
  curl -fsS --max-time 10 "http://127.0.0.1:$FARM_PORT/_stats${1:+?reset=1}" | tr ' ' '\n' | sed -n 's/^\(.\)/farm_\1/p'
}

target_url() { echo "http://127.0.0.1:$((FARM_PORT + $1 % FARM_PORTS))/t/$1"; }

write_stack() { # write_stack FILE HANGING
  local file="$1" hanging="$2" i
  {
    echo "stack: bench"
    echo "services:"
    echo "  farm:"
    echo "    checks:"
    for ((i = 0; i < CHECKS; i++)); do
      echo "      - {name: t$i, http: {url: \"$(target_url "$i")\"}, interval: ${INTERVAL}s, timeout: ${TIMEOUT}s$EXTRA}"
    done
    if [ "$hanging" -gt 0 ]; then
      echo "  hang:"
      echo "    checks:"
      for ((i = 0; i < hanging; i++)); do
        echo "      - {name: h$i, http: {url: \"http://127.0.0.1:$HANG_PORT/hang/$i\"}, interval: ${INTERVAL}s, timeout: ${TIMEOUT}s$EXTRA}"
      done
    fi
  } >"$file"
}

# ---------------------------------------------------------------------------------------------------------------------
# Steward phases. Results land in $RUN/<phase>.env as KEY=VALUE lines.

scrape_steward() { curl -fsS --max-time 20 "http://127.0.0.1:$STEWARD_PORT/metrics" -o "$1"; }

# steward_failed PHASE DIR PID WHAT: records why a phase has no figures (with a thread dump) and ends that Steward.
steward_failed() {
  bench_log "$1: $4"
  bench_jcmd "$3" Thread.print >"$2/threads-at-failure.txt" 2>&1 || true
  # Thread.print shows virtual threads only while mounted; this dump shows every one, parked ones too.
  bench_jcmd "$3" Thread.dump_to_file -format=text "$2/all-threads-at-failure.txt" >/dev/null 2>&1 || true
  printf 'phase=%s\nerror=%s\n' "$1" "$4" >"$RUN/$1.env"
  tail -5 "$2/steward.log" >&2
  bench_stop "$3"
  return 1
}

run_steward() { # run_steward PHASE HANGING
  local phase="$1" hanging="$2" dir="$RUN/$1"
  mkdir -p "$dir/data"
  write_stack "$dir/stack.yml" "$hanging"
  local opts="-Xmx$HEAP -Xlog:gc:file=$dir/gc.log ${BENCH_STEWARD_OPTS:-}"
  [ "$PROFILE" = 1 ] && opts="$opts -XX:StartFlightRecording=filename=$dir/profile.jfr,settings=profile"
  bench_log "$phase: steward run with $CHECKS + $hanging checks, warm-up ${WARMUP}s, window ${WINDOW}s"
  STEWARD_JAVA_OPTS="$opts" bench_spawn "$dir/steward.log" "${BENCH_STEWARD_BIN:-$ROOT/bin/steward}" run \
    --config "$dir/stack.yml" --data "$dir/data" --port "$STEWARD_PORT"
  local pid=$BENCH_LAST_PID
  bench_wait_http "http://127.0.0.1:$STEWARD_PORT/metrics" 60 "$pid" \
    || { steward_failed "$phase" "$dir" "$pid" "no answer from /metrics within 60 s of the launch"; return 1; }
  sleep "$WARMUP"

  local t0 c0 g0 f0 t1 c1 f1 heap_max=0 h i steps=$((WINDOW / 10))
  scrape_steward "$dir/metrics-0.txt" \
    || { steward_failed "$phase" "$dir" "$pid" "no answer from /metrics within 20 s after the warm-up"; return 1; }
  farm_stats reset >/dev/null
  t0=$(bench_now); c0=$(bench_cpu_ticks "$pid"); g0=$(wc -l <"$dir/gc.log"); f0=$(bench_cpu_ticks "$FARM_PID")
  for ((i = 1; i <= steps; i++)); do
    sleep 10
    h=$(bench_jcmd_heap_mib "$pid"); [ -n "$h" ] && [ "$h" -gt "$heap_max" ] && heap_max=$h
    if [ "$i" = $((steps / 2)) ]; then bench_jcmd "$pid" Thread.print >"$dir/threads.txt" 2>&1 || true; fi
  done
  sleep $((WINDOW - steps * 10))
  c1=$(bench_cpu_ticks "$pid"); f1=$(bench_cpu_ticks "$FARM_PID"); t1=$(bench_now)
  farm_stats >"$dir/farm.env"
  kill -0 "$pid" 2>/dev/null || { steward_failed "$phase" "$dir" "$pid" "steward exited during the window"; return 1; }
  scrape_steward "$dir/metrics-1.txt" \
    || { steward_failed "$phase" "$dir" "$pid" "no answer from /metrics within 20 s at the window's end"; return 1; }

  local m0="$dir/metrics-0.txt" m1="$dir/metrics-1.txt" gc
  gc=$(bench_gc_summary "$dir/gc.log" "$g0")
  local probes cpu secs
  probes=$(bench_calc "$(bench_metric "$m1" steward_probes_total) - $(bench_metric "$m0" steward_probes_total)")
  secs=$(bench_calc "$t1 - $t0")
  cpu=$(bench_calc "($c1 - $c0) / $BENCH_TICKS")
  {
    echo "phase=$phase"
    echo "checks=$(bench_calc "$(bench_metric "$m1" steward_checks)")"
    echo "seconds=$secs"
    echo "probes=$probes"
    echo "failures=$(bench_calc "$(bench_metric "$m1" steward_probe_failures_total) - $(bench_metric "$m0" steward_probe_failures_total)")"
    echo "probes_per_s=$(bench_calc "$probes / $secs")"
    echo "cpu_s=$cpu"
    echo "cores=$(bench_calc "$cpu / $secs")"
    echo "probes_per_cpu_s=$(bench_calc "$probes / $cpu")"
    echo "self_cpu_s=$(bench_calc "$(bench_metric "$m1" process_cpu_seconds_total) - $(bench_metric "$m0" process_cpu_seconds_total)")"
    echo "lag_p50_ms=$(bench_calc "1000 * $(bench_metric "$m1" steward_scheduler_lag_seconds 'quantile="0.5"')")"
    echo "lag_p99_ms=$(bench_calc "1000 * $(bench_metric "$m1" steward_scheduler_lag_seconds 'quantile="0.99"')")"
    echo "lag_max_ms=$(bench_calc "1000 * $(bench_metric "$m1" steward_scheduler_lag_max_seconds)")"
    echo "lag_mean_window_ms=$(bench_calc "1000 * ($(bench_metric "$m1" steward_scheduler_lag_seconds_sum) - $(bench_metric "$m0" steward_scheduler_lag_seconds_sum)) / ($(bench_metric "$m1" steward_scheduler_lag_seconds_count) - $(bench_metric "$m0" steward_scheduler_lag_seconds_count))")"
    echo "heap_jcmd_max_mib=$heap_max"
    echo "heap_self_mib=$(bench_calc "$(bench_metric "$m1" jvm_memory_used_bytes 'area="heap"') / 1048576")"
    set -- $gc
    echo "heap_before_gc_max_mib=$1"
    echo "heap_after_gc_max_mib=$2"
    echo "gc_pauses=$3"
    echo "gc_pause_total_ms=$4"
    echo "gc_pause_max_ms=$5"
    echo "gc_full=$6"
    echo "rss_peak_mib=$(bench_rss_peak_mib "$pid")"
    echo "farm_cores=$(bench_calc "($f1 - $f0) / $BENCH_TICKS / $secs")"
    cat "$dir/farm.env"
  } >"$RUN/$phase.env" 2>"$dir/calc.err" || true
  # After the window (it forces a full GC): the live objects by class, to see where the heap goes.
  bench_jcmd "$pid" GC.class_histogram >"$dir/histogram.txt" 2>&1 || true
  bench_stop "$pid"
  [ "$PROFILE" = 1 ] && [ -f "$dir/profile.jfr" ] && "$JAVA_HOME/bin/jfr" view hot-methods "$dir/profile.jfr" >"$dir/hot-methods.txt" 2>&1
  cat "$RUN/$phase.env" >&2
}

# ---------------------------------------------------------------------------------------------------------------------
# blackbox_exporter phase: a Prometheus scrapes CHECKS blackbox targets every INTERVAL; only the exporter's CPU counts.

prom_query() { # prom_query EXPR TIME -> the scalar value
  curl -fsS --max-time 30 "http://127.0.0.1:$PROM_PORT/api/v1/query" --data-urlencode "query=$1" \
    --data-urlencode "time=$2" | jq -r '.data.result[0].value[1] // "0"'
}

run_blackbox() {
  local dir="$RUN/blackbox" i
  mkdir -p "$dir/tsdb"
  cat >"$dir/blackbox.yml" <<EOF
modules:
  http_2xx:
    prober: http
    timeout: ${TIMEOUT}s
    http:
      preferred_ip_protocol: ip4
      ip_protocol_fallback: false
EOF
  {
    printf '[{"labels": {}, "targets": ['
    for ((i = 0; i < CHECKS; i++)); do
      [ "$i" -gt 0 ] && printf ','
      printf '"%s"' "$(target_url "$i")"
    done
    printf ']}]\n'
  } >"$dir/targets.json"
  cat >"$dir/prometheus.yml" <<EOF
global:
  scrape_interval: ${INTERVAL}s
  scrape_timeout: ${TIMEOUT}s
scrape_configs:
  - job_name: blackbox
    metrics_path: /probe
    params: {module: [http_2xx]}
    file_sd_configs: [{files: ["$dir/targets.json"]}]
    relabel_configs:
      - {source_labels: [__address__], target_label: __param_target}
      - {source_labels: [__param_target], target_label: instance}
      - {target_label: __address__, replacement: "127.0.0.1:$BLACKBOX_PORT"}
    metric_relabel_configs:
      - {source_labels: [__name__], regex: "probe_success|probe_duration_seconds", action: keep}
EOF
  bench_log "blackbox: blackbox_exporter + Prometheus with $CHECKS targets, warm-up ${WARMUP}s, window ${WINDOW}s"
  bench_spawn "$dir/blackbox.log" prometheus-blackbox-exporter --config.file="$dir/blackbox.yml" \
    --web.listen-address="127.0.0.1:$BLACKBOX_PORT"
  local bb=$BENCH_LAST_PID
  bench_wait_http "http://127.0.0.1:$BLACKBOX_PORT/metrics" 30 "$bb" || bench_die "blackbox_exporter did not start"
  bench_spawn "$dir/prometheus.log" prometheus --config.file="$dir/prometheus.yml" \
    --storage.tsdb.path="$dir/tsdb" --storage.tsdb.retention.time=1h --web.listen-address="127.0.0.1:$PROM_PORT"
  local prom=$BENCH_LAST_PID
  bench_wait_http "http://127.0.0.1:$PROM_PORT/-/ready" 60 "$prom" || bench_die "Prometheus did not start"
  sleep "$WARMUP"

  local t0 c0 p0 f0 t1 c1 p1 f1
  curl -fsS --max-time 10 "http://127.0.0.1:$BLACKBOX_PORT/metrics" -o "$dir/metrics-0.txt"
  farm_stats reset >/dev/null
  t0=$(bench_now); c0=$(bench_cpu_ticks "$bb"); p0=$(bench_cpu_ticks "$prom"); f0=$(bench_cpu_ticks "$FARM_PID")
  sleep "$WINDOW"
  c1=$(bench_cpu_ticks "$bb"); p1=$(bench_cpu_ticks "$prom"); f1=$(bench_cpu_ticks "$FARM_PID"); t1=$(bench_now)
  farm_stats >"$dir/farm.env"
  curl -fsS --max-time 10 "http://127.0.0.1:$BLACKBOX_PORT/metrics" -o "$dir/metrics-1.txt"
  sleep 1 # let the scrapes that ended by t1 be appended
  local range ms probes successes cpu secs
  secs=$(bench_calc "$t1 - $t0")
  ms=$(awk "BEGIN { printf \"%d\", ($t1 - $t0) * 1000 }")
  range="${ms}ms"
  probes=$(prom_query "sum(count_over_time(up{job=\"blackbox\"}[$range]))" "$t1")
  successes=$(prom_query "sum(sum_over_time(probe_success{job=\"blackbox\"}[$range]))" "$t1")
  cpu=$(bench_calc "($c1 - $c0) / $BENCH_TICKS")
  {
    echo "phase=blackbox"
    echo "checks=$(prom_query 'count(up{job="blackbox"})' "$t1")"
    echo "seconds=$secs"
    echo "probes=$probes"
    echo "failures=$(bench_calc "$probes - $successes")"
    echo "probes_per_s=$(bench_calc "$probes / $secs")"
    echo "cpu_s=$cpu"
    echo "cores=$(bench_calc "$cpu / $secs")"
    echo "probes_per_cpu_s=$(bench_calc "$probes / $cpu")"
    echo "self_cpu_s=$(bench_calc "$(bench_metric "$dir/metrics-1.txt" process_cpu_seconds_total) - $(bench_metric "$dir/metrics-0.txt" process_cpu_seconds_total)")"
    echo "probe_duration_avg_ms=$(bench_calc "1000 * $(prom_query "avg(avg_over_time(probe_duration_seconds{job=\"blackbox\"}[$range]))" "$t1")")"
    echo "rss_peak_mib=$(bench_rss_peak_mib "$bb")"
    echo "prometheus_cores=$(bench_calc "($p1 - $p0) / $BENCH_TICKS / $secs")"
    echo "farm_cores=$(bench_calc "($f1 - $f0) / $BENCH_TICKS / $secs")"
    cat "$dir/farm.env"
  } >"$RUN/blackbox.env" 2>"$dir/calc.err" || true
  bench_stop "$prom"
  bench_stop "$bb"
  cat "$RUN/blackbox.env" >&2
}

# ---------------------------------------------------------------------------------------------------------------------
# Summary.

val() { bench_fmt "$(awk -F= -v k="$2" '$1 == k { print $2 }' "$RUN/$1.env" 2>/dev/null)"; }
measured() { [ -f "$RUN/$1.env" ] && [ -z "$(val "$1" error)" ]; }

summary() {
  local phase
  echo "## probe-engine $STAMP"
  echo
  echo "machine: $(nproc) CPUs ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), load average at start" \
    "$LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "command: bench/probe-engine.sh $ARGS"
  echo "settings: $CHECKS checks every ${INTERVAL}s (target $(bench_fmt "$(bench_calc "$CHECKS / $INTERVAL")") probes/s), hang=$HANG," \
    "warm-up ${WARMUP}s, window ${WINDOW}s, Steward -Xmx$HEAP${BENCH_STEWARD_OPTS:+ $BENCH_STEWARD_OPTS}"
  echo
  echo "| run | checks | probes/s (own count / farm) | failed | CPU cores | probes per CPU s | lag p50 / p99 / max ms (Steward, since start) | jitter p50 / p99 / max ms (farm, window) | heap MiB: jcmd max / max before GC / max after GC | RSS peak MiB |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for phase in steward hang blackbox; do
    [ -f "$RUN/$phase.env" ] || continue
    if [ -n "$(val "$phase" error)" ]; then
      echo "| $phase | no figures: $(val "$phase" error) (bench/results/probe-engine-$STAMP/$phase/) |||||||||"
      continue
    fi
    local label="Steward" lag heap farm_rate
    farm_rate=$(bench_fmt "$(bench_calc "$(val "$phase" farm_requests) / $(val "$phase" seconds)")")
    if [ "$phase" = blackbox ]; then
      label="blackbox_exporter (Prometheus-driven)"; lag="n/a"; heap="n/a (Go)"
    else
      [ "$phase" = hang ] && label="Steward + $HANG hanging"
      lag="$(val "$phase" lag_p50_ms) / $(val "$phase" lag_p99_ms) / $(val "$phase" lag_max_ms)"
      heap="$(val "$phase" heap_jcmd_max_mib) / $(val "$phase" heap_before_gc_max_mib) / $(val "$phase" heap_after_gc_max_mib)"
    fi
    echo "| $label | $(val "$phase" checks) | $(val "$phase" probes_per_s) / $farm_rate | $(val "$phase" failures) |" \
      "$(val "$phase" cores) | $(val "$phase" probes_per_cpu_s) | $lag |" \
      "$(val "$phase" farm_jitter_p50_ms) / $(val "$phase" farm_jitter_p99_ms) / $(val "$phase" farm_jitter_max_ms) |" \
      "$heap | $(val "$phase" rss_peak_mib) |"
  done
  echo
  if measured steward && measured blackbox; then
    echo "probes per CPU second, Steward / blackbox_exporter: $(bench_fmt "$(bench_calc "$(val steward probes_per_cpu_s) / $(val blackbox probes_per_cpu_s)")") (goal >= 2)"
  fi
  if measured steward; then
    echo "Steward CPU: $(val steward cores) cores (goal <= 0.5); lag p99 $(val steward lag_p99_ms) ms (goal < 100);" \
      "GC: $(val steward gc_pauses) pauses ($(val steward gc_full) full), $(val steward gc_pause_total_ms) ms in total, longest $(val steward gc_pause_max_ms) ms"
  fi
  if measured hang; then
    echo "with $HANG hanging targets: farm jitter p99 $(val hang farm_jitter_p99_ms) ms, Steward lag p99" \
      "$(val hang lag_p99_ms) ms, max $(val hang lag_max_ms) ms" \
      "$(measured steward && echo "(without: $(val steward farm_jitter_p99_ms) ms; $(val steward lag_p99_ms) / $(val steward lag_max_ms) ms)")"
  fi
  if measured blackbox; then
    echo "blackbox_exporter: self-reported CPU $(val blackbox self_cpu_s) s vs /proc $(val blackbox cpu_s) s;" \
      "mean probe duration $(val blackbox probe_duration_avg_ms) ms; Prometheus itself used $(val blackbox prometheus_cores) cores"
  fi
  echo "raw files: bench/results/probe-engine-$STAMP/"
  echo
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
case " $PHASES " in *" blackbox "*) ensure_packages ;; esac
bench_ensure_jar "$ROOT"
bench_require_ports_free $(seq "$FARM_PORT" "$HANG_PORT") "$STEWARD_PORT" "$BLACKBOX_PORT" "$PROM_PORT"
start_farm
for phase in $PHASES; do
  case "$phase" in
    steward) run_steward steward 0 || true ;;
    hang) run_steward hang "$HANG" || true ;;
    blackbox) run_blackbox ;;
    *) bench_die "unknown phase $phase (steward, hang, blackbox)" ;;
  esac
done
summary | tee -a "$RESULTS/probe-engine.md"
