import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Targets that fail on command and the webhook receiver that times the notifications about them, in one process so
 * that the fault and the arrival are stamped by the same clock (System.currentTimeMillis; both systems under test are
 * on the same machine but only this process's clock is read).
 *
 * <ul>
 *   <li>GET /t/{n}: 200 "ok", or 500 "fault" while target n has a fault. The first failed probe of each system
 *       (told apart by User-Agent: blackbox_exporter's is "prometheus", Steward's is "steward") is noted, so that a
 *       latency splits into the wait for the first failed probe (the random phase of the fault in the schedule) and
 *       the rest (confirmation, rule evaluation, routing, delivery).
 *   <li>POST /_fault/{n}?within_ms=W: waits a random time in [0, W) ms, then injects a fault on n; answers
 *       "target=n injected_unix_ms=T" once injected. The random wait places the fault at a random moment of the
 *       probe schedules, which are not known here.
 *   <li>GET /_fault/{n}: "pending=K" (how many systems have not been notified about the current fault of n yet) and
 *       the latency of each system that has, e.g. "pending=1 prometheus_ms=31877".
 *   <li>POST /_restore/{n}: ends the fault of n (answers 200 again) and closes its record: one line
 *       "fault target=n injected_unix_ms=T prometheus_ms=L prometheus_probe_ms=P steward_ms=- steward_probe_ms=P" (P:
 *       fault to that system's first failed probe) is printed to stdout and answered.
 *   <li>POST /hook/{system}: a webhook receiver (Alertmanager's webhook JSON, Steward's webhook JSON). Every object
 *       in the body with a "labels" mapping is an alert; unless its "status" says otherwise ("resolved"), it names
 *       target n by a label check="t{n}" (Steward) or an instance ending in "/t/{n}" (blackbox_exporter). The first
 *       such arrival per system after the fault of n was injected is that system's latency.
 *   <li>GET /_stats: one line per system, "system=S faults=N notified=N p50_ms= p90_ms= p99_ms= max_ms= min_ms=
 *       mean_ms= missing=N probe_p50_ms= probe_p99_ms= probe_max_ms= after_probe_p50_ms= after_probe_p99_ms=
 *       after_probe_max_ms= hooks=N strays=N" over the closed faults, nearest-rank quantiles. probe_: fault to first
 *       failed probe; after_probe_: first failed probe to notification; missing: faults closed without a notification
 *       from S; strays: alerts naming a target without a fault, or a fault already notified.
 * </ul>
 *
 * <p>Run: java bench/FaultHarness.java PORT TARGETS SYSTEMS (SYSTEMS comma-separated, e.g. prometheus,steward;
 * listens on 127.0.0.1:PORT).
 */
public final class FaultHarness {
    private static final byte[] OK = "ok\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FAULT = "fault\n".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern CHECK = Pattern.compile("t(\\d+)");
    private static final Pattern INSTANCE = Pattern.compile(".*/t/(\\d+)");
    private static final int SHOWN_BODIES = 2;

    private final List<String> systems;
    private final Fault[] faults;
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> detections = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> confirmations = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> missing = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> hooks = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> strays = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    /** The current fault of one target: when it was injected (0: none) and when each system's notice arrived. */
    private static final class Fault {
        long injectedMillis;
        final Map<String, Long> arrivals = new LinkedHashMap<>();
        final Map<String, Long> failedProbes = new LinkedHashMap<>();
    }

    private FaultHarness(int targets, List<String> systems) {
        this.systems = systems;
        this.faults = new Fault[targets];
        for (int i = 0; i < targets; i++) {
            faults[i] = new Fault();
        }
        for (String s : systems) {
            latencies.put(s, new ArrayList<>());
            detections.put(s, new ArrayList<>());
            confirmations.put(s, new ArrayList<>());
            missing.put(s, new LongAdder());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java bench/FaultHarness.java PORT TARGETS SYSTEMS");
            System.exit(2);
        }
        System.setProperty("sun.net.httpserver.nodelay", "true");
        var harness = new FaultHarness(Integer.parseInt(args[1]), List.of(args[2].split(",")));
        var server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/t/", harness::target);
        server.createContext("/_fault/", harness::fault);
        server.createContext("/_restore/", harness::restore);
        server.createContext("/hook/", harness::hook);
        server.createContext("/_stats", harness::stats);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            harness.closed.countDown();
            server.stop(0);
        }));
        System.out.println("fault harness on 127.0.0.1:" + args[0] + ", " + args[1] + " targets, systems " + args[2]);
        harness.closed.await();
    }

    private void target(HttpExchange exchange) throws IOException {
        int n = number(exchange, "/t/");
        boolean faulty;
        if (n < 0) {
            answer(exchange, 404, "no such target\n");
            return;
        }
        synchronized (this) {
            faulty = faults[n].injectedMillis != 0;
            String prober = prober(exchange.getRequestHeaders().getFirst("User-Agent"));
            if (faulty && prober != null) {
                faults[n].failedProbes.putIfAbsent(prober, System.currentTimeMillis());
            }
        }
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] body = faulty ? FAULT : OK;
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(faulty ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void fault(HttpExchange exchange) throws IOException {
        int n = number(exchange, "/_fault/");
        if (n < 0) {
            answer(exchange, 404, "no such target\n");
            return;
        }
        if (exchange.getRequestMethod().equals("GET")) {
            answer(exchange, 200, pending(n) + "\n");
            return;
        }
        long within = query(exchange, "within_ms");
        try {
            Thread.sleep(within > 0 ? ThreadLocalRandom.current().nextLong(within) : 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long injected;
        synchronized (this) {
            if (faults[n].injectedMillis != 0) {
                answer(exchange, 409, "target " + n + " has a fault already\n");
                return;
            }
            injected = System.currentTimeMillis();
            faults[n].injectedMillis = injected;
            faults[n].arrivals.clear();
            faults[n].failedProbes.clear();
        }
        answer(exchange, 200, "target=" + n + " injected_unix_ms=" + injected + "\n");
    }

    private synchronized String pending(int n) {
        Fault f = faults[n];
        if (f.injectedMillis == 0) {
            return "pending=0 fault=none";
        }
        var out = new StringBuilder("pending=" + (systems.size() - f.arrivals.size()));
        f.arrivals.forEach((s, at) -> out.append(' ').append(s).append("_ms=").append(at - f.injectedMillis));
        return out.toString();
    }

    private void restore(HttpExchange exchange) throws IOException {
        int n = number(exchange, "/_restore/");
        if (n < 0) {
            answer(exchange, 404, "no such target\n");
            return;
        }
        String row;
        synchronized (this) {
            Fault f = faults[n];
            if (f.injectedMillis == 0) {
                answer(exchange, 409, "target " + n + " has no fault\n");
                return;
            }
            var out = new StringBuilder("fault target=" + n + " injected_unix_ms=" + f.injectedMillis);
            for (String s : systems) {
                Long at = f.arrivals.get(s);
                Long probed = f.failedProbes.get(s);
                if (at == null) {
                    missing.get(s).increment();
                    out.append(' ').append(s).append("_ms=-");
                } else {
                    latencies.get(s).add(at - f.injectedMillis);
                    out.append(' ').append(s).append("_ms=").append(at - f.injectedMillis);
                }
                out.append(' ').append(s).append("_probe_ms=").append(probed == null ? "-" : probed - f.injectedMillis);
                if (probed != null) {
                    detections.get(s).add(probed - f.injectedMillis);
                    if (at != null) {
                        confirmations.get(s).add(at - probed);
                    }
                }
            }
            f.injectedMillis = 0;
            f.arrivals.clear();
            f.failedProbes.clear();
            row = out.toString();
        }
        System.out.println(row);
        answer(exchange, 200, row + "\n");
    }

    private void hook(HttpExchange exchange) throws IOException {
        long now = System.currentTimeMillis();
        String system = exchange.getRequestURI().getPath().substring("/hook/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        answer(exchange, 200, "ok\n");
        LongAdder count = hooks.computeIfAbsent(system, s -> new LongAdder());
        count.increment();
        if (count.sum() <= SHOWN_BODIES) {
            System.out.println("hook " + system + " at " + now + ": " + body.substring(0, Math.min(4000, body.length())));
        }
        List<Integer> targets = new ArrayList<>();
        try {
            alerts(new Json(body).value(), targets);
        } catch (RuntimeException e) {
            System.out.println("hook " + system + ": not JSON (" + e.getMessage() + "): " + body);
            return;
        }
        if (targets.isEmpty()) {
            System.out.println("hook " + system + ": no alert naming a target: " + body);
        }
        for (int n : targets) {
            arrived(system, n, now);
        }
    }

    private synchronized void arrived(String system, int n, long now) {
        if (n >= faults.length || faults[n].injectedMillis == 0 || faults[n].arrivals.containsKey(system)) {
            strays.computeIfAbsent(system, s -> new LongAdder()).increment();
            return;
        }
        faults[n].arrivals.put(system, now);
    }

    /** Collects the targets named by the firing alerts anywhere in a parsed JSON value. */
    @SuppressWarnings("unchecked")
    private static void alerts(Object value, List<Integer> targets) {
        if (value instanceof List<?> list) {
            list.forEach(v -> alerts(v, targets));
        } else if (value instanceof Map<?, ?> map) {
            if (map.get("labels") instanceof Map<?, ?> labels && !"resolved".equals(map.get("status"))) {
                int n = targetOf((Map<String, Object>) labels);
                if (n >= 0) {
                    targets.add(n);
                }
            }
            map.forEach((k, v) -> {
                if (!"labels".equals(k)) {
                    alerts(v, targets);
                }
            });
        }
    }

    private static int targetOf(Map<String, Object> labels) {
        Matcher m;
        if (labels.get("check") instanceof String check && (m = CHECK.matcher(check)).matches()) {
            return Integer.parseInt(m.group(1));
        }
        if (labels.get("instance") instanceof String instance && (m = INSTANCE.matcher(instance)).matches()) {
            return Integer.parseInt(m.group(1));
        }
        return -1;
    }

    private void stats(HttpExchange exchange) throws IOException {
        var out = new StringBuilder();
        synchronized (this) {
            for (String s : systems) {
                long[] v = latencies.get(s).stream().mapToLong(Long::longValue).sorted().toArray();
                long miss = missing.get(s).sum();
                out.append("system=").append(s)
                        .append(" faults=").append(v.length + miss)
                        .append(" notified=").append(v.length)
                        .append(" p50_ms=").append(quantile(v, 0.50))
                        .append(" p90_ms=").append(quantile(v, 0.90))
                        .append(" p99_ms=").append(quantile(v, 0.99))
                        .append(" max_ms=").append(quantile(v, 1.0))
                        .append(" min_ms=").append(v.length == 0 ? "-" : Long.toString(v[0]))
                        .append(" mean_ms=").append(v.length == 0 ? "-" : Long.toString(Arrays.stream(v).sum() / v.length))
                        .append(" missing=").append(miss)
                        .append(quantiles(" probe_", detections.get(s)))
                        .append(quantiles(" after_probe_", confirmations.get(s)))
                        .append(" hooks=").append(hooks.getOrDefault(s, new LongAdder()).sum())
                        .append(" strays=").append(strays.getOrDefault(s, new LongAdder()).sum())
                        .append('\n');
            }
        }
        answer(exchange, 200, out.toString());
    }

    private static String quantiles(String prefix, List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return prefix + "p50_ms=" + quantile(v, 0.50) + prefix + "p99_ms=" + quantile(v, 0.99) + prefix + "max_ms="
                + quantile(v, 1.0);
    }

    /** Which system sent a probe, by its User-Agent; null for others (curl). */
    private static String prober(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        String ua = userAgent.toLowerCase(java.util.Locale.ROOT);
        return ua.contains("blackbox") ? "prometheus" : ua.contains("steward") ? "steward" : null;
    }

    /** Nearest rank: the smallest value with at least q of the values at or below it; "-" when empty. */
    private static String quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "-";
        }
        int rank = (int) Math.max(1, Math.ceil(q * sorted.length));
        return Long.toString(sorted[rank - 1]);
    }

    private int number(HttpExchange exchange, String prefix) {
        try {
            int n = Integer.parseInt(exchange.getRequestURI().getPath().substring(prefix.length()));
            return n >= 0 && n < faults.length ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long query(HttpExchange exchange, String name) {
        String q = exchange.getRequestURI().getQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return Long.parseLong(pair.substring(name.length() + 1));
                }
            }
        }
        return 0;
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** Just enough JSON: objects (as ordered maps), arrays, strings, numbers, true, false, null. */
    private static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            Object v = any();
            space();
            if (i != s.length()) {
                throw new IllegalArgumentException("trailing text at " + i);
            }
            return v;
        }

        private Object any() {
            space();
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            char c = s.charAt(i);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> word("true", Boolean.TRUE);
                case 'f' -> word("false", Boolean.FALSE);
                case 'n' -> word("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            var map = new LinkedHashMap<String, Object>();
            i++;
            space();
            if (peek() == '}') {
                i++;
                return map;
            }
            while (true) {
                space();
                String key = string();
                space();
                expect(':');
                map.put(key, any());
                space();
                if (peek() == ',') {
                    i++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            var list = new ArrayList<Object>();
            i++;
            space();
            if (peek() == ']') {
                i++;
                return list;
            }
            while (true) {
                list.add(any());
                space();
                if (peek() == ',') {
                    i++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            var out = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private Object number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("unexpected '" + s.charAt(i) + "' at " + i);
            }
            return Double.parseDouble(s.substring(start, i));
        }

        private Object word(String word, Object value) {
            if (!s.startsWith(word, i)) {
                throw new IllegalArgumentException("unexpected text at " + i);
            }
            i += word.length();
            return value;
        }

        private char peek() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return s.charAt(i);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
