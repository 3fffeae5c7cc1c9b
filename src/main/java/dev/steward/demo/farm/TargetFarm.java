package dev.steward.demo.farm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * Loopback HTTP listeners for benchmark targets, built on the JDK's HTTP server with a virtual thread per exchange:
 *
 * <ul>
 *   <li>{@code GET /t/{n}}: 200 with a 3-byte body ({@code ok\n}), keep-alive;
 *   <li>{@code GET /hang/{n}}: accepted, never answered; the exchange is dropped unanswered when the farm closes;
 *   <li>anything else: 404.
 * </ul>
 *
 * {@code n} is not interpreted: it only lets a benchmark give every target its own URL. Run as a process with {@code
 * java -cp steward-all.jar dev.steward.demo.farm.TargetFarm --port 9100 [--ports 4]}.
 */
public final class TargetFarm implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and delayed ACKs
        // add ~40 ms to every keep-alive answer. Read once, when the JDK server's configuration class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final byte[] OK = "ok\n".getBytes(StandardCharsets.US_ASCII);
    private static final int BACKLOG = 4096;

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final LongAdder answered = new LongAdder();
    private final LongAdder holding = new LongAdder();

    private TargetFarm() {}

    /**
     * Starts {@code ports} listeners on 127.0.0.1: on {@code basePort}, {@code basePort + 1}, ..., or on ephemeral
     * ports when {@code basePort} is 0.
     */
    public static TargetFarm start(int ports, int basePort) throws IOException {
        if (ports < 1 || (basePort != 0 && (basePort < 1 || basePort + ports - 1 > 65535))) {
            throw new IllegalArgumentException("need ports >= 1 and basePort 0 (ephemeral) or 1..65535 with room for "
                    + ports + " ports; got ports=" + ports + ", basePort=" + basePort);
        }
        var farm = new TargetFarm();
        try {
            for (int i = 0; i < ports; i++) {
                farm.listen(basePort == 0 ? 0 : basePort + i);
            }
        } catch (IOException | RuntimeException e) {
            farm.close();
            throw e;
        }
        return farm;
    }

    private void listen(int port) throws IOException {
        var address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        HttpServer server = HttpServer.create(address, BACKLOG);
        server.setExecutor(executor);
        server.createContext("/t/", this::answer);
        server.createContext("/hang/", this::hang);
        server.createContext("/", TargetFarm::notFound);
        server.start();
        servers.add(server);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            // counted before the answer leaves, so a client that has its answer also sees the count
            answered.increment();
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, OK.length);
            exchange.getResponseBody().write(OK);
        }
    }

    private void hang(HttpExchange exchange) {
        holding.increment();
        try (exchange) {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            holding.decrement();
        }
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.sendResponseHeaders(404, -1);
        }
    }

    /** The listeners' base URLs, {@code http://127.0.0.1:PORT}. */
    public List<URI> baseUrls() {
        return servers.stream()
                .map(s -> URI.create("http://127.0.0.1:" + s.getAddress().getPort()))
                .toList();
    }

    /** Requests answered on {@code /t/} so far. */
    public long answered() {
        return answered.sum();
    }

    /** {@code /hang/} requests held right now. */
    public long holding() {
        return holding.sum();
    }

    /** Drops the held requests unanswered and stops every listener. */
    @Override
    public void close() {
        closed.countDown();
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }

    public static void main(String[] args) throws Exception {
        int port = 9100;
        int ports = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = number(args, ++i, "--port");
                case "--ports" -> ports = number(args, ++i, "--ports");
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: TargetFarm [--port 9100] [--ports 1]");
                    System.exit(2);
                }
            }
        }
        var farm = start(ports, port);
        Runtime.getRuntime().addShutdownHook(new Thread(farm::close, "target-farm-shutdown"));
        System.out.println("target farm listening on " + farm.baseUrls() + " (GET /t/{n}: 200, GET /hang/{n}: held)");
        farm.closed.await();
    }

    private static int number(String[] args, int i, String flag) {
        String value = i < args.length ? args[i] : null;
        try {
            return Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            System.err.println(flag + " needs a whole number, was " + value);
            System.exit(2);
            return -1;
        }
    }
}
