#!/usr/bin/env bash
# Rollback timing with the `command` deploy provider driving docker compose: deploys a bad checkout version (503 on
# about one request in five) ROUNDS times through a real Steward daemon and reads, per round, when the rollback was
# decided (`rollback-issued` on the deployment's timeline), when the provider applied it (`rollback-applied`: the
# `docker-compose rm -s -f canary` command returned) and, from a load loop through the front, when the last answer of
# the canary version came back. Goal (issue 6): decision → stable version serving all traffic ≤ 30 s. See
# bench/README.md, section "Rollback with the compose command provider".
#
# The setup, all on loopback:
#   - images `steward-bench-checkout:<version>` built with `docker import` from a rootfs holding only a static
#     busybox: `busybox httpd` runs a CGI that answers the version name (a version containing `bad` answers 503 to
#     about one request in five) and a `/cgi-bin/metrics` CGI with `http_requests_total{version,code}`; its entry
#     point stops httpd on SIGTERM, as a well-behaved service does (BENCH_COMPOSE_SIGTERM=ignore runs the canary's
#     httpd as the container's PID 1 instead, which ignores SIGTERM: the stop then waits for docker's 10 s grace
#     period before SIGKILL, as with a service that does not handle SIGTERM);
#   - a compose project (temp dir) with a `stable` and a `canary` service, host network, fixed loopback ports; the
#     versions come from the environment (`STABLE_VERSION`, `CANARY_VERSION`);
#   - the front: a real nginx with a static upstream of both ports (stable weight 4, canary weight 1: the canary gets
#     20 % while it runs) and `proxy_next_upstream error timeout`, so a stopped canary drops out of the split (a
#     refused connection is retried on the stable one, the client never sees it); `max_fails=0` on the canary, so
#     nginx never parks it for 10 s and sends it its share as soon as it answers. The split is fixed: the provider's
#     `set_weight` only records the weight asked for; the compose provider starts and removes the canary container;
#   - Steward scrapes the stable and the canary `/metrics` every 2 s (the canary as service `checkout-canary`) and
#     judges the canary every 5 s by its 5xx ratio over 20 s (above 5 % rolls back);
#   - a load loop (python3, ~20 requests/s, one at a time) records (time, status, version) of every answer through
#     the front.
# "The stable version serving all traffic" means here: no answer through the front comes from the canary version any
# more. It is reached at the last canary answer, at the latest when the canary container is removed (the rollback
# command returned), since nginx cannot reach a removed container and sends its share to the stable one.
#
# Needs docker (a daemon, or dockerd to start one), docker-compose (v1 is enough), busybox (static), nginx, python3,
# curl. Run as root they are installed when missing (Debian: docker.io docker-compose busybox-static; nginx from
# .ci/install-peers). A daemon answering on $DOCKER_HOST, /var/run/docker.sock or /tmp/dockerd/docker.sock is used;
# otherwise a private dockerd (vfs storage, no bridge, no iptables) is started on /tmp/steward-bench-dockerd and
# stopped on exit (its data root stays there for the next run). Everything else the script starts or builds
# (containers, images, nginx, Steward, the load loop) is removed on exit; BENCH_KEEP=1 keeps the work dir (logs, load
# log, deployments' JSON). Settings: BENCH_COMPOSE_PORT_BASE (19300: the front, +1 stable, +2 canary, +10 Steward),
# BENCH_COMPOSE_RATE (20 requests/s), BENCH_COMPOSE_GAP (25 s between rounds: longer than the analysis window, so a
# round never judges the previous canary), BENCH_COMPOSE_SIGTERM (handle or ignore).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bench/lib.sh"
. "$ROOT/bin/java-home.sh"
ROUNDS=${1:-3}
BASE=${BENCH_COMPOSE_PORT_BASE:-19300}
RATE=${BENCH_COMPOSE_RATE:-20}
SIGTERM_MODE=${BENCH_COMPOSE_SIGTERM:-handle}
GAP=${BENCH_COMPOSE_GAP:-25}
FRONT=$BASE
STABLE_PORT=$((BASE + 1))
CANARY_PORT=$((BASE + 2))
STEWARD_PORT=$((BASE + 10))
STABLE_VERSION=1.0.0
PROJECT=steward-bench-checkout
IMAGE=steward-bench-checkout
URL="http://127.0.0.1:$STEWARD_PORT"

