#!/usr/bin/env bash
# Fault to first notification attempt: Steward and Prometheus + blackbox_exporter + Alertmanager watch the same
# targets at the same time; faults are injected one target at a time, at random moments, and a webhook receiver in the
# same process as the targets times the first notification of each system. Loopback only; everything started here is
# ended on exit. See bench/README.md, section "Fault to first notification".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bench/lib.sh"

TARGETS=20 ROUNDS=3 INTERVAL=10 RETRY=5 FAIL_AFTER=3 EVAL=5 WAIT_LIMIT=120 WARMUP=""
SYSTEMS="prometheus steward" WAIT_FOR=""
HARNESS_PORT=${BENCH_HARNESS_PORT:-9300} STEWARD_PORT=${BENCH_STEWARD_PORT:-9380}
BLACKBOX_PORT=${BENCH_BLACKBOX_PORT:-9315} PROM_PORT=${BENCH_PROM_PORT:-9390} AM_PORT=${BENCH_AM_PORT:-9393}

usage() {
  cat <<EOF
usage: bench/fault-to-notification.sh [--targets 20] [--rounds 3] [--interval 10] [--retry 5] [--fail-after 3]
                                      [--eval 5] [--wait-limit 120] [--warmup SECONDS] [--systems "prometheus steward"]
  --rounds      each round injects one fault on every target, in a random order (targets x rounds faults in all)
  --interval    Steward's check interval and Prometheus's scrape interval (seconds)
  --retry       Steward's retry_interval (seconds); --fail-after: Steward's fail_after, and the number of consecutive
                failed scrapes Prometheus's rule waits for (for: (fail_after - 1) x interval)
  --eval        Prometheus's rule evaluation interval (seconds)
  --wait-limit  seconds to wait for every system's notification before the fault is ended (counted as missing)
  --warmup      seconds between the start and the first fault (default: 3 intervals + 10 s)
  --systems     which systems to run: prometheus (blackbox_exporter + Prometheus + Alertmanager), steward, or both
  --wait-for    the systems whose notification ends a fault (default: all of --systems); a system left out still
                runs and is timed, but a fault does not wait for it (e.g. a Steward without notifications, whose
                alerts are then timed from its log only)
Ports (env): BENCH_HARNESS_PORT=$HARNESS_PORT, BENCH_STEWARD_PORT=$STEWARD_PORT, BENCH_BLACKBOX_PORT=$BLACKBOX_PORT,
BENCH_PROM_PORT=$PROM_PORT, BENCH_AM_PORT=$AM_PORT. Extra Steward JVM flags: BENCH_STEWARD_OPTS; another launcher
taking bin/steward's arguments: BENCH_STEWARD_BIN.
EOF
}

ARGS="$*"
while [ $# -gt 0 ]; do
  case "$1" in
    --targets) TARGETS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --interval) INTERVAL="$2"; shift 2 ;;
    --retry) RETRY="$2"; shift 2 ;;
    --fail-after) FAIL_AFTER="$2"; shift 2 ;;
    --eval) EVAL="$2"; shift 2 ;;
    --wait-limit) WAIT_LIMIT="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --systems) SYSTEMS="$2"; shift 2 ;;
    --wait-for) WAIT_FOR="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
WARMUP=${WARMUP:-$((3 * INTERVAL + 10))}
WAIT_FOR=${WAIT_FOR:-$SYSTEMS}
FOR=$(((FAIL_AFTER - 1) * INTERVAL))
GOAL_S=$((INTERVAL + (FAIL_AFTER - 1) * RETRY + 2))
for s in $SYSTEMS; do
  case "$s" in prometheus|steward) ;; *) bench_die "unknown system $s (prometheus, steward)" ;; esac
