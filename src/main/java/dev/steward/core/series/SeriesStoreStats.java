package dev.steward.core.series;

/**
 * The store's size and its totals since it started, for Steward's own {@code /metrics} and for the benchmarks.
 *
 * @param series live series
 * @param samples samples held now
 * @param chunks chunks held now, open heads included
 * @param chunkBytes heap held by chunks: payload arrays (heads at their allocated capacity) plus per-chunk object
 *     overhead; this is what the memory budget limits
 * @param chunkPayloadBytes encoded bytes actually used by the samples held (closed chunks plus the used part of heads)
 * @param indexBytes estimated heap of the label index, label sets and series objects, without chunks
 * @param outOfOrderTotal samples rejected because older than their series' newest sample
 * @param duplicateTotal samples rejected because their timestamp equals their series' newest sample's
 * @param retentionDroppedChunks chunks dropped by {@link SeriesStore#truncateBefore}
 * @param retentionDroppedSamples samples dropped by {@link SeriesStore#truncateBefore}
 * @param budgetDroppedChunks chunks dropped by {@link SeriesStore#enforceBudget}
 * @param budgetDroppedSamples samples dropped by {@link SeriesStore#enforceBudget}
 * @param seriesRemovedTotal series removed because retention left them empty
 */
public record SeriesStoreStats(
        long series,
        long samples,
        long chunks,
        long chunkBytes,
        long chunkPayloadBytes,
        long indexBytes,
        long outOfOrderTotal,
        long duplicateTotal,
        long retentionDroppedChunks,
        long retentionDroppedSamples,
        long budgetDroppedChunks,
        long budgetDroppedSamples,
        long seriesRemovedTotal) {

    /** Encoded bytes per sample held (payload only); 0 when empty. */
    public double payloadBytesPerSample() {
        return samples == 0 ? 0 : (double) chunkPayloadBytes / samples;
    }

    /** Chunk heap per sample held, object overhead and spare head capacity included; 0 when empty. */
    public double chunkBytesPerSample() {
        return samples == 0 ? 0 : (double) chunkBytes / samples;
    }
}
