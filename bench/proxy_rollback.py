#!/usr/bin/env python3
"""The helpers of bench/proxy-rollback.sh and bench/command-rollback.sh (standard library only).

  proxy_rollback.py backend PORT ROLE VERSION_FILE ERROR_EVERY
      A small HTTP server on 127.0.0.1:PORT standing in for one version of a service. Every answer carries the role
      (stable or canary) and the version it runs, read from VERSION_FILE at each request (the deploy command writes
      it): headers X-Role and X-Version, body "ROLE VERSION". A version whose name contains "bad" answers 503 to one
      request in ERROR_EVERY. /health answers 200; /metrics has http_requests_total{role,version,code}.

  proxy_rollback.py load URL THREADS INTERVAL_MS LOGFILE
      Sends GET URL from THREADS threads, each on a keep-alive connection (reopened when the proxy closes it), waiting
      INTERVAL_MS between its requests, until killed. Appends one line per request to LOGFILE:
      "SENT RECEIVED STATUS ROLE VERSION" (unix seconds; when no answer came: STATUS "ERR", then the Python exception's
      name, such as RemoteDisconnected, in place of the role).

  proxy_rollback.py switch LOGFILE SINCE UNTIL STABLE_VERSION
      From a load log: "LAST_OTHER_RECEIVED FIRST_STABLE_RECEIVED REQUESTS ERRORS ERROR_KINDS": the last answer from a
      version other than STABLE_VERSION received at or after SINCE, the first answer from STABLE_VERSION received after
      that one (or after SINCE), and the requests sent from SINCE to UNTIL as in last-canary.

  proxy_rollback.py last-canary LOGFILE SINCE UNTIL
      From a load log: "LAST_CANARY_RECEIVED LAST_CANARY_SENT CANARY_ANSWERS REQUESTS ERRORS NON2XX_STABLE ERROR_KINDS":
      the canary's answers received at or after unix time SINCE (the last one's times, "-" when none, and how many),
      and of the requests sent from SINCE to UNTIL, how many, how many got no answer, how many non-2xx answers came
      from the stable version, and the kinds of the missing answers (kind:count,...; "-" when none).
"""

import http.client
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def backend(port, role, version_file, error_every):
    counts = {}
    lock = threading.Lock()
    seen = {"n": 0}

    def version():
        try:
            with open(version_file) as f:
                return f.read().strip() or "unknown"
        except OSError:
            return "unknown"

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # One write per answer, sent at once: a proxy that keeps its connections to the backend (HAProxy does) would
        # otherwise wait for the body behind Nagle's algorithm and a delayed ACK, 40 ms an answer.
        wbufsize = 65536
        disable_nagle_algorithm = True

        def log_message(self, *args):
            pass

        def reply(self, code, body, content_type="text/plain", headers=()):
            data = body.encode()
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            if self.path == "/health":
                self.reply(200, "ok\n")
                return
            if self.path == "/metrics":
                with lock:
                    items = sorted(counts.items())
                lines = ["# TYPE http_requests_total counter"]
                for (ver, code), n in items:
                    lines.append('http_requests_total{role="%s",version="%s",code="%d"} %d' % (role, ver, code, n))
                self.reply(200, "\n".join(lines) + "\n", "text/plain; version=0.0.4")
                return
            ver = version()
            with lock:
                seen["n"] += 1
                n = seen["n"]
            code = 503 if "bad" in ver and n % error_every == 0 else 200
            with lock:
                counts[(ver, code)] = counts.get((ver, code), 0) + 1
            self.reply(code, "%s %s\n" % (role, ver), headers=(("X-Role", role), ("X-Version", ver)))

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    server.serve_forever()


def load(url, threads, interval_ms, logfile):
    u = urllib.parse.urlsplit(url)
    path = u.path or "/"
    out = open(logfile, "a", buffering=1)
    lock = threading.Lock()
    pause = interval_ms / 1000.0

    def worker():
        conn = None
        while True:
            sent = time.time()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=5)
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                got = time.time()
                line = "%.6f %.6f %d %s %s\n" % (sent, got, r.status, r.getheader("X-Role", "-"),
                                                 r.getheader("X-Version", "-"))
                if r.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException) as e:
                got = time.time()
                line = "%.6f %.6f ERR %s -\n" % (sent, got, type(e).__name__)
                if conn is not None:
                    conn.close()
                conn = None
            with lock:
                out.write(line)
            time.sleep(pause)

    for _ in range(threads):
        threading.Thread(target=worker, daemon=True).start()
    while True:
        time.sleep(3600)


def last_canary(logfile, since, until):
    last_got = last_sent = None
    canary = requests = errors = bad_stable = 0
    kinds = {}
    with open(logfile) as f:
        for line in f:
            parts = line.split()
            if len(parts) != 5:
                continue
            sent, got, status, role = float(parts[0]), float(parts[1]), parts[2], parts[3]
            if role == "canary" and got >= since:
                canary += 1
                if last_got is None or got > last_got:
                    last_got, last_sent = got, sent
            if sent < since or sent > until:
                continue
            requests += 1
            if status == "ERR":
                errors += 1
                kinds[role] = kinds.get(role, 0) + 1
            elif role != "canary" and not status.startswith("2"):
                bad_stable += 1
    fmt = lambda t: "-" if t is None else "%.6f" % t
    kinds = ",".join("%s:%d" % kv for kv in sorted(kinds.items())) or "-"
    print(fmt(last_got), fmt(last_sent), canary, requests, errors, bad_stable, kinds)


def switch(logfile, since, until, stable):
    rows = []
    with open(logfile) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 5:
                rows.append((float(parts[0]), float(parts[1]), parts[2], parts[3], parts[4]))
    last_other = max((got for _, got, status, _, ver in rows if got >= since and status != "ERR" and ver != stable),
                     default=None)
    after = since if last_other is None else last_other
    first_stable = min((got for _, got, status, _, ver in rows if got >= after and status != "ERR" and ver == stable),
                       default=None)
    window = [r for r in rows if since <= r[0] <= until]
    errors = [r[3] for r in window if r[2] == "ERR"]
    kinds = {}
    for k in errors:
        kinds[k] = kinds.get(k, 0) + 1
    fmt = lambda t: "-" if t is None else "%.6f" % t
    print(fmt(last_other), fmt(first_stable), len(window), len(errors),
          ",".join("%s:%d" % kv for kv in sorted(kinds.items())) or "-")


def main(argv):
    if len(argv) >= 2 and argv[1] == "backend" and len(argv) == 6:
        backend(int(argv[2]), argv[3], argv[4], int(argv[5]))
    elif len(argv) >= 2 and argv[1] == "load" and len(argv) == 6:
        load(argv[2], int(argv[3]), float(argv[4]), argv[5])
    elif len(argv) >= 2 and argv[1] == "switch" and len(argv) == 6:
        switch(argv[2], float(argv[3]), float(argv[4]), argv[5])
    elif len(argv) >= 2 and argv[1] == "last-canary" and len(argv) == 5:
        last_canary(argv[2], float(argv[3]), float(argv[4]))
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
