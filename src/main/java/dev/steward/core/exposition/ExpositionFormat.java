package dev.steward.core.exposition;

import java.util.Locale;

/** The two text formats a scrape may answer with, told apart by the response's content type. */
public enum ExpositionFormat {
    /** {@code text/plain; version=0.0.4}: timestamps in milliseconds, no {@code # EOF}. */
    PROMETHEUS_TEXT,
    /** {@code application/openmetrics-text; version=1.0.0}: timestamps in seconds, ends with {@code # EOF}. */
    OPENMETRICS;

    /** OpenMetrics when the content type says so; the Prometheus text format otherwise (also for a missing one). */
    public static ExpositionFormat fromContentType(String contentType) {
        if (contentType != null
                && contentType.toLowerCase(Locale.ROOT).strip().startsWith("application/openmetrics-text")) {
            return OPENMETRICS;
        }
        return PROMETHEUS_TEXT;
    }
}