done
has() { case " $SYSTEMS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

. "$ROOT/bin/java-home.sh"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS="$ROOT/bench/results"
RUN="$RESULTS/fault-to-notification-$STAMP"
mkdir -p "$RUN"
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------------------------
# Set-up.

ensure_packages() {
  local missing=()
  command -v prometheus-blackbox-exporter >/dev/null || missing+=(prometheus-blackbox-exporter)
  command -v prometheus >/dev/null || missing+=(prometheus)
  command -v prometheus-alertmanager >/dev/null || missing+=(prometheus-alertmanager)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || bench_die "missing ${missing[*]}; install them (apt-get install -y ${missing[*]}) or run as root"
  bench_log "installing ${missing[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  # Debian may start the packaged services on install; they are not used here (own instances on other ports).
  local service
  for service in prometheus prometheus-blackbox-exporter prometheus-alertmanager; do
    if command -v systemctl >/dev/null && systemctl is-active --quiet "$service" 2>/dev/null; then
      systemctl stop "$service" || true
    fi
  done
}

target_url() { echo "http://127.0.0.1:$HARNESS_PORT/t/$1"; }

start_harness() {
  local systems
  systems=$(echo "$SYSTEMS" | tr ' ' ',')
  bench_spawn "$RUN/harness.log" "$JAVA_HOME/bin/java" -Xmx128m -XX:+UseSerialGC "$ROOT/bench/FaultHarness.java" \
    "$HARNESS_PORT" "$TARGETS" "$systems"
  bench_wait_http "http://127.0.0.1:$HARNESS_PORT/_stats" 30 "$BENCH_LAST_PID" && return 0
  cat "$RUN/harness.log" >&2
  bench_die "fault harness did not answer on 127.0.0.1:$HARNESS_PORT within 30 s"
}

# The reference: blackbox_exporter probes, Prometheus scrapes it every INTERVAL and evaluates "probe_success == 0" with
# for: (FAIL_AFTER - 1) x INTERVAL every EVAL seconds, Alertmanager sends each instance's alert to the harness.
start_reference() {
  local dir="$RUN/prometheus" i
  mkdir -p "$dir/tsdb" "$dir/am"
  cat >"$dir/blackbox.yml" <<EOF
modules:
  http_2xx:
    prober: http
    timeout: 5s
    http:
      preferred_ip_protocol: ip4
      ip_protocol_fallback: false
EOF
  {
    printf '[{"labels": {}, "targets": ['
    for ((i = 0; i < TARGETS; i++)); do
      [ "$i" -gt 0 ] && printf ','
      printf '"%s"' "$(target_url "$i")"
    done
    printf ']}]\n'
  } >"$dir/targets.json"
  cat >"$dir/rules.yml" <<EOF
groups:
  - name: bench
    interval: ${EVAL}s
    rules:
      - alert: ProbeFailed
        expr: probe_success{job="blackbox"} == 0
        for: ${FOR}s
EOF
  cat >"$dir/prometheus.yml" <<EOF
global:
  scrape_interval: ${INTERVAL}s
  scrape_timeout: 5s
  evaluation_interval: ${EVAL}s
rule_files: ["$dir/rules.yml"]
alerting:
  alertmanagers:
    - static_configs: [{targets: ["127.0.0.1:$AM_PORT"]}]
scrape_configs:
  - job_name: blackbox
    metrics_path: /probe
    params: {module: [http_2xx]}
    file_sd_configs: [{files: ["$dir/targets.json"]}]
    relabel_configs:
      - {source_labels: [__address__], target_label: __param_target}
      - {source_labels: [__param_target], target_label: instance}
      - {target_label: __address__, replacement: "127.0.0.1:$BLACKBOX_PORT"}
EOF
  cat >"$dir/alertmanager.yml" <<EOF
route:
  receiver: hook
  group_by: [instance]
  group_wait: 0s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: hook
    webhook_configs:
      - url: http://127.0.0.1:$HARNESS_PORT/hook/prometheus
        send_resolved: false
EOF
  bench_log "reference: blackbox_exporter, Prometheus (scrape ${INTERVAL}s, rule every ${EVAL}s, for: ${FOR}s), Alertmanager"
  bench_spawn "$dir/alertmanager.log" prometheus-alertmanager --config.file="$dir/alertmanager.yml" \
    --storage.path="$dir/am" --web.listen-address="127.0.0.1:$AM_PORT" --cluster.listen-address=
  bench_wait_http "http://127.0.0.1:$AM_PORT/-/ready" 30 "$BENCH_LAST_PID" \
    || { tail -5 "$dir/alertmanager.log" >&2; bench_die "Alertmanager did not start"; }
  bench_spawn "$dir/blackbox.log" prometheus-blackbox-exporter --config.file="$dir/blackbox.yml" \
    --web.listen-address="127.0.0.1:$BLACKBOX_PORT"
  bench_wait_http "http://127.0.0.1:$BLACKBOX_PORT/metrics" 30 "$BENCH_LAST_PID" \
    || { tail -5 "$dir/blackbox.log" >&2; bench_die "blackbox_exporter did not start"; }
  bench_spawn "$dir/prometheus.log" prometheus --config.file="$dir/prometheus.yml" \
    --storage.tsdb.path="$dir/tsdb" --storage.tsdb.retention.time=1d --web.listen-address="127.0.0.1:$PROM_PORT"
  bench_wait_http "http://127.0.0.1:$PROM_PORT/-/ready" 60 "$BENCH_LAST_PID" \
    || { tail -5 "$dir/prometheus.log" >&2; bench_die "Prometheus did not start"; }
}

# Steward: one HTTP check per target with fail_after/retry_interval, and its Alertmanager-format routing sending every
# (service, check) group straight to the harness.
start_steward() {
  local dir="$RUN/steward" i
  mkdir -p "$dir/data"
  cat >"$dir/am.yml" <<EOF
route:
  receiver: hook
  group_by: [service, check]
  group_wait: 0s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: hook
    webhook_configs:
      - url: http://127.0.0.1:$HARNESS_PORT/hook/steward
        send_resolved: false
EOF
  {
    echo "stack: bench"
    echo "alerting:"
    echo "  alertmanager_config: am.yml"
    echo "services:"
    echo "  farm:"
    echo "    checks:"
    for ((i = 0; i < TARGETS; i++)); do
      echo "      - {name: t$i, http: {url: \"$(target_url "$i")\"}, interval: ${INTERVAL}s, timeout: 5s," \
        "fail_after: $FAIL_AFTER, retry_interval: ${RETRY}s}"
    done
  } >"$dir/stack.yml"
  bench_log "steward: $TARGETS checks every ${INTERVAL}s, fail_after $FAIL_AFTER, retry_interval ${RETRY}s"
  STEWARD_JAVA_OPTS="-Xmx256m ${BENCH_STEWARD_OPTS:-}" bench_spawn "$dir/steward.log" \
    "${BENCH_STEWARD_BIN:-$ROOT/bin/steward}" run --config "$dir/stack.yml" --data "$dir/data" --port "$STEWARD_PORT"
  STEWARD_PID=$BENCH_LAST_PID
  bench_wait_http "http://127.0.0.1:$STEWARD_PORT/metrics" 60 "$STEWARD_PID" \
    || { tail -20 "$dir/steward.log" >&2; bench_die "Steward did not answer on /metrics within 60 s"; }
}

# ---------------------------------------------------------------------------------------------------------------------
# Faults.

harness() { curl -fsS --max-time "${2:-10}" "http://127.0.0.1:$HARNESS_PORT$1" "${@:3}"; }

# notified STATE: whether every system of WAIT_FOR has an entry "<system>_ms=" in the harness's state of a fault.
notified() {
  local s
  for s in $WAIT_FOR; do
    case " $1 " in *" ${s}_ms="*) ;; *) return 1 ;; esac
  done
}

