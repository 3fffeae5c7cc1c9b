package dev.steward.promapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.promql.PromqlEngine;
import dev.steward.core.series.Labels;
import dev.steward.core.series.MemorySeriesStore;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Prometheus's query API over the PromQL engine and a store of known samples, over real HTTP. */
class PrometheusApiTest {
    /** 2025-11-24T16:00:00Z; every series has a sample every 15 s during the 10 minutes up to it. */
    static final long T = 1_764_000_000_000L;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    /** Fills a store: up (1, 0, 1), a counter growing 1/s, a gauge at 0.5, and a duplicate-prone pair for joins. */
    static MemorySeriesStore store() {
        MemorySeriesStore store = new MemorySeriesStore();
        for (long t = T - 600_000; t <= T; t += 15_000) {
            double s = (t - (T - 600_000)) / 1000.0;
            store.append(Labels.metric("up", "job", "api", "instance", "a"), t, 1);
            store.append(Labels.metric("up", "job", "api", "instance", "b"), t, 0);
            store.append(Labels.metric("up", "job", "db", "instance", "c"), t, 1);
            store.append(Labels.metric("http_requests_total", "job", "api", "instance", "a"), t, s);
            store.append(Labels.metric("temperature_celsius", "room", "lab"), t, 0.5);
        }
        return store;
    }

