package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daemon killed with SIGKILL at random moments during an incident storm and restarted on the same data directory:
 * no incident is lost or opened twice, every incident notified as firing is notified as resolved, and a receiver that
 * honours idempotency keys sees each notification exactly once. The daemon runs as a real process (this test's class
 * path, the JDK running the test); alerts arrive as Prometheus sends them, re-sent every few hundred milliseconds, so
 * the daemon learns them again after each restart. The seed of the kill moments is printed.
 */
class CrashRecoveryTest {
    private static final int ALERTS = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private HttpServer receiver;

    /** One delivery as the receiver saw it. */
    record Delivery(String key, String kind, String incident, Set<String> alertnames) {}

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Set<String> keysSeen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger duplicates = new AtomicInteger();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void killedAtRandomMomentsItLosesNoIncidentAndNotifiesEveryResolution() throws Exception {
        long seed = Long.getLong("steward.crash.seed", System.nanoTime());
        System.out.println("CrashRecoveryTest seed " + seed + " (rerun with -Dsteward.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        startReceiver();
        int port = freePort();
        Path stack = writeConfig(port);
        HttpClient http = HttpClient.newHttpClient();
        AtomicBoolean resolve = new AtomicBoolean();
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger posts = new AtomicInteger();
        Instant startsAt = Instant.now().minusSeconds(60);
        Thread sender = Thread.ofVirtual().start(() -> {
            while (sending.get()) {
                try {
                    post(http, port, startsAt, resolve.get());
                    posts.incrementAndGet();
                } catch (IOException e) {
                    // the daemon is down (killed): Prometheus would retry on its next evaluation, so do we
                } catch (InterruptedException e) {
                    return;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(
                        Duration.ofMillis(200).toNanos());
            }
        });
        try {
            Process daemon = start(stack, port);
            await().atMost(Duration.ofSeconds(60)).until(() -> triggered().size() >= 3);
            for (int kill = 0; kill < 3; kill++) {
                int target = posts.get() + 1 + random.nextInt(6);
                await().atMost(Duration.ofSeconds(30)).until(() -> posts.get() >= target);
                daemon.destroyForcibly().waitFor();
                daemon = start(stack, port);
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> triggeredAlertnames().size() == ALERTS);
            resolve.set(true);
            // once more while the resolutions are on their way
            int target = posts.get() + 1 + random.nextInt(3);
            await().atMost(Duration.ofSeconds(30)).until(() -> posts.get() >= target);
            daemon.destroyForcibly().waitFor();
            daemon = start(stack, port);
            await().atMost(Duration.ofSeconds(60)).until(() -> resolved().containsAll(triggered()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "timed out; triggered " + triggered().size() + " ("
                            + triggeredAlertnames().size() + " alerts), resolved "
                            + resolved().size() + "; daemon log tail:\n" + logTail(),
                    e);
        } finally {
            sending.set(false);
            sender.join();
        }

        assertThat(triggeredAlertnames()).hasSize(ALERTS);
        Map<String, Long> incidentsPerAlert = deliveries.stream()
                .filter(d -> d.kind().equals("triggered"))
                .collect(Collectors.groupingBy(
                        d -> String.join(",", d.alertnames()),
                        Collectors.mapping(Delivery::incident, Collectors.collectingAndThen(Collectors.toSet(), s ->
                                (long) s.size()))));
        assertThat(incidentsPerAlert)
                .as("incidents per alert (none opened twice)")
                .allSatisfy((k, v) -> assertThat(v).isEqualTo(1L));
        assertThat(resolved()).containsExactlyInAnyOrderElementsOf(triggered());
        Map<String, Long> perIncidentAndKind = deliveries.stream()
                .collect(Collectors.groupingBy(d -> d.incident() + " " + d.kind(), Collectors.counting()));
        assertThat(perIncidentAndKind)
                .as(
                        "each incident's TRIGGERED and RESOLVED accepted exactly once (%d resends dropped by key)",
                        duplicates.get())
                .allSatisfy((k, v) -> assertThat(v).isEqualTo(1L));
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("daemon.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private Set<String> triggered() {
        return deliveries.stream()
                .filter(d -> d.kind().equals("triggered"))
                .map(Delivery::incident)
                .collect(Collectors.toSet());
    }

    private Set<String> resolved() {
        return deliveries.stream()
                .filter(d -> d.kind().equals("resolved"))
                .map(Delivery::incident)
                .collect(Collectors.toSet());
    }

    private Set<String> triggeredAlertnames() {
        Set<String> out = new HashSet<>();
        deliveries.stream().filter(d -> d.kind().equals("triggered")).forEach(d -> out.addAll(d.alertnames()));
        return out;
    }

    private void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key == null || !keysSeen.add(key)) {
                duplicates.incrementAndGet();
            } else {
                JsonNode doc = JSON.readTree(new String(body, StandardCharsets.UTF_8));
                Set<String> names = new HashSet<>();
                for (JsonNode a : doc.path("alerts")) {
                    names.add(a.path("labels").path("alertname").asString());
                }
                deliveries.add(new Delivery(
                        key, doc.path("kind").asString(), doc.path("incident").asString(), Set.copyOf(names)));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
    }

    private Path writeConfig(int port) throws IOException {
        Files.writeString(
                dir.resolve("am.yml"), """
                route:
                  receiver: hook
                  group_by: [alertname, service]
                  group_wait: 0s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: hook
                    webhook_configs:
                      - url: http://127.0.0.1:%d/hook
                """.formatted(receiver.getAddress().getPort()));
        return Files.writeString(
                dir.resolve("stack.yml"), """
                stack: storm
                alerting: {alertmanager_config: am.yml}
                services:
                  receiver:
                    checks: [{name: port, tcp: {address: "127.0.0.1:%d"}, interval: 1m, alert: false}]
                """.formatted(receiver.getAddress().getPort()));
    }

    private Process start(Path stack, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.steward.app.Main",
                        "run",
                        "--config",
                        stack.toString(),
                        "--data",
                        dir.resolve("data").toString(),
                        "--port",
                        Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("daemon.log").toFile()))
                .start();
        processes.add(p);
        return p;
    }

    private static void post(HttpClient http, int port, Instant startsAt, boolean resolved)
            throws IOException, InterruptedException {
        Instant now = Instant.now();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < ALERTS; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"labels\":{\"alertname\":\"Storm")
                    .append(i)
                    .append("\",\"service\":\"svc")
                    .append(i % 5)
                    .append("\",\"severity\":\"critical\"},\"startsAt\":\"")
                    .append(startsAt)
                    .append("\",\"endsAt\":\"")
                    .append(resolved ? now.minusMillis(1) : now.plusSeconds(120))
                    .append("\"}");
        }
        body.append(']');
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/alerts"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
