package dev.steward.demo;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters by handler and status code and a latency histogram by handler, rendered in the Prometheus text
 * exposition format (version 0.0.4) as {@code http_requests_total} and {@code http_request_duration_seconds}.
 */
final class HttpMetrics {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Upper bounds of the latency buckets, in seconds (the usual Prometheus client defaults). */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private record Key(String handler, int code) {}

    private static final class Histogram {
        final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
        final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            int i = 0;
            while (i < BUCKETS.length && seconds > BUCKETS[i]) {
                i++;
            }
            counts[i].increment();
            sum.add(seconds);
        }
    }

    private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> durations = new ConcurrentHashMap<>();

    void record(String handler, int code, long nanos) {
        requests.computeIfAbsent(new Key(handler, code), k -> new LongAdder()).increment();
        durations.computeIfAbsent(handler, h -> new Histogram()).observe(nanos / 1e9);
    }

    String render() {
        var out = new StringBuilder();
        out.append("# HELP http_requests_total Requests answered, by handler and HTTP status code.\n");
        out.append("# TYPE http_requests_total counter\n");
        var sorted = new TreeMap<String, Long>();
        requests.forEach((k, v) -> sorted.put(labels(k.handler(), "code", Integer.toString(k.code())), v.sum()));
        sorted.forEach((labels, value) -> line(out, "http_requests_total", labels, Long.toString(value)));
        out.append("# HELP http_request_duration_seconds Time taken to answer a request, by handler.\n");
        out.append("# TYPE http_request_duration_seconds histogram\n");
        new TreeMap<>(durations).forEach((handler, h) -> histogram(out, handler, h));
        return out.toString();
    }

    private static void histogram(StringBuilder out, String handler, Histogram h) {
        long cumulative = 0;
        for (int i = 0; i <= BUCKETS.length; i++) {
            cumulative += h.counts[i].sum();
            String le = i < BUCKETS.length ? number(BUCKETS[i]) : "+Inf";
            line(out, "http_request_duration_seconds_bucket", labels(handler, "le", le), Long.toString(cumulative));
        }
        String labels = labels(handler, null, null);
        line(out, "http_request_duration_seconds_sum", labels, number(h.sum.sum()));
        line(out, "http_request_duration_seconds_count", labels, Long.toString(cumulative));
    }

    private static String labels(String handler, String name, String value) {
        String extra = name == null ? "" : "," + name + "=\"" + value + "\"";
        return "{handler=\"" + escape(handler) + "\"" + extra + "}";
    }

    private static void line(StringBuilder out, String name, String labels, String value) {
        out.append(name).append(labels).append(' ').append(value).append('\n');
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
