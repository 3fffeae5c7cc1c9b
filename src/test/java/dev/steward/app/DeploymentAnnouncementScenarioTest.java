package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.steward.probe.LocalHttpServer;
import dev.steward.testing.HandDrivenDaemon;
import dev.steward.testing.ManualClock;
import java.net.InetSocketAddress;
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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deployment announcements in the real daemon with time driven by hand: the service announces to a receiver of the
 * Alertmanager configuration whose webhook is a real HTTP server recording what it receives; the deployment is a
 * two-step canary over a {@code command} provider, judged on a gauge the test sets.
 */
class DeploymentAnnouncementScenarioTest {
    private static final Instant T0 = Instant.parse("2028-02-29T23:59:50Z");
    private final ManualClock clock = new ManualClock(T0);
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicReference<String> errorRatio = new AtomicReference<>("0.01");
    private final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
    private LocalHttpServer metrics;
    private HttpServer receiver;
    private Daemon daemon;

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
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/deploys", exchange -> {
            received.add(json.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        Files.writeString(
                dir.resolve("am.yml"), """
                route:
                  receiver: nobody
                receivers:
                  - name: nobody
                  - name: deploys
                    webhook_configs: [{url: "http://127.0.0.1:%d/deploys"}]
                """.formatted(receiver.getAddress().getPort()));
        Files.writeString(dir.resolve("stack.yml"), stack("deploys"));
        daemon = startDaemon();
    }

    private String stack(String announceTo) {
        return """
                stack: shop
                alerting: {alertmanager_config: am.yml}
                environments:
                  - name: staging
                services:
                  api:
                    metrics: {scrape: %s, interval: 5s}
                    deploy:
                      provider:
                        type: command
                        deploy: 'true'
                        set_weight: 'true'
                        promote: 'true'
                        rollback: 'true'
                        cleanup: 'true'
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
                      announce: {receivers: [%s]}
                """.formatted(metrics.uri("/metrics"), announceTo);
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
        receiver.stop(0);
        metrics.close();
    }

    private Daemon startDaemon() {
        return HandDrivenDaemon.start(dir.resolve("stack.yml"), dir.resolve("data"), clock);
    }

    private Daemon.Started launch() {
        return HandDrivenDaemon.launch(dir.resolve("stack.yml"), dir.resolve("data"), clock, cfg -> {});
    }

    private void runUntil(Instant until) {
        HandDrivenDaemon.runUntil(daemon, clock, until);
    }

