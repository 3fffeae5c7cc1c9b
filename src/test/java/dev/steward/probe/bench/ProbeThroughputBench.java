package dev.steward.probe.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpServer;
import dev.steward.core.config.ProbeSpec;
import dev.steward.core.config.Secret;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.probe.ProbeDispatcher;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Open-loop probe load: probes started at a fixed rate, each on a new virtual thread, through the real {@link
 * ProbeDispatcher}, against 1,000 distinct targets. Prints the rate achieved, latency percentiles, failures, the
 * process CPU used, the platform threads alive and (for HTTP) the connections the server accepted. A plain {@code
 * main}: {@code ProbeThroughputBench [seconds]}.
 */
public final class ProbeThroughputBench {
    private static final int TARGETS = 1_000;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        AtomicInteger connections = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        byte[] body =
                "{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"}}}".getBytes(StandardCharsets.UTF_8);
        Map<Object, Boolean> seen = new ConcurrentHashMap<>();
        server.createContext("/", ex -> {
            if (seen.putIfAbsent(ex.getRemoteAddress(), true) == null) {
                connections.incrementAndGet();
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (var out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        int port = server.getAddress().getPort();
        try (ProbeDispatcher dispatcher = ProbeDispatcher.create(InstantSource.system())) {
            IntFunction<ProbeSpec> http = i -> new ProbeSpec.Http(
                    "GET",
                    URI.create("http://127.0.0.1:" + port + "/check/" + i),
                    Map.of(),
                    Optional.empty(),
                    true,
                    ProbeSpec.Tls.DEFAULT,
                    Optional.empty());
            IntFunction<ProbeSpec> health = i -> new ProbeSpec.Health(
                    URI.create("http://127.0.0.1:" + port + "/health/" + i),
                    Map.of(),
                    ProbeSpec.Tls.DEFAULT,
                    Optional.empty());
            IntFunction<ProbeSpec> tcp =
                    i -> new ProbeSpec.Tcp("127.0.0.1", 6379, Optional.of("PING\r\n"), Optional.of("+PONG"), false);
            IntFunction<ProbeSpec> redis = i -> new ProbeSpec.Redis(Secret.plain("redis://127.0.0.1:6379"));
            IntFunction<ProbeSpec> postgres = i -> new ProbeSpec.Postgres(
                    "jdbc:postgresql://127.0.0.1:5432/test", Optional.of("postgres"), Optional.empty(), "select 1");
            IntFunction<ProbeSpec> command =
                    i -> new ProbeSpec.Command(List.of("/bin/true"), Map.of(), Optional.empty());

            run("warm-up http", dispatcher, http, 500, 3, connections);
            run("http", dispatcher, http, 1_000, seconds, connections);
            run("http", dispatcher, http, 2_000, seconds, connections);
            run("health", dispatcher, health, 1_000, seconds, connections);
            run("tcp (redis PING)", dispatcher, tcp, 1_000, seconds, null);
            run("redis (PING, INFO)", dispatcher, redis, 200, seconds, null);
            run("postgres (select 1)", dispatcher, postgres, 100, seconds, null);
            run("command (/bin/true)", dispatcher, command, 100, seconds, null);
        } finally {
            server.stop(0);
        }
    }

    private static void run(
            String name,
            ProbeDispatcher dispatcher,
            IntFunction<ProbeSpec> spec,
            int rate,
            int seconds,
            AtomicInteger connections)
            throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int total = rate * seconds;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentHashMap<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>(total);
        int connectionsBefore = connections == null ? 0 : connections.get();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            ProbeSpec s = spec.apply(i % TARGETS);
            threads.add(Thread.ofVirtual().start(() -> {
                ProbeObservation o = dispatcher.probe(s, Duration.ofSeconds(5));
                latencies.add(o.latency().toNanos());
                o.failure()
                        .ifPresent(f -> failures.computeIfAbsent(f.kind().label(), k -> new AtomicInteger())
                                .incrementAndGet());
            }));
        }
        int platformThreads = ManagementFactory.getThreadMXBean().getThreadCount();
        for (Thread t : threads) {
            t.join();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "%-22s target %5d/s  achieved %7.1f/s  p50 %6.2f ms  p99 %7.2f ms  max %7.2f ms  failures %s"
                        + "  cpu %5.1f%% of one core  platform threads %d%s%n",
                name,
                rate,
                total / wall,
                pct(sorted, 0.50),
                pct(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                failures.isEmpty() ? "none" : failures.toString(),
                100 * cpu / wall,
                platformThreads,
                connections == null ? "" : "  new connections " + (connections.get() - connectionsBefore));
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private ProbeThroughputBench() {}
}
