#!/usr/bin/env bash
# Rollback timing through a real proxy: a stable and a canary backend (bench/proxy_rollback.py), a real nginx or
# HAProxy in front of them whose pool is the file Steward's nginx/haproxy deploy provider writes, a real Steward daemon
# (`steward run`) and a load generator recording which version answered each request. Each round deploys a bad version
# (503 on one canary request in three) at 10 % canary weight; the analysis (the canary's scraped 5xx ratio) fails and
# Steward rolls back: rewrites the pool file, validates it (nginx -t / haproxy -c) and reloads the proxy. Per round it
# reports, from the deployment's timeline (GET /api/v1/deployments/{id}), decision (rollback-issued) -> provider
# applied (rollback-applied), and from the load log decision -> the last answer the canary gave.
# Loopback only; everything started is ended on exit. See bench/README.md, section "Rollback through a proxy".
#
#   bench/proxy-rollback.sh [ROUNDS] [nginx|haproxy|both]     (default: 5 both)
#
# Ports: BENCH_PROXY_PORT (default 9950) and the next six. Load: BENCH_PROXY_THREADS (4) keep-alive connections,
# each waiting BENCH_PROXY_INTERVAL_MS (10) between requests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
trap bench_cleanup EXIT

ROUNDS=${1:-5}
KINDS=${2:-both}
case "$KINDS" in
  nginx | haproxy) ;;
  both) KINDS="nginx haproxy" ;;
  *) bench_die "second argument: expected nginx, haproxy or both, was '$KINDS'" ;;
esac
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || bench_die "first argument (ROUNDS): expected a whole number >= 1, was '$ROUNDS'"
BASE=${BENCH_PROXY_PORT:-9950}
STABLE_PORT=$BASE
CANARY_PORT=$((BASE + 1))
THREADS=${BENCH_PROXY_THREADS:-4}
INTERVAL_MS=${BENCH_PROXY_INTERVAL_MS:-10}
PY="$ROOT/bench/proxy_rollback.py"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

for tool in python3 curl; do command -v "$tool" >/dev/null || bench_die "$tool is needed"; done
for kind in $KINDS; do
  [ -x "/usr/sbin/$kind" ] || command -v "$kind" >/dev/null \
    || bench_die "$kind is not installed (Debian package nginx-light or haproxy; bash .ci/install-peers)"
done
bench_require_ports_free $(seq "$BASE" $((BASE + 6)))
bench_ensure_jar "$ROOT"

WORK=$(mktemp -d /tmp/steward-proxy-bench.XXXXXX)
bench_log "work directory: $WORK"
echo "1.0.0" >"$WORK/stable-version"
echo "1.0.0" >"$WORK/canary-version"
bench_spawn "$WORK/stable.log" python3 "$PY" backend "$STABLE_PORT" stable "$WORK/stable-version" 3
STABLE_PID=$BENCH_LAST_PID
bench_spawn "$WORK/canary.log" python3 "$PY" backend "$CANARY_PORT" canary "$WORK/canary-version" 3
CANARY_PID=$BENCH_LAST_PID
bench_wait_http "http://127.0.0.1:$STABLE_PORT/health" 10 "$STABLE_PID" || bench_die "stable backend did not start: $WORK/stable.log"
bench_wait_http "http://127.0.0.1:$CANARY_PORT/health" 10 "$CANARY_PID" || bench_die "canary backend did not start: $WORK/canary.log"

# The pool as Steward's provider writes it at 0 % canary (the proxy needs the file to start).
initial_pool() {
  if [ "$1" = nginx ]; then
    printf '# initial\nupstream web {\n    server 127.0.0.1:%s weight=1; # stable\n    server 127.0.0.1:%s down; # canary\n}\n' \
      "$STABLE_PORT" "$CANARY_PORT"
  else
    printf '# initial\nbackend web\n    balance roundrobin\n    server stable-1 127.0.0.1:%s weight 1\n    server canary-1 127.0.0.1:%s weight 0\n' \
      "$STABLE_PORT" "$CANARY_PORT"
  fi
}

