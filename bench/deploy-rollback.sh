#!/usr/bin/env bash
# Rollback timing in the demo: deploys a bad checkout version (5xx on one request in five) ROUNDS times through the
# real daemon and the demo's http provider, and reads each deployment's timeline: when the canary started serving,
# when the failing measurement was taken (gate-failed), when the rollback was issued and when it was applied (the
# stable version serving all traffic again). Loopback only; the demo it starts is ended on exit. See bench/README.md,
# section "Deployment rollback".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS=${1:-3}
PORT=${BENCH_DEMO_PORT:-9941}
URL="http://127.0.0.1:$PORT"
LOG=$(mktemp)
"$ROOT/bin/steward" demo --port "$PORT" >"$LOG" 2>&1 &
DEMO=$!
trap 'kill $DEMO 2>/dev/null || true; wait $DEMO 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "$URL/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "$URL/health" >/dev/null || { echo "demo did not start; log: $LOG" >&2; exit 1; }
sleep 20 # let the checks and the checkout's metrics settle
echo "| round | canary serving → failing measurement (s) | failing measurement → rollback issued (ms) | rollback issued → applied (ms) | reason |"
echo "|---|---|---|---|---|"
stable="--stable 1.0.0"
for round in $(seq 1 "$ROUNDS"); do
  out=$("$ROOT/bin/steward" deploy start checkout "1.2.$round-bad" --env staging $stable --server "$URL" --watch 2>&1 || true)
  id=$(echo "$out" | grep -o 'dep-[A-Za-z0-9_-]*' | head -1)
  curl -sf "$URL/api/v1/deployments/$id" | python3 -c '
import json, sys
from datetime import datetime
d = json.load(sys.stdin)
d = d.get("data", d)
def at(trigger, first=True):
    xs = [datetime.fromisoformat(e["at"].replace("Z", "+00:00")) for e in d["timeline"] if e["trigger"] == trigger]
    return (xs[0] if first else xs[-1]) if xs else None
serving = at("step-applied"); failed = at("gate-failed"); issued = at("rollback-issued"); applied = at("rollback-applied")
reason = next((e.get("reason", "") for e in d["timeline"] if e["trigger"] == "gate-failed"), "")
f = lambda a, b, k: "-" if a is None or b is None else ("%.1f" % ((b - a).total_seconds() * k) if k == 1 else "%.0f" % ((b - a).total_seconds() * k))
print("| %s | %s | %s | %s | %s |" % (sys.argv[1], f(serving, failed, 1), f(failed, issued, 1000), f(issued, applied, 1000), reason[:90]))
' "$round"

done
