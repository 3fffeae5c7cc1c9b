package dev.steward.bench;

import dev.steward.core.exposition.ExpositionFormat;
import dev.steward.core.exposition.ExpositionParser;
import dev.steward.core.exposition.ParseResult;
import dev.steward.core.exposition.SampleHandler;
import dev.steward.core.promql.PromqlEngine;
import dev.steward.core.series.AppendOutcome;
import dev.steward.core.series.Labels;
import dev.steward.core.series.MemorySeriesStore;
import dev.steward.core.series.SeriesStoreSettings;
import dev.steward.promapi.EnginePrometheusBackend;
import dev.steward.promapi.PrometheusApi;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Loads an OpenMetrics file (as {@link OpenMetricsBackfill} writes it) into a {@link MemorySeriesStore} with
 * Steward's {@link ExpositionParser}, then serves Prometheus's query API over it with {@link PrometheusApi}, as the
 * daemon does, on a loopback port until killed.
 *
 * <pre>java -cp benchmarks.jar dev.steward.bench.StewardPromServer FILE PORT</pre>
 *
 * <p>The file is parsed in blocks of whole lines (a 2 GB file does not fit one array); each block but the last gets
 * a {@code # EOF} line so that it is a complete OpenMetrics text on its own.
 */
public final class StewardPromServer {
    private static final int BLOCK = 64 << 20;
    private static final byte[] EOF = "# EOF\n".getBytes(StandardCharsets.US_ASCII);

    private StewardPromServer() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        MemorySeriesStore store =
                new MemorySeriesStore(SeriesStoreSettings.DEFAULTS.withChunkBytesBudget(Long.MAX_VALUE));
        long started = System.nanoTime();
        long[] counts = load(file, store);
        System.out.printf(
                "steward: loaded %,d samples (%,d rejected) of %,d series in %.1f s%n",
                counts[0], counts[1], store.stats().series(), (System.nanoTime() - started) / 1e9);
        EnginePrometheusBackend backend = new EnginePrometheusBackend(
                store,
                new PromqlEngine(store),
                Clock.systemUTC(),
                type -> Map.of("groups", List.of()),
                () -> Map.of("alerts", List.of()),
                "bench");
        PrometheusApi api = new PrometheusApi(backend);
        Javalin.create(cfg -> {
                    cfg.concurrency.useVirtualThreads = true;
                    cfg.startup.showJavalinBanner = false;
                    api.mount(cfg);
                })
                .start("127.0.0.1", port);
        System.out.println("steward: serving on 127.0.0.1:" + port);
    }

    /** Appends every sample of the file; returns {appended, rejected}. */
    static long[] load(Path file, MemorySeriesStore store) throws IOException {
        long[] counts = new long[2];
        SampleHandler handler = (String name, Labels labels, double value, OptionalLong ts) -> {
            AppendOutcome outcome = store.append(labels, ts.orElseThrow(), value);
            counts[outcome.appended() ? 0 : 1]++;
        };
        ExpositionParser parser = new ExpositionParser();
        byte[] buf = new byte[BLOCK + EOF.length];
        int filled = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                int n = in.readNBytes(buf, filled, BLOCK - filled);
                filled += n;
                if (filled < BLOCK) {
                    parse(parser, buf, filled, handler);
                    return counts;
                }
                int cut = lastNewline(buf, filled) + 1;
                byte[] rest = Arrays.copyOfRange(buf, cut, filled);
                System.arraycopy(EOF, 0, buf, cut, EOF.length);
                parse(parser, buf, cut + EOF.length, handler);
                System.arraycopy(rest, 0, buf, 0, rest.length);
                filled = rest.length;
            }
        }
    }

    private static void parse(ExpositionParser parser, byte[] block, int length, SampleHandler handler) {
        ParseResult result = parser.parse(block, 0, length, ExpositionFormat.OPENMETRICS, handler);
        if (!(result instanceof ParseResult.Parsed)) {
            throw new IllegalStateException("the data file does not parse: " + result);
        }
    }

    private static int lastNewline(byte[] buf, int filled) {
        for (int i = filled - 1; i >= 0; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("a line longer than " + BLOCK + " bytes");
    }
}
