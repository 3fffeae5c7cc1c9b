package dev.steward.core.config;

import java.util.Optional;

/**
 * The stack file's {@code console:} block: PromQL queries for the overview's performance panel, evaluated over
 * Steward's own series (what it scrapes). Without them the panel shows the probes' figures only.
 *
 * @param latency a query whose value is a latency in seconds (e.g. a p95 by {@code histogram_quantile})
 * @param throughput a query whose value is requests per second
 * @param errorRate a query whose value is the share of failed requests (0 to 1)
 */
public record ConsoleConfig(Optional<String> latency, Optional<String> throughput, Optional<String> errorRate) {
    public static final ConsoleConfig DEFAULTS =
            new ConsoleConfig(Optional.empty(), Optional.empty(), Optional.empty());
}
