package dev.steward.core.exposition;

import java.util.Optional;

/** The type of a metric family, as declared by a {@code # TYPE} line. */
public enum MetricType {
    COUNTER("counter", "counter"),
    GAUGE("gauge", "gauge"),
    HISTOGRAM("histogram", "histogram"),
    GAUGE_HISTOGRAM(null, "gaugehistogram"),
    SUMMARY("summary", "summary"),
    INFO(null, "info"),
    STATESET(null, "stateset"),
    /** {@code untyped} in the Prometheus text format, {@code unknown} in OpenMetrics. */
    UNKNOWN("untyped", "unknown");

    private final String textName;
    private final String openMetricsName;

    MetricType(String textName, String openMetricsName) {
        this.textName = textName;
        this.openMetricsName = openMetricsName;
    }

    /** The keyword in the Prometheus text format 0.0.4; types that format lacks are written as {@code untyped}. */
    public String textName() {
        return textName == null ? UNKNOWN.textName : textName;
    }

    public String openMetricsName() {
        return openMetricsName;
    }

    /** The type a {@code # TYPE} keyword names in the given format, or empty when the format has no such type. */
    public static Optional<MetricType> fromKeyword(String keyword, ExpositionFormat format) {
        for (MetricType t : values()) {
            String name = format == ExpositionFormat.OPENMETRICS ? t.openMetricsName : t.textName;
            if (keyword.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
