package dev.steward.core.rollup;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.steward.core.config.CheckId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds 1-minute and 1-hour {@link Rollup rollups} from probe results as they come in. Every result goes into the
 * open bucket of each resolution that contains its time; {@link #drainCompleted(Instant)} hands over the buckets that
 * have ended and forgets them. A result that arrives after its bucket was drained opens that bucket again; the store
 * merges the two parts. Normally a check has two open buckets (one per resolution), each with one latency sketch.
 *
 * <p>Pure and not thread-safe: one owner feeds it and drains it (the caller serialises access).
 */
public final class RollupAccumulator {
    private final Map<RollupKey, OpenBucket> open = new HashMap<>();

    /** Adds one probe result, finished at {@code at}, to the open buckets of both resolutions. */
    public void record(CheckId check, Instant at, boolean success, Duration latency) {
        LatencySketch.nanos(latency); // rejects a negative latency before any bucket changes
        for (Resolution resolution : Resolution.values()) {
            open.computeIfAbsent(RollupKey.containing(check, resolution, at), OpenBucket::new)
                    .add(success, latency);
        }
    }

    /**
     * Removes and returns every bucket whose end is at or before {@code now}, ordered by check, resolution and start.
     */
    public List<Rollup> drainCompleted(Instant now) {
        List<Rollup> done = new ArrayList<>();
        for (Iterator<OpenBucket> it = open.values().iterator(); it.hasNext(); ) {
            OpenBucket bucket = it.next();
            if (!bucket.key.bucketEnd().isAfter(now)) {
                done.add(bucket.toRollup());
                it.remove();
            }
        }
        done.sort((a, b) -> a.key().compareTo(b.key()));
        return done;
    }

    /** Removes and returns every bucket, ended or not (at shutdown: the store merges the rest in later). */
    public List<Rollup> drainAll() {
        List<Rollup> all = new ArrayList<>(open.size());
        for (OpenBucket bucket : open.values()) {
            all.add(bucket.toRollup());
        }
        open.clear();
        all.sort((a, b) -> a.key().compareTo(b.key()));
        return all;
    }

    /** How many buckets are open, for a gauge and for tests. */
    public int openBuckets() {
        return open.size();
    }

    private static final class OpenBucket {
        private final RollupKey key;
        private final DDSketch sketch = LatencySketch.newMutable();
        private long count;
        private long failures;
        private Duration min;
        private Duration max;
        private Duration sum = Duration.ZERO;

        OpenBucket(RollupKey key) {
            this.key = key;
        }

        void add(boolean success, Duration latency) {
            count++;
            if (!success) {
                failures++;
            }
            min = min == null || latency.compareTo(min) < 0 ? latency : min;
            max = max == null || latency.compareTo(max) > 0 ? latency : max;
            sum = sum.plus(latency);
            sketch.accept(LatencySketch.nanos(latency));
        }

        /** Called once, when the bucket is forgotten: the sketch goes with the rollup. */
        Rollup toRollup() {
            return new Rollup(
                    key.check(),
                    key.resolution(),
                    key.bucketStart(),
                    count,
                    failures,
                    min,
                    max,
                    sum,
                    LatencySketch.adopt(sketch));
        }
    }
}