    /** Serves the API over {@code store} on a free loopback port; the clock stands at {@link #T}. */
    static Javalin serve(MemorySeriesStore store) {
        EnginePrometheusBackend backend = new EnginePrometheusBackend(
                store,
                new PromqlEngine(store),
                InstantSource.fixed(Instant.ofEpochMilli(T)),
                type -> Map.of("groups", List.of()),
                () -> Map.of("alerts", List.of()),
                "9.9.9-test");
        PrometheusApi api = new PrometheusApi(backend);
        return Javalin.create(cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    api.mount(cfg);
                })
                .start("127.0.0.1", 0);
    }

    @BeforeEach
    void start() {
        app = serve(store());
    }

    @AfterEach
    void stop() {
        app.stop();
        http.close();
    }

    private HttpResponse<String> get(String path, String... params) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + app.port() + path + (params.length == 0 ? "" : "?" + form(params)));
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String... params) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + app.port() + path);
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(params)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String... params) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            if (i > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(params[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    @Test
    void instantVectorRendersMetricAndValueAsPrometheusDoes() throws Exception {
        HttpResponse<String> r = get("/api/v1/query", "query", "up{job=\"api\"}", "time", "1764000000");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(r.body())
                .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                        + "{\"metric\":{\"__name__\":\"up\",\"instance\":\"a\",\"job\":\"api\"},"
                        + "\"value\":[1764000000,\"1\"]},"
                        + "{\"metric\":{\"__name__\":\"up\",\"instance\":\"b\",\"job\":\"api\"},"
                        + "\"value\":[1764000000,\"0\"]}]}}");
    }

    @Test
    void timestampsKeepMillisecondsAsAJsonNumber() throws Exception {
        HttpResponse<String> r = get("/api/v1/query", "query", "temperature_celsius", "time", "1764000000.123");

        assertThat(r.body()).contains("\"value\":[1764000000.123,\"0.5\"]");
        assertThat(json(r).at("/data/result/0/value/0").isNumber()).isTrue();
    }

    @Test
    void sampleTimestampsKeepThreeDecimalsAsPrometheusWritesThem() throws Exception {
        assertThat(get("/api/v1/query", "query", "vector(1)", "time", "1764000000.5")
                        .body())
                .contains("\"value\":[1764000000.500,\"1\"]");
        assertThat(get("/api/v1/query", "query", "vector(1)", "time", "1764000000.05")
                        .body())
                .contains("\"value\":[1764000000.050,\"1\"]");
        assertThat(get("/api/v1/query", "query", "1", "time", "1764000000.5").body())
                .contains("\"result\":[1764000000.5,\"1\"]");
    }

    @Test
    void timeAcceptsRfc3339() throws Exception {
        HttpResponse<String> r = get("/api/v1/query", "query", "temperature_celsius", "time", "2025-11-24T16:00:00Z");

        assertThat(r.body()).contains("\"value\":[1764000000,\"0.5\"]");
    }

    @Test
    void missingTimeMeansTheBackendsNow() throws Exception {
        HttpResponse<String> r = get("/api/v1/query", "query", "time()");

        assertThat(r.body())
                .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":"
                        + "[1764000000,\"1764000000\"]}}");
    }

    @Test
    void scalarResultIsAPairNotAList() throws Exception {
        HttpResponse<String> r = get("/api/v1/query", "query", "1/4", "time", "1764000000.5");

        assertThat(r.body())
                .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":"
                        + "[1764000000.5,\"0.25\"]}}");
    }

    @Test
    void specialFloatsAreRenderedAsGoFormatsThem() throws Exception {
        assertThat(get("/api/v1/query", "query", "1/0", "time", "100").body()).contains("[100,\"+Inf\"]");
        assertThat(get("/api/v1/query", "query", "-1/0", "time", "100").body()).contains("[100,\"-Inf\"]");
        assertThat(get("/api/v1/query", "query", "0/0", "time", "100").body()).contains("[100,\"NaN\"]");
        assertThat(get("/api/v1/query", "query", "1e21", "time", "100").body())
                .contains("[100,\"1000000000000000000000\"]");
        assertThat(get("/api/v1/query", "query", "0.000001", "time", "100").body())
                .contains("[100,\"0.000001\"]");
    }

    @Test
    void sampleValuesTakeAnExponentOutsideGosPlainRangeButScalarsDoNot() throws Exception {
        assertThat(get("/api/v1/query", "query", "vector(4.0918699186991646e-07)", "time", "100")
                        .body())
                .contains("[100,\"4.0918699186991646e-07\"]");
        assertThat(get("/api/v1/query", "query", "vector(-1.5e22)", "time", "100")
                        .body())
                .contains("[100,\"-1.5e+22\"]");
        assertThat(get("/api/v1/query", "query", "vector(1e-6)", "time", "100").body())
                .contains("[100,\"0.000001\"]");
        assertThat(get("/api/v1/query", "query", "vector(1e20)", "time", "100").body())
                .contains("[100,\"100000000000000000000\"]");
        assertThat(get("/api/v1/query", "query", "1e-7", "time", "100").body()).contains("[100,\"0.0000001\"]");
    }

    @Test
    void stringResultIsATimeAndTheText() throws Exception {
        HttpResponse<String> r = get("/api/v1/query", "query", "\"hello\"", "time", "1764000000");

        assertThat(r.body())
                .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":"
                        + "[1764000000,\"hello\"]}}");
    }

    @Test
    void rangeSelectorInAnInstantQueryGivesAMatrixWithRawSampleTimes() throws Exception {
        HttpResponse<String> r = get("/api/v1/query", "query", "temperature_celsius[30s]", "time", "1764000000");

        assertThat(r.body())
                .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                        + "{\"metric\":{\"__name__\":\"temperature_celsius\",\"room\":\"lab\"},"
                        + "\"values\":[[1763999985,\"0.5\"],[1764000000,\"0.5\"]]}]}}");
    }

    @Test
    void rangeQueryGivesAMatrixWithAPointPerStep() throws Exception {
        HttpResponse<String> r = get(
                "/api/v1/query_range",
                "query",
                "http_requests_total - 500",
                "start",
                "1763999940",
                "end",
                "1764000000",
                "step",
                "30s");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                        + "{\"metric\":{\"instance\":\"a\",\"job\":\"api\"},"
                        + "\"values\":[[1763999940,\"40\"],[1763999970,\"70\"],[1764000000,\"100\"]]}]}}");
    }

    @Test
    void postedFormParametersWorkLikeTheQueryString() throws Exception {
        HttpResponse<String> instant = post("/api/v1/query", "query", "sum(up)", "time", "1764000000");
        HttpResponse<String> range = post(
                "/api/v1/query_range", "query", "sum(up)", "start", "1763999970", "end", "1764000000", "step", "15");

        assertThat(instant.statusCode()).isEqualTo(200);
        assertThat(instant.body()).contains("\"value\":[1764000000,\"2\"]");
        assertThat(range.statusCode()).isEqualTo(200);
        assertThat(json(range).at("/data/result/0/values").toString())
                .isEqualTo("[[1763999970,\"2\"],[1763999985,\"2\"],[1764000000,\"2\"]]");
    }

    @Test
    void infosComeWithTheResultWhenTheEngineGivesThem() throws Exception {
        HttpResponse<String> r = get("/api/v1/query", "query", "rate(temperature_celsius[1m])", "time", "1764000000");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("infos").get(0).asString())
                .contains("metric might not be a counter")
                .contains("temperature_celsius");
        assertThat(json(r).has("warnings")).isFalse();
    }

    @Test
    void warningsComeWithTheResultWhenTheEngineGivesThem() throws Exception {
        HttpResponse<String> r = get("/api/v1/query", "query", "quantile(2, up)", "time", "1764000000");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("warnings").get(0).asString()).contains("quantile value should be between 0 and 1");
        assertThat(json(r).at("/data/result/0/value/1").asString()).isEqualTo("+Inf");
    }

    @Test
    void plainResultsCarryNeitherWarningsNorInfos() throws Exception {
        JsonNode doc = json(get("/api/v1/query", "query", "up", "time", "1764000000"));

        assertThat(doc.has("warnings")).isFalse();
        assertThat(doc.has("infos")).isFalse();
    }

    private static void assertError(HttpResponse<String> r, int status, String type, String message) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode doc = JSON.readTree(r.body());
        assertThat(doc.get("status").asString()).isEqualTo("error");
        assertThat(doc.get("errorType").asString()).isEqualTo(type);
        assertThat(doc.get("error").asString()).contains(message);
    }

    @Test
    void missingQueryIsBadData() throws Exception {
        assertError(get("/api/v1/query"), 400, "bad_data", "invalid parameter \"query\"");
        assertError(
                get("/api/v1/query_range", "start", "1", "end", "2", "step", "1"),
                400,
                "bad_data",
                "invalid parameter \"query\"");
    }

    @Test
    void parseErrorIsBadDataWithItsPosition() throws Exception {
        HttpResponse<String> r = get("/api/v1/query", "query", "sum(up", "time", "1764000000");

        assertError(r, 400, "bad_data", "invalid parameter \"query\": 1:7: parse error");
    }

    @Test
    void badTimeIsBadData() throws Exception {
        assertError(
                get("/api/v1/query", "query", "up", "time", "yesterday"),
                400,
                "bad_data",
                "invalid parameter \"time\"");
    }

    @Test
    void rangeEndingBeforeItStartsIsBadData() throws Exception {
        assertError(
                get("/api/v1/query_range", "query", "up", "start", "200", "end", "100", "step", "15"),
                400,
                "bad_data",
                "end timestamp must not be before start time");
    }

    @Test
    void zeroOrNegativeStepIsBadData() throws Exception {
        assertError(
                get("/api/v1/query_range", "query", "up", "start", "100", "end", "200", "step", "0"),
                400,
                "bad_data",
                "zero or negative query resolution step widths are not accepted");
        assertError(
                get("/api/v1/query_range", "query", "up", "start", "100", "end", "200", "step", "-15"),
                400,
                "bad_data",
                "zero or negative");
    }

    @Test
    void moreThanElevenThousandPointsIsBadData() throws Exception {
        assertError(
                get("/api/v1/query_range", "query", "up", "start", "0", "end", "11001", "step", "1"),
                400,
                "bad_data",
                "exceeded maximum resolution of 11,000 points per timeseries");
        assertThat(get("/api/v1/query_range", "query", "up", "start", "0", "end", "11000", "step", "1")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void rangeQueryOfARangeVectorIsBadData() throws Exception {
        assertError(
                get("/api/v1/query_range", "query", "up[1m]", "start", "100", "end", "200", "step", "15"),
                400,
                "bad_data",
                "invalid expression type \"range vector\" for range query");
    }

    @Test
    void manyToManyMatchingIsAnExecutionError() throws Exception {
        HttpResponse<String> r = get("/api/v1/query", "query", "up + on(job) up", "time", "1764000000");

        assertError(r, 422, "execution", "many-to-many matching not allowed");
    }

    @Test
    void seriesNeedsAtLeastOneMatch() throws Exception {
        assertError(get("/api/v1/series"), 400, "bad_data", "no match[] parameter provided");
    }

    @Test
    void seriesUnitesSeveralMatchesWithoutDuplicates() throws Exception {
        HttpResponse<String> r = get(
                "/api/v1/series",
                "match[]",
                "up{job=\"db\"}",
                "match[]",
                "temperature_celsius",
                "match[]",
                "{__name__=\"up\",instance=\"c\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .isEqualTo("{\"status\":\"success\",\"data\":["
                        + "{\"__name__\":\"temperature_celsius\",\"room\":\"lab\"},"
                        + "{\"__name__\":\"up\",\"instance\":\"c\",\"job\":\"db\"}]}");
    }

    @Test
    void seriesAcceptsPostedMatches() throws Exception {
        HttpResponse<String> r =
                post("/api/v1/series", "match[]", "up{instance=\"a\"}", "match[]", "up{instance=\"b\"}");

        assertThat(json(r).get("data")).hasSize(2);
    }

    @Test
    void seriesRejectsAnExpressionThatIsNotASelector() throws Exception {
        assertError(get("/api/v1/series", "match[]", "sum(up)"), 400, "bad_data", "invalid parameter \"match[]\"");
        assertError(get("/api/v1/series", "match[]", "up{"), 400, "bad_data", "invalid parameter \"match[]\"");
    }

    @Test
    void seriesHonoursTheTimeRange() throws Exception {
        HttpResponse<String> before = get("/api/v1/series", "match[]", "up", "start", "1000", "end", "2000");

        assertThat(json(before).get("data")).isEmpty();
    }

    @Test
    void labelsListsEveryNameSorted() throws Exception {
        HttpResponse<String> r = get("/api/v1/labels");

        assertThat(r.body())
                .isEqualTo("{\"status\":\"success\",\"data\":[\"__name__\",\"instance\",\"job\",\"room\"]}");
    }

    @Test
    void labelsNarrowedByMatch() throws Exception {
        HttpResponse<String> r = get("/api/v1/labels", "match[]", "temperature_celsius");

        assertThat(r.body()).isEqualTo("{\"status\":\"success\",\"data\":[\"__name__\",\"room\"]}");
    }

    @Test
    void labelValuesListsTheValuesSorted() throws Exception {
        assertThat(get("/api/v1/label/job/values").body())
                .isEqualTo("{\"status\":\"success\",\"data\":[\"api\",\"db\"]}");
        assertThat(get("/api/v1/label/__name__/values").body())
                .isEqualTo(
                        "{\"status\":\"success\",\"data\":[\"http_requests_total\",\"temperature_celsius\",\"up\"]}");
        assertThat(get("/api/v1/label/instance/values", "match[]", "up{job=\"api\"}")
                        .body())
                .isEqualTo("{\"status\":\"success\",\"data\":[\"a\",\"b\"]}");
        assertThat(get("/api/v1/label/nosuch/values").body()).isEqualTo("{\"status\":\"success\",\"data\":[]}");
    }

    @Test
    void labelValuesOfAnInvalidNameIsBadData() throws Exception {
        assertError(get("/api/v1/label/1abc/values"), 400, "bad_data", "invalid label name: \"1abc\"");
    }

    @Test
    void buildInfoNamesTheVersion() throws Exception {
        HttpResponse<String> r = get("/api/v1/status/buildinfo");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode data = json(r).get("data");
        assertThat(data.get("version").asString()).isEqualTo("9.9.9-test");
        assertThat(data.has("revision")).isTrue();
        assertThat(data.has("goVersion")).isTrue();
    }

    @Test
    void rulesAndAlertsAreEmptyLists() throws Exception {
        assertThat(get("/api/v1/rules").body()).isEqualTo("{\"status\":\"success\",\"data\":{\"groups\":[]}}");
        assertThat(get("/api/v1/alerts").body()).isEqualTo("{\"status\":\"success\",\"data\":{\"alerts\":[]}}");
    }
}
