package dev.steward.core.exposition;

import dev.steward.core.series.Labels;
import java.util.OptionalLong;

/**
 * Receives what a parse finds, in input order. A parse that ends in an error has already pushed the samples before
 * the bad line: a scraper buffers them and discards them all on error, as Prometheus does.
 */
public interface SampleHandler {
    /**
     * One sample line.
     *
     * @param metricName the sample's name as written ({@code http_requests_total}, {@code latency_bucket})
     * @param labels the sample's labels including {@code __name__}; labels with an empty value are dropped
     * @param timestampMs the line's timestamp in Unix milliseconds (OpenMetrics seconds are converted), if any
     */
    void sample(String metricName, Labels labels, double value, OptionalLong timestampMs);

    /** A {@code # HELP} line, its text unescaped. */
    default void help(String family, String help) {}

    /** A {@code # TYPE} line. */
    default void type(String family, MetricType type) {}

    /** An OpenMetrics {@code # UNIT} line. */
    default void unit(String family, String unit) {}
}
