package dev.steward.promapi;

import dev.steward.core.series.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the Prometheus API needs: queries, series metadata, and the rule and alert views. */
public interface PrometheusBackend {

    QueryResult instant(String query, Instant time, Duration timeout);

    QueryResult range(String query, Instant start, Instant end, Duration step, Duration timeout);

    /**
     * Series matching any of the selectors ({@code match[]}), between start and end.
     *
     * @throws IllegalArgumentException with a message when a selector does not parse
     */
    List<Labels> series(List<String> matchers, Instant start, Instant end);

    List<String> labelNames(List<String> matchers, Instant start, Instant end);

    List<String> labelValues(String name, List<String> matchers, Instant start, Instant end);

    /** The {@code data} of {@code /api/v1/rules}: {@code {"groups":[...]}} in Prometheus's shape. */
    Map<String, Object> rules(String type);

    /** The {@code data} of {@code /api/v1/alerts}: {@code {"alerts":[...]}} in Prometheus's shape. */
    Map<String, Object> alerts();

    Instant now();

    String version();
}
