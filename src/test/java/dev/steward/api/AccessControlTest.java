package dev.steward.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.access.Role;
import dev.steward.core.access.User;
import dev.steward.password.Argon2PasswordHasher;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcAccessStore;
import dev.steward.testing.ManualClock;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access check and the admin API on a real server and a real SQLite store, time by hand: open mode on loopback,
 * tokens made through the API, HTTP Basic users, throttled password guessing, expired tokens.
 */
class AccessControlTest {
    private static final Instant T0 = Instant.parse("2026-12-31T23:59:30Z");
    private final ManualClock clock = new ManualClock(T0);
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(1024, 1); // cheap: tests hash a lot
    private Database database;
    private JdbcAccessStore store;
    private Javalin app;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    private void start(boolean loopbackOnly, List<User> stackUsers) {
        database = Database.sqlite(dir);
        store = new JdbcAccessStore(database);
        AccessControl control = new AccessControl(
                store,
                new dev.steward.store.jdbc.JdbcSessionStore(database),
                hasher,
                clock,
                new AccessControl.Settings(true, loopbackOnly, stackUsers));
        AccessApi api = new AccessApi(
                store,
                hasher,
                new TokenMint(new SecureRandom()),
                clock,
                control,
                (actor, action, target, before, after) -> changes.add(actor + " " + action + " " + target));
        app = Javalin.create(cfg -> {
                    control.mount(cfg);
                    api.mount(cfg);
                    cfg.routes.get("/health", ctx -> ctx.result("UP"));
                    cfg.routes.get(
                            "/api/v1/status",
                            ctx -> ctx.result(AccessControl.principal(ctx)
                                    .map(p -> p.name() + " " + p.role().label())
                                    .orElse("?")));
                    cfg.routes.post("/api/v1/incidents/{id}/ack", ctx -> ctx.result("acked"));
                    cfg.routes.exception(
                            ApiException.class,
                            (e, ctx) -> ctx.status(e.status())
                                    .result(json.writeValueAsString(
                                            Map.of("status", "error", "error", e.getMessage()))));
                })
                .start("127.0.0.1", 0);
    }

