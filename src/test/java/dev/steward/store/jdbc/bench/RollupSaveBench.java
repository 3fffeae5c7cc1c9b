package dev.steward.store.jdbc.bench;

import dev.steward.core.config.CheckId;
import dev.steward.core.rollup.Resolution;
import dev.steward.core.rollup.Rollup;
import dev.steward.core.rollup.RollupAccumulator;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcRollupStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Time to save one minute's 1-minute rollups of 1,000 checks (4 probes each, as with a 15 s interval) in one {@code
 * save} call: on a fresh bucket (the usual case, all rows new) and on buckets already stored (every row merged, as
 * after a restart). Prints the median and the 90th percentile of {@value #MEASURED} runs after {@value #WARMUP}
 * warm-up runs. Targets: a SQLite file in a temporary directory, and the PostgreSQL server at 127.0.0.1:5432 (user
 * postgres, database test) in a schema created and dropped for the run. Not a unit test: run by hand, see
 * bench/README.md.
 */
public final class RollupSaveBench {
    static final int CHECKS = 1_000;
    static final int WARMUP = 5;
    static final int MEASURED = 20;

    private RollupSaveBench() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "%d checks, 1m rollups of 4 probes, one save() per batch; %d runs after %d" + " warm-up%n",
                CHECKS,
                MEASURED,
                WARMUP);
        Path dir = Files.createTempDirectory("steward-bench");
        try (Database sqlite = Database.sqlite(dir)) {
            run("sqlite (WAL, synchronous=FULL)", sqlite);
        }
        String schema = "steward_bench_" + System.nanoTime();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                Statement s = admin.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            try (Database pg = Database.open(
                    "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema,
                    Optional.of("postgres"),
                    Optional.empty())) {
                run("postgresql 127.0.0.1", pg);
            } finally {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.out.println("postgresql 127.0.0.1: skipped, server not reachable: " + e.getMessage());
        }
    }

    private static void run(String name, Database database) {
        JdbcRollupStore store = new JdbcRollupStore(database);
        Instant minute = Instant.parse("2027-01-01T00:00:00Z");
        double[] fresh = new double[MEASURED];
        double[] merged = new double[MEASURED];
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            List<Rollup> batch = minuteOfRollups(minute.plusSeconds(60L * i), i);
            long t0 = System.nanoTime();
            store.save(batch);
            long t1 = System.nanoTime();
            store.save(batch);
            long t2 = System.nanoTime();
            if (i >= WARMUP) {
                fresh[i - WARMUP] = (t1 - t0) / 1e6;
                merged[i - WARMUP] = (t2 - t1) / 1e6;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%-32s new rows: median %7.1f ms, p90 %7.1f ms | merged rows: median %7.1f" + " ms, p90 %7.1f ms%n",
                name,
                median(fresh),
                p90(fresh),
                median(merged),
                p90(merged));
    }

    private static List<Rollup> minuteOfRollups(Instant start, long seed) {
        Random random = new Random(seed);
        RollupAccumulator accumulator = new RollupAccumulator();
        for (int c = 0; c < CHECKS; c++) {
            CheckId check = new CheckId("service-" + (c / 10), "check-" + (c % 10));
            for (int probe = 0; probe < 4; probe++) {
                long micros = 500 + (long) (random.nextDouble() * random.nextDouble() * 400_000);
                accumulator.record(
                        check,
                        start.plusSeconds(15L * probe),
                        random.nextInt(100) != 0,
                        Duration.ofNanos(micros * 1000));
            }
        }
        List<Rollup> minutes = new ArrayList<>();
        for (Rollup r : accumulator.drainAll()) {
            if (r.resolution() == Resolution.MINUTE) {
                minutes.add(r);
            }
        }
        return minutes;
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static double p90(double[] values) {
        return quantile(values, 0.9);
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(q * sorted.length) - 1];
    }
}
