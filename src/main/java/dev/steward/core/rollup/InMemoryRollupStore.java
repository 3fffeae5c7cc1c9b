package dev.steward.core.rollup;

import dev.steward.core.config.CheckId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A {@link RollupStore} in a sorted map: for tests, and for a daemon run without a data directory. */
public final class InMemoryRollupStore implements RollupStore {
    private final NavigableMap<RollupKey, Rollup> rollups = new TreeMap<>();

    @Override
    public synchronized void save(List<Rollup> batch) {
        for (Rollup rollup : batch) {
            rollups.merge(rollup.key(), rollup, Rollup::merge);
        }
    }

    @Override
    public synchronized List<Rollup> query(CheckId check, Resolution resolution, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        RollupKey low = RollupKey.containing(check, resolution, from);
        RollupKey high = RollupKey.containing(check, resolution, to);
        List<Rollup> found = new ArrayList<>();
        for (Rollup rollup : rollups.subMap(low, true, high, true).values()) {
            Instant start = rollup.bucketStart();
            if (!start.isBefore(from) && start.isBefore(to)) {
                found.add(rollup);
            }
        }
        return found;
    }

    @Override
    public synchronized long[] totals(Resolution resolution, Instant from, Instant to) {
        long probes = 0;
        long failures = 0;
        for (Rollup r : rollups.values()) {
            Instant start = r.bucketStart();
            if (r.key().resolution() == resolution && !start.isBefore(from) && start.isBefore(to)) {
                probes += r.count();
                failures += r.failures();
            }
        }
        return new long[] {probes, failures};
    }

    @Override
    public synchronized int deleteBefore(Resolution resolution, Instant before) {
        int deleted = 0;
        for (var it = rollups.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<RollupKey, Rollup> entry = it.next();
            RollupKey key = entry.getKey();
            if (key.resolution() == resolution && key.bucketStart().isBefore(before)) {
                it.remove();
                deleted++;
            }
        }
        return deleted;
    }
}