# one_fault N: injects a fault on target N at a random moment of the next INTERVAL, waits until every system of
# WAIT_FOR has notified (at most WAIT_LIMIT s), ends it; the harness's record of it goes to faults.txt.
one_fault() {
  local n="$1" injected deadline
  injected=$(harness "/_fault/$n?within_ms=$((INTERVAL * 1000))" $((INTERVAL + 10)) -X POST)
  deadline=$((SECONDS + WAIT_LIMIT))
  while [ "$SECONDS" -lt "$deadline" ]; do
    notified "$(harness "/_fault/$n")" && break
    sleep 0.25
  done
  harness "/_restore/$n" 10 -X POST >>"$RUN/faults.txt"
  bench_log "$injected: $(tail -1 "$RUN/faults.txt" | cut -d' ' -f4-)"
}

# Every target once per round, in a random order; a target is not faulted again before RECOVERY s have passed since
# its last fault ended (both systems have seen it answer again by then).
run_faults() {
  local round n order last="" recovery=$((3 * INTERVAL + 2 * RETRY)) now
  declare -A ended=()
  for ((round = 1; round <= ROUNDS; round++)); do
    order=$(seq 0 $((TARGETS - 1)) | shuf)
    # do not start a round with the target that ended the last one
    if [ "$TARGETS" -gt 1 ] && [ "$(echo "$order" | head -1)" = "$last" ]; then
      order=$( (echo "$order" | tail -n +2; echo "$last") )
    fi
    for n in $order; do
      if [ -n "${ended[$n]:-}" ]; then
        now=$SECONDS
        [ $((now - ended[$n])) -lt "$recovery" ] && sleep $((recovery - (now - ended[$n])))
      fi
      one_fault "$n"
      ended[$n]=$SECONDS
      last=$n
    done
    bench_log "round $round of $ROUNDS done"
  done
}

