package dev.steward.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.access.AccessPolicy;
import dev.steward.core.access.Requirement;
import dev.steward.core.access.Role;
import dev.steward.demo.DemoOptions;
import dev.steward.demo.DemoStack;
import dev.steward.demo.DemoStackFile;
import dev.steward.demo.LocalServers;
import dev.steward.password.Argon2PasswordHasher;
import dev.steward.testing.DirectExecutorService;
import dev.steward.testing.ManualClock;
import io.javalin.config.JavalinConfig;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route the real daemon registers (its own, Prometheus's, Alertmanager's, incidents, maintenance, deliveries,
 * deployments, tokens and users, the status page, the console's pages, the demo's fault API), called as nobody, a
 * viewer, an operator and an admin: each is refused or let through exactly as {@link AccessPolicy} says. A route added later is enumerated here too, so one that slips
 * past the check fails this test.
 */
class AccessRoutesTest {
    private static final Instant T0 = Instant.parse("2028-02-29T12:00:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<JavalinConfig> captured = new AtomicReference<>();
    private final Map<Role, String> tokens = new LinkedHashMap<>();
    private DemoStack demo;
    private Daemon daemon;
    private Path stackFile;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        demo = DemoStack.start(DemoOptions.defaults().withoutTraffic());
        stackFile = DemoStackFile.forStack(demo, LocalServers.NONE).writeTo(dir.resolve("stack.yml"));
        for (Role role : Role.values()) {
            tokens.put(role, createToken(role));
        }
        DaemonOptions options = new DaemonOptions(
                stackFile,
                dir.resolve("data"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "127.0.0.1",
                0,
                DaemonOptions.DEFAULT_RETENTION,
                DaemonOptions.DEFAULT_BUDGET);
        var wiring = new Daemon.Wiring(clock, System::nanoTime, new DirectExecutorService(), false);
        daemon = ((Daemon.Started.Running) Daemon.start(
                        options,
                        cfg -> {
                            demo.faultApi().mount(cfg);
                            captured.set(cfg);
                        },
                        wiring))
                .daemon();
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
        demo.close();
    }

    private String createToken(Role role) {
        StringWriter out = new StringWriter();
        int code = Main.execute(
                new PrintWriter(out),
                new PrintWriter(new StringWriter()),
                "token",
                "create",
                "--name",
                "test " + role.label(),
                "--role",
                role.label(),
                "--expires",
                "never",
                "--data",
                dir.resolve("data").toString());
        assertThat(code).isZero();
        return out.toString().strip();
    }

    private List<Endpoint> routes() {
        List<Endpoint> out = new ArrayList<>();
        for (ParsedEndpoint p : captured.get().unsafe.internalRouter.allHttpHandlers()) {
            if (p.endpoint.method.isHttpMethod()) {
                out.add(p.endpoint);
            }
        }
        return out;
    }

    @Test
    void everyRouteAnswersEachRoleAsThePolicySays() throws Exception {
        AccessPolicy policy = new AccessPolicy(true);
        List<String> wrong = new ArrayList<>();
        List<Endpoint> routes = routes();
        assertThat(routes).hasSizeGreaterThan(40);
        for (Endpoint route : routes) {
            Requirement required = policy.required(route.method.name(), route.path);
            String what = route.method.name() + " " + route.path;
            check(wrong, what + " as nobody", send(route, Optional.empty()), expectedFor(required, Optional.empty()));
            for (Role role : Role.values()) {
                check(
                        wrong,
                        what + " as " + role.label(),
                        send(route, Optional.of(tokens.get(role))),
                        expectedFor(required, Optional.of(role)));
            }
        }
        assertThat(wrong).as("routes answering against the policy").isEmpty();
    }

    @Test
    void onlyTheListedRoutesAreAnonymousAndOnlyAccessManagementIsAdminOnly() {
        AccessPolicy policy = new AccessPolicy(true);
        TreeSet<String> anonymous = new TreeSet<>();
        TreeSet<String> admin = new TreeSet<>();
        for (Endpoint route : routes()) {
            String what = route.method.name() + " " + route.path;
            switch (policy.required(route.method.name(), route.path)) {
                case Requirement.Anonymous a -> anonymous.add(what);
                case Requirement.AtLeast(Role role) -> {
                    if (role == Role.ADMIN) {
                        admin.add(what);
                    }
                }
            }
        }
        assertThat(anonymous)
                .containsExactly(
                        "GET /",
                        "GET /act/{token}",
                        "GET /api/v1/status-page",
                        "GET /health",
                        "GET /login",
                        "GET /metrics",
                        "GET /status",
                        "GET /status/feed.atom",
                        "GET /status/feed.json",
                        "POST /act/{token}",
                        "POST /login",
                        "POST /logout");
        assertThat(admin)
                .containsExactly(
                        "DELETE /api/v1/tokens/{id}",
                        "DELETE /api/v1/users/{name}",
                        "GET /api/v1/tokens",
                        "GET /api/v1/users",
                        "POST /api/v1/tokens",
                        "POST /api/v1/users");
    }

    @Test
    void theConsolesDeploymentPagesAreReadByViewersAndTheirCommandsNeedAnOperator() throws Exception {
        AccessPolicy policy = new AccessPolicy(true);
        Map<String, Requirement> deployments = new java.util.TreeMap<>();
        for (Endpoint route : routes()) {
            if (route.path.startsWith("/ui/deployments")) {
                deployments.put(
                        route.method.name() + " " + route.path, policy.required(route.method.name(), route.path));
            }
        }
        Requirement viewer = new Requirement.AtLeast(Role.VIEWER);
        Requirement operator = new Requirement.AtLeast(Role.OPERATOR);
        assertThat(deployments)
                .containsExactly(
                        Map.entry("GET /ui/deployments", viewer),
                        Map.entry("GET /ui/deployments/{id}", viewer),
                        Map.entry("POST /ui/deployments/{id}/abort", operator),
                        Map.entry("POST /ui/deployments/{id}/pause", operator),
                        Map.entry("POST /ui/deployments/{id}/promote", operator),
                        Map.entry("POST /ui/deployments/{id}/resume", operator),
                        Map.entry("POST /ui/deployments/{id}/rollback", operator));
        String viewerToken = "Bearer " + tokens.get(Role.VIEWER);
        assertThat(request("GET", "/ui/deployments", viewerToken).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = request("POST", "/ui/deployments/x/abort", viewerToken);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("X-Steward-Required-Role")).hasValue("operator");
        assertThat(request("POST", "/ui/deployments/x/abort", "Bearer " + tokens.get(Role.OPERATOR))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void stackFileUsersLogInWithBasicAuthAndAReloadReplacesThem() throws Exception {
        String demoFile = Files.readString(stackFile);
        String hash = new Argon2PasswordHasher().hash("alice-password");
        Files.writeString(
                stackFile,
                demoFile + "access:\n  users:\n    alice: {role: operator, password_hash: '" + hash + "'}\n");
        String admin = "Bearer " + tokens.get(Role.ADMIN);
        assertThat(request("POST", "/-/reload", admin).statusCode()).isEqualTo(200);

        String alice = "Basic " + Base64.getEncoder().encodeToString("alice:alice-password".getBytes(UTF_8));
        assertThat(request("GET", "/api/v1/status", alice).statusCode()).isEqualTo(200);
        assertThat(request("GET", "/api/v1/users", alice).statusCode()).isEqualTo(403);
        assertThat(request("GET", "/api/v1/users", admin).body())
                .isEqualTo("[{\"name\":\"alice\",\"role\":\"operator\",\"source\":\"stack_file\"}]");

        Files.writeString(stackFile, demoFile);
        assertThat(request("POST", "/-/reload", admin).statusCode()).isEqualTo(200);
        assertThat(request("GET", "/api/v1/status", alice).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> request(String method, String path, String auth) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .header("Authorization", auth)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private enum Expected {
        ALLOWED,
        UNAUTHENTICATED,
        FORBIDDEN
    }

    private static Expected expectedFor(Requirement required, Optional<Role> who) {
        return switch (required) {
            case Requirement.Anonymous a -> Expected.ALLOWED;
            case Requirement.AtLeast(Role role) ->
                who.isEmpty()
                        ? Expected.UNAUTHENTICATED
                        : who.get().includes(role) ? Expected.ALLOWED : Expected.FORBIDDEN;
        };
    }

    private static void check(List<String> wrong, String what, HttpResponse<String> r, Expected expected) {
        // refusals by access control carry their own headers, so a handler's own 403 (a bad signed link) is not one
        // a console page sends whoever is not logged in to the login form instead
        boolean unauthenticated = (r.statusCode() == 401
                        && r.headers().firstValue("WWW-Authenticate").isPresent())
                || (r.statusCode() == 302
                        && r.headers().firstValue("Location").orElse("").startsWith("/login?next="));
        boolean forbidden = r.statusCode() == 403
                && r.headers().firstValue("X-Steward-Required-Role").isPresent();
        Expected actual =
                unauthenticated ? Expected.UNAUTHENTICATED : forbidden ? Expected.FORBIDDEN : Expected.ALLOWED;
        boolean plausible = r.statusCode() != 401 && r.statusCode() != 500;
        if (actual != expected || (expected == Expected.ALLOWED && !plausible)) {
            wrong.add(what + ": expected " + expected + ", got HTTP " + r.statusCode() + " " + r.body());
        }
    }

    private HttpResponse<String> send(Endpoint route, Optional<String> token) throws Exception {
        String path = route.path.replaceAll("\\{[^}]+}", "x").replaceAll("<[^>]+>", "x");
        String method = route.method.name();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        method.equals("GET") || method.equals("HEAD")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
