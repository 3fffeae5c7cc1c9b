package dev.steward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpMetricsTest {

    @Test
    void rendersCountersByCodeAndACumulativeHistogram() {
        var metrics = new HttpMetrics();
        metrics.record("/api/documents", 200, 3_000_000); // 3 ms
        metrics.record("/api/documents", 200, 70_000_000); // 70 ms
        metrics.record("/api/documents", 500, 20_000_000_000L); // 20 s, beyond the last bucket

        String text = metrics.render();

        assertThat(text)
                .contains("http_requests_total{handler=\"/api/documents\",code=\"200\"} 2\n")
                .contains("http_requests_total{handler=\"/api/documents\",code=\"500\"} 1\n")
                .contains("http_request_duration_seconds_bucket{handler=\"/api/documents\",le=\"0.005\"} 1\n")
                .contains("http_request_duration_seconds_bucket{handler=\"/api/documents\",le=\"0.05\"} 1\n")
                .contains("http_request_duration_seconds_bucket{handler=\"/api/documents\",le=\"0.1\"} 2\n")
                .contains("http_request_duration_seconds_bucket{handler=\"/api/documents\",le=\"10\"} 2\n")
                .contains("http_request_duration_seconds_bucket{handler=\"/api/documents\",le=\"+Inf\"} 3\n")
                .contains("http_request_duration_seconds_count{handler=\"/api/documents\"} 3\n")
                .contains("http_request_duration_seconds_sum{handler=\"/api/documents\"} 20.073\n");
    }

    @Test
    void declaresEachFamilyOnceBeforeItsSamples() {
        var metrics = new HttpMetrics();
        metrics.record("/health", 200, 1_000_000);
        metrics.record("/api/documents", 200, 1_000_000);
        String text = metrics.render();
        assertThat(text.indexOf("# TYPE http_requests_total counter")).isLessThan(text.indexOf("http_requests_total{"));
        assertThat(text.split("# TYPE http_request_duration_seconds histogram", -1))
                .hasSize(2);
        assertThat(text).endsWith("\n");
    }

    @Test
    void formatsDurationsLikeDotNetTimeSpans() {
        assertThat(HealthDuration.format(12_345_600)).isEqualTo("00:00:00.0123456");
        assertThat(HealthDuration.format(3_723_500_000_000L)).isEqualTo("01:02:03.5000000");
    }
}