# ---------------------------------------------------------------------------------------------------------------------
# Summary.

# Where Steward's time goes, per fault, into steward-stages.txt as "N TO_DOWN DOWN_TO_FIRING FIRING_TO_HOOK" (ms; "-"
# when unknown): the fault to the UP -> DOWN status change (its check_event row in the SQLite store: the instant of
# the probe that confirmed the failure), from there to the "alert firing: {alertname="StewardCheckDown", check="tN"
# ...}" log line (the built-in rule's evaluation), and from there to the webhook's arrival at the harness (routing,
# incident, outbox, delivery). steward-firing.txt has the fault to the firing line alone ("N MS").
steward_stages() {
  local line
  grep -a 'alert firing: {alertname="StewardCheckDown"' "$RUN/steward/steward.log" | while read -r line; do
    echo "$(sed -n 's/.*check="t\([0-9]*\)".*/\1/p' <<<"$line") $(date -u -d "${line%% *}" +%s%3N)"
  done >"$RUN/steward-firing-at.txt"
  if command -v sqlite3 >/dev/null; then
    sqlite3 -separator ' ' "$RUN/steward/data/steward.db" \
      "select substr(check_name, 2), at_ms from check_event where to_state = 'DOWN'" >"$RUN/steward-down-at.txt" || true
  fi
  touch "$RUN/steward-down-at.txt"
  # first(list, t): the earliest instant of a space-separated list at or after t
  awk -v out="$RUN/steward-stages.txt" 'function first(list, t,   k, a, i, best) {
         best = ""; k = split(list, a, " ")
         for (i = 1; i <= k; i++) if (a[i] >= t && (best == "" || a[i] < best)) best = a[i]
         return best
       }
    FILENAME == ARGV[1] { down[$1] = down[$1] " " $2; next }
    FILENAME == ARGV[2] { fire[$1] = fire[$1] " " $2; next }
    {
      n = ""; t = ""; hook = ""
      for (i = 1; i <= NF; i++) {
        split($i, kv, "=")
        if (kv[1] == "target") n = kv[2]; else if (kv[1] == "injected_unix_ms") t = kv[2]
        else if (kv[1] == "steward_ms" && kv[2] != "-") hook = t + kv[2]
      }
      d = first(down[n], t); f = first(fire[n], t)
      print n, (d == "" ? "-" : d - t), (d == "" || f == "" ? "-" : f - d), (f == "" || hook == "" ? "-" : hook - f) >out
      print n, (f == "" ? "-" : f - t)
    }' "$RUN/steward-down-at.txt" "$RUN/steward-firing-at.txt" "$RUN/faults.txt" >"$RUN/steward-firing.txt"
}

# quantiles FILE [COLUMN]: "p50 / p90 / p99 / max" in s of a column of ms (default 2; nearest rank), and how many
# are "-"
quantiles() {
  local c="${2:-2}"
  awk -v c="$c" '$c != "-" { print $c }' "$1" | sort -n | awk -v miss="$(awk -v c="$c" '$c == "-"' "$1" | wc -l)" '
    { v[++n] = $1 }
    function q(p,   r) { r = int(p * n); if (r < p * n) r++; if (r < 1) r = 1; return v[r] / 1000 }
    END {
      if (n == 0) { print "none"; exit }
      printf "%.4g / %.4g / %.4g / %.4g", q(0.5), q(0.9), q(0.99), v[n] / 1000
      if (miss) printf " (%d faults without)", miss
      print ""
    }'
}

fstat() { # fstat SYSTEM KEY: a value of /_stats
  awk -v s="system=$1" -v k="$2" '$1 == s { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) print kv[2] } }' \
    "$RUN/stats.txt"
}
secs() { local v; v=$(fstat "$1" "$2"); [ "$v" = "-" ] || [ -z "$v" ] && { echo "-"; return; }; bench_fmt "$(bench_calc "$v / 1000")"; }

