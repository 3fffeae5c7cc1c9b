package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.probe.LocalHttpServer;
import dev.steward.testing.HandDrivenDaemon;
import dev.steward.testing.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Progressive deployments in the real daemon with time driven by hand: a {@code command} provider running real shell
 * commands that append to a file, a canary of two steps judged by an analysis over {@code app_error_ratio}, a gauge the
 * daemon scrapes from a tiny HTTP server whose value the test sets. The real SQLite store, HTTP API and CLI.
 */
class DeploymentScenarioTest {
    private static final Instant T0 = Instant.parse("2027-03-01T10:00:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicReference<String> errorRatio = new AtomicReference<>("0.01");
    private final AtomicReference<String> stableReady = new AtomicReference<>("3");
    private LocalHttpServer metrics;
    private Daemon daemon;
    private Path stackFile;
    private Path actions;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        metrics = LocalHttpServer.http()
                .route(
                        "/metrics",
                        exchange -> LocalHttpServer.reply(
                                exchange,
                                200,
                                "text/plain; version=0.0.4",
                                "# TYPE app_error_ratio gauge\napp_error_ratio " + errorRatio.get() + "\n"
                                        + "# TYPE app_ready gauge\napp_ready{version=\"1.0.0\"} " + stableReady.get()
                                        + "\napp_ready{version=\"1.1.0\"} " + stableReady.get() + "\n"));
        actions = dir.resolve("actions.log");
        String log = " >> " + actions;
        stackFile = dir.resolve("stack.yml");
        Files.writeString(stackFile, """
                stack: shop
                environments:
                  - name: staging
                  - name: production
                services:
                  api:
                    metrics: {scrape: %s, interval: 5s}
                    deploy:
                      provider:
                        type: command
                        deploy: 'echo deploy ${version} ${weight}%s'
                        set_weight: 'echo set_weight ${version} ${weight}%s'
                        promote: 'echo promote ${version}%s'
                        rollback: 'echo rollback to ${stable_version}%s'
                        cleanup: 'echo cleanup ${stable_version}%s'
                      strategy:
                        canary:
                          steps:
                            - {weight: 20, pause: 30s, analysis: errors}
                            - {weight: 50, pause: 30s, analysis: errors}
                      gates:
                        after: {validation: 1m}
                        rollback: {capacity: 'sum(app_ready{version="${stable_version}"})', needed: 2}
                      analyses:
                        errors:
                          interval: 10s
                          min_samples: 2
                          metrics:
                            - name: error-ratio
                              query: 'max(app_error_ratio)'
                              failure: 'result > 0.05'
                """.formatted(metrics.uri("/metrics"), log, log, log, log, log));
        daemon = startDaemon();
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
        metrics.close();
    }

    private Daemon startDaemon() {
        return HandDrivenDaemon.start(stackFile, dir.resolve("data"), clock);
    }

