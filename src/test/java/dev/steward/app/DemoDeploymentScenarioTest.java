package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.demo.DemoOptions;
import dev.steward.demo.DemoStack;
import dev.steward.demo.DemoStackFile;
import dev.steward.demo.LocalServers;
import dev.steward.testing.HandDrivenDaemon;
import dev.steward.testing.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's deployable checkout service under the real daemon, with time driven by hand: the stack file {@code steward
 * demo} writes, the real {@code http} provider calling the checkout's {@code /deploy}, the checkout's own metrics
 * scraped and judged by the canary analysis. Traffic is sent by the test, a fixed number of requests per 5 s of hand
 * time, instead of the demo's real-time generator.
 */
class DemoDeploymentScenarioTest {
    private static final Instant T0 = Instant.parse("2027-03-01T10:00:00Z");
    private static final int REQUESTS_PER_STEP = 20;
    private final ManualClock clock = new ManualClock(T0);
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private DemoStack demo;
    private Daemon daemon;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        demo = DemoStack.start(DemoOptions.defaults().withoutTraffic());
        Path stackFile =
                DemoStackFile.forStack(demo, new LocalServers(false, false)).writeTo(dir.resolve("stack.yml"));
        daemon = HandDrivenDaemon.start(stackFile, dir.resolve("data"), clock);
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
        demo.close();
    }

    /** Moves the clock from due instant to due instant until {@code until}, running what is due. */
    private void runUntil(Instant until) {
        HandDrivenDaemon.runUntil(daemon, clock, until);
    }

    /** Sends checkout traffic every 5 s of hand time until the deployment is finished or {@code limit} has passed. */
    private JsonNode driveUntilDone(String id, Duration limit) throws Exception {
        Instant end = clock.instant().plus(limit);
        JsonNode d = deployment(id);
        while (clock.instant().isBefore(end) && !done(d)) {
            for (int i = 0; i < REQUESTS_PER_STEP; i++) {
                get(demo.checkoutUrl().resolve("/checkout"));
            }
            runUntil(clock.instant().plusSeconds(5));
            d = deployment(id);
        }
        return d;
    }

    private static boolean done(JsonNode d) {
        return List.of("succeeded", "rolled-back", "failed", "aborted")
                .contains(d.path("state").asString());
    }

    private HttpResponse<String> get(URI url) throws Exception {
        return http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode deployment(String id) throws Exception {
        return json.readTree(send("GET", "/api/v1/deployments/" + id, "").body())
                .path("data");
    }

    private String startDeployment(String body) throws Exception {
        var response = send("POST", "/api/v1/deployments", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("data").path("id").asString();
    }

    private JsonNode split() throws Exception {
        return json.readTree(get(demo.checkoutUrl().resolve("/deploy")).body());
    }

    private static List<String> triggers(JsonNode d) {
        List<String> out = new ArrayList<>();
        d.path("timeline").forEach(e -> out.add(e.path("trigger").asString()));
        return out;
    }

    @Test
    void aGoodVersionIsPromotedAndABadOneIsRolledBackWithTheFailingMeasurement() throws Exception {
        runUntil(T0.plusSeconds(20));
        String good = startDeployment(
                "{\"service\":\"checkout\",\"environment\":\"staging\",\"version\":\"1.1.0\",\"stable_version\":\"1.0.0\"}");

        JsonNode promoted = driveUntilDone(good, Duration.ofMinutes(5));

        assertThat(promoted.path("state").asString()).as(promoted.toString()).isEqualTo("succeeded");
        assertThat(triggers(promoted)).contains("measured", "step-passed", "validated", "cleaned-up");
        assertThat(split().path("stable").asString()).isEqualTo("1.1.0");
        assertThat(split().path("canary").isNull()).isTrue();

        String bad =
                startDeployment("{\"service\":\"checkout\",\"environment\":\"staging\",\"version\":\"1.2.0-bad\"}");
        runUntil(clock.instant().plusSeconds(1));
        assertThat(split().path("canary").asString()).isEqualTo("1.2.0-bad");
        assertThat(split().path("weight").asInt()).isEqualTo(20);

        JsonNode rolledBack = driveUntilDone(bad, Duration.ofMinutes(5));

        assertThat(rolledBack.path("state").asString())
                .as(rolledBack.toString())
                .isEqualTo("rolled-back");
        assertThat(rolledBack.path("reason").asString()).contains("canary-error-rate");
        JsonNode failed = null;
        for (JsonNode e : rolledBack.path("timeline")) {
            if (e.path("trigger").asString().equals("gate-failed")) {
                failed = e;
            }
        }
        assertThat(failed).as(rolledBack.toString()).isNotNull();
        JsonNode measurement = failed.path("measurements").get(0);
        assertThat(measurement.path("name").asString()).isEqualTo("canary-error-rate");
        assertThat(measurement.path("value").asDouble()).isGreaterThan(0.05);
        assertThat(triggers(rolledBack)).endsWith("rollback-verified");
        assertThat(split().path("stable").asString()).isEqualTo("1.1.0");
        assertThat(split().path("canary").isNull()).isTrue();
    }
}
