package dev.steward.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.audit.AuditLog;
import dev.steward.core.audit.CheckpointPolicy;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcAuditStore;
import dev.steward.testing.ManualClock;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit routes over real HTTP, on a SQLite store that the tests can tamper with behind Steward's back. */
class AuditApiTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-10-25T00:30:00Z"));
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private Database database;
    private AuditLog log;
    private Javalin app;

    @BeforeEach
    void start() {
        database = Database.sqlite(dataDir);
        log = new AuditLog(
                new JdbcAuditStore(database),
                "key".getBytes(StandardCharsets.UTF_8),
                new CheckpointPolicy(4, Duration.ofMinutes(5)),
                clock);
        AuditApi api = new AuditApi(log);
        app = Javalin.create(cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    api.mount(cfg);
                })
                .start("127.0.0.1", 0);
        for (int i = 1; i <= 6; i++) {
            clock.advance(Duration.ofMinutes(1));
            log.record(
                    i % 2 == 0 ? "alice" : "bob",
                    "10.0.0." + i,
                    i % 3 == 0 ? "silence.create" : "incident.ack",
                    (i % 3 == 0 ? "silence/s" : "incident/inc-") + i,
                    i == 1 ? "" : "{\"state\":\"triggered\"}",
                    i == 2 ? "not json" : "{\"state\":\"acknowledged\"}");
        }
    }

    @AfterEach
    void stop() {
        app.stop();
        http.close();
        database.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).path("data");
    }

    @Test
    void listsRecordsNewestFirstWithEveryField() throws Exception {
        JsonNode data = ok("/api/v1/audit");

        assertThat(data.path("records").findValuesAsString("seq")).containsExactly("6", "5", "4", "3", "2", "1");
        JsonNode first = data.path("records").get(5);
        assertThat(first.path("at").asString()).isEqualTo("2026-10-25T00:31:00Z");
        assertThat(first.path("actor").asString()).isEqualTo("bob");
        assertThat(first.path("source").asString()).isEqualTo("10.0.0.1");
        assertThat(first.path("action").asString()).isEqualTo("incident.ack");
        assertThat(first.path("target").asString()).isEqualTo("incident/inc-1");
        assertThat(first.path("before").isNull()).isTrue();
        assertThat(first.path("after").path("state").asString()).isEqualTo("acknowledged");
        assertThat(first.path("prev_hash").asString()).isEqualTo("0".repeat(64));
        assertThat(data.path("records").get(4).path("after").asString()).isEqualTo("not json");
        assertThat(data.path("next_before").isNull()).isTrue();
    }

    @Test
    void filtersByActorActionTargetPrefixAndTime() throws Exception {
        assertThat(ok("/api/v1/audit?actor=alice").path("records").findValuesAsString("seq"))
                .containsExactly("6", "4", "2");
        assertThat(ok("/api/v1/audit?action=incident.ack&target=incident/&since=2026-10-25T00:33:00Z")
                        .path("records")
                        .findValuesAsString("seq"))
                .containsExactly("5", "4");
    }

    @Test
    void pagesFollowEachOtherByNextBefore() throws Exception {
        JsonNode page1 = ok("/api/v1/audit?limit=4");
        JsonNode page2 =
                ok("/api/v1/audit?limit=4&before=" + page1.path("next_before").asLong());

        assertThat(page1.path("records").findValuesAsString("seq")).containsExactly("6", "5", "4", "3");
        assertThat(page2.path("records").findValuesAsString("seq")).containsExactly("2", "1");
        assertThat(page2.path("next_before").isNull()).isTrue();
    }

    @Test
    void aBadQueryIsRefusedWithEveryBadParameter() throws Exception {
        HttpResponse<String> r = get("/api/v1/audit?limit=0&since=yesterday&before=x");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(r.body()).path("errors");
        assertThat(errors.findValuesAsString("field")).containsExactly("since", "limit", "before");
        assertThat(errors.get(1).path("expected").asString()).isEqualTo("an integer from 1 to 1000");
    }

    @Test
    void verifyReportsAnIntactLogWithItsLastCheckpoint() throws Exception {
        JsonNode report = ok("/api/v1/audit/verify");

        assertThat(report.path("intact").asBoolean()).isTrue();
        assertThat(report.path("records").asLong()).isEqualTo(6);
        assertThat(report.path("last_checkpoint").path("seq").asLong()).isEqualTo(4);
        assertThat(report.path("unprotected").asLong()).isEqualTo(2);
        assertThat(report.path("problems").isEmpty()).isTrue();
    }

    @Test
    void verifyNamesTheRecordsChangedAndRemovedBehindStewardsBack() throws Exception {
        database.withHandle(h -> h.execute("UPDATE audit_record SET actor = 'mallory' WHERE seq = 2"));
        database.withHandle(h -> h.execute("DELETE FROM audit_record WHERE seq = 5"));

        JsonNode report = ok("/api/v1/audit/verify");

        assertThat(report.path("intact").asBoolean()).isFalse();
        assertThat(report.path("problems").findValuesAsString("seq")).containsExactly("2", "5");
        assertThat(report.path("problems").findValuesAsString("kind")).containsExactly("altered", "deleted");
    }
}
