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
                Locale.ROOT,
                "%d series, %d samples each (%d s apart)%n",
                2 * checks,
                rounds,
                ProbeData.INTERVAL / 1000);
        System.out.printf(Locale.ROOT, "%-50s %10s %14s %11s%n", "data", "samples", "payload B/smp", "heap B/smp");
        for (int jitter : new int[] {25, 0}) {
            String stamped = jitter == 0 ? ", scheduled instants" : ", 0-" + jitter + " ms late";
            ProbeData nanos = new ProbeData(checks, 42, ProbeData.Latency.NANOS, jitter);
            ProbeData millis = new ProbeData(checks, 42, ProbeData.Latency.MILLIS, jitter);
            report("probe_success 0/1" + stamped, fill(nanos, rounds, s -> (s & 1) == 0));
            report("duration, ns resolution" + stamped, fill(nanos, rounds, s -> (s & 1) == 1));
            report("duration, ms resolution" + stamped, fill(millis, rounds, s -> (s & 1) == 1));
            report("both 50/50, ns" + stamped, fill(nanos, rounds, s -> true));
            report("both 50/50, ms" + stamped, fill(millis, rounds, s -> true));
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
                "%-50s %10d %14.3f %11.3f%n",
                name,
                st.samples(),
                st.payloadBytesPerSample(),
                st.chunkBytesPerSample());
    }
}