# start_proxy KIND DIR PORT: writes the proxy's configuration in DIR and starts it in the foreground (master process
# plus workers); sets VALIDATE and RELOAD, the commands Steward's provider runs.
start_proxy() {
  local kind=$1 dir=$2 port=$3
  initial_pool "$kind" >"$dir/pool.conf"
  if [ "$kind" = nginx ]; then
    mkdir -p "$dir/nginx-tmp"
    cat >"$dir/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log notice;
events { worker_connections 512; }
http {
    access_log off;
    client_body_temp_path $dir/nginx-tmp/body;
    proxy_temp_path $dir/nginx-tmp/proxy;
    include $dir/pool.conf;
    server {
        listen 127.0.0.1:$port;
        location / {
            proxy_pass http://web;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_next_upstream off;
        }
    }
}
EOF
    VALIDATE="nginx -q -t -p $dir -c $dir/nginx.conf"
    RELOAD="nginx -p $dir -c $dir/nginx.conf -s reload"
    bench_spawn "$dir/proxy.log" nginx -p "$dir" -c "$dir/nginx.conf"
  else
    cat >"$dir/haproxy.cfg" <<EOF
global
    maxconn 1000
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
frontend web_in
    bind 127.0.0.1:$port
    default_backend web
EOF
    VALIDATE="haproxy -q -c -f $dir/haproxy.cfg -f $dir/pool.conf"
    # Master-worker mode: USR2 to the master re-reads both files and starts a new worker; the old one stops softly.
    RELOAD="kill -USR2 \$(cat $dir/haproxy.pid)"
    bench_spawn "$dir/proxy.log" haproxy -W -db -p "$dir/haproxy.pid" -f "$dir/haproxy.cfg" -f "$dir/pool.conf"
  fi
  PROXY_PID=$BENCH_LAST_PID
}

stack_file() {
  local kind=$1 dir=$2 pool_key=upstream
  [ "$kind" = haproxy ] && pool_key=backend
  cat <<EOF
# Written by bench/proxy-rollback.sh for one run; ports and paths change from run to run.
stack: proxy-bench
environments:
  - name: bench
services:
  web:
    description: "A web service behind $kind: stable and canary pools on loopback"
    checks:
      - name: stable
        http: {url: "http://127.0.0.1:$STABLE_PORT/health"}
        interval: 5s
        timeout: 2s
        expect: ['status == 200']
    metrics: {scrape: "http://127.0.0.1:$CANARY_PORT/metrics", interval: 1s}
    deploy:
      provider:
        type: $kind
        file: $dir/pool.conf
        $pool_key: web
        stable: ["127.0.0.1:$STABLE_PORT"]
        canary: ["127.0.0.1:$CANARY_PORT"]
        validate: "$VALIDATE"
        reload: "$RELOAD"
        timeout: 30s
        commands:
          deploy: "echo \${version} > $WORK/canary-version"
      strategy:
        canary:
          steps:
            - {weight: 10, pause: 60s, analysis: canary-errors}
      gates:
        after: {validation: 10s}
      analyses:
        canary-errors:
          interval: 2s
          min_samples: 1
          metrics:
            - name: canary-error-rate
              query: '(sum(increase(http_requests_total{role="canary",code=~"5.."}[10s])) or vector(0)) / (sum(increase(http_requests_total{role="canary"}[10s])) > 0)'
              failure: 'result > 0.05'
EOF
}

# From a deployment's JSON (GET /api/v1/deployments/{id}): "ISSUED APPLIED TOOK_MS SERVING" (unix times of
# rollback-issued, rollback-applied and the first step-applied; TOOK_MS the provider's own time for the rollback, from
# "rollback applied in N ms"; "-" when absent), then the gate-failed reason.
timeline() {
  python3 -c '
import json, re, sys
from datetime import datetime
d = json.load(open(sys.argv[1]))
d = d.get("data", d)
def entry(trigger):
    return next((e for e in d["timeline"] if e["trigger"] == trigger), None)
def at(trigger):
    e = entry(trigger)
    return "%.6f" % datetime.fromisoformat(e["at"].replace("Z", "+00:00")).timestamp() if e else "-"
applied = entry("rollback-applied")
took = re.search(r"applied in ([0-9]+) ms", applied.get("reason", "")) if applied else None
print(at("rollback-issued"), at("rollback-applied"), took.group(1) if took else "-", at("step-applied"))
print((entry("gate-failed") or {}).get("reason", "").replace("|", "/")[:80])
' "$1"
}

ms() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-") print "-"; else printf "%.0f\n", (b - a) * 1000 }'; }

