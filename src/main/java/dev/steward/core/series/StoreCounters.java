package dev.steward.core.series;

import java.util.concurrent.atomic.LongAdder;

/** The store's running totals, updated by many appending threads without a shared lock. */
final class StoreCounters {
    final LongAdder samples = new LongAdder();
    final LongAdder chunks = new LongAdder();
    final LongAdder chunkBytes = new LongAdder();
    final LongAdder closedPayloadBytes = new LongAdder();
    final LongAdder outOfOrder = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder retentionChunks = new LongAdder();
    final LongAdder retentionSamples = new LongAdder();
    final LongAdder budgetChunks = new LongAdder();
    final LongAdder budgetSamples = new LongAdder();
    final LongAdder droppedTotalSamples = new LongAdder();
    final LongAdder seriesRemoved = new LongAdder();

    void sampleAppended() {
        samples.increment();
    }

    void chunkAllocated(int capacity) {
        chunks.increment();
        chunkBytes.add(Chunk.OVERHEAD_BYTES + capacity);
    }

    void chunkGrew(int bytes) {
        if (bytes != 0) {
            chunkBytes.add(bytes);
        }
    }

    void chunkClosed(int headCapacity, int payload) {
        chunkBytes.add(payload - headCapacity);
        closedPayloadBytes.add(payload);
    }

    void dropped(long chunkCount, long sampleCount, long bytes, long closedPayload, boolean forBudget) {
        chunks.add(-chunkCount);
        closedPayloadBytes.add(-closedPayload);
        samples.add(-sampleCount);
        chunkBytes.add(-bytes);
        droppedTotalSamples.add(sampleCount);
        (forBudget ? budgetChunks : retentionChunks).add(chunkCount);
        (forBudget ? budgetSamples : retentionSamples).add(sampleCount);
    }

    AppendOutcome outOfOrder() {
        outOfOrder.increment();
        return AppendOutcome.OUT_OF_ORDER;
    }

    AppendOutcome duplicate() {
        duplicates.increment();
        return AppendOutcome.DUPLICATE_TIMESTAMP;
    }
}