summary() {
  local s label
  echo "## fault-to-notification $STAMP"
  echo
  echo "machine: $(nproc) CPUs ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), load average at start" \
    "$LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "command: bench/fault-to-notification.sh $ARGS"
  echo "settings: $TARGETS targets, $ROUNDS rounds ($((TARGETS * ROUNDS)) faults, one at a time, each at a random moment" \
    "of a ${INTERVAL}s window); Steward: interval ${INTERVAL}s, fail_after $FAIL_AFTER, retry_interval ${RETRY}s," \
    "group_wait 0s; Prometheus: scrape ${INTERVAL}s, rule every ${EVAL}s with for: ${FOR}s, Alertmanager group_wait 0s;" \
    "wait limit ${WAIT_LIMIT}s$([ "$WAIT_FOR" != "$SYSTEMS" ] && echo ", faults waited for $WAIT_FOR only")"
  echo
  echo "| system | faults | notified | missing | fault → notification p50 / p90 / p99 / max (s) | min / mean (s) | fault → first failed probe p50 / max (s) | first failed probe → notification p50 / p99 / max (s) |"
  echo "|---|---|---|---|---|---|---|---|"
  for s in $SYSTEMS; do
    label="Steward"; [ "$s" = prometheus ] && label="blackbox_exporter + Prometheus + Alertmanager"
    echo "| $label | $(fstat "$s" faults) | $(fstat "$s" notified) | $(fstat "$s" missing) |" \
      "$(secs "$s" p50_ms) / $(secs "$s" p90_ms) / $(secs "$s" p99_ms) / $(secs "$s" max_ms) |" \
      "$(secs "$s" min_ms) / $(secs "$s" mean_ms) | $(secs "$s" probe_p50_ms) / $(secs "$s" probe_max_ms) |" \
      "$(secs "$s" after_probe_p50_ms) / $(secs "$s" after_probe_p99_ms) / $(secs "$s" after_probe_max_ms) |"
  done
  if has steward; then
    echo
    echo "Steward, p50 / p90 / p99 / max in s: fault → StewardCheckDown firing (its log, before routing and delivery)" \
      "$(quantiles "$RUN/steward-firing.txt"); of which fault → check DOWN (store) $(quantiles "$RUN/steward-stages.txt" 2)," \
      "DOWN → firing (the next evaluation of the built-in rule group) $(quantiles "$RUN/steward-stages.txt" 3);" \
      "then firing → webhook arrival $(quantiles "$RUN/steward-stages.txt" 4)"
  fi
  echo
  if has steward; then
    local p99
    p99=$(fstat steward p99_ms)
    if [ "$p99" = "-" ] || [ -z "$p99" ] || [ "$(fstat steward missing)" != 0 ]; then
      echo "goal (Steward p99 <= interval + $((FAIL_AFTER - 1)) retries + 2 s = ${GOAL_S} s): not met (missing notifications)"
    else
      echo "goal (Steward p99 <= interval + $((FAIL_AFTER - 1)) retries + 2 s = ${GOAL_S} s):" \
        "$([ "$p99" -le $((GOAL_S * 1000)) ] && echo met || echo "not met") ($(secs steward p99_ms) s)"
    fi
  fi
  echo "raw files: bench/results/fault-to-notification-$STAMP/ (faults.txt: one line per fault, latencies in ms)"
  echo
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
has prometheus && ensure_packages
has steward && bench_ensure_jar "$ROOT"
ports=("$HARNESS_PORT")
has prometheus && ports+=("$BLACKBOX_PORT" "$PROM_PORT" "$AM_PORT")
has steward && ports+=("$STEWARD_PORT")
bench_require_ports_free "${ports[@]}"
start_harness
has prometheus && start_reference
has steward && start_steward
bench_log "warm-up ${WARMUP}s, then $((TARGETS * ROUNDS)) faults"
sleep "$WARMUP"
: >"$RUN/faults.txt"
run_faults
harness /_stats >"$RUN/stats.txt"
if has steward; then
  kill -0 "$STEWARD_PID" 2>/dev/null || bench_log "Steward exited during the run"
  steward_stages
fi
summary | tee -a "$RESULTS/fault-to-notification.md"
