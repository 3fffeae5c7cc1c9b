package dev.steward.amapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.route.Notification;
import dev.steward.core.series.Labels;
import dev.steward.core.silence.InMemorySilenceStore;
import dev.steward.core.silence.SilenceLimits;
import dev.steward.engine.RouteLoop;
import dev.steward.routefile.RouteConfig;
import dev.steward.routefile.RouteFileLoader;
import dev.steward.routefile.RouteFileResult;
import dev.steward.testing.ManualClock;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The v2 alert API backed by routing: real receivers, silences and inhibitions, over HTTP. */
class RoutedAlertsTest {
    static final Instant T0 = Instant.parse("2026-12-31T23:50:00Z");
    static final String CONFIG = """
            route:
              receiver: team
              group_by: [alertname]
              routes:
                - matchers: ['severity="page"']
                  receiver: oncall
            receivers:
              - name: team
              - name: oncall
            inhibit_rules:
              - source_matchers: ['alertname="NodeDown"']
                target_matchers: ['alertname="ApiDown"']
                equal: [instance]
            """;

    private final ManualClock clock = new ManualClock(T0);
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Notification> sent = new ArrayList<>();
    private RouteLoop loop;
    private Javalin app;

    @BeforeEach
    void start() {
        AtomicInteger n = new AtomicInteger();
        SilenceRegistry registry = new SilenceRegistry(
                new InMemorySilenceStore(), clock, SilenceLimits.DEFAULT, () -> "id-" + n.incrementAndGet());
        RouteConfig config = switch (RouteFileLoader.read(CONFIG, "alertmanager.yml")) {
            case RouteFileResult.Loaded l -> l.config();
            case RouteFileResult.Invalid i -> throw new AssertionError(i.errors());
        };
        loop = new RouteLoop(
                config, T0, registry::current, sent::addAll, e -> {}, RouteLoop.DEFAULT_REMINDER_LEAD, clock::nanos);
        RoutedAlerts alerts = new RoutedAlerts(loop, clock, Duration.ofMinutes(5));
        AlertmanagerApi api = new AlertmanagerApi(
                registry, alerts, alerts, new AlertmanagerApi.Settings("test", CONFIG, T0, Duration.ofMinutes(5)));
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

    private JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private JsonNode byName(JsonNode alerts, String alertname) {
        for (JsonNode a : alerts) {
            if (a.get("labels").get("alertname").asString().equals(alertname)) {
                return a;
            }
        }
        throw new AssertionError("no alert " + alertname + " in " + alerts);
    }

    @Test
    void postedAlertsShowTheirReceiversAndWhatSilencesOrInhibitsThem() throws Exception {
        ok(send("POST", "/api/v2/alerts", """
                [{"labels":{"alertname":"ApiDown","instance":"a"}},
                 {"labels":{"alertname":"NodeDown","instance":"a","severity":"page"}},
                 {"labels":{"alertname":"DiskFull","instance":"b"}}]"""));
        ok(send("POST", "/api/v2/silences", """
                {"matchers":[{"name":"alertname","value":"DiskFull","isRegex":false,"isEqual":true}],
                 "endsAt":"2027-01-01T02:00:00Z","createdBy":"alice","comment":"resizing"}"""));

        JsonNode alerts = ok(send("GET", "/api/v2/alerts", null));
        assertThat(alerts).hasSize(3);
        JsonNode api = byName(alerts, "ApiDown");
        String nodeFingerprint =
                PostedAlert.fingerprint(Labels.of("alertname", "NodeDown", "instance", "a", "severity", "page"));
        assertThat(api.get("status").get("inhibitedBy").get(0).asString()).isEqualTo(nodeFingerprint);
        assertThat(api.get("status").get("state").asString()).isEqualTo("suppressed");
        assertThat(byName(alerts, "DiskFull")
                        .get("status")
                        .get("silencedBy")
                        .get(0)
                        .asString())
                .isEqualTo("id-1");
        assertThat(byName(alerts, "NodeDown")
                        .get("receivers")
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("oncall");
        assertThat(byName(alerts, "NodeDown").get("status").get("state").asString())
                .isEqualTo("active");
        assertThat(ok(send("GET", "/api/v2/alerts?inhibited=false&silenced=false", null)))
                .hasSize(1);

        JsonNode groups = ok(send("GET", "/api/v2/alerts/groups?receiver=team", null));
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).get("receiver").get("name").asString()).isEqualTo("team");
        assertThat(groups.get(0).get("labels").get("alertname").asString()).isEqualTo("ApiDown");

        clock.set(T0.plusSeconds(30));
        loop.runDue(clock.instant());
        assertThat(sent).extracting(Notification::receiver).containsExactly("oncall");
    }
}
