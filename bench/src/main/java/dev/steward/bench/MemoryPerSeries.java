package dev.steward.bench;

import dev.steward.core.series.Labels;
import dev.steward.core.series.MemorySeriesStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap per series for the index and the labels, without samples. Creates {@code n} series (default 100,000) with
 * six labels each, shaped like Steward's probe series: metric name, stack, service, check, instance and job, where
 * the check and instance values are unique per series (the worst realistic case: they are kept once per series).
 * Three measures: the used-heap difference around the creation after full GCs (run with -XX:+UseSerialGC so a
 * System.gc() is a real full collection), JOL's walk of the whole object graph reachable from the store (exact
 * object sizes of this JVM), and the store's own estimate ({@code SeriesStoreStats.indexBytes}).
 */
public final class MemoryPerSeries {
    private MemoryPerSeries() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        MemorySeriesStore store = new MemorySeriesStore();
        for (int i = 0; i < n; i++) {
            store.getOrCreate(labels(i));
        }
        long after = usedAfterGc(memory);
        long estimate = store.stats().indexBytes();
        System.out.printf(Locale.ROOT, "%d series, 6 labels each (2 values unique per series)%n", n);
        System.out.printf(Locale.ROOT, "heap delta after GC : %8.1f bytes/series%n", (after - before) / (double) n);
        try {
            long graph = GraphLayout.parseInstance(store).totalSize();
            System.out.printf(Locale.ROOT, "JOL object graph    : %8.1f bytes/series%n", graph / (double) n);
        } catch (RuntimeException | LinkageError e) {
            System.out.println("JOL object graph    : not available on this JVM (" + e + ")");
        }
        System.out.printf(Locale.ROOT, "store's estimate    : %8.1f bytes/series%n", estimate / (double) n);
        Reference.reachabilityFence(store);
    }

    static Labels labels(int i) {
        return Labels.metric(
                i % 3 == 0 ? "probe_success" : i % 3 == 1 ? "probe_duration_seconds" : "probe_http_status_code",
                "stack",
                "shop-production",
                "service",
                "service-" + (i % 200),
                "check",
                "health-check-" + i,
                "instance",
                "http://10.0." + (i / 250 % 250) + "." + (i % 250) + ":8080/health",
                "job",
                "steward");
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
