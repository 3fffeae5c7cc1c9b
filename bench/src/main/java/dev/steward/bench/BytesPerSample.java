package dev.steward.bench;

import dev.steward.core.series.MemorySeriesStore;
import dev.steward.core.series.SeriesRef;
import dev.steward.core.series.SeriesStoreStats;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Bytes per sample after one hour of probe-like data (10,000 series, a sample every 10 s: 3.6 million samples),
 * read from the store's own statistics: the encoded payload, and the chunk heap including chunk objects and the
 * spare capacity of open heads. Printed for the 0/1 series alone, the latency series alone and both together.
 */
public final class BytesPerSample {
    private BytesPerSample() {}

    public static void main(String[] args) {
        int checks = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 360;
        System.out.printf(
                Locale.ROOT, "%d series, %d samples each (%d s apart)%n", 2 * checks, rounds, ProbeData.INTERVAL / 1000);
        System.out.printf(Locale.ROOT, "%-44s %12s %14s %14s%n", "data", "samples", "payload B/smp", "heap B/smp");
        for (ProbeData.Latency latency : ProbeData.Latency.values()) {
            ProbeData data = new ProbeData(checks, 42, latency);
            String suffix = latency == ProbeData.Latency.NANOS ? " (ns resolution)" : " (ms resolution)";
            if (latency == ProbeData.Latency.NANOS) {
                report("probe_success (0/1)", fill(data, rounds, s -> (s & 1) == 0));
            }
            report("probe_duration_seconds" + suffix, fill(data, rounds, s -> (s & 1) == 1));
            report("both, 50/50" + suffix, fill(data, rounds, s -> true));
        }
    }

    private static MemorySeriesStore fill(ProbeData data, int rounds, IntPredicate which) {
        MemorySeriesStore store = new MemorySeriesStore();
        SeriesRef[] refs = new SeriesRef[data.seriesCount()];
        for (int s = 0; s < refs.length; s++) {
            refs[s] = which.test(s) ? store.getOrCreate(data.labels(s)) : null;
        }
        for (int round = 0; round < rounds; round++) {
            for (int s = 0; s < refs.length; s++) {
                if (refs[s] != null) {
                    store.append(refs[s], data.timestamp(round, s), data.value(round, s));
                }
            }
        }
        return store;
    }

    private static void report(String name, MemorySeriesStore store) {
        SeriesStoreStats st = store.stats();
        System.out.printf(
                Locale.ROOT,
                "%-44s %12d %14.3f %14.3f%n",
                name,
                st.samples(),
                st.payloadBytesPerSample(),
                st.chunkBytesPerSample());
    }
}
