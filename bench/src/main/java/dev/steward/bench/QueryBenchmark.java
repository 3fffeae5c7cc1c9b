package dev.steward.bench;

import dev.steward.core.promql.PromQLException;
import dev.steward.core.promql.PromqlEngine;
import dev.steward.core.promql.QueryResult;
import dev.steward.core.series.Labels;
import dev.steward.core.series.MemorySeriesStore;
import dev.steward.core.series.SeriesRef;
import dev.steward.core.series.SeriesStoreSettings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * PromQL query latency over an in-memory store holding one hour of 15 s samples per series (counters growing at
 * series-specific rates, 50 services): the queries the Prometheus comparison uses, as instant queries at the end of
 * the hour and as one-hour range queries at a 1 m step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QueryBenchmark {
    static final long END = 3_600_000;

    @Param({"10000", "100000"})
    public int series;

    private PromqlEngine engine;

    @Setup(Level.Trial)
    public void load() {
        MemorySeriesStore store =
                new MemorySeriesStore(SeriesStoreSettings.DEFAULTS.withChunkBytesBudget(Long.MAX_VALUE));
        SeriesRef[] refs = new SeriesRef[series];
        for (int i = 0; i < series; i++) {
            refs[i] = store.getOrCreate(Labels.metric("x", "service", "s" + (i % 50), "instance", "i" + i));
        }
        for (long t = 0; t <= END; t += 15_000) {
            for (int i = 0; i < series; i++) {
                store.append(refs[i], t, t / 1000.0 * (i % 7 + 1));
            }
        }
        engine = new PromqlEngine(store);
    }

    @Benchmark
    public QueryResult avgOverTimeInstant() throws PromQLException {
        return engine.instant("avg_over_time(x[5m])", END);
    }

    @Benchmark
    public QueryResult sumByServiceRateInstant() throws PromQLException {
        return engine.instant("sum by (service) (rate(x[5m]))", END);
    }

    @Benchmark
    public QueryResult sumByServiceRateRangeHour() throws PromQLException {
        return engine.range("sum by (service) (rate(x[5m]))", 300_000, END, 60_000);
    }
}
