package dev.steward.core.series;

import java.util.Arrays;

/**
 * One series: its labels, its closed chunks (an array replaced, never modified, so a reader may keep it) and its open
 * head chunk. Every change and every snapshot happens under this object's monitor, held only for the few hundred
 * nanoseconds an append takes, so appends to different series never wait for each other.
 */
final class Series implements SeriesRef {
    private static final Chunk[] NO_CHUNKS = new Chunk[0];

    /** Heap bytes of this object besides its labels and chunks. */
    static final int OVERHEAD_BYTES = 48;

    final long id;
    private final Labels labels;
    private Chunk[] closed = NO_CHUNKS;
    private HeadChunk head;
    private volatile boolean removed;

    Series(long id, Labels labels) {
        this.id = id;
        this.labels = labels;
    }

    @Override
    public Labels labels() {
        return labels;
    }

    boolean isRemoved() {
        return removed;
    }

    /** Appends a sample, or returns null when the series was removed and the caller must re-create it. */
    synchronized AppendOutcome append(long t, double v, StoreCounters counters, SeriesStoreSettings settings) {
        if (removed) {
            return null;
        }
        if (head == null) {
            head = new HeadChunk(t, v, settings.headInitialBytes());
            counters.chunkAllocated(head.capacityBytes());
        } else if (t <= head.maxT()) {
            return t == head.maxT() ? counters.duplicate() : counters.outOfOrder();
        } else if (head.count() >= settings.samplesPerChunk() || t - head.minT() >= settings.maxChunkSpanMillis()) {
            int lastSize = cutHead(counters);
            // the next chunk of a series is usually about as big as the last one: start there, not at the minimum
            head = new HeadChunk(t, v, Math.max(settings.headInitialBytes(), lastSize + lastSize / 16 + 8));
            counters.chunkAllocated(head.capacityBytes());
        } else {
            counters.chunkGrew(head.append(t, v));
        }
        counters.sampleAppended();
        return AppendOutcome.APPENDED;
    }

    private int cutHead(StoreCounters counters) {
        Chunk done = head.close();
        counters.chunkClosed(head.capacityBytes(), done.payloadBytes());
        Chunk[] next = Arrays.copyOf(closed, closed.length + 1);
        next[closed.length] = done;
        closed = next;
        return done.payloadBytes();
    }

    /** The chunks as they are now, oldest first; the open head appears as a fixed view. Empty once removed. */
    synchronized Chunk[] snapshot() {
        if (removed || head == null) {
            return closed;
        }
        Chunk[] all = Arrays.copyOf(closed, closed.length + 1);
        all[closed.length] = head.view();
        return all;
    }

    /** Bytes used so far in the open head chunk (not its spare capacity). */
    synchronized int headPayloadBytes() {
        return head == null ? 0 : head.usedBytes();
    }

    synchronized Chunk[] closedChunks() {
        return closed;
    }

    /** Drops every chunk whose newest sample is older than {@code t}, the head included. */
    synchronized void truncateBefore(long t, StoreCounters counters) {
        int k = 0;
        while (k < closed.length && closed[k].maxT() < t) {
            k++;
        }
        dropOldestClosed(k, counters, false);
        if (k == closed.length && head != null && head.maxT() < t) {
            counters.dropped(1, head.count(), Chunk.OVERHEAD_BYTES + head.capacityBytes(), 0, false);
            head = null;
        }
    }

    /** Drops the {@code k} oldest closed chunks. */
    synchronized void dropOldestClosed(int k, StoreCounters counters, boolean forBudget) {
        if (k == 0) {
            return;
        }
        long samples = 0;
        long payload = 0;
        for (int i = 0; i < k; i++) {
            samples += closed[i].count();
            payload += closed[i].payloadBytes();
        }
        counters.dropped(k, samples, (long) k * Chunk.OVERHEAD_BYTES + payload, payload, forBudget);
        closed = k == closed.length ? NO_CHUNKS : Arrays.copyOfRange(closed, k, closed.length);
    }

    /** Marks the series removed if it holds no sample; an append after this re-creates it. */
    synchronized boolean removeIfEmpty() {
        if (head == null && closed.length == 0) {
            removed = true;
        }
        return removed;
    }
}
