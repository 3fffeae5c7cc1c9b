package dev.steward.console;

import static dev.steward.console.ConsoleDaemon.OPERATOR;
import static dev.steward.console.ConsoleDaemon.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.probe.LocalHttpServer;
import dev.steward.testing.HandDrivenDaemon;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The deployment pages against a real daemon driven by hand: a service deployed through a {@code command} provider
 * running real shell commands, a canary of two steps judged by an analysis over a gauge the daemon scrapes from a tiny
 * HTTP server whose value the test sets (as in {@code DeploymentScenarioTest}), and commands sent from the page.
 */
class DeploymentPagesTest {
    private static final Instant T0 = Instant.parse("2027-03-01T10:00:00Z");
    private final AtomicReference<String> errorRatio = new AtomicReference<>("0.01");
    private LocalHttpServer metrics;
    private ConsoleDaemon steward;
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
                                "# TYPE app_error_ratio gauge\napp_error_ratio " + errorRatio.get() + "\n"));
        actions = dir.resolve("actions.log");
        String log = " >> " + actions;
        steward = new ConsoleDaemon(dir, T0, """
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
                      analyses:
                        errors:
                          interval: 10s
                          min_samples: 2
                          metrics:
                            - name: error-ratio
                              query: 'max(app_error_ratio)'
                              failure: 'result > 0.05'
                  worker:
                    deploy:
                      provider: {type: command, deploy: 'true', set_weight: 'true', promote: 'true', rollback: 'true', cleanup: 'true'}
                      strategy: {canary: {steps: [{weight: 50, pause: 30s, analysis: queue}]}}
                      analyses:
                        queue:
                          interval: 10s
                          metrics:
                            - {name: queue-errors, query: 'max(worker_error_ratio)', failure: 'result > 0.05'}
                  db:
                    checks: [{name: port, tcp: {address: "127.0.0.1:9"}, interval: 1h, alert: false}]
                """.formatted(metrics.uri("/metrics"), log, log, log, log, log));
        runUntil(T0.plusSeconds(5));
    }

    @AfterEach
    void stop() {
        steward.close();
        metrics.close();
    }

    private void runUntil(Instant until) {
        HandDrivenDaemon.runUntil(steward.daemon, steward.clock, until);
    }

    private String deploy(String version, String environment) throws Exception {
        return deploy("api", version, environment);
    }

    private String deploy(String service, String version, String environment) throws Exception {
        HttpResponse<String> r = steward.send(
                "POST",
                "/api/v1/deployments",
                OPERATOR,
                "application/json",
                "{\"service\":\"" + service + "\",\"environment\":\"" + environment + "\",\"version\":\"" + version
                        + "\",\"stable_version\":\"1.0.0\"}",
                Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return steward.api("/api/v1/deployments").get(0).path("id").asString();
    }

    private String state(String id) throws Exception {
        return steward.api("/api/v1/deployments/" + id).path("state").asString();
    }

    /** The deployment started and analysing its first step (20 % of the traffic). */
    private String analysing() throws Exception {
        String id = deploy("1.1.0", "staging");
        runUntil(steward.clock.instant().plusSeconds(15));
        assertThat(state(id)).isEqualTo("analysing");
        return id;
    }

    @Test
    void aRolledBackVersionShowsEveryDecisionWithTheMeasurementBehindIt() throws Exception {
        String id = deploy("1.2.0", "staging");
        errorRatio.set("0.3");
        runUntil(steward.clock.instant().plus(Duration.ofMinutes(2)));
        assertThat(state(id)).isEqualTo("rolled-back");

        HttpResponse<String> r = steward.get("/ui/deployments/" + id, VIEWER);
        assertThat(r.statusCode()).isEqualTo(200);
        String page = r.body();
        assertThat(page)
                .contains("data-testid=\"deployment-state\">rolled-back<")
                .contains("api 1.2.0 <span class=\"muted\">← 1.0.0</span> to staging")
                .contains("<code>error-ratio = 0.3</code> <span class=\"muted\">fails if result &gt; 0.05</span>")
                .contains("analysing → rolling-back")
                .contains("rolling-back → rolled-back");
        // every entry of the real timeline is there, in order, with its actor, trigger, states and reason
        JsonNode timeline = steward.api("/api/v1/deployments/" + id).path("timeline");
        assertThat(timeline.size()).isGreaterThan(5);
        List<String> triggers = new ArrayList<>();
        int at = 0;
        for (JsonNode e : timeline) {
            triggers.add(e.path("trigger").asString());
            String row = "<td>" + e.path("actor").asString() + "</td><td>"
                    + e.path("trigger").asString();
            int found = page.indexOf(row, at);
            assertThat(found).as("timeline entry %s after offset %d", e, at).isGreaterThanOrEqualTo(at);
            assertThat(page.substring(found))
                    .contains(Html.text(e.path("reason").asString()));
            at = found + row.length();
        }
        assertThat(triggers).contains("gate-failed", "rollback-issued", "rollback-verified");
        assertThat(page).contains("Timeline (" + timeline.size() + ")");
        // finished: nothing left to command, so no buttons even for an operator
        assertThat(steward.get("/ui/deployments/" + id, OPERATOR).body()).doesNotContain("data-command=");
    }

    @Test
    void anEntryThatPagedIsMarked() throws Exception {
        // the worker never exports its metric: every measurement lacks data until the analysis gives up and pages
        String id = deploy("worker", "2.0.0", "staging");
        runUntil(steward.clock.instant().plus(Duration.ofMinutes(3)));
        JsonNode d = steward.api("/api/v1/deployments/" + id);
        assertThat(d.path("state").asString()).as(d.toString()).isEqualTo("paused");
        JsonNode last = d.path("timeline").get(d.path("timeline").size() - 1);
        assertThat(last.path("page").asBoolean()).isTrue();

        String page = steward.get("/ui/deployments/" + id, VIEWER).body();
        assertThat(page)
                .contains("<tr class=\"paged\">")
                .contains("<td>steward</td><td>" + last.path("trigger").asString()
                        + " <span class=\"badge down\" data-testid=\"paged\">paged</span>")
                .contains("paused by Steward: ");
        int paged = 0;
        for (JsonNode e : d.path("timeline")) {
            paged += e.path("page").asBoolean() ? 1 : 0;
        }
        assertThat(page.split("data-testid=\"paged\"", -1)).hasSize(paged + 1);
    }

    @Test
    void theListShowsActiveDeploymentsFirstWithTheirStepAndFiltersThem() throws Exception {
        String bad = deploy("1.2.0", "staging");
        errorRatio.set("0.3");
        runUntil(steward.clock.instant().plus(Duration.ofMinutes(2)));
        errorRatio.set("0.01");
        runUntil(steward.clock.instant().plusSeconds(10));
        String good = analysing();

        String list = steward.get("/ui/deployments", VIEWER).body();
        assertThat(list)
                .contains("2 deployments")
                .contains("href=\"/ui/deployments/" + good + "\"")
                .contains("href=\"/ui/deployments/" + bad + "\"")
                .contains("<td>1/3 · 20 %</td>")
                .contains(">rolled-back<")
                .contains(">analysing<")
                .contains("<td>olga</td>")
                .contains("aria-current=\"page\">Deployments<");
        // the active one's last event is its newest timeline entry; the finished one's is the state it ended in
        assertThat(row(list, good)).containsPattern("<td>(measured|step-applied) <span class=\"muted\">");
        assertThat(row(list, bad)).containsPattern("<td>rolled-back <span class=\"muted\">1m ago</span></td></tr>");
        assertThat(list.indexOf("data-id=\"" + good + "\""))
                .as("the active deployment comes first")
                .isLessThan(list.indexOf("data-id=\"" + bad + "\""));

        String rolledBack =
                steward.get("/ui/deployments?state=rolled-back", VIEWER).body();
        assertThat(rolledBack).contains("data-id=\"" + bad + "\"").doesNotContain("data-id=\"" + good + "\"");
        assertThat(steward.get("/ui/deployments?environment=production", VIEWER).body())
                .contains("No deployment matches");
        assertThat(steward.get("/ui/deployments?service=api&environment=staging", VIEWER)
                        .body())
                .contains("2 deployments of api to staging");
        HttpResponse<String> unknown = steward.get("/ui/deployments?state=sideways", VIEWER);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body())
                .contains("unknown state \"sideways\"; states are scheduled, checking")
                .contains("2 deployments");

        // the overview's system panel names the newest deployment and links to it
        assertThat(steward.get("/ui", VIEWER).body())
                .contains("<a href=\"/ui/deployments/" + good + "\" data-testid=\"last-deployment\">api 1.1.0 to"
                        + " staging: analysing");
    }

    private static String row(String page, String id) {
        int start = page.indexOf("<tr data-id=\"" + id + "\"");
        assertThat(start).as("the row of " + id).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start) + "</tr>".length());
    }

    @Test
    void theDetailMarksTheCurrentStepOfThePlanAndOffersWhatTheStateAllows() throws Exception {
        String id = analysing();
        String page = steward.get("/ui/deployments/" + id, OPERATOR).body();
        assertThat(page)
                .contains("<tr aria-current=\"step\" class=\"current\"><td>1 <span class=\"badge analysing\">current")
                .contains("<td>set-weight</td><td>50 %</td>")
                .contains("<td>30s</td><td>errors</td>")
                .contains("Validation after the last step: 1m")
                .contains("Traffic: traffic weights set by the set_weight command")
                .contains("Rollback capacity: not checked (no gates.rollback)")
                .containsPattern("analysing step 1, holds until 2027-03-01 10:00:\\d\\d UTC · next evaluation"
                        + " 2027-03-01 10:00:\\d\\d UTC")
                .containsPattern("1 measurements?, 1 with data")
                .contains("data-command=\"promote\"")
                .contains("data-command=\"pause\"")
                .contains("data-command=\"abort\"")
                .contains("Roll back to 1.0.0")
                .doesNotContain("data-command=\"resume\"");
    }

    @Test
    void aDeploymentInFlightRefreshesItsSectionAndAFinishedOneDoesNot() throws Exception {
        String id = analysing();
        String page = steward.get("/ui/deployments/" + id, VIEWER).body();
        assertThat(page)
                .startsWith("<!doctype html>")
                .contains("<section id=\"deployment\" data-testid=\"deployment\" hx-get=\"/ui/deployments/" + id
                        + "\" hx-trigger=\"every 5s [stewardIdle()]\" hx-swap=\"outerHTML\">");
        HttpResponse<String> fragment =
                steward.send("GET", "/ui/deployments/" + id, VIEWER, null, "", Map.of("HX-Request", "true"));
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.headers().firstValue("Vary")).hasValue("HX-Request");
        assertThat(fragment.body()).startsWith("<section id=\"deployment\"").doesNotContain("<html");

        steward.htmx("/ui/deployments/" + id + "/abort", OPERATOR, Map.of("reason", "wrong build"));
        String aborted = steward.send("GET", "/ui/deployments/" + id, VIEWER, null, "", Map.of("HX-Request", "true"))
                .body();
        assertThat(aborted)
                .startsWith("<section id=\"deployment\" data-testid=\"deployment\">")
                .contains(">aborted<")
                .contains("abort by olga: wrong build")
                .doesNotContain("hx-trigger");
    }

    @Test
    void anOperatorPausesThroughHtmxWithAReasonAndTheCommandIsAudited() throws Exception {
        String id = analysing();
        HttpResponse<String> r =
                steward.htmx("/ui/deployments/" + id + "/pause", OPERATOR, Map.of("reason", "checking <the> logs"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .startsWith("<section id=\"deployment\"")
                .contains("data-testid=\"deployment-state\">paused<")
                .contains("paused: pause by olga: checking &lt;the&gt; logs")
                .contains("<td>olga</td><td><strong>pause</strong>")
                .contains("data-command=\"resume\"")
                .doesNotContain("data-command=\"pause\"");
        JsonNode d = steward.api("/api/v1/deployments/" + id);
        assertThat(d.path("state").asString()).isEqualTo("paused");
        assertThat(d.path("reason").asString()).isEqualTo("pause by olga: checking <the> logs");
        JsonNode audit = steward.api("/api/v1/audit?target=deployment/" + id + "&limit=100")
                .path("records");
        assertThat(audit.get(0).path("action").asString()).isEqualTo("deployment.pause");
        assertThat(audit.get(0).path("actor").asString()).isEqualTo(OPERATOR);

        // a plain form (no script) resumes it and is sent back to the deployment's page
        HttpResponse<String> resumed = steward.form("/ui/deployments/" + id + "/resume", OPERATOR, Map.of());
        assertThat(resumed.statusCode()).isEqualTo(303);
        assertThat(resumed.headers().firstValue("Location")).hasValue("/ui/deployments/" + id);
        assertThat(state(id)).isEqualTo("analysing");
    }

    @Test
    void aCommandTheStateRefusesIsShownInThePageWithTheCoresReason() throws Exception {
        String id = analysing();
        HttpResponse<String> r = steward.htmx("/ui/deployments/" + id + "/resume", OPERATOR, Map.of());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body())
                .startsWith("<section id=\"deployment\"")
                .contains("role=\"alert\"")
                .contains("cannot resume deployment " + id + ": it is analysing; in that state it only takes:")
                .contains(">analysing<")
                // the refusal stays on screen: this section does not refresh itself, a link reloads the page
                .doesNotContain("hx-trigger")
                .contains("<a href=\"/ui/deployments/" + id + "\">Reload</a>");
        assertThat(state(id)).isEqualTo("analysing");

        // a plain form gets the whole page with the reason
        HttpResponse<String> plain = steward.form("/ui/deployments/" + id + "/resume", OPERATOR, Map.of());
        assertThat(plain.statusCode()).isEqualTo(409);
        assertThat(plain.body()).contains("<!doctype html>").contains("cannot resume deployment");
    }

    @Test
    void aViewerSeesNoButtonsAndIsRefusedAndAPostWithoutTheTokenIsRefused() throws Exception {
        String id = analysing();
        assertThat(steward.get("/ui/deployments/" + id, VIEWER).body())
                .doesNotContain("data-command=")
                .doesNotContain("name=\"reason\"");
        assertThat(steward.htmx("/ui/deployments/" + id + "/abort", VIEWER, Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(steward.forged("/ui/deployments/" + id + "/abort", OPERATOR, Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(state(id)).isEqualTo("analysing");
        assertThat(Files.readAllLines(actions)).containsExactly("deploy 1.1.0 20");
    }

    @Test
    void anUnknownDeploymentIsNotFound() throws Exception {
        assertThat(steward.get("/ui/deployments/dep-nope", VIEWER).statusCode()).isEqualTo(404);
        assertThat(steward.htmx("/ui/deployments/dep-nope/abort", OPERATOR, Map.of())
                        .statusCode())
                .isEqualTo(404);
    }
}
