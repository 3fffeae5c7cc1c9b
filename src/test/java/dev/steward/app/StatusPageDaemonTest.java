package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.access.Role;
import dev.steward.demo.DemoOptions;
import dev.steward.demo.DemoService;
import dev.steward.demo.DemoStack;
import dev.steward.demo.DemoStackFile;
import dev.steward.demo.Fault;
import dev.steward.demo.LocalServers;
import dev.steward.testing.HandDrivenDaemon;
import dev.steward.testing.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public status page against the real daemon (demo services, real probes, SQLite, HTTP) with a hand-driven
 * clock: the page renders components and uptime bars, a failure is drafted, published through the API, resolved on
 * recovery, shown in both feeds (read with a real XML parser and Jackson), kept over a restart and audited; anonymous
 * callers reach the public routes and nothing else.
 */
class StatusPageDaemonTest {
    // the leap day's last minutes: the bars cross into 1 March during the test
    private static final Instant T0 = Instant.parse("2028-02-29T23:58:30Z");
    private static final String PAGE = """
            status_page:
              title: Demo status
              description: The demo product
              groups:
                - name: Product
                  components:
                    - {name: API, services: [api], description: The REST API}
                    - {name: Website, services: [frontend]}
                - name: Backend
                  components:
                    - {name: Search, services: [search]}
            """;
    private final ManualClock clock = new ManualClock(T0);
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Role, String> tokens = new LinkedHashMap<>();
    private DemoStack demo;
    private Daemon daemon;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        demo = DemoStack.start(DemoOptions.defaults().withoutTraffic());
        Path stackFile = DemoStackFile.forStack(demo, LocalServers.NONE).writeTo(dir.resolve("stack.yml"));
        Files.writeString(stackFile, Files.readString(stackFile) + PAGE);
        for (Role role : Role.values()) {
            tokens.put(role, createToken(role));
        }
        daemon = startDaemon(stackFile);
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
        demo.close();
    }

    private Daemon startDaemon(Path stackFile) {
        return HandDrivenDaemon.start(stackFile, dir.resolve("data"), clock);
    }

    private String createToken(Role role) {
        StringWriter out = new StringWriter();
        int code = Main.execute(
                new PrintWriter(out),
                new PrintWriter(new StringWriter()),
                "token",
                "create",
                "--name",
                role.label(),
                "--role",
                role.label(),
                "--expires",
                "never",
                "--data",
                dir.resolve("data").toString());
        assertThat(code).isZero();
        return out.toString().strip();
    }

    private void runUntil(Instant until) {
        HandDrivenDaemon.runUntil(daemon, clock, until);
    }

    private HttpResponse<String> send(String method, String path, Optional<Role> as, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        as.ifPresent(r -> request.header("Authorization", "Bearer " + tokens.get(r)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> anonymous(String path) throws Exception {
        return send("GET", path, Optional.empty(), "");
    }

    private JsonNode get(String path, Role as) throws Exception {
        HttpResponse<String> r = send("GET", path, Optional.of(as), "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private JsonNode post(String path, String body, int status) throws Exception {
        HttpResponse<String> r = send("POST", path, Optional.of(Role.OPERATOR), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    private JsonNode publicPage() throws Exception {
        HttpResponse<String> r = anonymous("/api/v1/status-page");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void thePageShowsItsGroupsComponentsAndNinetyDailyBarsEach() throws Exception {
        runUntil(T0.plusSeconds(160)); // crosses midnight and closes the first minute of 1 March
        daemon.housekeep();

        HttpResponse<String> page = anonymous("/status");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        String html = page.body();
        assertThat(html)
                .contains("<html lang=\"en\">", "prefers-color-scheme:dark", "name=\"viewport\"")
                .contains("<h1>Demo status</h1>", "The demo product", "All systems operational")
                .contains("<h3>Product</h3>", "<h3>Backend</h3>", "The REST API")
                .containsPattern("aria-label=\"API: daily uptime over the last 90 days, [0-9.]+ % overall\"")
                .contains("href=\"/status/feed.atom\"", "href=\"/status/feed.json\"");
        assertThat(Pattern.compile("<li class=\"[a-z]+\" title=\"")
                        .matcher(html)
                        .results())
                .hasSize(3 * 90);
        // the website's checks never failed: both days with probes are fully up, the days before have no data
        assertThat(html)
                .contains("<li class=\"none\" title=\"Mon 28 Feb 2028: no data\"></li>"
                        + "<li class=\"good\" title=\"Tue 29 Feb 2028: 100.00 % up\"></li>"
                        + "<li class=\"good\" title=\"Wed 1 Mar 2028: 100.00 % up\"></li>");
        assertThat(html).contains("<li class=\"none\" title=\"Thu 27 Jan 2028: no data\">");

        JsonNode doc = publicPage();
        assertThat(doc.get("status").asString()).isEqualTo("operational");
        JsonNode api = doc.get("groups").get(0).get("components").get(0);
        assertThat(api.get("name").asString()).isEqualTo("API");
        assertThat(api.get("days").size()).isEqualTo(90);
        assertThat(api.get("days").get(0).get("date").asString()).isEqualTo("2027-12-03");
        assertThat(api.get("days").get(0).get("uptime").isNull()).isTrue();
        assertThat(api.get("days").get(87).get("uptime").isNull()).isTrue();
        assertThat(api.get("days").get(88).get("uptime").asDouble()).isBetween(0.9, 1.0);
        assertThat(api.get("days").get(89).get("date").asString()).isEqualTo("2028-03-01");
    }

    @Test
    void aFailureIsDraftedPublishedResolvedFedAndKeptOverARestart() throws Exception {
        runUntil(T0.plusSeconds(10));
        demo.faults().inject(DemoService.API, new Fault.Down());
        runUntil(clock.instant().plusSeconds(10));

        JsonNode page = publicPage();
        assertThat(page.get("status").asString()).isEqualTo("major_outage");
        assertThat(page.get("incidents").size()).as("a draft is not public").isZero();
        JsonNode drafts = get("/api/v1/status-page/drafts", Role.VIEWER).get("drafts");
        assertThat(drafts.size()).isEqualTo(1);
        JsonNode draft = drafts.get(0);
        assertThat(draft.get("stage").asString()).isEqualTo("draft");
        assertThat(draft.get("title").asString()).isEqualTo("Major outage of API");
        assertThat(draft.get("impact").asString()).isEqualTo("critical");
        String id = draft.get("id").asString();

        JsonNode published = post(
                "/api/v1/status-page/incidents/" + id + "/publish",
                "{\"message\": \"We are looking into errors of the API & <its> clients.\"}",
                200);
        assertThat(published.get("stage").asString()).isEqualTo("open");
        assertThat(published.get("updates").get(0).get("by").asString()).isEqualTo("token:operator");
        post(
                "/api/v1/status-page/incidents/" + id + "/updates",
                "{\"status\": \"identified\", \"message\": \"A bad deploy.\"}",
                200);
        assertThat(anonymous("/status").body())
                .contains("Major outage of API", "We are looking into errors of the API &amp; &lt;its&gt; clients.")
                .contains("Identified");
        assertThat(publicPage().get("incidents").get(0).get("updates").get(0).has("by"))
                .as("who wrote an update is not public")
                .isFalse();

        demo.faults().clear(DemoService.API);
        runUntil(clock.instant().plusSeconds(15));
        JsonNode proposal =
                get("/api/v1/status-page/drafts", Role.VIEWER).get("drafts").get(0);
        assertThat(proposal.get("id").asString()).isEqualTo(id);
        assertThat(proposal.get("proposed").get("status").asString()).isEqualTo("resolved");
        JsonNode resolved = post("/api/v1/status-page/incidents/" + id + "/publish", "{}", 200);
        assertThat(resolved.get("stage").asString()).isEqualTo("resolved");

        assertFeeds(id);
        assertThat(get("/api/v1/audit", Role.VIEWER).get("data").get("records").findValuesAsString("action"))
                .contains("statuspage.draft", "statuspage.publish", "statuspage.update", "statuspage.propose");

        daemon.close();
        daemon = null;
        daemon = startDaemon(dir.resolve("stack.yml"));
        JsonNode past = publicPage().get("past_incidents");
        assertThat(past.size()).isEqualTo(1);
        assertThat(past.get(0).get("status").asString()).isEqualTo("resolved");
        assertThat(past.get(0).get("updates").findValuesAsString("status"))
                .containsExactly("resolved", "identified", "investigating");
    }

    private void assertFeeds(String id) throws Exception {
        HttpResponse<String> atom = anonymous("/status/feed.atom");
        assertThat(atom.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(atom.body().getBytes(StandardCharsets.UTF_8)));
        Element feed = xml.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getLocalName()).isEqualTo("feed");
        var entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isEqualTo(1);
        Element entry = (Element) entries.item(0);
        assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title")
                        .item(0)
                        .getTextContent())
                .isEqualTo("Major outage of API");
        assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "content")
                        .item(0)
                        .getTextContent())
                .contains("errors of the API & <its> clients.");

        JsonNode jsonFeed = json.readTree(anonymous("/status/feed.json").body());
        assertThat(jsonFeed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(jsonFeed.get("title").asString()).isEqualTo("Demo status status");
        assertThat(jsonFeed.get("items").size()).isEqualTo(1);
        JsonNode item = jsonFeed.get("items").get(0);
        assertThat(item.get("id").asString()).endsWith(":status:incident:" + id);
        assertThat(item.get("url").asString()).endsWith("/status#incident-" + id);
        assertThat(item.get("content_text").asString()).contains("Resolved: API is operating normally again.");
    }

    @Test
    void anonymousCallersReachThePublicRoutesOnlyAndA400ListsEveryBadField() throws Exception {
        for (String path : new String[] {"/status", "/status/feed.json", "/status/feed.atom", "/api/v1/status-page"}) {
            assertThat(anonymous(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(anonymous("/api/v1/status-page/drafts").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/status-page/incidents", Optional.empty(), "{}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("POST", "/api/v1/status-page/incidents", Optional.of(Role.VIEWER), "{}")
                        .statusCode())
                .isEqualTo(403);

        JsonNode bad = post(
                "/api/v1/status-page/incidents",
                "{\"impact\": \"huge\", \"status\": \"gone\", \"components\": [\"API\", \"Nope\"]}",
                400);
        assertThat(bad.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("title", "impact", "status", "message", "components[1]");

        JsonNode created = post(
                "/api/v1/status-page/incidents",
                "{\"title\": \"Slow search\", \"impact\": \"minor\", \"components\": [\"Search\"],"
                        + " \"message\": \"Searches take longer than usual.\"}",
                201);
        assertThat(created.get("created_by").asString()).isEqualTo("token:operator");
        assertThat(publicPage().get("incidents").findValuesAsString("title")).containsExactly("Slow search");
        assertThat(post("/api/v1/status-page/incidents/" + created.get("id").asString() + "/discard", "{}", 409)
                        .get("error")
                        .asString())
                .contains("no proposed update to discard");
        assertThat(post("/api/v1/status-page/incidents/nope/publish", "{}", 404)
                        .get("error")
                        .asString())
                .isEqualTo("no status page incident nope");
    }

    @Test
    void theConsoleListsDraftsAndPublishesThemFromAForm() throws Exception {
        runUntil(T0.plusSeconds(10));
        demo.faults().inject(DemoService.SEARCH, new Fault.ClusterStatus("red"));
        runUntil(clock.instant().plusSeconds(10));
        String id = get("/api/v1/status-page/drafts", Role.VIEWER)
                .get("drafts")
                .get(0)
                .get("id")
                .asString();

        HttpResponse<String> viewer = send("GET", "/ui/status-page", Optional.of(Role.VIEWER), "");
        assertThat(viewer.statusCode()).isEqualTo(200);
        assertThat(viewer.body())
                // the api's detailed health reports search too: the api is degraded while search is down
                .contains("Status page", "Major outage of API and Search", "Search (major outage)")
                .doesNotContain("/ui/status-page/incidents/" + id + "/publish");
        HttpResponse<String> operator = send("GET", "/ui/status-page", Optional.of(Role.OPERATOR), "");
        assertThat(operator.body())
                .contains("action=\"/ui/status-page/incidents/" + id + "/publish\"")
                .contains("action=\"/ui/status-page/incidents/" + id + "/discard\"");

        HttpResponse<String> published = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + daemon.port() + "/ui/status-page/incidents/" + id + "/publish"))
                        .header("Authorization", "Bearer " + tokens.get(Role.OPERATOR))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "title=Search+is+unavailable&message=Searches+fail%3B+we+are+on+it."))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(303);
        assertThat(published.headers().firstValue("Location")).contains("/ui/status-page");

        JsonNode open = publicPage().get("incidents").get(0);
        assertThat(open.get("title").asString()).isEqualTo("Search is unavailable");
        assertThat(open.get("updates").get(0).get("message").asString()).isEqualTo("Searches fail; we are on it.");
        assertThat(send("GET", "/ui/status-page", Optional.of(Role.OPERATOR), "")
                        .body())
                .contains("action=\"/ui/status-page/incidents/" + id + "/updates\"");
    }
}
