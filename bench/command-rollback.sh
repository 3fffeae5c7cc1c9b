#!/usr/bin/env bash
# Rollback timing with the `command` provider restarting real processes: a stand-in for a compose rollback on a
# machine without a docker daemon (bench/compose-standin.sh: stop the service's process, start the other version on
# the same port, wait for /health). It measures Steward plus a process restart, not compose nor a container start.
# One service on loopback, a real Steward daemon (`steward run`), a load generator sending requests straight to the
# service's port and recording which version answered. Each round deploys a bad version (503 on one request in three);
# the analysis (its scraped 5xx ratio) fails and Steward runs the rollback command: the stable version is started in
# its place. Per round: decision (rollback-issued) -> provider applied, -> last answer of the bad version, -> first
# answer of the stable version; requests without an answer while the port had no process.
# See bench/README.md, section "Rollback through a proxy".
#
#   bench/command-rollback.sh [ROUNDS]     (default 5; ports BENCH_COMMAND_PORT, default 9960, and the next one)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
ROUNDS=${1:-5}
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || bench_die "first argument (ROUNDS): expected a whole number >= 1, was '$ROUNDS'"
APP_PORT=${BENCH_COMMAND_PORT:-9960}
STEWARD_PORT=$((APP_PORT + 1))
THREADS=${BENCH_PROXY_THREADS:-4}
INTERVAL_MS=${BENCH_PROXY_INTERVAL_MS:-10}
PY="$ROOT/bench/proxy_rollback.py"
STANDIN="$ROOT/bench/compose-standin.sh"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
for tool in python3 curl setsid; do command -v "$tool" >/dev/null || bench_die "$tool is needed"; done
bench_require_ports_free "$APP_PORT" "$STEWARD_PORT"
bench_ensure_jar "$ROOT"

WORK=$(mktemp -d /tmp/steward-command-bench.XXXXXX)
# The service's process is started by the stand-in, not bench_spawn: end it by its pid file too.
trap 'bench_cleanup; [ -f "$WORK/app.pid" ] && kill -TERM "$(cat "$WORK/app.pid")" 2>/dev/null || true' EXIT
bench_log "work directory: $WORK"
"$STANDIN" "$WORK" "$APP_PORT" 1.0.0 >/dev/null || bench_die "the service did not start: $WORK/app.log"

cat >"$WORK/stack.yaml" <<EOF
# Written by bench/command-rollback.sh for one run; ports and paths change from run to run.
stack: command-bench
environments:
  - name: bench
services:
  app:
    description: "One process per version, replaced by bench/compose-standin.sh (a stand-in for compose)"
    checks:
      - name: health
        http: {url: "http://127.0.0.1:$APP_PORT/health"}
        interval: 5s
        timeout: 2s
        expect: ['status == 200']
    metrics: {scrape: "http://127.0.0.1:$APP_PORT/metrics", interval: 1s}
    deploy:
      provider:
        type: command
        deploy: "$STANDIN $WORK $APP_PORT \${version}"
        rollback: "$STANDIN $WORK $APP_PORT \${stable_version}"
        timeout: 30s
      strategy:
        canary:
          steps:
            - {weight: 100, pause: 60s, analysis: errors}
      gates:
        after: {validation: 10s}
      analyses:
        errors:
          interval: 2s
          min_samples: 1
          metrics:
            - name: error-rate
              query: '(sum(increase(http_requests_total{code=~"5.."}[10s])) or vector(0)) / (sum(increase(http_requests_total[10s])) > 0)'
              failure: 'result > 0.05'
EOF
"$ROOT/bin/steward" validate --config "$WORK/stack.yaml" >"$WORK/validate.log" 2>&1 || bench_die "the stack file is invalid: $WORK/validate.log"
bench_spawn "$WORK/steward.log" "$ROOT/bin/steward" run --config "$WORK/stack.yaml" --data "$WORK/data" --port "$STEWARD_PORT"
STEWARD_PID=$BENCH_LAST_PID
url="http://127.0.0.1:$STEWARD_PORT"
bench_wait_http "$url/health" 120 "$STEWARD_PID" || bench_die "steward did not start: $WORK/steward.log"
bench_spawn "$WORK/load-gen.log" python3 "$PY" load "http://127.0.0.1:$APP_PORT/" "$THREADS" "$INTERVAL_MS" "$WORK/load.log"
sleep 8 # the health check passes, the metrics are scraped a few times

ms() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-") print "-"; else printf "%.0f\n", (b - a) * 1000 }'; }
RESULTS="$WORK/results.md"
echo "| round | bad version serving → decision (s) | provider's rollback: stop, start, healthy (ms) | decision → rollback-applied on the timeline (ms) | decision → last answer of the bad version (ms) | decision → first answer of 1.0.0 after it (ms) | requests in the 5 s after the decision: all / no answer |" >"$RESULTS"
echo "|---|---|---|---|---|---|---|" >>"$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  version="2.0.$round-bad"
  bench_log "round $round: deploying $version"
  out=$(timeout 120 "$ROOT/bin/steward" deploy start app "$version" --env bench --stable 1.0.0 --server "$url" --watch 2>&1 || true)
  echo "$out" >"$WORK/deploy-$round.log"
  id=$(echo "$out" | grep -o 'dep-[A-Za-z0-9_-]*' | head -1)
  [ -n "$id" ] || bench_die "no deployment id in the output of steward deploy start: $WORK/deploy-$round.log"
  curl -sf "$url/api/v1/deployments/$id" >"$WORK/deployment-$round.json"
  read -r state issued applied took serving < <(python3 -c '
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
print(d["state"], at("rollback-issued"), at("rollback-applied"), took.group(1) if took else "-", at("step-applied"))
' "$WORK/deployment-$round.json")
  if [ "$state" != rolled-back ] || [ "$issued" = - ]; then
    "$ROOT/bin/steward" deploy abort "$id" --server "$url" --reason "command-rollback bench: not rolled back" >/dev/null 2>&1 || true
    bench_die "deployment $id ended $state, not rolled-back: $WORK/deployment-$round.json"
  fi
  bench_sleep_until "$(bench_calc "$issued + 6")" 10
  read -r last_bad first_stable requests errors kinds \
    < <(python3 "$PY" switch "$WORK/load.log" "$issued" "$(bench_calc "$issued + 5")" 1.0.0)
  [ "$kinds" = - ] && kinds="" || kinds=" ($kinds)"
  echo "| $round | $(awk -v a="$serving" -v b="$issued" 'BEGIN { if (a == "-" || b == "-") print "-"; else printf "%.1f\n", b - a }') | $took | $(ms "$issued" "$applied") | $(ms "$issued" "$last_bad") | $(ms "$issued" "$first_stable") | $requests / $errors$kinds |" >>"$RESULTS"
  tail -1 "$RESULTS" >&2
  sleep 12 # the bad version's errors leave the analysis' 10 s window
done
cat "$RESULTS"
bench_log "logs: $WORK"