    private HttpResponse<String> send(String method, String path, String auth, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void onLoopbackWithNoCredentialsEverythingIsOpenUntilTheFirstTokenIsMade() throws Exception {
        start(true, List.of());
        assertThat(send("GET", "/api/v1/status", null, null).body()).isEqualTo("local admin");

        HttpResponse<String> created =
                send("POST", "/api/v1/tokens", null, "{\"name\":\"ci\",\"role\":\"operator\",\"expires_in\":\"1h\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode doc = json.readTree(created.body());
        String token = doc.get("token").asString();
        assertThat(token).startsWith("stw_" + doc.get("id").asString() + "_");
        assertThat(doc.get("expires_at").asString()).isEqualTo("2027-01-01T00:59:30Z");

        HttpResponse<String> anonymous = send("GET", "/api/v1/status", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"steward\"", "Basic realm=\"steward\", charset=\"UTF-8\"");
        assertThat(send("GET", "/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/incidents/7/ack", "Bearer " + token, null)
                        .body())
                .isEqualTo("acked");
        assertThat(send("GET", "/api/v1/status", "Bearer " + token, null).body())
                .isEqualTo("token:ci operator");

        HttpResponse<String> forbidden = send("GET", "/api/v1/tokens", "Bearer " + token, null);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("X-Steward-Required-Role")).contains("admin");
    }

    @Test
    void beyondLoopbackWithNoCredentialsOnlyTheAnonymousRoutesAnswer() throws Exception {
        start(false, List.of());
        assertThat(send("GET", "/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/status", null, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/tokens", null, "{\"name\":\"x\",\"role\":\"admin\"}")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void tokensAreListedWithoutSecretsAndStopWorkingWhenExpiredOrDeleted() throws Exception {
        start(true, List.of());
        String admin = json.readTree(send(
                                "POST",
                                "/api/v1/tokens",
                                null,
                                "{\"name\":\"root\",\"role\":\"admin\",\"expires_in\":\"never\"}")
                        .body())
                .get("token")
                .asString();
        JsonNode viewer = json.readTree(send(
                        "POST",
                        "/api/v1/tokens",
                        "Bearer " + admin,
                        "{\"name\":\"grafana\",\"role\":\"viewer\",\"expires_in\":\"10m\"}")
                .body());

        String listed = send("GET", "/api/v1/tokens", "Bearer " + admin, null).body();
        assertThat(listed)
                .contains("grafana", "root")
                .doesNotContain(admin, viewer.get("token").asString(), "hash");
        for (JsonNode t : json.readTree(listed)) {
            // both made at T0 (listed by creation, then id); only root has been used, to create grafana
            String name = t.get("name").asString();
            assertThat(t.get("last_used_at").isNull()).as(name).isEqualTo(name.equals("grafana"));
        }

        String v = "Bearer " + viewer.get("token").asString();
        assertThat(send("GET", "/api/v1/status", v, null).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(10));
        HttpResponse<String> expired = send("GET", "/api/v1/status", v, null);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("token grafana expired at 2027-01-01T00:09:30Z");

        assertThat(send("DELETE", "/api/v1/tokens/" + viewer.get("id").asString(), "Bearer " + admin, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(send("GET", "/api/v1/status", v, null).body()).contains("invalid token");
    }

    @Test
    void badTokenRequestsListEveryBadField() throws Exception {
        start(true, List.of());
        HttpResponse<String> r =
                send("POST", "/api/v1/tokens", null, "{\"name\":\"\",\"role\":\"root\",\"expires_in\":\"soon\"}");
        assertThat(r.statusCode()).isEqualTo(400);
    }

    private final List<String> changes = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void usersLogInWithBasicAuthAndStackFileUsersCannotBeDeleted() throws Exception {
        User ops = new User("ops", Role.OPERATOR, hasher.hash("stack-file-pw"), User.Source.STACK_FILE);
        start(true, List.of(ops));
        assertThat(send("GET", "/api/v1/status", null, null).statusCode()).isEqualTo(401); // a stack user enforces
        assertThat(send("GET", "/api/v1/status", basic("ops", "stack-file-pw"), null)
                        .body())
                .isEqualTo("ops operator");
        assertThat(send("GET", "/api/v1/users", basic("ops", "stack-file-pw"), null)
                        .statusCode())
                .isEqualTo(403);

        store.addUser(new User("root", Role.ADMIN, hasher.hash("root-password"), User.Source.STORE));
        String root = basic("root", "root-password");
        assertThat(send(
                                "POST",
                                "/api/v1/users",
                                root,
                                "{\"name\":\"ann\",\"role\":\"viewer\",\"password\":\"ann-password\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("GET", "/api/v1/status", basic("ann", "ann-password"), null)
                        .body())
                .isEqualTo("ann viewer");
        assertThat(send(
                                "POST",
                                "/api/v1/users",
                                root,
                                "{\"name\":\"ann\",\"role\":\"viewer\",\"password\":\"ann-password\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(json.readTree(send("GET", "/api/v1/users", root, null).body())
                        .findValuesAsString("name"))
                .containsExactly("ops", "ann", "root");
        assertThat(send("DELETE", "/api/v1/users/ops", root, null).statusCode()).isEqualTo(409);
        assertThat(send("DELETE", "/api/v1/users/ann", root, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/v1/status", basic("ann", "ann-password"), null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(changes)
                .as("every user change is recorded with who made it")
                .containsExactly("root user.create user/ann", "root user.remove user/ann");
    }

    @Test
    void passwordGuessingIsThrottledPerUserWithGrowingWaits() throws Exception {
        start(true, List.of());
        store.addUser(new User("ann", Role.VIEWER, hasher.hash("ann-password"), User.Source.STORE));
        for (int i = 0; i < 6; i++) {
            assertThat(send("GET", "/api/v1/status", basic("ann", "guess" + i), null)
                            .statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> throttled = send("GET", "/api/v1/status", basic("ann", "ann-password"), null);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("2");

        clock.advance(Duration.ofSeconds(1));
        assertThat(send("GET", "/api/v1/status", basic("ann", "ann-password"), null)
                        .body())
                .isEqualTo("ann viewer");
    }

    @Test
    void anUnknownUserIsRefusedLikeAWrongPassword() throws Exception {
        start(true, List.of());
        store.addUser(new User("ann", Role.VIEWER, hasher.hash("ann-password"), User.Source.STORE));
        HttpResponse<String> r = send("GET", "/api/v1/status", basic("bob", "ann-password"), null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("invalid user name or password");
        assertThat(send("GET", "/api/v1/status", "Digest abc", null).body()).contains("unsupported Authorization");
    }
}