    /** Moves the clock from due instant to due instant until {@code until}, running what is due. */
    private void runUntil(Instant until) {
        HandDrivenDaemon.runUntil(daemon, clock, until);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode data(HttpResponse<String> response) {
        return json.readTree(response.body()).path("data");
    }

    private JsonNode deployment(String id) throws Exception {
        return data(send("GET", "/api/v1/deployments/" + id, ""));
    }

    private String startDeployment(String version, String environment) throws Exception {
        var response = send(
                "POST",
                "/api/v1/deployments",
                "{\"service\":\"api\",\"environment\":\"" + environment + "\",\"version\":\"" + version
                        + "\",\"stable_version\":\"1.0.0\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return data(response).path("id").asString();
    }

    private static List<String> triggers(JsonNode d) {
        List<String> out = new ArrayList<>();
        d.path("timeline").forEach(e -> out.add(e.path("trigger").asString()));
        return out;
    }

    private List<String> actions() throws Exception {
        return Files.exists(actions) ? Files.readAllLines(actions) : List.of();
    }

    @Test
    void aGoodVersionGoesThroughBothCanaryStepsAndIsPromoted() throws Exception {
        runUntil(T0.plusSeconds(5));
        String id = startDeployment("1.1.0", "staging");

        runUntil(clock.instant().plus(Duration.ofMinutes(4)));

        JsonNode d = deployment(id);
        assertThat(d.path("state").asString()).as(d.toString()).isEqualTo("succeeded");
        assertThat(actions())
                .containsExactly("deploy 1.1.0 20", "set_weight 1.1.0 50", "promote 1.1.0", "cleanup 1.0.0");
        assertThat(triggers(d))
                .startsWith("started", "before-gates-passed", "step-issued", "step-applied", "measured")
                .contains("step-passed", "validated", "cleanup-issued", "cleaned-up");
        assertThat(d.path("plan")).hasSize(3);
        assertThat(d.path("traffic").asString()).isEqualTo("traffic weights set by the set_weight command");
        JsonNode audit = data(send("GET", "/api/v1/audit?target=deployment/" + id + "&limit=100", ""));
        List<String> audited = new ArrayList<>();
        audit.path("records").forEach(r -> audited.add(r.path("action").asString()));
        assertThat(audited).contains("deployment.create", "deployment.step-issued", "deployment.validated");
        // the console's system panel names it (open access mode: no login on loopback without credentials)
        assertThat(send("GET", "/ui", "").body()).contains("api 1.1.0 to staging: succeeded");
    }

    @Test
    void aBadVersionIsRolledBackAtTheFirstFailingMeasurementWithItsMeasurements() throws Exception {
        runUntil(T0.plusSeconds(5));
        String id = startDeployment("1.2.0", "staging");
        errorRatio.set("0.3");

        runUntil(clock.instant().plus(Duration.ofMinutes(2)));

        JsonNode d = deployment(id);
        assertThat(d.path("state").asString()).as(d.toString()).isEqualTo("rolled-back");
        assertThat(actions()).containsExactly("deploy 1.2.0 20", "rollback to 1.0.0");
        JsonNode failed = null;
        for (JsonNode e : d.path("timeline")) {
            if (e.path("trigger").asString().equals("gate-failed")) {
                failed = e;
            }
        }
        assertThat(failed).as(d.toString()).isNotNull();
        assertThat(failed.path("reason").asString()).contains("error-ratio");
        assertThat(failed.path("measurements").get(0).path("name").asString()).isEqualTo("error-ratio");
        assertThat(failed.path("measurements").get(0).path("value").asDouble()).isEqualTo(0.3);
        assertThat(triggers(d)).doesNotContain("measured").endsWith("rollback-verified");
        assertThat(d.path("reason").asString()).contains("error-ratio");
    }

    @Test
    void aRollbackWaitsForTheStableVersionsCapacityPagingOnceThenGoesWhenItIsBack() throws Exception {
        runUntil(T0.plusSeconds(5));
        stableReady.set("1");
        runUntil(clock.instant().plusSeconds(10));
        String id = startDeployment("1.2.0", "staging");
        errorRatio.set("0.3");

        runUntil(clock.instant().plusSeconds(25));

        JsonNode held = deployment(id);
        assertThat(held.path("state").asString()).as(held.toString()).isEqualTo("rolling-back");
        assertThat(actions()).containsExactly("deploy 1.2.0 20");
        JsonNode last = held.path("timeline").get(held.path("timeline").size() - 1);
        assertThat(last.path("trigger").asString()).isEqualTo("rollback-held");
        assertThat(last.path("page").asBoolean()).isTrue();
        assertThat(last.path("reason").asString()).contains("has 1 of 2 instances needed");
        assertThat(last.path("measurements").get(0).path("name").asString()).isEqualTo("stable_ready");

        stableReady.set("3");
        runUntil(clock.instant().plus(Duration.ofMinutes(2)));

        JsonNode d = deployment(id);
        assertThat(d.path("state").asString()).as(d.toString()).isEqualTo("rolled-back");
        assertThat(actions()).containsExactly("deploy 1.2.0 20", "rollback to 1.0.0");
        assertThat(triggers(d)).containsOnlyOnce("rollback-held");
        for (JsonNode e : d.path("timeline")) {
            if (e.path("trigger").asString().equals("rollback-issued")) {
                assertThat(e.path("reason").asString()).contains("stable capacity 3/2 ready");
            }
        }
    }

    @Test
    void aRestartDuringAnAnalysisResumesItAndTheDeploymentFinishes() throws Exception {
        runUntil(T0.plusSeconds(5));
        String id = startDeployment("1.1.0", "staging");
        runUntil(clock.instant().plusSeconds(15));
        assertThat(deployment(id).path("state").asString()).isEqualTo("analysing");

        daemon.close();
        daemon = startDaemon();

        JsonNode d = deployment(id);
        assertThat(triggers(d)).endsWith("restarted");
        assertThat(d.path("state").asString()).isEqualTo("analysing");
        runUntil(clock.instant().plus(Duration.ofMinutes(4)));
        assertThat(deployment(id).path("state").asString()).isEqualTo("succeeded");
        assertThat(actions())
                .containsExactly("deploy 1.1.0 20", "set_weight 1.1.0 50", "promote 1.1.0", "cleanup 1.0.0");
    }

    @Test
    void aRestartWhileAStepIsInFlightPausesAndPagesUntilAnOperatorResumes() throws Exception {
        runUntil(T0.plusSeconds(5));
        // the step was issued and saved, the daemon stops before the provider's answer is handed back
        String id = startDeployment("1.1.0", "staging");
        assertThat(deployment(id).path("state").asString()).isEqualTo("progressing");
        daemon.close();
        daemon = startDaemon();

        JsonNode paused = deployment(id);
        assertThat(paused.path("state").asString()).isEqualTo("paused");
        assertThat(paused.path("reason").asString()).contains("outcome is unknown");
        JsonNode restarted = paused.path("timeline").get(paused.path("timeline").size() - 1);
        assertThat(restarted.path("page").asBoolean()).isTrue();
        JsonNode alerts = json.readTree(send("GET", "/api/v2/alerts", "").body());
        assertThat(alerts.toString()).contains(DeploymentRecords.ALERT).contains(id);
        runUntil(clock.instant().plus(Duration.ofMinutes(1)));
        String incidents = send("GET", "/api/v1/incidents", "").body();
        assertThat(incidents).contains(DeploymentRecords.ALERT);

        var resumed = send("POST", "/api/v1/deployments/" + id + "/resume", "{\"reason\":\"checked by hand\"}");
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        runUntil(clock.instant().plus(Duration.ofMinutes(4)));
        assertThat(deployment(id).path("state").asString()).isEqualTo("succeeded");
        assertThat(actions()).startsWith("deploy 1.1.0 20", "deploy 1.1.0 20");
    }

    @Test
    void theApiRefusesBadRequestsAndIllegalCommandsAndASecondActiveDeployment() throws Exception {
        var bad = send("POST", "/api/v1/deployments", "{\"service\":\"nope\",\"environment\":\"moon\",\"extra\":1}");
        assertThat(bad.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json.readTree(bad.body())
                .path("errors")
                .forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).contains("extra", "version");
        var unknown = send(
                "POST", "/api/v1/deployments", "{\"service\":\"nope\",\"environment\":\"moon\",\"version\":\"1\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("service").contains("api");
        var env =
                send("POST", "/api/v1/deployments", "{\"service\":\"api\",\"environment\":\"moon\",\"version\":\"1\"}");
        assertThat(env.body()).contains("environment").contains("staging, production");
        var noStable = send(
                "POST", "/api/v1/deployments", "{\"service\":\"api\",\"environment\":\"staging\",\"version\":\"1\"}");
        assertThat(noStable.statusCode()).isEqualTo(400);
        assertThat(noStable.body()).contains("stable_version");

        String id = startDeployment("1.1.0", "production");
        JsonNode blocked = deployment(id);
        assertThat(blocked.path("state").asString()).isEqualTo("checking");
        assertThat(blocked.path("reason").asString()).contains("previous environment");
        assertThat(triggers(blocked)).contains("before-gates-blocked");

        var second = send(
                "POST",
                "/api/v1/deployments",
                "{\"service\":\"api\",\"environment\":\"production\",\"version\":\"1.2.0\",\"stable_version\":\"1\"}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains(id);
        var resume = send("POST", "/api/v1/deployments/" + id + "/resume", "");
        assertThat(resume.statusCode()).isEqualTo(409);
        assertThat(json.readTree(resume.body()).path("error").asString()).isNotBlank();
        assertThat(send("POST", "/api/v1/deployments/nope/abort", "").statusCode())
                .isEqualTo(404);

        var abort = send("POST", "/api/v1/deployments/" + id + "/abort", "{\"reason\":\"wrong day\"}");
        assertThat(abort.statusCode()).as(abort.body()).isEqualTo(200);
        assertThat(data(abort).path("state").asString()).isEqualTo("aborted");
        JsonNode list = data(send("GET", "/api/v1/deployments?service=api&state=aborted", ""));
        assertThat(list).hasSize(1);
        assertThat(send("GET", "/api/v1/deployments?state=sideways", "").statusCode())
                .isEqualTo(400);
    }

    private int cli(StringWriter out, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server");
        all.add("http://127.0.0.1:" + daemon.port());
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        out.write(err.toString());
        return code;
    }

    @Test
    void theCliSchedulesADeploymentAndPromoteStartsItEarly() throws Exception {
        runUntil(T0.plusSeconds(5));
        Instant at = T0.plus(Duration.ofHours(3));
        StringWriter started = new StringWriter();
        assertThat(cli(
                        started,
                        "deploy",
                        "start",
                        "api",
                        "1.1.0",
                        "--env",
                        "staging",
                        "--stable",
                        "1.0.0",
                        "--at",
                        at.toString()))
                .as(started.toString())
                .isZero();
        String id = started.toString().strip();

        StringWriter status = new StringWriter();
        assertThat(cli(status, "deploy", "status", id)).isZero();
        assertThat(status.toString())
                .contains("state: scheduled, starts at " + at + " (announced at " + at.minus(Duration.ofMinutes(30)));
        runUntil(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(deployment(id).path("state").asString()).isEqualTo("scheduled");

        StringWriter promoted = new StringWriter();
        assertThat(cli(promoted, "deploy", "promote", id, "--reason", "hotfix"))
                .as(promoted.toString())
                .isZero();
        runUntil(clock.instant().plusSeconds(5));
        List<String> triggers = new ArrayList<>();
        deployment(id)
                .path("timeline")
                .forEach(e -> triggers.add(e.path("trigger").asString()));
        assertThat(triggers).startsWith("promote", "before-gates-passed", "step-issued");

        StringWriter bad = new StringWriter();
        assertThat(cli(bad, "deploy", "start", "api", "1.2.0", "--env", "staging", "--at", "soon"))
                .isEqualTo(2);
        assertThat(bad.toString()).contains("--at soon: expected an RFC 3339 time");
        assertThat(DeployCommand.startAt("2h", T0)).contains(T0.plus(Duration.ofHours(2)));
        assertThat(DeployCommand.startAt("2028-03-01T10:00:00+01:00", T0))
                .contains(Instant.parse("2028-03-01T09:00:00Z"));
    }

    @Test
    void theCliStartsFollowsAndSteersDeployments() throws Exception {
        runUntil(T0.plusSeconds(5));
        StringWriter started = new StringWriter();
        assertThat(cli(started, "deploy", "start", "api", "1.1.0", "--env", "staging", "--stable", "1.0.0"))
                .as(started.toString())
                .isZero();
        String id = started.toString().strip();
        assertThat(id).startsWith("dep-");

        StringWriter status = new StringWriter();
        assertThat(cli(status, "deploy", "status", id)).isZero();
        assertThat(status.toString())
                .contains("progressing")
                .contains("step-issued")
                .contains("set_weight");
        StringWriter refused = new StringWriter();
        assertThat(cli(refused, "deploy", "promote", id)).isEqualTo(1);
        StringWriter usage = new StringWriter();
        assertThat(cli(usage, "deploy", "start", "api", "1.2.0", "--env", "nowhere"))
                .isEqualTo(2);

        runUntil(clock.instant().plus(Duration.ofMinutes(4)));
        StringWriter watched = new StringWriter();
        assertThat(cli(watched, "deploy", "status", id, "--watch"))
                .as(watched.toString())
                .isZero();
        assertThat(watched.toString()).contains("validated").contains("succeeded");

        StringWriter bad = new StringWriter();
        assertThat(cli(bad, "deploy", "start", "api", "1.2.0", "--env", "staging"))
                .isZero();
        String badId = bad.toString().strip();
        errorRatio.set("0.3");
        runUntil(clock.instant().plus(Duration.ofMinutes(2)));
        StringWriter rolledBack = new StringWriter();
        assertThat(cli(rolledBack, "deploy", "status", badId, "--watch")).isEqualTo(1);
        assertThat(rolledBack.toString())
                .contains("gate-failed")
                .contains("error-ratio")
                .contains("rolled-back");
        StringWriter table = new StringWriter();
        assertThat(cli(table, "deploy", "status")).isZero();
        assertThat(table.toString()).contains(id).contains(badId);
    }

    @Test
    void deployStartWatchPrintsTheTimelineUntilPromotedAndExitsZero() throws Exception {
        runUntil(T0.plusSeconds(5));
        StringWriter out = new StringWriter();
        AtomicReference<Integer> code = new AtomicReference<>();
        Thread cli = Thread.ofVirtual()
                .start(() -> code.set(cli(
                        out,
                        "deploy",
                        "start",
                        "api",
                        "1.1.0",
                        "--env",
                        "staging",
                        "--stable",
                        "1.0.0",
                        "--watch",
                        "--poll-ms",
                        "10")));
        // the test drives time while the command follows the deployment; it returns once the deployment is done
        for (int i = 0; cli.isAlive(); i++) {
            assertThat(i).as("steps of 10s before the watch ended").isLessThan(10_000);
            runUntil(clock.instant().plusSeconds(10));
        }

        assertThat(code.get()).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("started", "step-issued", "step-passed", "validated", "cleaned-up")
                .contains(": succeeded");
        assertThat(actions())
                .containsExactly("deploy 1.1.0 20", "set_weight 1.1.0 50", "promote 1.1.0", "cleanup 1.0.0");
    }
}
