package dev.steward.console;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import dev.steward.core.exposition.MetricFamily;
import dev.steward.core.exposition.MetricType;
import dev.steward.core.series.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How long the server takes to answer the overview page (building its model and rendering it), measured with a
 * monotonic ticker: sent with each answer as a {@code Server-Timing: render;dur=<ms>} header and kept since start as
 * a summary with quantiles (1 % relative accuracy), a sum, a count and a maximum for {@code /metrics}.
 */
public final class RenderTimings {
    /** The summary's name in {@code /metrics}. */
    public static final String METRIC = "steward_console_render_seconds";

    private final LongSupplier ticker;
    private final DDSketch sketch = DDSketches.unboundedDense(0.01);
    private long count;
    private long sumNanos;
    private long maxNanos;

    /** @param ticker nanoseconds of a monotonic clock (only differences are used) */
    public RenderTimings(LongSupplier ticker) {
        this.ticker = ticker;
    }

    /** The ticker's reading at the start of an answer. */
    long start() {
        return ticker.getAsLong();
    }

    /** Records an answer that started at {@code start}; returns its {@code Server-Timing} header value. */
    String finish(long start) {
        long nanos = Math.max(0, ticker.getAsLong() - start);
        synchronized (this) {
            count++;
            sumNanos += nanos;
            maxNanos = Math.max(maxNanos, nanos);
            sketch.accept(nanos / 1e9);
        }
        return String.format(Locale.ROOT, "render;dur=%.3f", nanos / 1e6);
    }

    /** The summary and the maximum since start. */
    public synchronized List<MetricFamily> families() {
        List<MetricFamily.Sample> samples = new ArrayList<>();
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            samples.add(new MetricFamily.Sample(
                    METRIC,
                    Labels.of("quantile", Double.toString(q)),
                    sketch.isEmpty() ? 0 : sketch.getValueAtQuantile(q)));
        }
        samples.add(new MetricFamily.Sample(METRIC + "_sum", Labels.of(), sumNanos / 1e9));
        samples.add(new MetricFamily.Sample(METRIC + "_count", Labels.of(), count));
        List<MetricFamily> out = new ArrayList<>();
        out.add(new MetricFamily(
                METRIC,
                MetricType.SUMMARY,
                "Server time to build and render the console overview, since start.",
                samples));
        out.add(MetricFamily.single(
                "steward_console_render_max_seconds",
                MetricType.GAUGE,
                "Longest server time of the console overview since start.",
                Labels.of(),
                maxNanos / 1e9));
        return out;
    }
}
