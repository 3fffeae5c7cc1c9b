#!/usr/bin/env bash
# A stand-in for `docker compose up -d` of one service, for bench/command-rollback.sh on a machine without a docker
# daemon: it is not compose and measures no container start. `compose-standin.sh DIR PORT VERSION` stops the process
# that runs the service (its pid in DIR/app.pid: TERM, then waits until it is gone, 5 s at most, then KILL), starts
# VERSION in its place (bench/proxy_rollback.py backend on 127.0.0.1:PORT, detached, output to DIR/app.log) and waits
# until it answers /health (5 s at most; exit 1 if it does not).
set -euo pipefail
dir=$1 port=$2 version=$3
py="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/proxy_rollback.py"
alive() { [ -e "/proc/$1" ] && ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; }
if [ -f "$dir/app.pid" ]; then
  pid=$(cat "$dir/app.pid")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 250); do alive "$pid" || break; sleep 0.02; done
  kill -KILL "$pid" 2>/dev/null || true
fi
echo "$version" >"$dir/app-version"
setsid python3 "$py" backend "$port" app "$dir/app-version" 3 >>"$dir/app.log" 2>&1 </dev/null &
echo $! >"$dir/app.pid"
for _ in $(seq 1 250); do
  curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/health" 2>/dev/null && { echo "$version up on port $port"; exit 0; }
  sleep 0.02
done
echo "version $version did not answer on 127.0.0.1:$port within 5 s (log: $dir/app.log)" >&2
exit 1
