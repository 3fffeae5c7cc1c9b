package dev.steward.core.series;

/**
 * How a {@link MemorySeriesStore} cuts chunks and how much chunk memory it may hold.
 *
 * @param samplesPerChunk a head chunk is closed when it holds this many samples (Prometheus uses 120)
 * @param maxChunkSpanMillis a head chunk is closed when a sample is this much newer than its first one, so slow
 *     series still age out chunk by chunk
 * @param chunkBytesBudget when {@link MemorySeriesStore#enforceBudget()} finds more chunk bytes than this, it drops
 *     the oldest closed chunks until 90 % of it is left; {@code Long.MAX_VALUE} for no budget
 * @param headInitialBytes first allocation of a head chunk's buffer; it doubles as needed and is trimmed at close
 */
public record SeriesStoreSettings(
        int samplesPerChunk, long maxChunkSpanMillis, long chunkBytesBudget, int headInitialBytes) {

    public static final SeriesStoreSettings DEFAULTS = new SeriesStoreSettings(120, 3_600_000, 256L << 20, 64);

    public SeriesStoreSettings {
        if (samplesPerChunk < 2) {
            throw new IllegalArgumentException("samplesPerChunk must be at least 2, got " + samplesPerChunk);
        }
        if (maxChunkSpanMillis < 1) {
            throw new IllegalArgumentException("maxChunkSpanMillis must be positive, got " + maxChunkSpanMillis);
        }
        if (chunkBytesBudget < 0) {
            throw new IllegalArgumentException("chunkBytesBudget must not be negative, got " + chunkBytesBudget);
        }
        if (headInitialBytes < 16) {
            throw new IllegalArgumentException("headInitialBytes must be at least 16, got " + headInitialBytes);
        }
    }

    public SeriesStoreSettings withChunkBytesBudget(long bytes) {
        return new SeriesStoreSettings(samplesPerChunk, maxChunkSpanMillis, bytes, headInitialBytes);
    }

    public SeriesStoreSettings withSamplesPerChunk(int samples) {
        return new SeriesStoreSettings(samples, maxChunkSpanMillis, chunkBytesBudget, headInitialBytes);
    }

    public SeriesStoreSettings withMaxChunkSpanMillis(long millis) {
        return new SeriesStoreSettings(samplesPerChunk, millis, chunkBytesBudget, headInitialBytes);
    }
}
