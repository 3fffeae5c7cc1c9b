package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.demo.DemoOptions;
import dev.steward.demo.DemoService;
import dev.steward.demo.DemoStack;
import dev.steward.demo.DemoStackFile;
import dev.steward.demo.Fault;
import dev.steward.demo.LocalServers;
import dev.steward.testing.DirectExecutorService;
import dev.steward.testing.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daemon end to end with time driven by hand: real demo services, real probes, the real SQLite store and HTTP API;
 * only the clock and the scheduler thread are the test's. A timeline: at 0s all up; the api goes down; confirmed DOWN
 * after the demo's fail_after failures at the retry interval; recovers; a reload keeps state; a restart keeps rollups
 * and states.
 */
class DaemonScenarioTest {
    // the last seconds of a year, so minute and hour buckets roll over during the test
    private static final Instant T0 = Instant.parse("2026-12-31T23:58:30Z");
    private final ManualClock clock = new ManualClock(T0);
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private DemoStack demo;
    private Daemon daemon;
    private Path stackFile;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        demo = DemoStack.start(DemoOptions.defaults().withoutTraffic());
        stackFile = DemoStackFile.forStack(demo, LocalServers.NONE).writeTo(dir.resolve("stack.yml"));
        daemon = startDaemon();
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
        demo.close();
    }

    private Daemon startDaemon() {
        DaemonOptions options = new DaemonOptions(
                stackFile,
                dir.resolve("data"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "127.0.0.1",
                0,
                DaemonOptions.DEFAULT_RETENTION,
                DaemonOptions.DEFAULT_BUDGET);
        var wiring = new Daemon.Wiring(clock, System::nanoTime, new DirectExecutorService(), false);
        return ((Daemon.Started.Running) Daemon.start(options, cfg -> {}, wiring)).daemon();
    }

    /** Moves the clock from due instant to due instant until {@code until}, running what is due. */
    private void runUntil(Instant until) {
        while (true) {
            Optional<Instant> next = daemon.nextDue();
            if (next.isEmpty() || next.get().isAfter(until)) {
                clock.set(until);
                return;
            }
            clock.set(next.get());
            daemon.tick();
        }
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        return json.readTree(send("GET", path).body());
    }

    private static JsonNode service(JsonNode status, String name) {
        for (JsonNode s : status.get("services")) {
            if (s.get("name").asString().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no service " + name + " in " + status);
    }

    @Test
    void aDownServiceIsConfirmedReportedAndRecovers() throws Exception {
        runUntil(T0.plusSeconds(10));
        assertThat(get("/api/v1/status").get("status").asString()).isEqualTo("up");

        demo.faults().inject(DemoService.API, new Fault.Down());
        Instant faultAt = clock.instant();
        // the demo file has interval 5s, fail_after 2, retry_interval 2s: DOWN within 5s + 2s
        runUntil(faultAt.plusSeconds(8));
        JsonNode status = get("/api/v1/status");
        JsonNode api = service(status, "api");
        assertThat(api.get("status").asString()).isEqualTo("down");
        assertThat(api.get("checks").get(0).get("reason").asString()).startsWith("connect: connection refused");
        assertThat(service(status, "frontend").get("reason").asString()).isEqualTo("up; depends on api, which is down");
        assertThat(send("GET", "/metrics").body())
                .contains("probe_success{check=\"health\",service=\"api\",stack=\"demo\",team=\"backend\"} 0");

        // the built-in check alert (evaluated every 10 s) fires, visible through Prometheus's API
        runUntil(clock.instant().plusSeconds(10));
        JsonNode alerts = get("/api/v1/alerts").get("data").get("alerts");
        assertThat(alerts.findValuesAsString("alertname")).contains("StewardCheckDown");
        assertThat(alerts.findValuesAsString("state")).containsOnly("firing");
        JsonNode firing = get("/api/v1/query?query="
                + java.net.URLEncoder.encode(
                        "ALERTS{alertstate=\"firing\",service=\"api\"}", java.nio.charset.StandardCharsets.UTF_8)
                + "&time=" + clock.instant().getEpochSecond());
        assertThat(firing.get("data").get("result").findValuesAsString("check"))
                .containsExactlyInAnyOrder("health", "detailed");

        demo.faults().clear(DemoService.API);
        // recovery needs up to 5 s + 2 s of probes, then the next rule evaluation (every 10 s, at a phase that
        // depends on the group's file path, a temporary directory here)
        runUntil(clock.instant().plusSeconds(18));
        assertThat(get("/api/v1/alerts").get("data").get("alerts").size()).isZero();
        assertThat(service(get("/api/v1/status"), "api").get("status").asString())
                .isEqualTo("up");

        JsonNode history = get("/api/v1/checks/api/health/history?from=" + T0.getEpochSecond() + "&to="
                + clock.instant().plusSeconds(1).getEpochSecond());
        assertThat(history.get("events").findValuesAsString("to")).containsExactly("up", "down", "up");
    }

    @Test
    void aReloadKeepsTheStateOfUnchangedChecksAndRejectsAnInvalidFile() throws Exception {
        runUntil(T0.plusSeconds(10));
        String since = service(get("/api/v1/status"), "search")
                .get("checks")
                .get(0)
                .get("since")
                .asString();

        String yaml = Files.readString(stackFile);
        Files.writeString(stackFile, yaml.replace("  frontend:", "  frontend_renamed:"));
        HttpResponse<String> ok = send("POST", "/-/reload");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json.readTree(ok.body()).get("added").asInt()).isEqualTo(1);
        assertThat(json.readTree(ok.body()).get("removed").asInt()).isEqualTo(1);
        // the removed check's series end with a staleness marker: queries stop returning them at once
        JsonNode gone = get("/api/v1/query?query=probe_success%7Bservice%3D%22frontend%22%7D&time="
                + clock.instant().getEpochSecond());
        assertThat(gone.get("data").get("result").size()).isZero();
        JsonNode kept = get("/api/v1/query?query=probe_success%7Bservice%3D%22search%22%7D&time="
                + clock.instant().getEpochSecond());
        assertThat(kept.get("data").get("result").size()).isEqualTo(1);
        JsonNode search = service(get("/api/v1/status"), "search").get("checks").get(0);
        assertThat(search.get("status").asString()).isEqualTo("up");
        assertThat(search.get("since").asString()).isEqualTo(since);

        Files.writeString(stackFile, "stack: demo\nservices:\n  api:\n    checks: [{name: x, bogus: 1}]\n");
        HttpResponse<String> bad = send("POST", "/-/reload");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("bogus");
        assertThat(get("/api/v1/status").get("services").size()).isEqualTo(4); // api, search, frontend, checkout
    }

    @Test
    void aRestartKeepsRollupsAndTheLastKnownStates() throws Exception {
        runUntil(T0.plusSeconds(100)); // crosses midnight, closing minute buckets
        daemon.housekeep();
        demo.faults().inject(DemoService.SEARCH, new Fault.ClusterStatus("red"));
        runUntil(clock.instant().plusSeconds(10));
        assertThat(service(get("/api/v1/status"), "search").get("status").asString())
                .isEqualTo("down");
        daemon.close(); // saves the open buckets too
        daemon = null;

        daemon = startDaemon();
        JsonNode search = service(get("/api/v1/status"), "search").get("checks").get(0);
        assertThat(search.get("status").asString()).isEqualTo("down");
        JsonNode history = get("/api/v1/checks/search/cluster/history?resolution=1m&from=" + T0.getEpochSecond()
                + "&to=" + clock.instant().plus(Duration.ofMinutes(1)).getEpochSecond());
        long probes = 0;
        long failures = 0;
        for (JsonNode r : history.get("rollups")) {
            probes += r.get("count").asLong();
            failures += r.get("failures").asLong();
        }
        assertThat(history.get("rollups").size()).isGreaterThanOrEqualTo(2);
        assertThat(probes).isGreaterThanOrEqualTo(20);
        assertThat(failures).isBetween(2L, 4L);
    }

    @Test
    void aRestartKeepsTheTimeAnAlertHasSpentPending() throws Exception {
        Files.writeString(stackFile, Files.readString(stackFile) + """
                        rule_groups:
                          - name: slow
                            interval: 10s
                            rules:
                              - alert: SearchDownLong
                                expr: 'steward_check_up{service="search"} == 0'
                                for: 15m
                        """);
        daemon.close();
        daemon = startDaemon();
        runUntil(T0.plusSeconds(10));
        demo.faults().inject(DemoService.SEARCH, new Fault.ClusterStatus("red"));
        runUntil(clock.instant().plusSeconds(30));
        JsonNode pending = alert("SearchDownLong");
        assertThat(pending.get("state").asString()).isEqualTo("pending");
        Instant activeAt = Instant.parse(pending.get("activeAt").asString());

        runUntil(activeAt.plus(Duration.ofMinutes(5)));
        daemon.close(); // saves ALERTS_FOR_STATE
        daemon = null;
        clock.set(activeAt.plus(Duration.ofMinutes(6))); // one minute of outage
        daemon = startDaemon();

        // restored: pending since activeAt + the outage, so it fires at activeAt + 16m (not at the restart + 15m)
        runUntil(activeAt.plus(Duration.ofMinutes(16)).plusSeconds(20));
        assertThat(alert("SearchDownLong").get("state").asString()).isEqualTo("firing");
    }

    private JsonNode alert(String name) throws Exception {
        for (JsonNode a : get("/api/v1/alerts").get("data").get("alerts")) {
            if (a.get("labels").get("alertname").asString().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no alert " + name + " in " + get("/api/v1/alerts"));
    }

    @Test
    void aSilenceCreatedThroughAlertmanagersApiSurvivesARestart() throws Exception {
        String body = """
                {"matchers":[{"name":"service","value":"search","isRegex":false,"isEqual":true}],
                 "startsAt":"%s","endsAt":"%s","createdBy":"ops","comment":"reindexing"}""".formatted(T0, T0.plus(Duration.ofHours(2)));
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + "/api/v2/silences"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = json.readTree(created.body()).get("silenceID").asString();

        daemon.close();
        daemon = null;
        daemon = startDaemon();

        JsonNode silences = json.readTree(send("GET", "/api/v2/silences").body());
        assertThat(silences.findValuesAsString("id")).containsExactly(id);
        assertThat(silences.get(0).get("status").get("state").asString()).isEqualTo("active");
        assertThat(silences.get(0).get("comment").asString()).isEqualTo("reindexing");
    }
}
