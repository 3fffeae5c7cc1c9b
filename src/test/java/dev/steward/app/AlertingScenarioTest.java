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
    private Target db;
    private Target api;
    private int dbPort;
    private int apiPort;
    private Daemon daemon;

    record Received(String path, String kind, String incident, String title, String key, String ackUrl) {}

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
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    body.path("ackUrl").asString("")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        db = listen(0);
        api = listen(0);
        dbPort = db.port();
        apiPort = api.port();
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
                    checks:
                      - name: port
                        tcp: {address: "127.0.0.1:%d"}
                        interval: 10s
                        fail_after: 1
                        recover_after: 1
                        flapping: {enabled: true}
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

    /**
     * A TCP target that accepts and closes every connection (so its backlog never fills); {@link #close} returns once
     * the port is free again.
     */
    static final class Target implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread acceptor;

        Target(int port) throws IOException {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        socket.accept().close();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            try {
                acceptor.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Target listen(int port) throws IOException {
        return new Target(port);
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
        // the page goes out at the tick that confirms the check DOWN, not at the alert rules' next slot
        Instant t = clock.instant();
        while (!call("GET", "/api/v1/status", "").toString().contains("\"status\":\"down\"")) {
            t = t.plusSeconds(1);
            runUntil(t);
        }
        assertThat(to("/ops")).as("paged at %s, when api was confirmed down", t).hasSize(1);
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

        String server = "http://127.0.0.1:" + daemon.port();
        Cli list = Cli.run("incident", "list", "--server", server);
        assertThat(list.exitCode()).as(list.transcript()).isZero();
        assertThat(list.out()).contains(incident).contains("triggered").contains("StewardCheckDown on api");
        Cli ack = Cli.run("incident", "ack", incident, "--by", "alice", "--server", server);
        assertThat(ack.exitCode()).as(ack.transcript()).isZero();
        assertThat(ack.out()).isEqualTo(incident + ": acknowledged\n");
        JsonNode acked = call("GET", "/api/v1/incidents/" + incident, "");
        assertThat(acked.path("state").asString()).isEqualTo("acknowledged");
        assertThat(acked.path("acknowledgedBy").asString()).isEqualTo("alice");
        Cli refused = Cli.run("incident", "ack", incident, "--by", "bob", "--server", server);
        assertThat(refused.exitCode()).as(refused.transcript()).isEqualTo(1);
        assertThat(refused.err()).startsWith("steward incident: cannot acknowledge");
        Cli show = Cli.run("incident", "show", incident, "--server", server);
        assertThat(show.out()).contains("acknowledged").contains("by alice");
        runUntil(clock.instant().plusSeconds(1));
        assertThat(to("/bob")).extracting(Received::kind).contains("acknowledged");
        JsonNode again = call("POST", "/api/v1/incidents/" + incident + "/ack", "{\"by\":\"bob\"}");
        assertThat(again.path("error").asString()).contains("acknowledge");
        // incident commands only: the status page's draft of the same outage is on the log too
        JsonNode audit = call("GET", "/api/v1/audit?action=incident.ack", "").path("records");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("actor").asString()).isEqualTo("alice");
        assertThat(audit.get(0).path("action").asString()).isEqualTo("incident.ack");
        assertThat(audit.get(0).path("target").asString()).isEqualTo("incident/" + incident);
        assertThat(call("GET", "/api/v1/audit/verify", "").path("intact").asBoolean())
                .isTrue();

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

    @Test
    void aFlappingCheckSendsOneNoticeInsteadOfAStormAndIsPagedOnceItSettlesDown() throws Exception {
        runUntil(T0.plusSeconds(15));
        Instant t = clock.instant();
        Instant flapSeen = null;
        for (int i = 0; i < 30; i++) {
            if (i % 2 == 0) {
                api.close();
            } else {
                api = listen(apiPort);
            }
            t = t.plusSeconds(10);
            runUntil(t);
            if (flapSeen == null && to("/ops").stream().anyMatch(r -> r.title().startsWith("StewardCheckFlapping"))) {
                flapSeen = t;
            }
        }
        assertThat(flapSeen).as("the flapping notice").isNotNull();
        Instant seen = flapSeen;
        List<Received> flapping = to("/ops").stream()
                .filter(r ->
                        r.title().startsWith("StewardCheckFlapping") && r.kind().equals("triggered"))
                .toList();
        assertThat(flapping).hasSize(1);
        long downPagesBefore = to("/ops").stream()
                .filter(r ->
                        r.title().startsWith("StewardCheckDown") && r.kind().equals("triggered"))
                .count();
        assertThat(downPagesBefore)
                .as("down pages before the flapping was detected")
                .isPositive();

        long downPagesAtDetection = to("/ops").stream()
                .filter(r ->
                        r.title().startsWith("StewardCheckDown") && r.kind().equals("triggered"))
                .count();

        // it settles down and stays down: one "stopped flapping" resolution, no storm, and the check's incident open
        t = t.plusSeconds(10);
        runUntil(t);
        api.close();
        runUntil(t.plusSeconds(400));
        assertThat(to("/ops"))
                .extracting(r -> r.kind() + " " + r.title())
                .contains("resolved StewardCheckFlapping on api");
        assertThat(to("/ops").stream()
                        .filter(r -> r.title().startsWith("StewardCheckDown")
                                && r.kind().equals("triggered"))
                        .count())
                .as("no down page while it flapped")
                .isEqualTo(downPagesAtDetection);
        JsonNode open = call("GET", "/api/v1/incidents?service=api", "");
        assertThat(open).extracting(i -> i.path("title").asString()).contains("StewardCheckDown on api");
        assertThat(seen).isBefore(t);
    }

    @Test
    void theCreatorOfASilenceWhoIsOneOfThePeopleIsRemindedBeforeItEnds() throws Exception {
        runUntil(T0.plusSeconds(5));
        Instant ends = clock.instant().plusSeconds(3600);
        call("POST", "/api/v2/silences", """
                {"matchers": [{"name": "service", "value": "api", "isRegex": false, "isEqual": true}],
                 "startsAt": "%s", "endsAt": "%s", "createdBy": "alice", "comment": "db migration"}
                """.formatted(clock.instant(), ends));
        JsonNode audit = call("GET", "/api/v1/audit", "").path("records");
        assertThat(audit.get(0).path("action").asString()).isEqualTo("silence.create");
        assertThat(audit.get(0).path("actor").asString()).isEqualTo("alice");
        assertThat(audit.get(0).path("target").asString()).startsWith("silence/");
        runUntil(ends.minusSeconds(15 * 60 + 1));
        assertThat(to("/alice")).isEmpty();
        runUntil(ends.minusSeconds(15 * 60 - 1));
        assertThat(to("/alice")).extracting(Received::kind).containsExactly("silence_expiring");
        runUntil(ends.plusSeconds(60));
        assertThat(to("/alice")).hasSize(1);
    }

    @Test
    void theSignedLinkInAPageShowsAButtonAndOnlyItsPostAcknowledges() throws Exception {
        runUntil(T0.plusSeconds(15));
        api.close();
        runUntil(T0.plusSeconds(40));
        Received page = to("/alice").getFirst();
        assertThat(page.ackUrl()).startsWith("https://steward.example.com/act/");
        String path = page.ackUrl().substring("https://steward.example.com".length());

        HttpResponse<String> shown = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("<form method=post").contains("StewardCheckDown on api");
        assertThat(call("GET", "/api/v1/incidents/" + page.incident(), "")
                        .path("state")
                        .asString())
                .isEqualTo("triggered");

        HttpResponse<String> done = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("by=alice"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        JsonNode incident = call("GET", "/api/v1/incidents/" + page.incident(), "");
        assertThat(incident.path("state").asString()).isEqualTo("acknowledged");
        assertThat(incident.path("acknowledgedBy").asString()).isEqualTo("alice");

        HttpResponse<String> forged = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path + "x"))
                        .POST(HttpRequest.BodyPublishers.ofString("by=mallory"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void duringMaintenanceNobodyIsPagedAndAtItsEndWhatIsStillBrokenIsPagedAtOnce() throws Exception {
        runUntil(T0.plusSeconds(5));
        Instant end = clock.instant().plusSeconds(600).plusMillis(500);
        JsonNode window = call("POST", "/api/v1/maintenance", """
                {"title": "api upgrade", "services": ["api"], "start": "now", "end": "%s"}
                """.formatted(end));
        assertThat(window.path("id").asString()).as("%s", window).isNotEmpty();
        api.close();
        runUntil(end.minusSeconds(1));
        assertThat(received).isEmpty();
        JsonNode open = call("GET", "/api/v1/incidents?service=api", "");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("state").asString()).isEqualTo("held");
        assertThat(open.get(0).path("heldBy").asString()).startsWith("maintenance: api upgrade");
        JsonNode status = call("GET", "/api/v1/status", "");
        assertThat(status.toString()).contains("\"status\":\"maintenance\"");

        runUntil(end);
        assertThat(to("/ops")).extracting(Received::kind).containsExactly("triggered");
        assertThat(call("GET", "/api/v1/audit", "")
                        .path("records")
                        .get(0)
                        .path("action")
                        .asString())
                .isEqualTo("maintenance.create");
    }
}
