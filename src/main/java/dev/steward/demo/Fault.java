package dev.steward.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fault injected into one demo service. A service carries at most one fault; a new one replaces the old. */
public sealed interface Fault {

    /** The fault's name in the fault API ({@code down}, {@code error}, {@code slow}, {@code status}, ...). */
    String kind();

    /** The fault's parameters as they appear in the fault API, besides {@code service} and {@code fault}. */
    default Map<String, Object> parameters() {
        return Map.of();
    }

    /** The service stops listening: its port refuses connections until the fault is cleared. */
    record Down() implements Fault {
        public String kind() {
            return "down";
        }
    }

    /** Every route of the service (but {@code /metrics}) answers HTTP 500. */
    record ServerError() implements Fault {
        public String kind() {
            return "error";
        }
    }

    /** Every route of the service (but {@code /metrics}) answers only after {@code latency}. */
    record Slow(Duration latency) implements Fault {
        public static final long MAX_MILLIS = 60_000;

        public Slow {
            if (latency.isNegative() || latency.isZero() || latency.toMillis() > MAX_MILLIS) {
                throw new IllegalArgumentException(
                        "latency must be between 1 ms and " + MAX_MILLIS + " ms, was " + latency.toMillis() + " ms");
            }
        }

        public String kind() {
            return "slow";
        }

        public Map<String, Object> parameters() {
            return Map.of("latency_ms", latency.toMillis());
        }
    }

    /** The search node reports this cluster status ({@code yellow} or {@code red}) in {@code _cluster/health}. */
    record ClusterStatus(String status) implements Fault {
        public static final List<String> ALLOWED = List.of("yellow", "red");

        public ClusterStatus {
            if (!ALLOWED.contains(status)) {
                throw new IllegalArgumentException("status must be one of " + ALLOWED + ", was " + status);
            }
        }

        public String kind() {
            return "status";
        }

        public Map<String, Object> parameters() {
            return Map.of("status", status);
        }
    }

    /** One entry of the API's {@code /health/detailed} reports {@code status} ({@code Unhealthy} or {@code Degraded}). */
    record Dependency(String entry, String status) implements Fault {
        public static final List<String> ENTRIES = List.of("database", "cache", "search");
        public static final List<String> STATUSES = List.of("Unhealthy", "Degraded");

        public Dependency {
            if (!ENTRIES.contains(entry)) {
                throw new IllegalArgumentException("entry must be one of " + ENTRIES + ", was " + entry);
            }
            if (!STATUSES.contains(status)) {
                throw new IllegalArgumentException("status must be one of " + STATUSES + ", was " + status);
            }
        }

        public String kind() {
            return "dependency";
        }

        public Map<String, Object> parameters() {
            var p = new LinkedHashMap<String, Object>();
            p.put("entry", entry);
            p.put("status", status);
            return p;
        }
    }
}
