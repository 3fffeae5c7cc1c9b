package dev.steward.bench;

import dev.steward.core.series.MemorySeriesStore;
import dev.steward.core.series.SeriesRef;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Append throughput on one thread: each invocation appends one round of probe results, one sample to each of 10,000
 * series (5,000 checks), so the score is samples per second. A fresh store per iteration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AppendBenchmark {
    static final int SERIES = 10_000;

    private final ProbeData data = new ProbeData(SERIES / 2);
    private MemorySeriesStore store;
    private SeriesRef[] refs;
    private int round;

    @Setup(Level.Iteration)
    public void newStore() {
        store = new MemorySeriesStore();
        refs = new SeriesRef[SERIES];
        for (int s = 0; s < SERIES; s++) {
            refs[s] = store.getOrCreate(data.labels(s));
        }
        round = 0;
    }

    /** The probe path: the probe keeps its series handle. */
    @Benchmark
    @OperationsPerInvocation(SERIES)
    public int appendByRef() {
        int appended = 0;
        for (int s = 0; s < SERIES; s++) {
            appended += store.append(refs[s], data.timestamp(round, s), data.value(round, s))
                    .ordinal();
        }
        round++;
        return appended;
    }

    /** The scrape path: every sample looks its series up by labels. */
    @Benchmark
    @OperationsPerInvocation(SERIES)
    public int appendByLabels() {
        int appended = 0;
        for (int s = 0; s < SERIES; s++) {
            appended += store.append(data.labels(s), data.timestamp(round, s), data.value(round, s))
                    .ordinal();
        }
        round++;
        return appended;
    }
}
