package dev.steward.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.Daemon;
import dev.steward.app.DaemonOptions;
import dev.steward.password.Argon2PasswordHasher;
import dev.steward.testing.DirectExecutorService;
import dev.steward.testing.ManualClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real daemon for the console's page tests, time driven by hand and no background threads: one service, alert
 * routing to a receiver without integrations, and two users who log in with HTTP Basic, {@code olga} (operator) and
 * {@code vera} (viewer); the stack file declares a maintenance window for db on Sundays 02:00 to 04:00 UTC (unless a
 * test gives its own services).
 */
final class ConsoleDaemon implements AutoCloseable {
    static final String OPERATOR = "olga";
    static final String VIEWER = "vera";
    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    final ManualClock clock;
    final Daemon daemon;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** The stack file's part after {@code access:} unless a test gives its own. */
    static final String SERVICES = """
            services:
              api:
                checks: [{name: port, tcp: {address: "127.0.0.1:9"}, interval: 1h, alert: false}]
              db:
                checks: [{name: port, tcp: {address: "127.0.0.1:9"}, interval: 1h, alert: false}]
            maintenance:
              - {name: sunday, title: Sunday db window, weekly: {days: [sun], at: "02:00"}, duration: 2h, services: [db]}
            """;

    ConsoleDaemon(Path dir, Instant start) throws Exception {
        this(dir, start, SERVICES);
    }

    /** With {@code rest} (top-level YAML: services, environments...) in place of {@link #SERVICES}. */
    ConsoleDaemon(Path dir, Instant start, String rest) throws Exception {
        this.clock = new ManualClock(start);
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(1024, 1);
        Files.writeString(dir.resolve("am.yml"), """
                route:
                  receiver: ops
                  group_by: [alertname, service]
                  group_wait: 0s
                  group_interval: 10s
                  repeat_interval: 4h
                receivers:
                  - name: ops
                """);
        Files.writeString(
                dir.resolve("stack.yml"),
                """
                stack: shop
                alerting: {alertmanager_config: am.yml}
                access:
                  users:
                    olga: {role: operator, password_hash: '%s'}
                    vera: {role: viewer, password_hash: '%s'}
                """.formatted(hasher.hash(OPERATOR + "-pw"), hasher.hash(VIEWER + "-pw")) + rest);
        DaemonOptions options = new DaemonOptions(
                dir.resolve("stack.yml"),
                dir.resolve("data"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "127.0.0.1",
                0,
                DaemonOptions.DEFAULT_RETENTION,
                DaemonOptions.DEFAULT_BUDGET);
        var wiring = new Daemon.Wiring(clock, System::nanoTime, new DirectExecutorService(), false);
        var started = Daemon.start(options, cfg -> {}, wiring);
        assertThat(started).as("%s", started).isInstanceOf(Daemon.Started.Running.class);
        this.daemon = ((Daemon.Started.Running) started).daemon();
    }

    /** Posts a firing alert as Prometheus would and lets routing open its incident; returns the incident's id. */
    String fire(String alertname, String service) throws Exception {
        String body = "[{\"labels\":{\"alertname\":\"" + alertname + "\",\"service\":\"" + service
                + "\",\"severity\":\"critical\"}}]";
        assertThat(send("POST", "/api/v2/alerts", OPERATOR, "application/json", body, Map.of())
                        .statusCode())
                .isEqualTo(200);
        daemon.tick();
        JsonNode open = api("/api/v1/incidents?state=all");
        for (JsonNode i : open) {
            if (i.path("title").asString().contains(alertname)) {
                return i.path("id").asString();
            }
        }
        throw new AssertionError("no incident for " + alertname + " in " + open);
    }

    /** The {@code data} of a JSON API answer, read as the operator. */
    JsonNode api(String path) throws Exception {
        JsonNode doc = JSON.readTree(get(path, OPERATOR).body());
        return doc.has("data") ? doc.get("data") : doc;
    }

    HttpResponse<String> get(String path, String user) throws Exception {
        return send("GET", path, user, null, "", Map.of());
    }

    /** The CSRF token the console's frame gives {@code user}. */
    String csrf(String user) throws Exception {
        Matcher m = CSRF.matcher(get("/ui", user).body());
        assertThat(m.find()).as("the frame's CSRF token").isTrue();
        return m.group(1);
    }

    /** A form post as a browser sends it, with the user's CSRF token in the {@code _csrf} field. */
    HttpResponse<String> form(String path, String user, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(user));
        return send("POST", path, user, "application/x-www-form-urlencoded", encode(all), Map.of());
    }

    /** A form post as htmx sends it: the token in its header, {@code HX-Request: true}. */
    HttpResponse<String> htmx(String path, String user, Map<String, String> fields) throws Exception {
        return send(
                "POST",
                path,
                user,
                "application/x-www-form-urlencoded",
                encode(fields),
                Map.of("HX-Request", "true", "X-CSRF-Token", csrf(user)));
    }

    /** A form post without any CSRF token. */
    HttpResponse<String> forged(String path, String user, Map<String, String> fields) throws Exception {
        return send("POST", path, user, "application/x-www-form-urlencoded", encode(fields), Map.of());
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), UTF_8) + "=" + URLEncoder.encode(e.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
    }

    HttpResponse<String> send(
            String method, String path, String user, String type, String body, Map<String, String> headers)
            throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(UTF_8)));
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        daemon.close();
    }
}