    private String startDeployment(String version) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + "/api/v1/deployments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"api\",\"environment\":\"staging\","
                        + "\"version\":\"" + version + "\",\"stable_version\":\"1.0.0\"}"))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("data").path("id").asString();
    }

    private List<String> titles() {
        synchronized (received) {
            return received.stream().map(m -> m.path("title").asString()).toList();
        }
    }

    @Test
    void aGoodDeploymentAnnouncesItsStartEachStepAndItsPromotion() throws Exception {
        runUntil(T0.plusSeconds(5));
        String id = startDeployment("1.1.0");

        runUntil(clock.instant().plus(Duration.ofMinutes(4)));

        // two canary steps, then the promotion step (all traffic), then the validation passes
        assertThat(titles())
                .containsExactly(
                        "Deployment of api 1.1.0 to staging: started",
                        "Deployment of api 1.1.0 to staging: step applied",
                        "Deployment of api 1.1.0 to staging: step applied",
                        "Deployment of api 1.1.0 to staging: step applied",
                        "Deployment of api 1.1.0 to staging: promoted");
        assertThat(received.get(3).path("detail").asString()).contains("Reason: step 3 applied");
        JsonNode step2 = received.get(2);
        assertThat(step2.path("kind").asString()).isEqualTo("announcement");
        assertThat(step2.path("incident").asString()).isEqualTo("deployment/" + id);
        assertThat(step2.path("groupLabels").path("service").asString()).isEqualTo("api");
        assertThat(step2.path("groupLabels").path("environment").asString()).isEqualTo("staging");
        assertThat(step2.path("detail").asString())
                .contains("Version 1.1.0 (stable 1.0.0), 3 step(s)", "Reason: step 2 applied");
        assertThat(step2.path("text").asString()).contains("Reason: step 2 applied");
    }

    @Test
    void aBadDeploymentAnnouncesItsRollbackWithTheFailingMeasurement() throws Exception {
        runUntil(T0.plusSeconds(5));
        startDeployment("1.2.0");
        errorRatio.set("0.3");

        runUntil(clock.instant().plus(Duration.ofMinutes(2)));

        assertThat(titles())
                .containsExactly(
                        "Deployment of api 1.2.0 to staging: started",
                        "Deployment of api 1.2.0 to staging: step applied",
                        "Deployment of api 1.2.0 to staging: rolling back",
                        "Deployment of api 1.2.0 to staging: rolled back");
        String detail = received.get(2).path("detail").asString();
        assertThat(detail).contains("Event: gate-failed", "error-ratio", "Measurements: error-ratio = 0.3");
    }

    private HttpResponse<String> schedule(String version, String startAt) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + "/api/v1/deployments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"api\",\"environment\":\"staging\","
                        + "\"version\":\"" + version + "\",\"stable_version\":\"1.0.0\",\"start_at\":\"" + startAt
                        + "\"}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aScheduledDeploymentIsAnnouncedWhenCreatedThenHalfAnHourBeforeItStartsEvenAcrossARestart() throws Exception {
        runUntil(T0.plusSeconds(10));
        Instant startAt = T0.plus(Duration.ofMinutes(40));
        var created = schedule("1.3.0", startAt.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode d = json.readTree(created.body()).path("data");
        assertThat(d.path("state").asString()).isEqualTo("scheduled");
        assertThat(d.path("start_at").asString()).isEqualTo(startAt.toString());
        assertThat(d.path("announce_at").asString())
                .isEqualTo(startAt.minus(Duration.ofMinutes(30)).toString());
        assertThat(d.path("next_at").asString())
                .isEqualTo(startAt.minus(Duration.ofMinutes(30)).toString());
        runUntil(clock.instant().plusSeconds(5));
        assertThat(titles())
                .containsExactly(
                        "Deployment of api 1.3.0 to staging: scheduled to start at " + startAt + " (in 40 min)");
        assertThat(received.getFirst().path("detail").asString())
                .contains("announced again at " + startAt.minus(Duration.ofMinutes(30)));

        // the schedule is stored: a restart keeps it
        runUntil(T0.plus(Duration.ofMinutes(3)));
        daemon.close();
        daemon = startDaemon();
        runUntil(startAt.minus(Duration.ofMinutes(31)));
        assertThat(titles()).hasSize(1);

        runUntil(startAt.minus(Duration.ofMinutes(29)));
        assertThat(titles())
                .containsExactly(
                        "Deployment of api 1.3.0 to staging: scheduled to start at " + startAt + " (in 40 min)",
                        "Deployment of api 1.3.0 to staging: starts at " + startAt + " (in 30 min)");

        runUntil(startAt.plusSeconds(20));
        assertThat(titles()).element(2).isEqualTo("Deployment of api 1.3.0 to staging: started");
        assertThat(received.get(2).path("detail").asString()).contains("Reason: start time " + startAt + " reached");
    }

    @Test
    void aStartTimeInThePastOrNotATimeIsRefusedWithTheField() throws Exception {
        runUntil(T0.plusSeconds(10));

        var past = schedule("1.3.0", T0.minus(Duration.ofHours(1)).toString());
        var garbage = schedule("1.3.0", "tomorrow");
        var far = schedule("1.3.0", "99999999999999999");

        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("start_at", "a time not in the past");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("start_at", "tomorrow", "an RFC 3339 time");
        assertThat(far.statusCode()).isEqualTo(400);
        assertThat(far.body()).contains("start_at", "an RFC 3339 time");
        assertThat(titles()).isEmpty();
    }

    @Test
    void anAnnouncementReceiverThatRoutingDoesNotKnowIsAConfigurationErrorWithItsPath() throws Exception {
        daemon.close();
        daemon = null;
        Files.writeString(dir.resolve("stack.yml"), stack("nobody, chatops"));

        Daemon.Started started = launch();

        assertThat(started).isInstanceOf(Daemon.Started.Invalid.class);
        assertThat(String.join("\n", ((Daemon.Started.Invalid) started).errors()))
                .contains("services.api.deploy.announce.receivers[1]: unknown receiver \"chatops\"")
                .contains("one of the receivers of the Alertmanager configuration: nobody, deploys");
    }
}