[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || bench_die "ROUNDS must be a positive number of rounds (saw '$ROUNDS')"
case "$SIGTERM_MODE" in
  handle) CANARY_COMMAND="[\"/bin/run\", \"127.0.0.1:$CANARY_PORT\"]" ;;
  ignore) CANARY_COMMAND="[\"/bin/httpd\", \"-f\", \"-p\", \"127.0.0.1:$CANARY_PORT\", \"-h\", \"/www\"]" ;;
  *) bench_die "BENCH_COMPOSE_SIGTERM must be handle or ignore (saw '$SIGTERM_MODE')" ;;
esac

# --- tools ---------------------------------------------------------------------------------------------------------
NGINX=$(command -v nginx || true)
[ -z "$NGINX" ] && [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx
missing=()
for tool in docker dockerd docker-compose busybox; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[ -n "$NGINX" ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || bench_die "missing: ${missing[*]}; install them (Debian, as root: apt-get install docker.io docker-compose busybox-static nginx-light) or run this script as root"
  bench_log "installing docker.io docker-compose busybox-static nginx-light (missing: ${missing[*]})"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    docker.io docker-compose busybox-static nginx-light >&2 || bench_die "apt-get install failed"
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
fi
for tool in python3 curl ss; do command -v "$tool" >/dev/null || bench_die "$tool is needed (Debian: python3, curl, iproute2)"; done
BUSYBOX=$(command -v busybox)
if command -v file >/dev/null && [[ "$(file -L "$BUSYBOX")" != *"statically linked"* ]]; then
  bench_die "$BUSYBOX is not statically linked; the image holds nothing else (Debian: busybox-static)"
fi

WORK=$(mktemp -d /tmp/steward-compose-bench.XXXXXX)
DOCKERD_PID=""
BUILT_IMAGES=()
COMPOSE_FILE="$WORK/compose/docker-compose.yml"

compose() { docker-compose -p "$PROJECT" -f "$COMPOSE_FILE" "$@"; }

finish() {
  set +e
  bench_cleanup
  if [ -f "$COMPOSE_FILE" ] && docker version >/dev/null 2>&1; then
    compose down --remove-orphans >/dev/null 2>&1
    [ ${#BUILT_IMAGES[@]} -gt 0 ] && docker rmi "${BUILT_IMAGES[@]}" >/dev/null 2>&1
  fi
  if [ -n "$DOCKERD_PID" ]; then
    kill -TERM "$DOCKERD_PID" 2>/dev/null
    for _ in $(seq 1 300); do kill -0 "$DOCKERD_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$DOCKERD_PID" 2>/dev/null
    wait "$DOCKERD_PID" 2>/dev/null
    # dockerd leaves its network namespace mounted; the data root stays for the next run
    umount "$DDIR/exec/netns/default" 2>/dev/null
  fi
  if [ -n "${BENCH_KEEP:-}" ]; then bench_log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap finish EXIT

# --- docker daemon -------------------------------------------------------------------------------------------------
docker_answers() { DOCKER_HOST="$1" timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }
if [ -n "${DOCKER_HOST:-}" ] && docker_answers "$DOCKER_HOST"; then
  :
elif docker_answers unix:///var/run/docker.sock; then
  export DOCKER_HOST=unix:///var/run/docker.sock
elif docker_answers unix:///tmp/dockerd/docker.sock; then
  export DOCKER_HOST=unix:///tmp/dockerd/docker.sock
else
  [ "$(id -u)" = 0 ] || bench_die "no docker daemon answers and starting one needs root"
  DDIR=/tmp/steward-bench-dockerd
  mkdir -p "$DDIR"
  export DOCKER_HOST="unix://$DDIR/docker.sock"
  bench_log "starting a private dockerd on $DOCKER_HOST (log $DDIR/log)"
  dockerd --data-root "$DDIR/data" --exec-root "$DDIR/exec" -H "$DOCKER_HOST" --pidfile "$DDIR/pid" \
    --iptables=false --ip-forward=false --bridge=none --storage-driver=vfs >"$DDIR/log" 2>&1 &
  DOCKERD_PID=$!
  for _ in $(seq 1 60); do docker_answers "$DOCKER_HOST" && break; kill -0 "$DOCKERD_PID" 2>/dev/null || break; sleep 1; done
  docker_answers "$DOCKER_HOST" || bench_die "dockerd did not answer within 60 s; see $DDIR/log"
fi
bench_log "docker daemon $(docker version --format '{{.Server.Version}}') on $DOCKER_HOST, storage $(docker info --format '{{.Driver}}'), canary SIGTERM: $SIGTERM_MODE"
bench_require_ports_free "$FRONT" "$STABLE_PORT" "$CANARY_PORT" "$STEWARD_PORT"
if [ -n "$(docker ps -aq --filter "label=com.docker.compose.project=$PROJECT")" ]; then
  bench_die "containers of compose project $PROJECT exist already (docker ps -a --filter label=com.docker.compose.project=$PROJECT); remove them first"
fi

# --- images --------------------------------------------------------------------------------------------------------
# build_image VERSION: steward-bench-checkout:VERSION from a rootfs with a static busybox and two CGI scripts.
build_image() {
  local version="$1" r="$WORK/rootfs-$1" applet
  mkdir -p "$r/bin" "$r/etc" "$r/tmp" "$r/www/cgi-bin"
  chmod 1777 "$r/tmp"
  cp "$BUSYBOX" "$r/bin/busybox"
  for applet in sh httpd awk kill; do ln -s busybox "$r/bin/$applet"; done
  printf '%s\n' "$version" >"$r/etc/version"
  echo ok >"$r/www/health"
  : >"$r/tmp/requests"
  chmod 666 "$r/tmp/requests"
  cat >"$r/bin/run" <<'EOF'
#!/bin/sh
# run ADDR: busybox httpd on ADDR until SIGTERM, which stops it at once.
: > /tmp/requests
httpd -f -p "$1" -h /www &
pid=$!
trap 'kill $pid; wait $pid; exit 0' TERM INT
wait $pid
EOF
  cat >"$r/www/cgi-bin/checkout" <<'EOF'
#!/bin/sh
read -r version < /etc/version
code=200
case "$version" in *bad*) [ $((RANDOM % 5)) -eq 0 ] && code=503 ;; esac
echo "$code" >> /tmp/requests
[ "$code" = 503 ] && printf 'Status: 503 Service Unavailable\r\n'
printf 'Content-Type: text/plain\r\n\r\n%s\n' "$version"
EOF
  cat >"$r/www/cgi-bin/metrics" <<'EOF'
#!/bin/sh
read -r version < /etc/version
printf 'Content-Type: text/plain; version=0.0.4\r\n\r\n'
awk -v v="$version" '{ n[$1]++ } END {
  print "# TYPE http_requests_total counter"
  printf "http_requests_total{version=\"%s\",code=\"200\"} %d\n", v, n["200"]
  printf "http_requests_total{version=\"%s\",code=\"503\"} %d\n", v, n["503"] }' /tmp/requests
EOF
  chmod 755 "$r/bin/run" "$r/www/cgi-bin/checkout" "$r/www/cgi-bin/metrics"
  tar -C "$r" -cf "$r.tar" .
  docker image inspect "$IMAGE:$version" >/dev/null 2>&1 && bench_die "image $IMAGE:$version exists already; remove it (docker rmi $IMAGE:$version)"
  docker import "$r.tar" "$IMAGE:$version" >/dev/null || bench_die "docker import of $IMAGE:$version failed"
  BUILT_IMAGES+=("$IMAGE:$version")
}
VERSIONS=()
for round in $(seq 1 "$ROUNDS"); do VERSIONS+=("1.$round.0-bad"); done
for v in "$STABLE_VERSION" "${VERSIONS[@]}"; do build_image "$v"; done
bench_log "built ${BUILT_IMAGES[*]}"

# --- compose project -----------------------------------------------------------------------------------------------
mkdir -p "$WORK/compose"
cat >"$COMPOSE_FILE" <<EOF
version: "2.4"
services:
  stable:
    image: "$IMAGE:\${STABLE_VERSION:-$STABLE_VERSION}"
    network_mode: host
    command: ["/bin/run", "127.0.0.1:$STABLE_PORT"]
  canary:
    image: "$IMAGE:\${CANARY_VERSION:-unset}"
    network_mode: host
    command: $CANARY_COMMAND
EOF
STABLE_VERSION=$STABLE_VERSION compose up -d --no-deps stable >"$WORK/compose-up.log" 2>&1 \
  || bench_die "docker-compose up stable failed: $(cat "$WORK/compose-up.log")"
for _ in $(seq 1 50); do curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$STABLE_PORT/health" 2>/dev/null && break; sleep 0.2; done
curl -fsS -o /dev/null "http://127.0.0.1:$STABLE_PORT/health" || bench_die "the stable container does not answer on $STABLE_PORT"

# --- front ---------------------------------------------------------------------------------------------------------
mkdir -p "$WORK/nginx/logs"
cat >"$WORK/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  upstream checkout {
    server 127.0.0.1:$STABLE_PORT weight=4;
    server 127.0.0.1:$CANARY_PORT weight=1 max_fails=0;
  }
  server {
    listen 127.0.0.1:$FRONT;
    location = /nginx-health { return 200 "ok\n"; }
    location / {
      proxy_pass http://checkout/cgi-bin/checkout;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 1s;
      proxy_read_timeout 5s;
    }
  }
}
EOF
"$NGINX" -t -q -p "$WORK/nginx/" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/logs/error.log" \
  || bench_die "nginx rejects $WORK/nginx/nginx.conf"
bench_spawn "$WORK/nginx/logs/stdout.log" "$NGINX" -p "$WORK/nginx/" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/logs/error.log"
NGINX_PID=$BENCH_LAST_PID
bench_wait_http "http://127.0.0.1:$FRONT/nginx-health" 10 "$NGINX_PID" || bench_die "nginx did not start; see $WORK/nginx/logs"

# --- Steward -------------------------------------------------------------------------------------------------------
CANARY_ERROR_RATE='(sum(increase(http_requests_total{service="checkout-canary",code=~"5.."}[20s])) or vector(0)) / (sum(increase(http_requests_total{service="checkout-canary"}[20s])) > 0)'
C="docker-compose -p $PROJECT -f $COMPOSE_FILE"
cat >"$WORK/stack.yml" <<EOF
stack: compose-bench
environments:
  - name: staging
services:
  checkout:
    description: checkout behind nginx; stable and canary are docker compose services
    checks:
      - {name: stable, http: {url: "http://127.0.0.1:$STABLE_PORT/health"}, interval: 2s, expect: 'status == 200'}
      - {name: front, http: {url: "http://127.0.0.1:$FRONT/nginx-health"}, interval: 2s, expect: 'status == 200'}
    metrics: {scrape: "http://127.0.0.1:$STABLE_PORT/cgi-bin/metrics", interval: 2s}
    deploy:
      provider:
        type: command
        deploy: 'CANARY_VERSION=\${version} $C up -d --no-deps canary'
        set_weight: 'echo "canary weight \${weight} % asked; the nginx split is fixed at 20 %"'
        promote: 'STABLE_VERSION=\${version} $C up -d --no-deps stable && $C rm -s -f canary'
        rollback: '$C rm -s -f canary'
        cleanup: '$C rm -s -f canary'
        timeout: 2m
        env: {DOCKER_HOST: "$DOCKER_HOST"}
      strategy:
        canary:
          steps:
            - {weight: 20, pause: 60s, analysis: canary-errors}
      gates:
        after: {validation: 10s}
      analyses:
        canary-errors:
          interval: 5s
          min_samples: 2
          metrics:
            - name: canary-error-rate
              query: '$CANARY_ERROR_RATE'
              failure: 'result > 0.05'
  checkout-canary:
    description: the canary container's own metrics (scraped while it runs)
    metrics: {scrape: "http://127.0.0.1:$CANARY_PORT/cgi-bin/metrics", interval: 2s}
EOF
bench_ensure_jar "$ROOT"
"$ROOT/bin/steward" validate --config "$WORK/stack.yml" >"$WORK/validate.log" 2>&1 \
  || bench_die "the stack file is refused: $(cat "$WORK/validate.log")"
bench_spawn "$WORK/steward.log" "$ROOT/bin/steward" run --config "$WORK/stack.yml" --data "$WORK/data" --port "$STEWARD_PORT"
STEWARD_PID=$BENCH_LAST_PID
bench_wait_http "$URL/health" 120 "$STEWARD_PID" || bench_die "Steward did not start; see $WORK/steward.log"

# --- load ----------------------------------------------------------------------------------------------------------
LOAD_LOG="$WORK/load.log"
cat >"$WORK/load.py" <<'EOF'
import http.client, sys, time
port, path, rate = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
out = open(path, "a", buffering=1)
conn = None
due = time.time()
while True:
    due += 1.0 / rate
    try:
        if conn is None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/")
        r = conn.getresponse()
        body = r.read().decode("utf-8", "replace").strip() or "-"
        out.write("%.3f %d %s\n" % (time.time(), r.status, body.split()[0]))
    except Exception as e:
        out.write("%.3f ERR %s\n" % (time.time(), type(e).__name__))
        if conn is not None:
            conn.close()
        conn = None
    time.sleep(max(0.0, due - time.time()))
EOF
bench_spawn "$WORK/load.err" python3 -u "$WORK/load.py" "$FRONT" "$LOAD_LOG" "$RATE"
LOAD_PID=$BENCH_LAST_PID
for _ in $(seq 1 60); do
  [ "$(curl -fsS "$URL/api/v1/status" 2>/dev/null | python3 -c 'import json,sys
d = json.load(sys.stdin); d = d.get("data", d)
print(next((s.get("status") for s in d.get("services", []) if s.get("name") == "checkout"), ""))' 2>/dev/null)" = up ] && break
  sleep 1
done
sleep 5 # a few scrapes of the stable version before the first deployment
kill -0 "$LOAD_PID" 2>/dev/null || bench_die "the load loop died: $(cat "$WORK/load.err")"

echo "| round | version | canary serving → failing measurement (s) | decision → rollback-applied (ms) | rollback command (ms) | decision → last canary answer (ms) | canary answers after decision | front errors | reason on the timeline |"
echo "|---|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  v="1.$round.0-bad"
  out=$("$ROOT/bin/steward" deploy start checkout "$v" --env staging --stable "$STABLE_VERSION" --server "$URL" --watch 2>&1 || true)
  echo "$out" >"$WORK/round-$round.watch"
  id=$(echo "$out" | grep -o 'dep-[A-Za-z0-9_-]*' | head -1)
  [ -n "$id" ] || bench_die "round $round: no deployment id in: $out"
  sleep 3 # answers still in flight at the end of the rollback reach the log
  curl -sf "$URL/api/v1/deployments/$id" >"$WORK/round-$round.json" || bench_die "round $round: GET $URL/api/v1/deployments/$id failed"
  python3 - "$round" "$v" "$WORK/round-$round.json" "$LOAD_LOG" <<'EOF'
import json, re, sys
from datetime import datetime
round_, version, dep, load = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
d = json.load(open(dep)); d = d.get("data", d)
def at(trigger):
    xs = [e for e in d["timeline"] if e["trigger"] == trigger]
    return (datetime.fromisoformat(xs[0]["at"].replace("Z", "+00:00")).timestamp(), xs[0]) if xs else (None, None)
serving, _ = at("step-applied"); failed, fe = at("gate-failed"); issued, _ = at("rollback-issued"); applied, ae = at("rollback-applied")
took = re.search(r"applied in (\d+) ms", (ae or {}).get("reason", "") or "")
reason = (fe or {}).get("reason", "") or "-"
lines = [l.split() for l in open(load)]
canary = [float(l[0]) for l in lines if len(l) >= 3 and l[2] == version]
last = max(canary) if canary else None
after = sum(1 for t in canary if issued is not None and t > issued)
start = serving if serving is not None else (issued or 0)
errors = sum(1 for l in lines if len(l) >= 2 and l[1] == "ERR" and float(l[0]) >= start - 1 and (applied is None or float(l[0]) <= applied + 30))
f = lambda a, b, k, fmt: "-" if a is None or b is None else fmt % ((b - a) * k)
print("| %s | %s | %s | %s | %s | %s | %d | %d | %s |" % (round_, version, f(serving, failed, 1, "%.1f"),
      f(issued, applied, 1000, "%.0f"), took.group(1) if took else "-", f(issued, last, 1000, "%.0f"), after, errors,
      reason[:100].replace("|", "\\|")))
if d.get("state") != "rolled-back":
    print("round %s: deployment %s ended %s, not rolled-back" % (round_, d.get("id"), d.get("state")), file=sys.stderr)
EOF
  if [ "$round" -lt "$ROUNDS" ]; then sleep "$GAP"; fi
done
bench_log "load: $(wc -l <"$LOAD_LOG") answers through the front; work dir $WORK (BENCH_KEEP=1 keeps it)"
