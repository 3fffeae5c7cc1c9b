package dev.steward.core.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.series.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Real-world-shaped expositions parse completely, with the values, labels and metadata they carry. */
class ExpositionCorpusTest {
    private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";

    static byte[] resource(String name) {
        try (InputStream in = ExpositionCorpusTest.class.getResourceAsStream("/exposition/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ExpositionCollector parseOk(String resource, String contentType) {
        ExpositionCollector c = new ExpositionCollector();
        ParseResult r = new ExpositionParser().parse(resource(resource), contentType, c);
        assertThat(r).isEqualTo(new ParseResult.Parsed(c.samples().size()));
        return c;
    }

    private static ParsedSample sample(ExpositionCollector c, Labels labels) {
        return c.samples().stream()
                .filter(s -> s.labels().equals(labels))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + labels + " in " + c.samples()));
    }

    @Test
    void parsesANodeExporterPage() {
        ExpositionCollector c = parseOk("node-exporter.prom", TEXT);
        assertThat(c.samples()).hasSize(18);
        assertThat(sample(c, Labels.metric("node_cpu_seconds_total", "cpu", "0", "mode", "idle"))
                        .value())
                .isEqualTo(123456.78);
        assertThat(sample(c, Labels.metric("node_boot_time_seconds")).value()).isEqualTo(1.700211234e9);
        ParsedSample uname = c.samples().getLast();
        assertThat(uname.labels().get("version")).isEqualTo("#1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 (2023-09-29)");
        assertThat(c.metadata().get("node_cpu_seconds_total"))
                .isEqualTo(new ExpositionCollector.Metadata(
                        MetricType.COUNTER, "Seconds the CPUs spent in each mode.", null));
    }

    @Test
    void parsesAGoClientPageWithASummaryAndAHistogram() {
        ExpositionCollector c = parseOk("go-client.prom", null);
        assertThat(c.samples()).hasSize(22);
        assertThat(sample(c, Labels.metric("go_gc_duration_seconds", "quantile", "0.25"))
                        .value())
                .isEqualTo(4.5301e-05);
        ParsedSample inf = sample(
                c,
                Labels.metric(
                        "http_request_duration_seconds_bucket",
                        "handler",
                        "/api/v1/query",
                        "method",
                        "get",
                        "le",
                        "+Inf"));
        assertThat(inf.value()).isEqualTo(1800);
        assertThat(inf.metricName()).isEqualTo("http_request_duration_seconds_bucket");
        assertThat(inf.timestampMs()).isEmpty();
        assertThat(c.metadata().get("go_gc_duration_seconds").type()).isEqualTo(MetricType.SUMMARY);
        assertThat(c.metadata().get("http_request_duration_seconds").type()).isEqualTo(MetricType.HISTOGRAM);
    }

    @Test
    void parsesMicrometerOutputWithTrailingCommasAndExponentValues() {
        ExpositionCollector c = parseOk("micrometer.prom", TEXT);
        assertThat(c.samples()).hasSize(13);
        assertThat(sample(
                                c,
                                Labels.metric(
                                        "jvm_memory_used_bytes",
                                        "application",
                                        "orders",
                                        "area",
                                        "heap",
                                        "id",
                                        "G1 Eden Space"))
                        .value())
                .isEqualTo(1.2582912E7);
        assertThat(c.samples().get(5).labels().get("uri")).isEqualTo("/api/orders/{id}");
        assertThat(c.metadata().get("http_server_requests_seconds").help()).isEmpty();
    }

    @Test
    void parsesOpenMetricsWithUnitsExemplarsCreatedLinesAndEof() {
        ExpositionCollector c = parseOk("openmetrics.om", OPENMETRICS);
        assertThat(c.samples())
                .extracting(ParsedSample::metricName)
                .containsExactly(
                        "acme_http_requests_total",
                        "acme_http_requests_created",
                        "acme_http_requests_total",
                        "acme_request_seconds_bucket",
                        "acme_request_seconds_bucket",
                        "acme_request_seconds_bucket",
                        "acme_request_seconds_count",
                        "acme_request_seconds_sum",
                        "acme_request_seconds_created",
                        "build_info",
                        "feature",
                        "feature",
                        "temperature",
                        "temperature",
                        "mystery");
        ParsedSample first = c.samples().getFirst();
        assertThat(first.timestampMs()).isEqualTo(OptionalLong.of(1_700_000_000_123L));
        assertThat(first.labels()).isEqualTo(Labels.metric("acme_http_requests_total", "code", "200", "path", "/"));
        assertThat(c.samples().get(2).value()).isEqualTo(3); // the exemplar's value 1 is ignored
        assertThat(c.samples().get(7).value()).isEqualTo(2.5);
        assertThat(c.samples().get(12).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(c.samples().get(13).value()).isNaN();
        assertThat(c.metadata().get("acme_http_requests"))
                .isEqualTo(new ExpositionCollector.Metadata(
                        MetricType.COUNTER, "Requests served, by \"code\" and path.\nSecond line.", "requests"));
        assertThat(c.metadata().get("build").type()).isEqualTo(MetricType.INFO);
        assertThat(c.metadata().get("feature").type()).isEqualTo(MetricType.STATESET);
        assertThat(c.metadata().get("mystery").type()).isEqualTo(MetricType.UNKNOWN);
    }
}
