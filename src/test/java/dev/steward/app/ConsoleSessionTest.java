package dev.steward.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.demo.DemoOptions;
import dev.steward.demo.DemoStack;
import dev.steward.demo.DemoStackFile;
import dev.steward.demo.LocalServers;
import dev.steward.password.Argon2PasswordHasher;
import dev.steward.testing.HandDrivenDaemon;
import dev.steward.testing.ManualClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Console logins against the real daemon: the login form, the session cookie's attributes, CSRF on changes, idle
 * expiry by the hand-driven clock, logout, and a session that outlives a restart of the daemon.
 */
class ConsoleSessionTest {
    private static final Instant T0 = Instant.parse("2027-03-28T00:30:00Z");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private final ManualClock clock = new ManualClock(T0);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private DemoStack demo;
    private Daemon daemon;
    private Path stackFile;

    @BeforeEach
    void start() throws Exception {
        demo = DemoStack.start(DemoOptions.defaults().withoutTraffic());
        stackFile = DemoStackFile.forStack(demo, LocalServers.NONE).writeTo(dir.resolve("stack.yml"));
        String hash = new Argon2PasswordHasher().hash("correct horse");
        Files.writeString(
                stackFile,
                Files.readString(stackFile)
                        + "access:\n  session_idle: 1h\n  users:\n    ops: {role: operator, password_hash: '" + hash
                        + "'}\n    eve: {role: viewer, password_hash: '" + hash + "'}\n");
        daemon = startDaemon();
    }

    private Daemon startDaemon() {
        return HandDrivenDaemon.start(stackFile, dir.resolve("data"), clock);
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
        demo.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String user, String password, String next) throws Exception {
        String form = "user=" + enc(user) + "&password=" + enc(password) + "&next=" + enc(next);
        return send("POST", "/login", form, "Content-Type", "application/x-www-form-urlencoded");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, UTF_8);
    }

    private static String cookie(HttpResponse<?> r) {
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return m.group(1);
    }

    @Test
    void aConsolePageSendsABrowserWithoutALoginToTheLoginFormAndBack() throws Exception {
        HttpResponse<String> page = send("GET", "/ui/services/api?x=1", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2Fui%2Fservices%2Fapi%3Fx%3D1");
        // the API still answers 401 with a challenge, and the live stream cannot follow a redirect
        assertThat(send("GET", "/api/v1/status", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/ui/events", null).statusCode()).isEqualTo(401);

        assertThat(send("GET", "/login?next=/ui/incidents", null).body())
                .contains("name=\"next\" value=\"/ui/incidents\"");
        HttpResponse<String> in = login("ops", "correct horse", "/ui/services/api");
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location")).hasValue("/ui/services/api");
        String set = in.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(set)
                .startsWith("steward_session=")
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .doesNotContain("Secure");

        HttpResponse<String> service = send("GET", "/ui/services/api", null, "Cookie", cookie(in));
        assertThat(service.statusCode()).isEqualTo(200);
        assertThat(service.body())
                .contains("title=\"role operator\">ops</span>")
                .contains("Log out");
    }

    @Test
    void aLoginRedirectsOnlyToPathsOfThisServer() throws Exception {
        assertThat(login("ops", "correct horse", "https://evil.example/")
                        .headers()
                        .firstValue("Location"))
                .hasValue("/ui");
        assertThat(login("ops", "correct horse", "//evil.example/").headers().firstValue("Location"))
                .hasValue("/ui");
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithTheReasonAndSetsNoCookie() throws Exception {
        HttpResponse<String> r = login("ops", "wrong", "/ui");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(r.body())
                .contains("role=\"alert\">invalid user name or password")
                .contains("value=\"ops\"");
        assertThat(login("nobody", "x", "/ui").body()).contains("invalid user name or password");
    }

    @Test
    void changesThroughASessionNeedItsCsrfToken() throws Exception {
        String session = cookie(login("ops", "correct horse", "/ui"));
        String token = csrf(send("GET", "/ui", null, "Cookie", session));
        String body = "{\"title\":\"patching\",\"services\":[\"api\"],\"start\":\"now\",\"duration\":\"1h\"}";

        HttpResponse<String> without =
                send("POST", "/api/v1/maintenance", body, "Cookie", session, "Content-Type", "application/json");
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).contains("missing or wrong CSRF token");
        HttpResponse<String> wrong = send(
                "POST",
                "/api/v1/maintenance",
                body,
                "Cookie",
                session,
                "Content-Type",
                "application/json",
                "X-CSRF-Token",
                "forged");
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> with = send(
                "POST",
                "/api/v1/maintenance",
                body,
                "Cookie",
                session,
                "Content-Type",
                "application/json",
                "X-CSRF-Token",
                token);
        assertThat(with.statusCode()).as(with.body()).isEqualTo(201);
    }

    @Test
    void aViewerSessionMayReadButNotChange() throws Exception {
        String session = cookie(login("eve", "correct horse", "/ui"));
        HttpResponse<String> page = send("GET", "/ui", null, "Cookie", session);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> change = send(
                "POST",
                "/api/v1/maintenance",
                "{}",
                "Cookie",
                session,
                "Content-Type",
                "application/json",
                "X-CSRF-Token",
                csrf(page));
        assertThat(change.statusCode()).isEqualTo(403);
        assertThat(change.headers().firstValue("X-Steward-Required-Role")).hasValue("operator");
    }

    @Test
    void anIdleSessionEndsAndLoggingOutEndsItAtOnce() throws Exception {
        String session = cookie(login("ops", "correct horse", "/ui"));
        clock.advance(Duration.ofMinutes(59));
        assertThat(send("GET", "/ui", null, "Cookie", session).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(59)); // the request above counted as activity (touched once a minute)
        assertThat(send("GET", "/ui", null, "Cookie", session).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(61));
        assertThat(send("GET", "/ui", null, "Cookie", session).statusCode()).isEqualTo(302);

        String second = cookie(login("ops", "correct horse", "/ui"));
        HttpResponse<String> out = send("POST", "/logout", "", "Cookie", second);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Expires=Thu, 01 Jan 1970");
        assertThat(send("GET", "/ui", null, "Cookie", second).statusCode()).isEqualTo(302);
    }

    @Test
    void aSessionOutlivesARestartOfTheDaemon() throws Exception {
        String session = cookie(login("ops", "correct horse", "/ui"));
        daemon.close();
        daemon = startDaemon();
        assertThat(send("GET", "/ui", null, "Cookie", session).statusCode()).isEqualTo(200);
    }
}
