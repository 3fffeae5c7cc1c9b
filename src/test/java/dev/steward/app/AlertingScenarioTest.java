package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.steward.testing.DirectExecutorService;
import dev.steward.testing.ManualClock;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alerting side end to end, time driven by hand: real TCP targets that go down, the built-in check alerts, routing
 * from an Alertmanager file, incidents with an escalation policy, people's webhook contacts and the route's webhook
 * receiver (a real HTTP server), the SQLite store and the incident API. A timeline: api down → incident triggered,
 * alice and ops paged; 5 minutes without acknowledgement → bob paged; alice acknowledges through the API; api
 * recovers → everyone paged hears the resolution. Then db and api down together → api's page is held, caused by db.
 */
class AlertingScenarioTest {
    private static final Instant T0 = Instant.parse("2026-03-29T00:59:00Z"); // Berlin's clocks go forward at 01:00
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ManualClock clock = new ManualClock(T0);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    private HttpServer receiver;
    private ServerSocket db;
    private ServerSocket api;
    private int dbPort;
    private int apiPort;
    private Daemon daemon;

    record Received(String path, String kind, String incident, String title, String key) {}

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            JsonNode body = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(new Received(
                    exchange.getRequestURI().getPath(),
                    body.path("kind").asString(),
                    body.path("incident").asString(),
                    body.path("title").asString(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        db = listen(0);
        api = listen(0);
        dbPort = db.getLocalPort();
        apiPort = api.getLocalPort();
        int r = receiver.getAddress().getPort();
        Files.writeString(dir.resolve("am.yml"), """
                route:
                  receiver: ops
                  group_by: [alertname, service]
                  group_wait: 0s
                  group_interval: 10s
                  repeat_interval: 4h
                receivers:
                  - name: ops
                    webhook_configs: [{url: "http://127.0.0.1:%d/ops"}]
                """.formatted(r));
        Files.writeString(dir.resolve("stack.yml"), """
                stack: shop
                alerting: {alertmanager_config: am.yml, external_url: "https://steward.example.com"}
                people:
                  alice: {contacts: [{webhook: "http://127.0.0.1:%d/alice"}]}
                  bob: {contacts: [{webhook: "http://127.0.0.1:%d/bob"}]}
                escalation_policies:
                  primary:
                    levels:
                      - {targets: [{person: alice}], escalate_after: 5m}
                      - {targets: [{person: bob}]}
                severities:
                  critical: {respond_within: 5m, escalation_policy: primary, default: true}
                services:
                  db:
                    checks: [{name: port, tcp: {address: "127.0.0.1:%d"}, interval: 10s, fail_after: 1}]
                  api:
                    depends_on: [db]
                    checks: [{name: port, tcp: {address: "127.0.0.1:%d"}, interval: 10s, fail_after: 1}]
                  receiver:
                    # one check that stays up, so db and api failing together are not taken for Steward's own
                    # connectivity (the guard makes every check UNKNOWN when all fail at once)
                    checks: [{name: port, tcp: {address: "127.0.0.1:%d"}, interval: 10s, alert: false}]
                """.formatted(r, r, dbPort, apiPort, r));
        daemon = startDaemon();
    }

    @AfterEach
    void stop() throws IOException {
        if (daemon != null) {
            daemon.close();
        }
        receiver.stop(0);
        db.close();
        api.close();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    private Daemon startDaemon() {
        DaemonOptions options = new DaemonOptions(
                dir.resolve("stack.yml"),
                dir.resolve("data"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "127.0.0.1",
                0,
                DaemonOptions.DEFAULT_RETENTION,
                DaemonOptions.DEFAULT_BUDGET);
        var wiring = new Daemon.Wiring(clock, System::nanoTime, new DirectExecutorService(), false);
        var started = Daemon.start(options, cfg -> {}, wiring);
        assertThat(started).as("%s", started).isInstanceOf(Daemon.Started.Running.class);
        return ((Daemon.Started.Running) started).daemon();
    }

    private void runUntil(Instant until) {
        while (true) {
            Optional<Instant> next = daemon.nextDue();
            if (next.isEmpty() || next.get().isAfter(until)) {
                clock.set(until);
                daemon.tick();
                return;
            }
            clock.set(next.get());
            daemon.tick();
        }
    }

    private List<Received> to(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private JsonNode call(String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode doc = JSON.readTree(response.body());
        return doc.has("data") ? doc.get("data") : doc;
    }

    @Test
    void anIncidentPagesEscalatesIsAcknowledgedAndEveryonePagedHearsItResolve() throws Exception {
        runUntil(T0.plusSeconds(15));
        assertThat(received).isEmpty();

        api.close();
        runUntil(T0.plusSeconds(40));
        assertThat(to("/ops")).extracting(Received::kind).containsExactly("triggered");
        assertThat(to("/alice")).extracting(Received::kind).containsExactly("triggered");
        assertThat(to("/bob")).isEmpty();
        String incident = to("/ops").getFirst().incident();
        assertThat(to("/alice").getFirst().incident()).isEqualTo(incident);
        JsonNode open = call("GET", "/api/v1/incidents", "");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("state").asString()).isEqualTo("triggered");
        assertThat(open.get(0).path("service").asString()).isEqualTo("api");
        assertThat(open.get(0).path("severity").asString()).isEqualTo("critical");

        runUntil(T0.plusSeconds(40 + 300));
        assertThat(to("/bob")).hasSize(1);
        assertThat(to("/bob").getFirst().incident()).isEqualTo(incident);

        JsonNode acked = call("POST", "/api/v1/incidents/" + incident + "/ack", "{\"by\":\"alice\"}");
        assertThat(acked.path("state").asString()).isEqualTo("acknowledged");
        assertThat(acked.path("acknowledgedBy").asString()).isEqualTo("alice");
        runUntil(clock.instant().plusSeconds(1));
        assertThat(to("/bob")).extracting(Received::kind).contains("acknowledged");
        JsonNode again = call("POST", "/api/v1/incidents/" + incident + "/ack", "{\"by\":\"bob\"}");
        assertThat(again.path("error").asString()).contains("acknowledge");

        api = listen(apiPort);
        runUntil(clock.instant().plusSeconds(30));
        assertThat(to("/ops")).extracting(Received::kind).last().isEqualTo("resolved");
        assertThat(to("/alice")).extracting(Received::kind).last().isEqualTo("resolved");
        assertThat(to("/bob")).extracting(Received::kind).last().isEqualTo("resolved");
        assertThat(call("GET", "/api/v1/incidents", "")).isEmpty();
        JsonNode done = call("GET", "/api/v1/incidents/" + incident, "");
        assertThat(done.path("state").asString()).isEqualTo("resolved");
        assertThat(done.path("timeline").size()).isGreaterThanOrEqualTo(4);
        assertThat(received).extracting(Received::key).doesNotHaveDuplicates();
        JsonNode channels = call("GET", "/api/v1/notifications", "").path("channels");
        assertThat(channels).isNotEmpty();
        assertThat(channels).allSatisfy(c -> {
            assertThat(c.path("pending").asLong()).isZero();
            assertThat(c.path("delivered").asLong()).isPositive();
        });
    }

    @Test
    void aReceiverThatFailsIsRetriedAndItsStatusShowsTheError() throws Exception {
        receiver.stop(0);
        runUntil(T0.plusSeconds(15));
        api.close();
        runUntil(T0.plusSeconds(40));
        JsonNode ops = null;
        for (JsonNode c : call("GET", "/api/v1/notifications", "").path("channels")) {
            if (c.path("channel").asString().equals("ops/webhook_configs[0]")) {
                ops = c;
            }
        }
        assertThat(ops).as("the ops channel's status").isNotNull();
        assertThat(ops.path("pending").asLong()).isEqualTo(1);
        assertThat(ops.path("lastError").path("reason").asString()).isEqualTo("connect");
        assertThat(received).isEmpty();
    }

    @Test
    void whenADependencyIsDownTheDependantsPageIsHeldAndSaysWhy() throws Exception {
        runUntil(T0.plusSeconds(15));
        db.close();
        runUntil(T0.plusSeconds(40));
        assertThat(to("/alice")).extracting(Received::title).containsExactly("StewardCheckDown on db");
        api.close();
        runUntil(T0.plusSeconds(70));

        JsonNode open = call("GET", "/api/v1/incidents", "");
        assertThat(open).hasSize(2);
        JsonNode apiIncident = null;
        for (JsonNode i : open) {
            if (i.path("service").asString().equals("api")) {
                apiIncident = i;
            }
        }
        assertThat(apiIncident).isNotNull();
        assertThat(apiIncident.path("state").asString()).isEqualTo("held");
        assertThat(apiIncident.path("heldBy").asString()).isEqualTo("caused by db");
        String apiId = apiIncident.path("id").asString();
        assertThat(received).noneMatch(r -> r.incident().equals(apiId));
    }
}
