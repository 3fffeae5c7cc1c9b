package dev.steward.probe.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.config.ProbeSpec.Tls;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.ComponentStatus;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.probe.ClosedPort;
import dev.steward.probe.LocalHttpServer;
import dev.steward.probe.http.HttpFetcher;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HealthProberTest {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    static final String ACTUATOR_DOWN = """
            {"status":"DOWN","components":{
              "db":{"status":"DOWN","details":{"error":"org.springframework.jdbc.CannotGetJdbcConnectionException: \
            Failed to obtain JDBC Connection"}},
              "diskSpace":{"status":"UP","details":{"total":499963174912,"free":91300069376,"threshold":10485760,\
            "path":"/app/.","exists":true}},
              "ping":{"status":"UP"}}}""";

    static final String ACTUATOR_NESTED = """
            {"status":"UP","components":{
              "db":{"status":"UP","components":{
                "primary":{"status":"UP","details":{"database":"PostgreSQL","validationQuery":"isValid()"}},
                "replica":{"status":"UP","details":{"database":"PostgreSQL","validationQuery":"isValid()"}}}},
              "ping":{"status":"UP"}}}""";

    static final String ACTUATOR_LEGACY = """
            {"status":"UP","details":{
              "diskSpace":{"status":"UP","details":{"total":250685575168,"free":118599950336,"threshold":10485760}},
              "db":{"status":"UP","details":{"database":"H2","hello":1}}}}""";

    static final String ASPNET_UNHEALTHY = """
            {"status":"Unhealthy","totalDuration":"00:00:00.0452129","entries":{
              "npgsql":{"data":{},"duration":"00:00:00.0401470","exception":"Failed to connect to 127.0.0.1:5432",\
            "status":"Unhealthy","tags":["db"]},
              "redis":{"data":{},"description":"Redis is reachable","duration":"00:00:00.0030000",\
            "status":"Healthy","tags":[]}}}""";

    static final String ASPNET_DEGRADED = """
            {"status":"Degraded","totalDuration":"00:00:00.0100000","entries":{
              "search":{"data":{},"description":"cluster yellow","duration":"00:00:00.0090000",\
            "status":"Degraded","tags":[]}}}""";

    static LocalHttpServer server;
    static HttpFetcher fetcher;
    static HealthProber prober;

    @BeforeAll
    static void start() {
        server = LocalHttpServer.http()
                .json("/actuator/up", 200, "{\"status\":\"UP\"}")
                .json("/actuator/down", 503, ACTUATOR_DOWN)
                .json("/actuator/nested", 200, ACTUATOR_NESTED)
                .json("/actuator/legacy", 200, ACTUATOR_LEGACY)
                .json("/aspnet/unhealthy", 503, ASPNET_UNHEALTHY)
                .json("/aspnet/degraded", 200, ASPNET_DEGRADED)
                .route("/aspnet/text", ex -> LocalHttpServer.reply(ex, 200, "text/plain", "Healthy"))
                .route("/garbage", ex -> LocalHttpServer.reply(ex, 200, "text/html", "<html>It works!</html>"))
                .json("/unknown-shape", 200, "{\"ok\":true}")
                .route("/login-wall", ex -> LocalHttpServer.reply(ex, 401, "text/html", "<h1>Sign in</h1>"));
        fetcher = new HttpFetcher(InstantSource.system());
        prober = new HealthProber(fetcher);
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        server.close();
    }

    static ProbeObservation probe(String path) {
        return prober.probe(new ProbeSpec.Health(server.uri(path), Map.of(), Tls.DEFAULT, Optional.empty()), TIMEOUT);
    }

    @Test
    void readsAnActuatorDocumentWithoutComponents() {
        ProbeObservation result = probe("/actuator/up");

        assertThat(result.failure()).isEmpty();
        assertThat(result.observation().fact("health.status")).contains(Value.text("UP"));
        assertThat(result.observation().fact("health.healthy")).contains(Value.bool(true));
        assertThat(result.observation().fact("health.format")).contains(Value.text("actuator"));
        assertThat(result.components()).isEmpty();
    }

    @Test
    void anActuatorDownDocumentServedWith503IsAnAnswerWithTheDownComponent() {
        ProbeObservation result = probe("/actuator/down");

        assertThat(result.failure()).isEmpty();
        assertThat(result.observation().fact("status")).contains(Value.num(503));
        assertThat(result.observation().fact("health.status")).contains(Value.text("DOWN"));
        assertThat(result.observation().fact("health.healthy")).contains(Value.bool(false));
        assertThat(result.components())
                .containsExactly(
                        new ComponentStatus(
                                "db",
                                false,
                                "DOWN",
                                Optional.of("org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to"
                                        + " obtain JDBC Connection")),
                        new ComponentStatus("diskSpace", true, "UP", Optional.empty()),
                        new ComponentStatus("ping", true, "UP", Optional.empty()));
    }

    @Test
    void namesNestedActuatorComponentsByTheirPath() {
        ProbeObservation result = probe("/actuator/nested");

        assertThat(result.failure()).isEmpty();
        assertThat(result.components())
                .extracting(ComponentStatus::name)
                .containsExactly("db/primary", "db/replica", "ping");
    }

    @Test
    void readsTheActuatorFormatBeforeSpringBoot22() {
        ProbeObservation result = probe("/actuator/legacy");

        assertThat(result.failure()).isEmpty();
        assertThat(result.components()).extracting(ComponentStatus::name).containsExactly("diskSpace", "db");
        assertThat(result.components()).allMatch(ComponentStatus::healthy);
    }

    @Test
    void readsAnAspNetDocumentWithItsEntriesDescriptionsAndExceptions() {
        ProbeObservation result = probe("/aspnet/unhealthy");

        assertThat(result.failure()).isEmpty();
        assertThat(result.observation().fact("health.status")).contains(Value.text("Unhealthy"));
        assertThat(result.observation().fact("health.format")).contains(Value.text("aspnetcore"));
        assertThat(result.components())
                .containsExactly(
                        new ComponentStatus(
                                "npgsql", false, "Unhealthy", Optional.of("Failed to connect to 127.0.0.1:5432")),
                        new ComponentStatus("redis", true, "Healthy", Optional.of("Redis is reachable")));
    }

    @Test
    void degradedIsNotHealthy() {
        ProbeObservation result = probe("/aspnet/degraded");

        assertThat(result.failure()).isEmpty();
        assertThat(result.observation().fact("health.healthy")).contains(Value.bool(false));
        assertThat(result.components()).singleElement().satisfies(c -> {
            assertThat(c.healthy()).isFalse();
            assertThat(c.status()).isEqualTo("Degraded");
        });
    }

    @Test
    void readsAspNetPlainTextStatus() {
        ProbeObservation result = probe("/aspnet/text");

        assertThat(result.failure()).isEmpty();
        assertThat(result.observation().fact("health.status")).contains(Value.text("Healthy"));
        assertThat(result.observation().fact("health.healthy")).contains(Value.bool(true));
    }

    @Test
    void aBodyThatIsNotJsonIsAProtocolFailureKeepingTheHttpFacts() {
        ProbeObservation result = probe("/garbage");

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.PROTOCOL);
            assertThat(f.message()).contains("/garbage").contains("not JSON");
        });
        assertThat(result.observation().fact("status")).contains(Value.num(200));
    }

    @Test
    void jsonOfAnotherShapeIsAProtocolFailure() {
        assertThat(probe("/unknown-shape").failure())
                .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.PROTOCOL));
    }

    @Test
    void anAuthenticationWallIsAProtocolFailureThatShowsThe401() {
        ProbeObservation result = probe("/login-wall");

        assertThat(result.failure())
                .hasValueSatisfying(f -> assertThat(f.message()).contains("answered 401"));
        assertThat(result.observation().fact("status")).contains(Value.num(401));
    }

    @Test
    void anUnreachableEndpointIsAConnectFailure() {
        URI url = URI.create("http://127.0.0.1:" + ClosedPort.pick() + "/health");

        ProbeObservation result =
                prober.probe(new ProbeSpec.Health(url, Map.of(), Tls.DEFAULT, Optional.empty()), TIMEOUT);

        assertThat(result.failure())
                .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.CONNECT));
    }
}
