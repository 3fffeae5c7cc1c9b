package dev.steward.store.jdbc;

import dev.steward.core.config.CheckId;
import dev.steward.core.rollup.LatencySketch;
import dev.steward.core.rollup.Resolution;
import dev.steward.core.rollup.Rollup;
import dev.steward.core.rollup.RollupKey;
import dev.steward.core.rollup.RollupStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link RollupStore} in the {@code check_rollup} table. A save runs in one transaction: one batched {@code INSERT ...
 * ON CONFLICT DO NOTHING} for all rollups (the usual case: a bucket saved once), then, for the buckets already stored,
 * a read of their rows (locked {@code FOR UPDATE} on PostgreSQL; SQLite transactions hold the write lock from their
 * start), a merge in Java (the sketch cannot be merged in SQL) and one batched update. Rows are inserted in key order
 * and locked in primary-key order, so concurrent savers take row locks in the same order; a deadlock or serialization
 * failure that PostgreSQL still reports, or a row deleted (by retention) between the insert and the read, makes {@link
 * Database#inTransaction} run the whole save again.
 */
public final class JdbcRollupStore implements RollupStore {
    private static final String COLUMNS =
            "service, check_name, resolution, bucket_start_ms, probe_count, failure_count,"
                    + " latency_min_ns, latency_max_ns, latency_sum_ns, latency_sketch";
    private static final String KEY =
            "service = :service AND check_name = :check AND resolution = :resolution AND bucket_start_ms = :start";

    /** Keys per locking read: 4 parameters each, far below SQLite's and PostgreSQL's parameter limits. */
    private static final int MERGE_CHUNK = 250;

    private final Database database;

    public JdbcRollupStore(Database database) {
        this.database = database;
    }

    @Override
    public void save(List<Rollup> rollups) {
        if (rollups.isEmpty()) {
            return;
        }
        NavigableMap<RollupKey, Rollup> byKey = new TreeMap<>();
        for (Rollup rollup : rollups) {
            byKey.merge(rollup.key(), rollup, Rollup::merge);
        }
        List<Rollup> sorted = List.copyOf(byKey.values());
        database.inTransaction(handle -> {
            List<Rollup> existing = insertNew(handle, sorted);
            if (!existing.isEmpty()) {
                mergeIntoStored(handle, existing);
            }
            return null;
        });
    }

    /** Inserts the rollups whose bucket is not stored yet; returns the others. */
    private static List<Rollup> insertNew(Handle handle, List<Rollup> sorted) {
        PreparedBatch batch = handle.prepareBatch("INSERT INTO check_rollup (" + COLUMNS + ") VALUES (:service,"
                + " :check, :resolution, :start, :count, :failures, :min, :max, :sum, :sketch)"
                + " ON CONFLICT (service, check_name, resolution, bucket_start_ms) DO NOTHING");
        for (Rollup rollup : sorted) {
            bindRow(batch, rollup).add();
        }
        int[] inserted = batch.execute();
        List<Rollup> existing = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == 0) {
                existing.add(sorted.get(i));
            } else if (inserted[i] != 1) {
                throw new IllegalStateException("the database answered update count " + inserted[i]
                        + " for one row of a batched insert, expected 0 or 1;"
                        + " remove reWriteBatchedInserts=true from the database URL");
            }
        }
        return existing;
    }

    /** Reads the stored rows of {@code existing} (locked), merges each in Java and writes them back in one batch. */
    private void mergeIntoStored(Handle handle, List<Rollup> existing) {
        PreparedBatch update = handle.prepareBatch("UPDATE check_rollup SET probe_count = :count,"
                + " failure_count = :failures, latency_min_ns = :min, latency_max_ns = :max, latency_sum_ns = :sum,"
                + " latency_sketch = :sketch WHERE " + KEY);
        for (int from = 0; from < existing.size(); from += MERGE_CHUNK) {
            List<Rollup> chunk = existing.subList(from, Math.min(existing.size(), from + MERGE_CHUNK));
            Map<RollupKey, Rollup> stored = readLocked(handle, chunk);
            for (Rollup rollup : chunk) {
                Rollup old = stored.get(rollup.key());
                if (old == null) {
                    throw new ConcurrentChangeException("rollup " + rollup.key()
                            + " was stored when inserting but gone when read back for merging");
                }
                bindRow(update, old.merge(rollup)).add();
            }
        }
        update.execute();
    }

    /** The stored rows of {@code keys}, locked in key order on PostgreSQL. */
    private Map<RollupKey, Rollup> readLocked(Handle handle, List<Rollup> keys) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM check_rollup"
                + " WHERE (service, check_name, resolution, bucket_start_ms) IN (");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(:s")
                    .append(i)
                    .append(", :c")
                    .append(i)
                    .append(", :r")
                    .append(i)
                    .append(", :t")
                    .append(i)
                    .append(')');
        }
        sql.append(") ORDER BY service, check_name, resolution, bucket_start_ms")
                .append(database.lockClause());
        Query query = handle.createQuery(sql.toString());
        for (int i = 0; i < keys.size(); i++) {
            Rollup key = keys.get(i);
            query.bind("s" + i, key.check().service())
                    .bind("c" + i, key.check().check())
                    .bind("r" + i, key.resolution().label())
                    .bind("t" + i, key.bucketStart().toEpochMilli());
        }
        Map<RollupKey, Rollup> stored = new HashMap<>();
        query.map((rs, ctx) -> read(rs)).forEach(r -> stored.put(r.key(), r));
        return stored;
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindRow(S statement, Rollup rollup) {
        return statement
                .bind("service", rollup.check().service())
                .bind("check", rollup.check().check())
                .bind("resolution", rollup.resolution().label())
                .bind("start", rollup.bucketStart().toEpochMilli())
                .bind("count", rollup.count())
                .bind("failures", rollup.failures())
                .bind("min", rollup.minLatency().toNanos())
                .bind("max", rollup.maxLatency().toNanos())
                .bind("sum", rollup.latencySum().toNanos())
                .bind("sketch", rollup.sketch().toBytes());
    }

    @Override
    public List<Rollup> query(CheckId check, Resolution resolution, Instant from, Instant to) {
        return database.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM check_rollup"
                        + " WHERE service = :service AND check_name = :check AND resolution = :resolution"
                        + " AND bucket_start_ms >= :from AND bucket_start_ms < :to ORDER BY bucket_start_ms")
                .bind("service", check.service())
                .bind("check", check.check())
                .bind("resolution", resolution.label())
                .bind("from", ceilMillis(from))
                .bind("to", ceilMillis(to))
                .map((rs, ctx) -> read(rs))
                .list());
    }

    @Override
    public long[] totals(Resolution resolution, Instant from, Instant to) {
        return database.withHandle(handle -> handle.createQuery(
                        "SELECT COALESCE(SUM(probe_count), 0), COALESCE(SUM(failure_count), 0) FROM check_rollup"
                                + " WHERE resolution = :resolution AND bucket_start_ms >= :from AND bucket_start_ms < :to")
                .bind("resolution", resolution.label())
                .bind("from", ceilMillis(from))
                .bind("to", ceilMillis(to))
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .one());
    }

    @Override
    public int deleteBefore(Resolution resolution, Instant before) {
        return database.inTransaction(handle -> handle.createUpdate(
                        "DELETE FROM check_rollup WHERE resolution = :resolution AND bucket_start_ms < :before")
                .bind("resolution", resolution.label())
                .bind("before", ceilMillis(before))
                .execute());
    }

    /**
     * Bucket starts are whole milliseconds, so {@code start >= t} and {@code start < t} hold exactly when they hold
     * for {@code t} rounded up to the millisecond.
     */
    static long ceilMillis(Instant t) {
        long millis = t.toEpochMilli();
        return t.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }

    private static Rollup read(ResultSet rs) throws SQLException {
        CheckId check = new CheckId(rs.getString("service"), rs.getString("check_name"));
        String label = rs.getString("resolution");
        long start = rs.getLong("bucket_start_ms");
        Resolution resolution = Resolution.fromLabel(label)
                .orElseThrow(() -> new IllegalStateException("check_rollup row " + check + " at " + start
                        + " has resolution '" + label + "', expected one of 1m, 1h"));
        return new Rollup(
                check,
                resolution,
                Instant.ofEpochMilli(start),
                rs.getLong("probe_count"),
                rs.getLong("failure_count"),
                Duration.ofNanos(rs.getLong("latency_min_ns")),
                Duration.ofNanos(rs.getLong("latency_max_ns")),
                Duration.ofNanos(rs.getLong("latency_sum_ns")),
                LatencySketch.fromBytes(rs.getBytes("latency_sketch")));
    }
}
