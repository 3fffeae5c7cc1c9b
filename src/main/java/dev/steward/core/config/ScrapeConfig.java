package dev.steward.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A service's metrics endpoint (Prometheus text format or OpenMetrics), scraped every {@code interval}; its samples
 * become series labelled {@code stack} and {@code service}.
 */
public record ScrapeConfig(URI url, Duration interval, Duration timeout, Map<String, Secret> headers) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
}
