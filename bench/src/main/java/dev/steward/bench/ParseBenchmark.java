package dev.steward.bench;

import dev.steward.core.exposition.ExpositionFormat;
import dev.steward.core.exposition.ExpositionParser;
import dev.steward.core.exposition.ParseResult;
import dev.steward.core.exposition.SampleHandler;
import dev.steward.core.series.Labels;
import dev.steward.core.series.MemorySeriesStore;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Exposition parse throughput on one thread over a realistic 10,000-line scrape. The score is parses per second;
 * the secondary {@code bytes} counter is input bytes per second (divide by 10^6 for MB/s) and {@code samples} is
 * samples per second. {@code parseIntoStore} also appends every sample to a store, as a scrape does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark {
    @Param({"PROMETHEUS_TEXT", "OPENMETRICS"})
    public ExpositionFormat format;

    private final ExpositionParser parser = new ExpositionParser();
    private byte[] payload;
    private MemorySeriesStore store;
    private long scrapeTime;

    /** Secondary results, reported by JMH per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long bytes;
        public long samples;
    }

    @Setup(Level.Trial)
    public void payload() {
        payload = ExpositionPayload.build(10_000, format == ExpositionFormat.OPENMETRICS);
        System.out.printf("%n%s payload: %d bytes%n", format, payload.length);
    }

    @Setup(Level.Iteration)
    public void newStore() {
        store = new MemorySeriesStore();
        scrapeTime = ProbeData.START;
    }

    @Benchmark
    public ParseResult parse(Blackhole bh, Counters counters) {
        ParseResult r = parser.parse(payload, format, new SampleHandler() {
            @Override
            public void sample(String metricName, Labels labels, double value, OptionalLong timestampMs) {
                bh.consume(labels);
                bh.consume(value);
            }
        });
        count(r, counters);
        return r;
    }

    @Benchmark
    public ParseResult parseIntoStore(Counters counters) {
        long t = scrapeTime += 15_000;
        ParseResult r = parser.parse(payload, format, (name, labels, value, ts) -> store.append(labels, t, value));
        count(r, counters);
        return r;
    }

    private void count(ParseResult r, Counters counters) {
        if (!(r instanceof ParseResult.Parsed parsed)) {
            throw new IllegalStateException("benchmark payload does not parse: " + r);
        }
        counters.bytes += payload.length;
        counters.samples += parsed.samples();
    }
}
