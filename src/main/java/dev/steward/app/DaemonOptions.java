package dev.steward.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@code steward run} is started.
 *
 * @param dataDir where the SQLite store lives (default {@code ./steward-data})
 * @param storeUrl a JDBC URL that replaces SQLite ({@code jdbc:postgresql://host/db})
 * @param seriesRetention how long in-memory samples are kept (default 15 days, as Prometheus)
 * @param seriesBudgetBytes the in-memory chunk budget; the oldest chunks go first beyond it
 */
public record DaemonOptions(
        Path configFile,
        Path dataDir,
        Optional<String> storeUrl,
        Optional<String> storeUser,
        Optional<String> storePassword,
        String host,
        int port,
        Duration seriesRetention,
        long seriesBudgetBytes) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8420;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(15);
    public static final long DEFAULT_BUDGET = 256L << 20;
}
