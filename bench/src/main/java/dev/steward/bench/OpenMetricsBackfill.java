package dev.steward.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the data set both servers of {@code promql-vs-prometheus.sh} load: an OpenMetrics file with {@code gauges}
 * probe-duration-like gauges ({@code probe_duration_seconds{stack,service,check}}, 10 stacks, 50 services per stack)
 * and {@code counters} request counters ({@code x_total{service,instance}}, 10 services), one sample every 15 s over
 * the hour ending at {@code end}. Each series is offset by 0 to 14 whole seconds, as scrapes are; counters grow by 0
 * to 20 per sample and reset about once in 5,000 samples. Timestamps are whole seconds so that both parsers read the
 * same milliseconds. Deterministic for given arguments.
 *
 * <pre>java -cp benchmarks.jar dev.steward.bench.OpenMetricsBackfill FILE END_UNIX_SECONDS [GAUGES [COUNTERS]]</pre>
 */
public final class OpenMetricsBackfill {
    static final int STEP_SECONDS = 15;
    static final int SAMPLES = 240;

    private OpenMetricsBackfill() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long end = Long.parseLong(args[1]);
        int gauges = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int counters = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        long started = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            write(out, end, gauges, counters);
        }
        System.out.printf(
                "wrote %,d series x %d samples (%,d bytes) to %s in %.1f s%n",
                gauges + counters, SAMPLES, Files.size(file), file, (System.nanoTime() - started) / 1e9);
    }

    static void write(OutputStream out, long end, int gauges, int counters) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder line = new StringBuilder(128);
        out.write("# TYPE probe_duration_seconds gauge\n# UNIT probe_duration_seconds seconds\n".getBytes());
        for (int i = 0; i < gauges; i++) {
            String labels = "{stack=\"stack-" + (i % 10) + "\",service=\"svc-" + (i / 10 % 50) + "\",check=\"check-" + i
                    + "\"}";
            double base = 0.002 + random.nextDouble() * 0.3;
            long t = firstTimestamp(end, i);
            for (int k = 0; k < SAMPLES; k++, t += STEP_SECONDS) {
                double v = Math.round(base * (0.9 + 0.2 * random.nextDouble()) * 1e6) / 1e6;
                line.setLength(0);
                line.append("probe_duration_seconds").append(labels).append(' ').append(v);
                out.write(line.append(' ').append(t).append('\n').toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        out.write("# TYPE x counter\n".getBytes());
        for (int i = 0; i < counters; i++) {
            String labels = "{service=\"svc-" + (i % 10) + "\",instance=\"host-" + i + "\"}";
            long value = random.nextLong(1_000_000);
            long t = firstTimestamp(end, i * 7L);
            for (int k = 0; k < SAMPLES; k++, t += STEP_SECONDS) {
                value = random.nextInt(5_000) == 0 ? random.nextInt(20) : value + random.nextInt(21);
                line.setLength(0);
                line.append("x_total").append(labels).append(' ').append(value);
                out.write(line.append(' ').append(t).append('\n').toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        out.write("# EOF\n".getBytes());
    }

    /** The first sample of a series: its last one falls within the 15 s before {@code end}. */
    private static long firstTimestamp(long end, long seed) {
        return end - (long) (SAMPLES - 1) * STEP_SECONDS - Math.floorMod(seed * 2_654_435_761L, STEP_SECONDS);
    }
}
