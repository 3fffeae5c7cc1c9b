package dev.steward.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.maintenance.InMemoryMaintenanceStore;
import dev.steward.core.maintenance.MaintenanceLimits;
import dev.steward.core.maintenance.MaintenanceWindow;
import dev.steward.core.maintenance.Schedule;
import dev.steward.core.maintenance.Scope;
import dev.steward.core.route.Matchers;
import dev.steward.cron.UnixCron;
import dev.steward.testing.ManualClock;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The maintenance routes over real HTTP: Javalin on a free loopback port, the JDK's client, a hand-driven clock. */
class MaintenanceApiTest {
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    static final MaintenanceWindow WEEKLY = new MaintenanceWindow(
            "stack:prod-weekly",
            "prod weekly",
            new Schedule.Weekly(Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 0), Duration.ofHours(2), ZoneOffset.UTC),
            new Scope(Set.of("*"), Matchers.NONE, false),
            true,
            false,
            "stack file",
            "",
            MaintenanceWindow.Origin.STACK_FILE,
            Instant.EPOCH,
            Optional.empty());

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryMaintenanceStore store = new InMemoryMaintenanceStore();
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    @BeforeEach
    void start() {
        AtomicInteger n = new AtomicInteger();
        MaintenanceRegistry registry = new MaintenanceRegistry(
                store,
                List.of(WEEKLY),
                Set.of("api", "db"),
                clock,
                new MaintenanceLimits(Duration.ofHours(12), Duration.ofHours(2), Duration.ofMinutes(1)),
                () -> "w" + n.incrementAndGet());
        MaintenanceApi api = new MaintenanceApi(registry, UnixCron.INSTANCE);
        app = Javalin.create(cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    api.mount(cfg);
                })
                .start("127.0.0.1", 0);
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

    private JsonNode status(HttpResponse<String> r, int expected) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        return json.readTree(r.body());
    }

    @Test
    void aWindowCreatedWithEnoughNoticeIsStoredBeforeTheAnswerAndListed() throws Exception {
        JsonNode created = status(send("POST", "/api/v1/maintenance", """
                        {"title": "db upgrade", "services": ["db"], "propagate_to_dependants": true,
                         "start": "2026-11-24T13:00:00Z", "duration": "2h", "declared_by": "alice"}"""), 201);
        assertThat(created.get("id").asString()).isEqualTo("w1");
        assertThat(created.at("/schedule/end").asString()).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(store.loadAll()).extracting(MaintenanceWindow::id).containsExactly("w1");

        JsonNode list =
                status(send("GET", "/api/v1/maintenance?from=2026-11-24T00:00:00Z&to=2026-12-01T00:00:00Z", null), 200);
        assertThat(list.get("occurrences"))
                .extracting(
                        o -> o.get("window").asString() + "@" + o.get("start").asString())
                .containsExactly("w1@2026-11-24T13:00:00Z", "stack:prod-weekly@2026-11-29T02:00:00Z");
        assertThat(list.get("windows"))
                .extracting(w -> w.get("id").asString())
                .containsExactly("stack:prod-weekly", "w1");

        clock.set(Instant.parse("2026-11-24T14:00:00Z"));
        JsonNode one = status(send("GET", "/api/v1/maintenance/w1", null), 200);
        assertThat(one.at("/active/reason").asString()).isEqualTo("in maintenance: db upgrade until 15:00 UTC");
    }

    @Test
    void aRequestWithManyBadFieldsIsRefusedWithEveryOneListed() throws Exception {
        JsonNode error = status(send("POST", "/api/v1/maintenance", """
                        {"title": "x", "services": "db", "match": ["team=~\\"(\\""], "start": "tomorrow",
                         "duration": "2 hours", "emergency": "yes", "colour": "red"}"""), 400);
        assertThat(error.get("errors"))
                .extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("colour", "services", "match[0]", "emergency", "start", "duration");
    }

    @Test
    void aWindowWithTooLittleNoticeIsRefusedUnlessDeclaredAsAnEmergency() throws Exception {
        JsonNode refused = status(send("POST", "/api/v1/maintenance", """
                        {"title": "db failover", "services": ["db", "nope"], "start": "now", "duration": "30m"}"""), 400);
        assertThat(refused.get("errors"))
                .extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("start", "services[nope]");

        JsonNode accepted = status(send("POST", "/api/v1/maintenance", """
                        {"title": "db failover", "services": ["db"], "start": "now", "duration": "30m",
                         "emergency": true, "declared_by": "bob", "reason": "primary disk failing"}"""), 201);
        assertThat(accepted.get("emergency").asBoolean()).isTrue();
        assertThat(accepted.at("/active/start").asString()).isEqualTo("2026-11-24T10:00:00Z");
    }

    @Test
    void endingAWindowClosesItNowAndIsStored() throws Exception {
        status(send("POST", "/api/v1/maintenance", """
                        {"title": "db failover", "services": ["db"], "duration": "1h",
                         "emergency": true, "declared_by": "bob", "reason": "disk"}"""), 201);
        clock.advance(Duration.ofMinutes(20));
        JsonNode ended = status(send("POST", "/api/v1/maintenance/w1/end", null), 200);
        assertThat(ended.get("ended_at").asString()).isEqualTo("2026-11-24T10:20:00Z");
        assertThat(ended.get("active").isNull()).isTrue();
        assertThat(store.loadAll().getFirst().endedAt()).contains(Instant.parse("2026-11-24T10:20:00Z"));

        assertThat(send("POST", "/api/v1/maintenance/w1/end", null).statusCode())
                .isEqualTo(409);
        assertThat(send("POST", "/api/v1/maintenance/nope/end", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void windowsOfTheStackFileCannotBeEndedThroughTheApi() throws Exception {
        JsonNode error = status(send("POST", "/api/v1/maintenance/stack:prod-weekly/end", null), 409);
        assertThat(error.get("error").asString()).contains("declared in the stack file");
    }

    @Test
    void aRangeQueryWithFromAfterToIsRefused() throws Exception {
        JsonNode error =
                status(send("GET", "/api/v1/maintenance?from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z", null), 400);
        assertThat(error.get("errors"))
                .extracting(e -> e.get("field").asString())
                .containsExactly("to");
    }

    @Test
    void aCronWindowCanBeCreatedThroughTheApi() throws Exception {
        JsonNode created = status(send("POST", "/api/v1/maintenance", """
                        {"title": "nightly", "match": ["team=\\"db\\""], "cron": "0 2 * * *", "duration": "1h",
                         "zone": "Europe/Berlin"}"""), 201);
        assertThat(created.at("/schedule/cron").asString()).isEqualTo("0 2 * * *");
        assertThat(created.at("/next/start").asString()).isEqualTo("2026-11-25T01:00:00Z");
    }

    @Test
    void aWeeklyWindowCanBeCreatedThroughTheApiAndBadWeeklyFieldsAreListed() throws Exception {
        JsonNode created = status(send("POST", "/api/v1/maintenance", """
                        {"title": "dev nightly", "services": ["api"], "weekly": {"days": ["sun", "wednesday"], "at": "02:00"},
                         "duration": "1h", "zone": "Europe/Berlin"}"""), 201);
        assertThat(created.at("/schedule/days").toString()).isEqualTo("[\"wed\",\"sun\"]");
        assertThat(created.at("/next/start").asString()).isEqualTo("2026-11-25T01:00:00Z");

        JsonNode error = status(send("POST", "/api/v1/maintenance", """
                        {"title": "x", "services": ["api"], "weekly": {"days": ["sun", "funday"], "at": "2am"},
                         "start": "now", "zone": "Mars/Olympus"}"""), 400);
        assertThat(error.get("errors"))
                .extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("start", "duration", "zone", "weekly.days[1]", "weekly.at");
    }

    @Test
    void mountsOnTheApiServerWithTheStackFileWindows() throws Exception {
        FakeBackend daemon = new FakeBackend(T0, """
                stack: shop
                services:
                  db:
                    checks: [{name: ping, tcp: {host: 127.0.0.1, port: 5432}}]
                maintenance:
                  - name: nightly
                    cron: "0 2 * * *"
                    duration: 1h
                    zone: Europe/Berlin
                    services: [db]
                """);
        var config = daemon.config();
        MaintenanceRegistry registry = MaintenanceRegistry.withRandomIds(
                new InMemoryMaintenanceStore(),
                config.maintenance(),
                config.services().keySet(),
                clock,
                MaintenanceLimits.DEFAULT);
        MaintenanceApi api = new MaintenanceApi(registry, UnixCron.INSTANCE);
        try (ApiServer server = new ApiServer(daemon, api::mount).start("127.0.0.1", 0)) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + server.port() + "/api/v1/maintenance/stack:nightly"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode w = status(r, 200);
            assertThat(w.get("read_only").asBoolean()).isTrue();
            assertThat(w.at("/next/start").asString()).isEqualTo("2026-11-25T01:00:00Z");
        }
    }
}