RESULTS="$WORK/results.md"
echo "| proxy | round | canary serving → decision (s) | provider's rollback: write, validate, reload (ms) | decision → rollback-applied on the timeline (ms) | decision → last canary answer (ms) | canary answers after the decision | requests in the 5 s after the decision: all / no answer / stable non-2xx |" >"$RESULTS"
echo "|---|---|---|---|---|---|---|---|" >>"$RESULTS"

port_offset=2
for kind in $KINDS; do
  dir="$WORK/$kind"
  mkdir -p "$dir"
  proxy_port=$((BASE + port_offset))
  steward_port=$((BASE + port_offset + 1))
  port_offset=$((port_offset + 2))
  start_proxy "$kind" "$dir" "$proxy_port"
  bench_wait_http "http://127.0.0.1:$proxy_port/" 10 "$PROXY_PID" || bench_die "$kind did not start: $dir/proxy.log"
  stack_file "$kind" "$dir" >"$dir/stack.yaml"
  "$ROOT/bin/steward" validate --config "$dir/stack.yaml" >"$dir/validate.log" 2>&1 \
    || bench_die "the stack file is invalid: $dir/validate.log"
  bench_spawn "$dir/steward.log" "$ROOT/bin/steward" run --config "$dir/stack.yaml" --data "$dir/data" --port "$steward_port"
  STEWARD_PID=$BENCH_LAST_PID
  url="http://127.0.0.1:$steward_port"
  bench_wait_http "$url/health" 120 "$STEWARD_PID" || bench_die "steward did not start: $dir/steward.log"
  bench_spawn "$dir/load-gen.log" python3 "$PY" load "http://127.0.0.1:$proxy_port/" "$THREADS" "$INTERVAL_MS" "$dir/load.log"
  LOAD_PID=$BENCH_LAST_PID
  sleep 8 # the stable check passes, the canary's metrics are scraped a few times
  for round in $(seq 1 "$ROUNDS"); do
    version="2.0.$round-bad"
    bench_log "$kind round $round: deploying $version"
    # A deployment that pauses instead of rolling back (e.g. no canary data) would be watched for ever: 120 s at most.
    out=$(timeout 120 "$ROOT/bin/steward" deploy start web "$version" --env bench --stable 1.0.0 --server "$url" --watch 2>&1 || true)
    echo "$out" >"$dir/deploy-$round.log"
    id=$(echo "$out" | grep -o 'dep-[A-Za-z0-9_-]*' | head -1)
    [ -n "$id" ] || bench_die "no deployment id in the output of steward deploy start: $dir/deploy-$round.log"
    state=$(curl -sf "$url/api/v1/deployments/$id" | python3 -c 'import json, sys; d = json.load(sys.stdin); print(d.get("data", d)["state"])')
    if [ "$state" != rolled-back ]; then
      "$ROOT/bin/steward" deploy abort "$id" --server "$url" --reason "proxy-rollback bench: not rolled back" >/dev/null 2>&1 || true
      bench_die "deployment $id ended $state, not rolled-back; its timeline: curl $url/api/v1/deployments/$id (logs: $dir)"
    fi
    curl -sf "$url/api/v1/deployments/$id" >"$dir/deployment-$round.json"
    { read -r issued applied took serving; read -r reason; } < <(timeline "$dir/deployment-$round.json")
    [ "$issued" != - ] || bench_die "no rollback-issued on the timeline of $id: $dir/deployment-$round.json"
    bench_sleep_until "$(bench_calc "$issued + 6")" 10 # the load log covers the 5 s after the decision
    read -r last_got _last_sent canary_after requests errors bad_stable kinds \
      < <(python3 "$PY" last-canary "$dir/load.log" "$issued" "$(bench_calc "$issued + 5")")
    [ "$kinds" = - ] && kinds="" || kinds=" ($kinds)"
    echo "| $kind | $round | $(awk -v a="$serving" -v b="$issued" 'BEGIN { if (a == "-" || b == "-") print "-"; else printf "%.1f\n", b - a }') | $took | $(ms "$issued" "$applied") | $(ms "$issued" "$last_got") | $canary_after | $requests / $errors$kinds / $bad_stable |" >>"$RESULTS"
    bench_log "$kind round $round: $id: $reason"
    tail -1 "$RESULTS" >&2
    sleep 12 # the canary's last errors leave the analysis' 10 s window
  done
  bench_stop "$LOAD_PID"
  bench_stop "$STEWARD_PID"
  bench_stop "$PROXY_PID"
done
cat "$RESULTS"
bench_log "logs: $WORK"
