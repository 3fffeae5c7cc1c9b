import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A target farm for the probe engine benchmark that also measures, from the outside, how regularly each target is
 * probed. Same answers as dev.steward.demo.farm.TargetFarm (JDK HTTP server, a virtual thread per exchange,
 * TCP_NODELAY, keep-alive): GET /t/{n} is 200 "ok", GET /hang/{n} is held unanswered until exit.
 *
 * <p>For every /t/{n} request it records when it arrived; the difference between two arrivals for the same n minus the
 * expected interval is that probe's jitter (positive: late, negative: early). Steward schedules a check's next probe
 * one interval after the previous start, so this is the scheduling lag plus the difference in network/queueing delay.
 * Absolute jitters go to a 1 ms histogram up to 60 s. GET /_stats on the first port answers
 * "requests=N jitter_count=N jitter_p50_ms=.. jitter_p90_ms=.. jitter_p99_ms=.. jitter_max_ms=.. early_over_100ms=N
 * first_request_unix_ms=T" for the requests since the last /_stats?reset=1 (the reset happens after the answer is
 * computed; T is 0 when no /t/ request came since).
 *
 * <p>GET /_fail?every=N&offset=K on the first port makes every target n with n % N == K answer 503 "failing" from
 * then on (the console benchmark moves this slice to make checks go down and recover); every=0 ends the failures.
 *
 * <p>Run: java bench/ArrivalFarm.java PORT COUNT INTERVAL_SECONDS (listens on 127.0.0.1:PORT..PORT+COUNT-1).
 */
public final class ArrivalFarm {
    private static final byte[] OK = "ok\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FAILING = "failing\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_TARGETS = 1 << 20;
    private static final int BUCKETS = 60_001;

    private final long intervalNanos;
    private final long[] lastArrival = new long[MAX_TARGETS];
    private final AtomicLongArray histogram = new AtomicLongArray(BUCKETS);
    private final LongAdder requests = new LongAdder();
    private final LongAdder early = new LongAdder();
    private final AtomicLong firstRequestMillis = new AtomicLong();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile long[] failing = {0, 0};

    private ArrivalFarm(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java bench/ArrivalFarm.java PORT COUNT INTERVAL_SECONDS");
            System.exit(2);
        }
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        var farm = new ArrivalFarm(Long.parseLong(args[2]) * 1_000_000_000L);
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        List<HttpServer> servers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port + i), 4096);
            server.setExecutor(executor);
            server.createContext("/t/", farm::answer);
            server.createContext("/hang/", farm::hang);
            if (i == 0) {
                server.createContext("/_stats", farm::stats);
                server.createContext("/_fail", farm::fail);
            }
            server.start();
            servers.add(server);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            farm.closed.countDown();
            servers.forEach(s -> s.stop(0));
        }));
        System.out.println("arrival farm on 127.0.0.1:" + port + ".." + (port + count - 1));
        farm.closed.await();
    }

    private void answer(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        if (firstRequestMillis.get() == 0) {
            firstRequestMillis.compareAndSet(0, System.currentTimeMillis());
        }
        int n = target(exchange.getRequestURI().getPath());
        long[] slice = failing;
        boolean fails = n >= 0 && slice[0] > 0 && n % slice[0] == slice[1];
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            byte[] body = fails ? FAILING : OK;
            exchange.sendResponseHeaders(fails ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
        }
        requests.increment();
        if (n < 0) {
            return;
        }
        long previous;
        synchronized (lastArrival) {
            previous = lastArrival[n];
            lastArrival[n] = now;
        }
        if (previous != 0) {
            long jitterNanos = now - previous - intervalNanos;
            if (jitterNanos < -100_000_000L) {
                early.increment();
            }
            int bucket = (int) Math.min(BUCKETS - 1, Math.abs(jitterNanos) / 1_000_000L);
            histogram.incrementAndGet(bucket);
        }
    }

    private static int target(String path) {
        try {
            int n = Integer.parseInt(path.substring("/t/".length()));
            return n >= 0 && n < MAX_TARGETS ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void hang(HttpExchange exchange) {
        try (exchange) {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stats(HttpExchange exchange) throws IOException {
        long[] counts = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] = histogram.get(i);
            total += counts[i];
        }
        String body = "requests=" + requests.sum() + " jitter_count=" + total
                + " jitter_p50_ms=" + quantile(counts, total, 0.50)
                + " jitter_p90_ms=" + quantile(counts, total, 0.90)
                + " jitter_p99_ms=" + quantile(counts, total, 0.99)
                + " jitter_max_ms=" + quantile(counts, total, 1.0)
                + " early_over_100ms=" + early.sum()
                + " first_request_unix_ms=" + firstRequestMillis.get() + "\n";
        if ("reset=1".equals(exchange.getRequestURI().getQuery())) {
            for (int i = 0; i < BUCKETS; i++) {
                histogram.addAndGet(i, -counts[i]);
            }
            requests.reset();
            early.reset();
            firstRequestMillis.set(0);
        }
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        try (exchange) {
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private void fail(HttpExchange exchange) throws IOException {
        long every = 0;
        long offset = 0;
        String query = exchange.getRequestURI().getQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equals("every")) {
                every = Long.parseLong(kv[1]);
            } else if (kv.length == 2 && kv[0].equals("offset")) {
                offset = Long.parseLong(kv[1]);
            }
        }
        failing = new long[] {every, every > 0 ? Math.floorMod(offset, every) : 0};
        byte[] bytes = ("failing every=" + failing[0] + " offset=" + failing[1] + "\n").getBytes(StandardCharsets.US_ASCII);
        try (exchange) {
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** The upper edge (ms) of the bucket holding quantile q; "-" when empty. */
    private static String quantile(long[] counts, long total, double q) {
        if (total == 0) {
            return "-";
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Integer.toString(i + 1);
            }
        }
        return Integer.toString(counts.length);
    }
}
