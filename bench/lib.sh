# Shared by bench/probe-engine.sh and bench/startup.sh: processes, ports, metrics, CPU and heap readings.
# Sourced, not run. Every process a script starts goes through bench_spawn so the EXIT trap can end it.

BENCH_PIDS=()
BENCH_TICKS=$(getconf CLK_TCK)

bench_log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
bench_die() { bench_log "error: $*"; exit 1; }

# Ends every process this script started (by pid, TERM then KILL after 5 s) and waits for them.
bench_cleanup() {
  local pid i
  for pid in "${BENCH_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for i in $(seq 1 50); do
    local alive=0
    for pid in "${BENCH_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  for pid in "${BENCH_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for pid in "${BENCH_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  BENCH_PIDS=()
}

# bench_spawn LOGFILE CMD...: starts CMD in the background, output to LOGFILE; the pid goes to $BENCH_LAST_PID.
bench_spawn() {
  local log="$1"; shift
  "$@" >"$log" 2>&1 &
  BENCH_LAST_PID=$!
  BENCH_PIDS+=("$BENCH_LAST_PID")
}

# bench_stop PID: ends one process started by bench_spawn and forgets it.
bench_stop() {
  local pid="$1" i
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  local kept=() p
  for p in "${BENCH_PIDS[@]}"; do [ "$p" = "$pid" ] || kept+=("$p"); done
  BENCH_PIDS=("${kept[@]}")
}

bench_port_free() { ! ss -Hltn "sport = :$1" | grep -q .; }

bench_require_ports_free() {
  local p
  for p in "$@"; do bench_port_free "$p" || bench_die "port $p on this machine is in use (ss -ltnp 'sport = :$p'); pick others"; done
}

# bench_wait_http URL SECONDS PID: waits until URL answers 2xx, at most SECONDS, failing early if PID has exited.
bench_wait_http() {
  local url="$1" deadline=$((SECONDS + $2)) pid="$3"
  while [ "$SECONDS" -lt "$deadline" ]; do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# jcmd with a time limit (an attach to a stuck JVM can wait for ever).
bench_jcmd() { timeout 30 "$JAVA_HOME/bin/jcmd" "$@"; }

# Builds target/steward-all.jar when it is absent or older than the sources (the same rule as bin/steward), so that
# no build happens inside a measurement.
bench_ensure_jar() {
  local root="$1"
  if [ ! -f "$root/target/steward-all.jar" ] \
      || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$root/target/steward-all.jar" -print -quit 2>/dev/null)" ]; then
    bench_log "building target/steward-all.jar"
    (cd "$root" && ./mvnw -q -B -ntp -DskipTests -Dspotless.skip=true package) >&2 || bench_die "build failed"
  fi
}

# CPU time of a process (user + system, itself and reaped children), in clock ticks, from /proc/PID/stat.
bench_cpu_ticks() {
  # Field 2 (comm) may hold spaces: cut at the last ')'. After it, utime/stime/cutime/cstime are fields 12..15.
  local rest
  rest=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) || return 1
  echo "$rest" | awk '{print $12 + $13 + $14 + $15}'
}

# Peak resident set size of a process in MiB (VmHWM).
bench_rss_peak_mib() { awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null; }

bench_now() { date +%s.%N; }

# bench_metric FILE NAME [LABEL_SUBSTRING]: sum of the samples of NAME (exact name) in a Prometheus text file whose
# label set contains LABEL_SUBSTRING; empty when there is none.
bench_metric() {
  awk -v name="$2" -v want="${3:-}" '
    /^#/ { next }
    {
      series = $1; metric = series; sub(/\{.*/, "", metric)
      if (metric != name) next
      if (want != "" && index(series, want) == 0) next
      sum += $2; seen = 1
    }
    END { if (seen) printf "%.6f\n", sum }' "$1"
}

# Arithmetic on decimals: bench_calc 'EXPR' (awk syntax), printed with 6 decimals at most (full precision for unix
# times); bench_fmt NUMBER: the same with 4 significant digits for tables ("-" and other words pass through).
bench_calc() {
  awk "BEGIN { v = $1; if (v == int(v)) printf \"%d\n\", v; else { s = sprintf(\"%.6f\", v); sub(/0+\$/, \"\", s); print s } }"
}
bench_fmt() {
  awk -v v="$1" 'BEGIN { if (v !~ /^-?[0-9.]+([eE][-+]?[0-9]+)?$/) print v; else if (v + 0 >= 1000 || v == int(v)) printf "%d\n", v + 0.5; else printf "%.4g\n", v }'
}

# bench_sleep_until UNIX_TIME MAX_SECONDS: sleeps until that time, never less than 0 nor more than MAX_SECONDS.
bench_sleep_until() {
  sleep "$(awk -v t="$1" -v now="$(bench_now)" -v max="$2" 'BEGIN { d = t - now; if (d < 0) d = 0; if (d > max) d = max; printf "%.3f", d }')"
}

# Heap used in MiB from `jcmd PID GC.heap_info` (G1 and Serial/Parallel layouts), empty if it cannot attach.
bench_jcmd_heap_mib() {
  bench_jcmd "$1" GC.heap_info 2>/dev/null | awk '
    / used [0-9]+K/ && ($1 == "garbage-first" || $1 == "def" || $1 == "PSYoungGen" || $1 == "ParOldGen" || $1 == "tenured") {
      for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); kb += v }
    }
    END { if (kb) printf "%.0f\n", kb / 1024 }'
}

# From a -Xlog:gc log: "PEAK_BEFORE_GC_MIB MAX_AFTER_GC_MIB PAUSES PAUSE_TOTAL_MS MAX_PAUSE_MS FULL_GCS" over the lines
# after line FROM (0: the whole log). MAX_AFTER_GC leaves out collections that failed to evacuate (their "after" is
# not what survived).
bench_gc_summary() {
  tail -n +"$(( ${2:-0} + 1 ))" "$1" | awk '
    /Pause/ && /->/ {
      for (i = 1; i <= NF; i++) if ($i ~ /^[0-9.]+[KMG]->[0-9.]+[KMG]\(/) {
        split($i, a, /->|\(/); b = mib(a[1]); f = mib(a[2])
        if (b > peak) peak = b
        if (f > after && !/Evacuation Failure/) after = f
      }
      if (/Pause Full/) full++
      ms = $NF; if (ms ~ /ms$/) { sub(/ms$/, "", ms); n++; total += ms; if (ms + 0 > maxms) maxms = ms + 0 }
    }
    function mib(s,   u) { u = substr(s, length(s)); s = substr(s, 1, length(s) - 1)
      return u == "G" ? s * 1024 : u == "K" ? s / 1024 : s + 0 }
    END { printf "%.0f %.0f %d %.0f %.1f %d\n", peak, after, n, total, maxms, full }'
}
