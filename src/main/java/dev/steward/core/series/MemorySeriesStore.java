package dev.steward.core.series;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The in-memory series store: an inverted label index ({@link LabelIndex}) over series of Gorilla-compressed chunks.
 * Appends lock only their own series; selections lock the index for reading and each series for the instant its
 * snapshot takes. Retention ({@link #truncateBefore}) and the memory budget ({@link #enforceBudget}) run when the
 * caller asks, one pass at a time.
 */
public final class MemorySeriesStore implements SeriesStore {
    private final SeriesStoreSettings settings;
    private final LabelIndex index = new LabelIndex();
    private final StoreCounters counters = new StoreCounters();
    private final Object maintenance = new Object();

    public MemorySeriesStore(SeriesStoreSettings settings) {
        this.settings = settings;
    }

    public MemorySeriesStore() {
        this(SeriesStoreSettings.DEFAULTS);
    }

    public SeriesStoreSettings settings() {
        return settings;
    }

    @Override
    public SeriesRef getOrCreate(Labels labels) {
        return index.getOrCreate(labels);
    }

    @Override
    public AppendOutcome append(SeriesRef ref, long timestampMillis, double value) {
        Series s = (Series) ref;
        AppendOutcome outcome = s.append(timestampMillis, value, counters, settings);
        while (outcome == null) { // removed by retention since the caller got its handle: re-create it
            s = index.getOrCreate(s.labels());
            outcome = s.append(timestampMillis, value, counters, settings);
        }
        return outcome;
    }

    @Override
    public AppendOutcome append(Labels labels, long timestampMillis, double value) {
        return append(index.getOrCreate(labels), timestampMillis, value);
    }

    @Override
    public List<SelectedSeries> select(List<LabelMatcher> matchers, long minT, long maxT) {
        List<SelectedSeries> out = new ArrayList<>();
        for (Series s : index.select(matchers)) {
            Chunk[] chunks = s.snapshot();
            if (chunks.length > 0 && new SelectedSeries.RangeIterator(chunks, minT, maxT).next()) {
                out.add(new SelectedSeries(s.labels(), chunks, minT, maxT));
            }
        }
        out.sort(Comparator.comparing(SelectedSeries::labels));
        return out;
    }

    @Override
    public List<Labels> series(List<LabelMatcher> matchers, long minT, long maxT) {
        return select(matchers, minT, maxT).stream().map(SelectedSeries::labels).toList();
    }

    @Override
    public List<String> labelNames(List<LabelMatcher> matchers) {
        if (matchers.isEmpty()) {
            return index.names().stream().sorted().toList();
        }
        TreeSet<String> names = new TreeSet<>();
        for (Series s : index.select(matchers)) {
            Labels l = s.labels();
            for (int i = 0; i < l.size(); i++) {
                names.add(l.nameAt(i));
            }
        }
        return List.copyOf(names);
    }

    @Override
    public List<String> labelValues(String name, List<LabelMatcher> matchers) {
        if (matchers.isEmpty()) {
            return index.values(name).stream().sorted().toList();
        }
        TreeSet<String> values = new TreeSet<>();
        for (Series s : index.select(matchers)) {
            String v = s.labels().get(name);
            if (v != null) {
                values.add(v);
            }
        }
        return List.copyOf(values);
    }

    @Override
    public Dropped truncateBefore(long t) {
        synchronized (maintenance) {
            long chunksBefore = counters.retentionChunks.sum();
            long samplesBefore = counters.retentionSamples.sum();
            List<Series> empty = new ArrayList<>();
            for (Series s : index.allSeries()) {
                s.truncateBefore(t, counters);
                if (s.removeIfEmpty()) {
                    empty.add(s);
                }
            }
            index.removeAll(empty);
            counters.seriesRemoved.add(empty.size());
            return new Dropped(
                    counters.retentionChunks.sum() - chunksBefore,
                    counters.retentionSamples.sum() - samplesBefore,
                    empty.size());
        }
    }

    @Override
    public Dropped enforceBudget() {
        synchronized (maintenance) {
            long excess = counters.chunkBytes.sum() - settings.chunkBytesBudget();
            if (excess <= 0) {
                return Dropped.NOTHING;
            }
            excess += settings.chunkBytesBudget() / 10; // leave head room so the next pass is not right away
            Map<Series, Integer> toDrop = oldestClosedChunks(excess);
            long chunksBefore = counters.budgetChunks.sum();
            long samplesBefore = counters.budgetSamples.sum();
            toDrop.forEach((s, k) -> s.dropOldestClosed(k, counters, true));
            return new Dropped(
                    counters.budgetChunks.sum() - chunksBefore, counters.budgetSamples.sum() - samplesBefore, 0);
        }
    }

    /**
     * Picks the closed chunks with the oldest newest-sample until their bytes reach {@code bytes}; per series they
     * are always its first ones, so the answer is a count per series. Only closed chunks are candidates: heads hold
     * the newest data.
     */
    private Map<Series, Integer> oldestClosedChunks(long bytes) {
        record Candidate(Series series, long maxT, int bytes) {}
        List<Candidate> candidates = new ArrayList<>();
        for (Series s : index.allSeries()) {
            for (Chunk c : s.closedChunks()) {
                candidates.add(new Candidate(s, c.maxT(), Chunk.OVERHEAD_BYTES + c.payloadBytes()));
            }
        }
        candidates.sort(Comparator.comparingLong(Candidate::maxT));
        Map<Series, Integer> counts = new IdentityHashMap<>();
        long freed = 0;
        for (Candidate c : candidates) {
            if (freed >= bytes) {
                break;
            }
            counts.merge(c.series(), 1, Integer::sum);
            freed += c.bytes();
        }
        return counts;
    }

    @Override
    public SeriesStoreStats stats() {
        long headPayload = 0;
        for (Series s : index.allSeries()) {
            headPayload += s.headPayloadBytes();
        }
        StoreCounters c = counters;
        return new SeriesStoreStats(
                index.seriesCount(),
                c.samples.sum(),
                c.chunks.sum(),
                c.chunkBytes.sum(),
                c.closedPayloadBytes.sum() + headPayload,
                index.estimatedBytes(),
                c.outOfOrder.sum(),
                c.duplicates.sum(),
                c.retentionChunks.sum(),
                c.retentionSamples.sum(),
                c.budgetChunks.sum(),
                c.budgetSamples.sum(),
                c.seriesRemoved.sum());
    }
}
