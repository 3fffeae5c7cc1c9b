package dev.steward.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The demo stack's services and faults, driven over real loopback HTTP through the mounted fault API. */
class DemoStackTest {

    private static DemoStack demo;
    private static Javalin control;
    private static URI faultsUrl;
    private static final DemoHttp http = new DemoHttp();

    @BeforeAll
    static void start() {
        demo = DemoStack.start(DemoOptions.defaults().withoutTraffic());
        control = Javalin.create(cfg -> {
                    cfg.jetty.host = "127.0.0.1";
                    cfg.startup.showJavalinBanner = false;
                    demo.faultApi().mount(cfg);
                })
                .start(0);
        faultsUrl = URI.create("http://127.0.0.1:" + control.port() + FaultApi.PATH);
    }

    @AfterEach
    void clearFaults() throws Exception {
        assertThat(http.delete(faultsUrl).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        control.stop();
        demo.close();
        http.close();
    }

    private static URI api(String path) {
        return demo.url(DemoService.API).resolve(path);
    }

    private static URI search(String path) {
        return demo.url(DemoService.SEARCH).resolve(path);
    }

    private static URI frontend(String path) {
        return demo.url(DemoService.FRONTEND).resolve(path);
    }

    private static HttpResponse<String> inject(String json) throws Exception {
        HttpResponse<String> response = http.post(faultsUrl, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    @Test
    void servicesListenOnLoopbackOnly() {
        for (DemoService service : DemoService.values()) {
            assertThat(demo.url(service).getHost()).isEqualTo("127.0.0.1");
            assertThat(demo.url(service).getPort()).isPositive();
            assertThat(demo.summary())
                    .contains(service.id() + " ")
                    .contains(demo.url(service).toString());
        }
    }

    @Test
    void apiHealthAnswersSpringStyleUp() throws Exception {
        var response = http.get(api("/health"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(DemoHttp.json(response).get("status").stringValue()).isEqualTo("UP");
    }

    @Test
    void detailedHealthHasAspNetCoreShapeWithDatabaseCacheAndSearchEntries() throws Exception {
        var response = http.get(api("/health/detailed"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = DemoHttp.json(response);
        assertThat(body.get("status").stringValue()).isEqualTo("Healthy");
        assertThat(body.get("totalDuration").stringValue()).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{7}");
        assertThat(body.get("entries").propertyNames()).containsExactly("database", "cache", "search");
        for (String entry : List.of("database", "cache", "search")) {
            JsonNode e = body.get("entries").get(entry);
            assertThat(e.get("status").stringValue()).isEqualTo("Healthy");
            assertThat(e.get("description").stringValue()).isNotBlank();
            assertThat(e.get("duration").stringValue()).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{7}");
        }
    }

    @Test
    void documentsEndpointAnswersAJsonListOfDocuments() throws Exception {
        var response = http.get(api("/api/documents"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = DemoHttp.json(response);
        assertThat(body.isArray()).isTrue();
        assertThat(body.size()).isGreaterThanOrEqualTo(3);
        assertThat(body.get(0).get("title").stringValue()).isNotBlank();
    }

    @Test
    void metricsCountEachRequestByCodeAndObserveItsLatency() throws Exception {
        String handler = "/api/documents";
        long before = counter(handler, 200);
        long countBefore = histogramCount(handler);
        http.get(api(handler));
        http.get(api(handler));
        var response = http.get(api("/metrics"));
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body()).contains("# TYPE http_requests_total counter");
        assertThat(response.body()).contains("# TYPE http_request_duration_seconds histogram");
        assertThat(counter(handler, 200)).isEqualTo(before + 2);
        assertThat(histogramCount(handler)).isEqualTo(countBefore + 2);
        assertThat(sample(
                        response.body(),
                        "http_request_duration_seconds_bucket{handler=\"" + handler + "\",le=\"+Inf\"}"))
                .isEqualTo(countBefore + 2);
    }

    @Test
    void searchAnswersElasticsearchClusterHealthWithEveryField() throws Exception {
        var response = http.get(search("/_cluster/health"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = DemoHttp.json(response);
        assertThat(body.propertyNames())
                .containsExactly(
                        "cluster_name",
                        "status",
                        "timed_out",
                        "number_of_nodes",
                        "number_of_data_nodes",
                        "active_primary_shards",
                        "active_shards",
                        "relocating_shards",
                        "initializing_shards",
                        "unassigned_shards",
                        "delayed_unassigned_shards",
                        "number_of_pending_tasks",
                        "number_of_in_flight_fetch",
                        "task_max_waiting_in_queue_millis",
                        "active_shards_percent_as_number");
        assertThat(body.get("status").stringValue()).isEqualTo("green");
        assertThat(body.get("unassigned_shards").intValue()).isZero();
        assertThat(body.get("active_shards_percent_as_number").doubleValue()).isEqualTo(100.0);
    }

    @Test
    void frontendServesAnHtmlPageWithATitle() throws Exception {
        var response = http.get(frontend("/"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(response.body()).contains("<title>").contains(demo.url(DemoService.API) + "/api/documents");
    }

    @Test
    void downClosesTheListenerSoConnectionsAreRefusedUntilCleared() throws Exception {
        int port = demo.url(DemoService.API).getPort();
        inject("{\"service\":\"api\",\"fault\":\"down\"}");
        assertThat(demo.listening(DemoService.API)).isFalse();
        assertThatThrownBy(() -> http.get(api("/health"))).isInstanceOf(ConnectException.class);
        assertThat(http.get(search("/_cluster/health")).statusCode()).isEqualTo(200);

        inject("{\"service\":\"api\",\"fault\":\"clear\"}");
        assertThat(demo.url(DemoService.API).getPort()).isEqualTo(port);
        assertThat(http.get(api("/health")).statusCode()).isEqualTo(200);
    }

    @Test
    void downWorksForSearchAndFrontendToo() throws Exception {
        inject("{\"service\":\"search\",\"fault\":\"down\"}");
        inject("{\"service\":\"frontend\",\"fault\":\"down\"}");
        assertThatThrownBy(() -> http.get(search("/_cluster/health"))).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> http.get(frontend("/"))).isInstanceOf(ConnectException.class);

        assertThat(http.delete(faultsUrl).statusCode()).isEqualTo(200);
        assertThat(http.get(search("/_cluster/health")).statusCode()).isEqualTo(200);
        assertThat(http.get(frontend("/")).statusCode()).isEqualTo(200);
    }

    @Test
    void errorAnswers500OnEveryRouteButMetricsWhichCountsThem() throws Exception {
        long errorsBefore = counter("/health", 500);
        inject("{\"service\":\"api\",\"fault\":\"error\"}");
        for (String path : List.of("/health", "/health/detailed", "/api/documents")) {
            assertThat(http.get(api(path)).statusCode()).as(path).isEqualTo(500);
        }
        assertThat(http.get(api("/metrics")).statusCode()).isEqualTo(200);
        assertThat(counter("/health", 500)).isEqualTo(errorsBefore + 1);

        inject("{\"service\":\"search\",\"fault\":\"error\"}");
        inject("{\"service\":\"frontend\",\"fault\":\"error\"}");
        var searchError = http.get(search("/_cluster/health"));
        assertThat(searchError.statusCode()).isEqualTo(500);
        assertThat(DemoHttp.json(searchError).get("error").get("type").stringValue())
                .isEqualTo("demo_fault_exception");
        var frontendError = http.get(frontend("/"));
        assertThat(frontendError.statusCode()).isEqualTo(500);
        assertThat(frontendError.body()).doesNotContain("<title>");
    }

    @Test
    void slowDelaysEveryAnswerByAtLeastTheLatency() throws Exception {
        inject("{\"service\":\"api\",\"fault\":\"slow\",\"latency_ms\":200}");
        inject("{\"service\":\"search\",\"fault\":\"slow\",\"latency_ms\":200}");
        for (URI url : List.of(api("/health"), api("/api/documents"), search("/_cluster/health"))) {
            long start = System.nanoTime();
            var response = http.get(url);
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(response.statusCode()).as(url.toString()).isEqualTo(200);
            assertThat(elapsedMillis).as(url.toString()).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void clearingSlowReleasesTheRequestsItHolds() throws Exception {
        inject("{\"service\":\"frontend\",\"fault\":\"slow\",\"latency_ms\":30000}");
        long start = System.nanoTime();
        var held = Thread.ofVirtual().start(() -> {
            try {
                assertThat(http.get(frontend("/")).statusCode()).isEqualTo(200);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        FaultControllerTest.awaitHeld(demo.faults(), 1);
        inject("{\"service\":\"frontend\",\"fault\":\"clear\"}");
        assertThat(held.join(Duration.ofSeconds(15))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void statusTurnsTheSearchClusterRedOrYellowWhileStillAnswering200() throws Exception {
        inject("{\"service\":\"search\",\"fault\":\"status\",\"status\":\"red\"}");
        var red = http.get(search("/_cluster/health"));
        assertThat(red.statusCode()).isEqualTo(200);
        assertThat(DemoHttp.json(red).get("status").stringValue()).isEqualTo("red");
        assertThat(DemoHttp.json(red).get("unassigned_shards").intValue()).isPositive();

        inject("{\"service\":\"search\",\"fault\":\"status\",\"status\":\"yellow\"}");
        JsonNode yellow = DemoHttp.json(http.get(search("/_cluster/health")));
        assertThat(yellow.get("status").stringValue()).isEqualTo("yellow");
        assertThat(yellow.get("active_primary_shards").intValue())
                .isEqualTo(yellow.get("active_shards").intValue());
        assertThat(yellow.get("active_shards_percent_as_number").doubleValue()).isLessThan(100.0);
    }

    @Test
    void dependencyMarksOneDetailedEntryUnhealthyWith503WhileLivenessStaysUp() throws Exception {
        inject("{\"service\":\"api\",\"fault\":\"dependency\",\"entry\":\"database\"}");
        var response = http.get(api("/health/detailed"));
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = DemoHttp.json(response);
        assertThat(body.get("status").stringValue()).isEqualTo("Unhealthy");
        assertThat(body.get("entries").get("database").get("status").stringValue())
                .isEqualTo("Unhealthy");
        assertThat(body.get("entries").get("cache").get("status").stringValue()).isEqualTo("Healthy");
        assertThat(body.get("entries").get("search").get("status").stringValue())
                .isEqualTo("Healthy");
        assertThat(http.get(api("/health")).statusCode()).isEqualTo(200);
    }

    @Test
    void theApisSearchEntryFollowsTheSearchServicesFault() throws Exception {
        inject("{\"service\":\"search\",\"fault\":\"status\",\"status\":\"yellow\"}");
        JsonNode yellow = DemoHttp.json(http.get(api("/health/detailed")));
        assertThat(yellow.get("entries").get("search").get("status").stringValue())
                .isEqualTo("Degraded");

        inject("{\"service\":\"search\",\"fault\":\"down\"}");
        var down = http.get(api("/health/detailed"));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(DemoHttp.json(down)
                        .get("entries")
                        .get("search")
                        .get("status")
                        .stringValue())
                .isEqualTo("Unhealthy");
        assertThat(DemoHttp.json(down)
                        .get("entries")
                        .get("database")
                        .get("status")
                        .stringValue())
                .isEqualTo("Healthy");
    }

    @Test
    void dependencyCanBeDegradedWhichAspNetCoreAnswersWith200() throws Exception {
        inject("{\"service\":\"api\",\"fault\":\"dependency\",\"entry\":\"cache\",\"status\":\"Degraded\"}");
        var response = http.get(api("/health/detailed"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = DemoHttp.json(response);
        assertThat(body.get("status").stringValue()).isEqualTo("Degraded");
        assertThat(body.get("entries").get("cache").get("status").stringValue()).isEqualTo("Degraded");
    }

    @Test
    void getListsTheActiveFaultsAndDeleteClearsThemAll() throws Exception {
        inject("{\"service\":\"api\",\"fault\":\"slow\",\"latency_ms\":3000}");
        inject("{\"service\":\"search\",\"fault\":\"status\",\"status\":\"red\"}");
        JsonNode listed = DemoHttp.json(http.get(faultsUrl)).get("faults");
        assertThat(listed.toString())
                .isEqualTo("[{\"service\":\"api\",\"fault\":\"slow\",\"latency_ms\":3000},"
                        + "{\"service\":\"search\",\"fault\":\"status\",\"status\":\"red\"}]");

        var cleared = http.delete(faultsUrl);
        assertThat(DemoHttp.json(cleared).get("faults").size()).isZero();
        assertThat(DemoHttp.json(http.get(search("/_cluster/health")))
                        .get("status")
                        .stringValue())
                .isEqualTo("green");
        assertThat(demo.faults().active()).isEmpty();
    }

    @Test
    void aNewFaultReplacesTheServicesPreviousOne() throws Exception {
        inject("{\"service\":\"api\",\"fault\":\"down\"}");
        inject("{\"service\":\"api\",\"fault\":\"error\"}");
        assertThat(http.get(api("/health")).statusCode()).isEqualTo(500);
        assertThat(demo.faults().active()).containsOnlyKeys(DemoService.API);
    }

    @Test
    void aBadRequestGets400NamingTheFieldTheValueAndTheAllowedValues() throws Exception {
        var response = http.post(faultsUrl, "{\"service\":\"search\",\"fault\":\"dependency\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = DemoHttp.json(response).get("errors").get(0);
        assertThat(error.get("field").stringValue()).isEqualTo("fault");
        assertThat(error.get("value").stringValue()).isEqualTo("\"dependency\"");
        assertThat(error.get("allowed").toString()).isEqualTo("[\"down\",\"error\",\"slow\",\"status\",\"clear\"]");
        assertThat(demo.faults().active()).isEmpty();
    }

    private static long counter(String handler, int code) throws Exception {
        String body = http.get(api("/metrics")).body();
        return sample(body, "http_requests_total{handler=\"" + handler + "\",code=\"" + code + "\"}");
    }

    private static long histogramCount(String handler) throws Exception {
        String body = http.get(api("/metrics")).body();
        return sample(body, "http_request_duration_seconds_count{handler=\"" + handler + "\"}");
    }

    /** The value of the sample with exactly this name and labels, 0 when absent. */
    private static long sample(String exposition, String series) {
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
