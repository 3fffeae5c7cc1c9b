package dev.steward.core.rollup;

import dev.steward.core.config.CheckId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/** Identity of a rollup bucket: one check, one resolution, one bucket start. Ordered by check, resolution, time. */
public record RollupKey(CheckId check, Resolution resolution, Instant bucketStart) implements Comparable<RollupKey> {
    private static final Comparator<RollupKey> ORDER = Comparator.comparing(RollupKey::check)
            .thenComparing(RollupKey::resolution)
            .thenComparing(RollupKey::bucketStart);

    public RollupKey {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(bucketStart, "bucketStart");
        if (!resolution.isBucketStart(bucketStart)) {
            throw new IllegalArgumentException("bucket start " + bucketStart + " of " + check
                    + " is not aligned to a " + resolution.label() + " bucket (expected "
                    + resolution.bucketStart(bucketStart) + ")");
        }
    }

    /** The key of the bucket of {@code resolution} that contains {@code at}. */
    public static RollupKey containing(CheckId check, Resolution resolution, Instant at) {
        return new RollupKey(check, resolution, resolution.bucketStart(at));
    }

    /** The first instant after this bucket. */
    public Instant bucketEnd() {
        return bucketStart.plus(resolution.width());
    }

    @Override
    public int compareTo(RollupKey o) {
        return ORDER.compare(this, o);
    }
}
