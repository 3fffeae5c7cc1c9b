package dev.steward.amapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.silence.InMemorySilenceStore;
import dev.steward.core.silence.SilenceLimits;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AlertmanagerApiTest {
    static final Instant T0 = Instant.parse("2026-12-31T23:50:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InMemorySilenceStore store = new InMemorySilenceStore();
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    /** Serves the API on a free loopback port; {@code clock} decides what "now" is. */
    static Javalin serve(InMemorySilenceStore store, InstantSource clock, java.util.function.Supplier<String> ids) {
        InMemoryAlertBuffer alerts = new InMemoryAlertBuffer("default");
        SilenceRegistry registry = new SilenceRegistry(store, clock, SilenceLimits.DEFAULT, ids);
        AlertmanagerApi api = new AlertmanagerApi(
                registry,
                alerts,
                alerts,
                new AlertmanagerApi.Settings("0.1.0-test", "route: {receiver: default}\n", T0, Duration.ofMinutes(5)));
        return Javalin.create(cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    api.mount(cfg);
                })
                .start("127.0.0.1", 0);
    }

    @BeforeEach
    void start() {
        AtomicInteger n = new AtomicInteger();
        app = serve(store, now::get, () -> "id-" + n.incrementAndGet());
    }

    @AfterEach
    void stop() {
        app.stop();
        http.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        b.header("Content-Type", "application/json");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static String silence(String id, String endsAt, String comment) {
        return """
                {%s"matchers":[{"name":"alertname","value":"DiskFull","isRegex":false,"isEqual":true}],
                 "startsAt":"2026-12-31T23:50:00Z","endsAt":"%s","createdBy":"alice","comment":"%s"}""".formatted(id == null ? "" : "\"id\":\"" + id + "\",", endsAt, comment);
    }

    @Test
    void aPostedSilenceIsListedWithItsDerivedState() throws Exception {
        JsonNode created = ok(send("POST", "/api/v2/silences", silence(null, "2027-01-01T01:00:00Z", "upgrade")));
        assertThat(created.get("silenceID").asString()).isEqualTo("id-1");

        JsonNode list = ok(send("GET", "/api/v2/silences", null));
        assertThat(list).hasSize(1);
        JsonNode s = list.get(0);
        assertThat(s.get("id").asString()).isEqualTo("id-1");
        assertThat(s.get("status").get("state").asString()).isEqualTo("active");
        assertThat(s.get("createdBy").asString()).isEqualTo("alice");
        assertThat(s.get("matchers").get(0).get("isEqual").asBoolean()).isTrue();
        assertThat(s.get("startsAt").asString()).isEqualTo("2026-12-31T23:50:00Z");

        now.set(Instant.parse("2027-01-01T01:00:00Z"));
        assertThat(ok(send("GET", "/api/v2/silence/id-1", null))
                        .get("status")
                        .get("state")
                        .asString())
                .isEqualTo("expired");
    }

    @Test
    void anInvalidSilenceIsRefusedWithEveryProblem() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v2/silences", """
                {"matchers":[{"name":"alertname","value":"(","isRegex":true,"isEqual":true}],
                 "endsAt":"2027-03-01T00:00:00Z","createdBy":"","comment":"x"}""");

        assertThat(r.statusCode()).isEqualTo(400);
        String message = json.readTree(r.body()).asString();
        assertThat(message).contains("matchers[0].value", "createdBy", "endsAt", "at most PT720H");
    }

    @Test
    void updatingWithChangedMatchersReplacesTheSilence() throws Exception {
        ok(send("POST", "/api/v2/silences", silence(null, "2027-01-01T01:00:00Z", "upgrade")));
        now.set(T0.plusSeconds(60));
        String changed = silence("id-1", "2027-01-01T01:00:00Z", "upgrade")
                .replace("\"value\":\"DiskFull\"", "\"value\":\"DiskAlmostFull\"");

        assertThat(ok(send("POST", "/api/v2/silences", changed))
                        .get("silenceID")
                        .asString())
                .isEqualTo("id-2");
        assertThat(ok(send("GET", "/api/v2/silence/id-1", null))
                        .get("status")
                        .get("state")
                        .asString())
                .isEqualTo("expired");
        assertThat(store.loadAll()).hasSize(2);
    }

    @Test
    void updatingAnUnknownSilenceIs404() throws Exception {
        assertThat(send("POST", "/api/v2/silences", silence("nope", "2027-01-01T01:00:00Z", "x"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v2/silence/nope", null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/v2/silence/nope", null).statusCode()).isEqualTo(404);
    }

    @Test
    void deletingExpiresTheSilenceAndItStopsSilencing() throws Exception {
        ok(send("POST", "/api/v2/silences", silence(null, "2027-01-01T01:00:00Z", "upgrade")));
        ok(send("POST", "/api/v2/alerts", "[{\"labels\":{\"alertname\":\"DiskFull\",\"instance\":\"db1\"}}]"));
        JsonNode before = ok(send("GET", "/api/v2/alerts", null)).get(0);
        assertThat(before.get("status").get("state").asString()).isEqualTo("suppressed");
        assertThat(before.get("status").get("silencedBy").get(0).asString()).isEqualTo("id-1");

        now.set(T0.plusSeconds(30));
        assertThat(send("DELETE", "/api/v2/silence/id-1", null).statusCode()).isEqualTo(200);

        JsonNode after = ok(send("GET", "/api/v2/alerts", null)).get(0);
        assertThat(after.get("status").get("state").asString()).isEqualTo("active");
        assertThat(store.loadAll().getFirst().endsAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void silencesAreFilteredByEqualMatchers() throws Exception {
        ok(send("POST", "/api/v2/silences", silence(null, "2027-01-01T01:00:00Z", "one")));
        String other = silence(null, "2027-01-01T01:00:00Z", "two").replace("DiskFull", "CpuHigh");
        ok(send("POST", "/api/v2/silences", other));

        String filter = URLEncoder.encode("alertname=\"CpuHigh\"", StandardCharsets.UTF_8);
        JsonNode list = ok(send("GET", "/api/v2/silences?filter=" + filter, null));

        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("comment").asString()).isEqualTo("two");
        assertThat(send("GET", "/api/v2/silences?filter=" + URLEncoder.encode("a=\"b", StandardCharsets.UTF_8), null)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void postedAlertsGetAlertmanagersDefaultsAndAFingerprint() throws Exception {
        ok(send("POST", "/api/v2/alerts", """
                [{"labels":{"alertname":"Up","job":"api"},"annotations":{"summary":"down"},
                  "generatorURL":"http://prom/graph"}]"""));

        JsonNode a = ok(send("GET", "/api/v2/alerts", null)).get(0);
        assertThat(a.get("startsAt").asString()).isEqualTo(T0.toString());
        assertThat(a.get("endsAt").asString()).isEqualTo(T0.plusSeconds(300).toString());
        assertThat(a.get("fingerprint").asString()).hasSize(16);
        assertThat(a.get("receivers").get(0).get("name").asString()).isEqualTo("default");
        assertThat(a.get("annotations").get("summary").asString()).isEqualTo("down");

        now.set(T0.plusSeconds(301));
        assertThat(ok(send("GET", "/api/v2/alerts", null))).isEmpty();
    }

    @Test
    void invalidAlertsAreRefusedButValidOnesInTheSameBatchAreKept() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v2/alerts", """
                [{"labels":{}},
                 {"labels":{"alertname":"A"},"startsAt":"2027-01-01T00:00:00Z","endsAt":"2026-01-01T00:00:00Z"},
                 {"labels":{"alertname":"B"}}]""");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json.readTree(r.body()).asString()).contains("alerts[0].labels", "alerts[1].endsAt");
        assertThat(ok(send("GET", "/api/v2/alerts", null)))
                .extracting(n -> n.get("labels").get("alertname").asString())
                .containsExactly("B");
        assertThat(send("POST", "/api/v2/alerts", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void alertsAreFilteredByMatcherReceiverAndSilencedState() throws Exception {
        ok(send(
                "POST",
                "/api/v2/alerts",
                "[{\"labels\":{\"alertname\":\"DiskFull\",\"env\":\"prod\"}},"
                        + "{\"labels\":{\"alertname\":\"CpuHigh\",\"env\":\"dev\"}}]"));
        ok(send("POST", "/api/v2/silences", silence(null, "2027-01-01T01:00:00Z", "upgrade")));

        String env = URLEncoder.encode("env=~\"pr.*\"", StandardCharsets.UTF_8);
        assertThat(ok(send("GET", "/api/v2/alerts?filter=" + env, null)))
                .extracting(n -> n.get("labels").get("alertname").asString())
                .containsExactly("DiskFull");
        assertThat(ok(send("GET", "/api/v2/alerts?silenced=false", null)))
                .extracting(n -> n.get("labels").get("alertname").asString())
                .containsExactly("CpuHigh");
        assertThat(ok(send("GET", "/api/v2/alerts?receiver=other", null))).isEmpty();
        assertThat(send("GET", "/api/v2/alerts?active=maybe", null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void statusCarriesWhatAmtoolReads() throws Exception {
        JsonNode s = ok(send("GET", "/api/v2/status", null));

        assertThat(s.get("cluster").get("status").asString()).isEqualTo("disabled");
        assertThat(s.get("config").get("original").asString()).startsWith("route:");
        assertThat(s.get("versionInfo").get("version").asString()).isEqualTo("0.1.0-test");
        assertThat(s.get("uptime").asString()).isEqualTo(T0.toString());
    }
}
