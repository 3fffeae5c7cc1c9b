package dev.steward.core.rollup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The width of a rollup bucket. Buckets are aligned on the Unix epoch: a 1-hour bucket starts on a whole UTC hour. */
public enum Resolution {
    MINUTE("1m", Duration.ofMinutes(1)),
    HOUR("1h", Duration.ofHours(1));

    private final String label;
    private final Duration width;
    private final long widthMillis;

    Resolution(String label, Duration width) {
        this.label = label;
        this.width = width;
        this.widthMillis = width.toMillis();
    }

    /** The stable short name used in storage and in the API ({@code 1m}, {@code 1h}). */
    public String label() {
        return label;
    }

    public Duration width() {
        return width;
    }

    /** The start of the bucket that contains {@code at}. */
    public Instant bucketStart(Instant at) {
        long millis = at.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(millis, widthMillis) * widthMillis);
    }

    /** Whether {@code at} is the start of one of this resolution's buckets. */
    public boolean isBucketStart(Instant at) {
        return at.getNano() % 1_000_000 == 0 && Math.floorMod(at.toEpochMilli(), widthMillis) == 0;
    }

    public static Optional<Resolution> fromLabel(String label) {
        for (Resolution r : values()) {
            if (r.label.equals(label)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
