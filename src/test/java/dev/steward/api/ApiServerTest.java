package dev.steward.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.check.CheckState;
import dev.steward.core.check.ProbeResult;
import dev.steward.core.config.CheckId;
import dev.steward.core.expect.Observation;
import dev.steward.core.history.CheckEvent;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.rollup.Resolution;
import dev.steward.core.rollup.Rollup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP API over a hand-written backend: statuses, JSON shapes and error documents, over real HTTP. */
class ApiServerTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STACK = """
            stack: shop
            services:
              api:
                description: Public REST API
                labels: {team: backend}
                checks:
                  - name: health
                    http: {url: "http://127.0.0.1:5000/health"}
                    expect: ['status == 200']
              search:
                checks:
                  - name: cluster
                    elasticsearch: {url: "http://127.0.0.1:9200"}
                    expect: ['cluster.status == "green"']
            """;

    private final FakeBackend backend = new FakeBackend(NOW, STACK);
    private final HttpClient http = HttpClient.newHttpClient();
    private ApiServer server;

    @BeforeEach
    void start() {
        server = new ApiServer(backend, cfg -> {}).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getAccepting(String path, String accept) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** The body as JSON, after checking the status and that the response is JSON. */
    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(response.body())
                .hasValueSatisfying(t -> assertThat(t).matches("application/json; ?charset=utf-8"));
        return JSON.readTree(response.body());
    }

    @Test
    void healthIsUpWithActuatorStyleComponents() throws Exception {
        JsonNode doc = json(get("/health"), 200);

        assertThat(doc.get("status").asString()).isEqualTo("UP");
        assertThat(doc.get("components").propertyNames()).containsExactly("scheduler", "store");
        assertThat(doc.at("/components/scheduler/status").asString()).isEqualTo("UP");
        assertThat(doc.at("/components/scheduler/details/checks").asInt()).isEqualTo(2);
        assertThat(doc.at("/components/store/details/database").asString()).isEqualTo("sqlite");
    }

    @Test
    void healthIs503AndDownWhenAComponentIsDown() throws Exception {
        backend.health.put("store", new FakeBackend.ComponentHealth(false, Map.of("database", "disk full")));

        JsonNode doc = json(get("/health"), 503);

        assertThat(doc.get("status").asString()).isEqualTo("DOWN");
        assertThat(doc.at("/components/scheduler/status").asString()).isEqualTo("UP");
        assertThat(doc.at("/components/store/status").asString()).isEqualTo("DOWN");
        assertThat(doc.at("/components/store/details/database").asString()).isEqualTo("disk full");
    }

    @Test
    void metricsAreServedAsPrometheusText() throws Exception {
        backend.metricsText = "# HELP steward_checks x\n# TYPE steward_checks gauge\nsteward_checks 2\n";

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).isEqualTo(backend.metricsText);
    }

    @Test
    void statusDocumentListsServicesAndChecksWithTheirReasons() throws Exception {
        Instant at = NOW.minusSeconds(5);
        Failure red = new Failure(
                FailureKind.ASSERTION,
                "expected cluster.status == \"green\"",
                Optional.of("cluster.status == \"green\""),
                Optional.of("\"red\""));
        backend.snapshot(
                backend.check("api", "health"),
                new CheckState.Up(NOW.minusSeconds(600), 0, Optional.empty()),
                new ProbeResult.Passed(at, Duration.ofMillis(12), Observation.EMPTY, List.of()));
        backend.snapshot(
                backend.check("search", "cluster"),
                new CheckState.Down(NOW.minusSeconds(60), red, 0),
                new ProbeResult.Failed(at, Duration.ofMillis(3), Observation.EMPTY, List.of(), red));

        JsonNode doc = json(get("/api/v1/status"), 200);

        assertThat(doc.get("stack").asString()).isEqualTo("shop");
        assertThat(doc.get("status").asString()).isEqualTo("down");
        assertThat(doc.get("reason").asString()).isEqualTo("search down");
        assertThat(doc.get("generated_at").asString()).isEqualTo("2026-11-24T10:00:00Z");
        JsonNode api = doc.get("services").get(0);
        assertThat(api.get("name").asString()).isEqualTo("api");
        assertThat(api.get("description").asString()).isEqualTo("Public REST API");
        assertThat(api.get("status").asString()).isEqualTo("up");
        assertThat(api.at("/labels/team").asString()).isEqualTo("backend");
        JsonNode health = api.get("checks").get(0);
        assertThat(health.get("name").asString()).isEqualTo("health");
        assertThat(health.get("type").asString()).isEqualTo("http");
        assertThat(health.get("target").asString()).isEqualTo("http://127.0.0.1:5000/health");
        assertThat(health.get("status").asString()).isEqualTo("up");
        assertThat(health.get("since").asString()).isEqualTo("2026-11-24T09:50:00Z");
        assertThat(health.at("/last/success").asBoolean()).isTrue();
        assertThat(health.at("/last/latency_ms").asDouble()).isEqualTo(12.0);
        JsonNode cluster = doc.get("services").get(1).get("checks").get(0);
        assertThat(cluster.get("status").asString()).isEqualTo("down");
        assertThat(cluster.get("reason").asString()).isEqualTo("assertion: cluster.status == \"green\" (seen \"red\")");
        assertThat(cluster.at("/last/failure/kind").asString()).isEqualTo("assertion");
        assertThat(cluster.at("/last/failure/condition").asString()).isEqualTo("cluster.status == \"green\"");
        assertThat(cluster.at("/last/failure/seen").asString()).isEqualTo("\"red\"");
    }

    @Test
    void historyReturnsRollupsAndEventsOfTheLastDayByMinute() throws Exception {
        CheckId id = new CheckId("api", "health");
        backend.rollups.add(Rollup.ofProbe(id, Resolution.MINUTE, NOW.minusSeconds(90), true, Duration.ofMillis(20)));
        backend.events.add(new CheckEvent(NOW.minusSeconds(3600), id, "UNKNOWN", "UP", "first success"));

        JsonNode doc = json(get("/api/v1/checks/api/health/history"), 200);

        assertThat(backend.queries)
                .contains(new FakeBackend.Query(id, Optional.of(Resolution.MINUTE), NOW.minusSeconds(86_400), NOW));
        assertThat(doc.get("service").asString()).isEqualTo("api");
        assertThat(doc.get("check").asString()).isEqualTo("health");
        assertThat(doc.get("from").asString()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(doc.get("to").asString()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(doc.get("resolution").asString()).isEqualTo("1m");
        JsonNode rollup = doc.get("rollups").get(0);
        assertThat(rollup.get("start").asString()).isEqualTo("2026-11-24T09:58:00Z");
        assertThat(rollup.get("count").asLong()).isEqualTo(1);
        assertThat(rollup.get("failures").asLong()).isZero();
        assertThat(rollup.at("/latency_ms/max").asDouble()).isEqualTo(20.0);
        JsonNode event = doc.get("events").get(0);
        assertThat(event.get("from").asString()).isEqualTo("unknown");
        assertThat(event.get("to").asString()).isEqualTo("up");
        assertThat(event.get("reason").asString()).isEqualTo("first success");
    }

    @Test
    void historyAcceptsUnixSecondsAndRfc3339AndPicksHoursForLongRanges() throws Exception {
        JsonNode doc =
                json(get("/api/v1/checks/api/health/history?from=1763200000&to=2026-11-24T09:00:00%2B01:00"), 200);

        assertThat(doc.get("from").asString())
                .isEqualTo(Instant.ofEpochSecond(1_763_200_000).toString());
        assertThat(doc.get("to").asString()).isEqualTo("2026-11-24T08:00:00Z");
        assertThat(doc.get("resolution").asString()).isEqualTo("1h");
    }

    @Test
    void historyWithBadParametersIs400ListingEveryBadFieldWithValueAndExpected() throws Exception {
        JsonNode doc = json(get("/api/v1/checks/api/health/history?from=yesterday&to=soon&resolution=5m"), 400);

        assertThat(doc.get("status").asString()).isEqualTo("error");
        assertThat(doc.get("error").asString()).isEqualTo("invalid history query");
        assertThat(doc.get("errors").valueStream().map(JsonNode::toString))
                .containsExactlyInAnyOrder(
                        fieldError("from", "yesterday", TimeParams.EXPECTED),
                        fieldError("to", "soon", TimeParams.EXPECTED),
                        fieldError("resolution", "5m", "1m or 1h"));
        assertThat(backend.queries).isEmpty();
    }

    @Test
    void historyWithFromAfterToIs400() throws Exception {
        JsonNode doc =
                json(get("/api/v1/checks/api/health/history?from=2026-11-24T09:00:00Z&to=2026-11-24T08:00:00Z"), 400);

        assertThat(doc.get("errors").valueStream().map(JsonNode::toString))
                .containsExactly(fieldError("from", "2026-11-24T09:00:00Z", "a time before to (2026-11-24T08:00:00Z)"));
    }

    /** One entry of an error document's {@code errors}, as the server writes it. */
    private static String fieldError(String field, String value, String expected) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("field", field);
        m.put("value", value);
        m.put("expected", expected);
        return JSON.writeValueAsString(m);
    }

    @Test
    void historyOfAnUnknownCheckIs404Json() throws Exception {
        JsonNode doc = json(get("/api/v1/checks/api/nope/history"), 404);

        assertThat(doc.get("status").asString()).isEqualTo("error");
        assertThat(doc.get("error").asString()).isEqualTo("no check api/nope in stack shop");
        assertThat(doc.has("errors")).isFalse();
    }

    @Test
    void anUnknownRouteIs404Json() throws Exception {
        JsonNode doc = json(get("/api/v1/nope"), 404);

        assertThat(doc.get("error").asString()).isEqualTo("no route for GET /api/v1/nope");
    }

    @Test
    void reloadReportsWhatChanged() throws Exception {
        backend.reloadOutcome = new FakeBackend.ReloadOutcome.Reloaded(3, 1, 0, 2);

        JsonNode doc = json(post("/-/reload"), 200);

        assertThat(backend.reloads).containsExactly("http");
        assertThat(doc.get("status").asString()).isEqualTo("reloaded");
        assertThat(doc.get("checks").asInt()).isEqualTo(3);
        assertThat(doc.get("added").asInt()).isEqualTo(1);
        assertThat(doc.get("removed").asInt()).isZero();
        assertThat(doc.get("changed").asInt()).isEqualTo(2);
    }

    @Test
    void aRejectedReloadIs400WithEveryError() throws Exception {
        List<ApiBackend.ConfigProblem> errors = List.of(
                new ApiBackend.ConfigProblem(
                        "stack.yml", 3, 5, "services.api.check", "unknown key", "\"check\"", "one of name, checks"),
                new ApiBackend.ConfigProblem(
                        "stack.yml",
                        9,
                        19,
                        "services.db.checks[0].interval",
                        "invalid duration",
                        "\"soon\"",
                        "a duration such as 30s"));
        backend.reloadOutcome = new FakeBackend.ReloadOutcome.Rejected(errors);

        JsonNode doc = json(post("/-/reload"), 400);

        assertThat(doc.get("status").asString()).isEqualTo("error");
        assertThat(doc.get("error").asString())
                .isEqualTo("the new stack file is invalid; the running configuration is unchanged");
        assertThat(doc.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("services.api.check", "services.db.checks[0].interval");
        JsonNode second = doc.get("errors").get(1);
        assertThat(second.get("value").asString()).isEqualTo("\"soon\"");
        assertThat(second.get("expected").asString()).isEqualTo("a duration such as 30s");
        assertThat(second.get("line").asInt()).isEqualTo(9);
        assertThat(second.get("column").asInt()).isEqualTo(19);
    }

    @Test
    void aBackendThatThrowsGives500JsonNotAnHtmlPage() throws Exception {
        backend.failure = new IllegalStateException("store closed");

        for (String path : List.of("/api/v1/status", "/health", "/metrics", "/api/v1/checks/api/health/history")) {
            JsonNode doc = json(get(path), 500);
            assertThat(doc.get("status").asString()).as(path).isEqualTo("error");
            assertThat(doc.get("error").asString())
                    .as(path)
                    .isEqualTo("internal error: IllegalStateException: store closed");
        }
        JsonNode reload = json(post("/-/reload"), 500);
        assertThat(reload.get("error").asString()).isEqualTo("internal error: IllegalStateException: store closed");
    }

    @Test
    void aWrongMethodIsAJsonError() throws Exception {
        HttpResponse<String> response = get("/-/reload");

        JsonNode doc = json(response, 404);
        assertThat(doc.get("error").asString()).isEqualTo("no route for GET /-/reload");
    }

    @Test
    void errorsAreTheSameJsonWhateverTheClientAccepts() throws Exception {
        for (String accept : List.of("text/html", "application/json", "*/*")) {
            JsonNode notFound = json(getAccepting("/nope", accept), 404);
            assertThat(notFound.get("error").asString()).as(accept).isEqualTo("no route for GET /nope");
        }
        backend.failure = new IllegalStateException("store closed");
        JsonNode failed = json(getAccepting("/api/v1/status", "text/html"), 500);
        assertThat(failed.get("error").asString()).isEqualTo("internal error: IllegalStateException: store closed");
    }
}
