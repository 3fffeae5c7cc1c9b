package dev.steward.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A realistic scrape of about {@code lines} sample lines: HTTP counters and latency histograms by handler, method and
 * code, node-exporter-like gauges with large float values, and their HELP and TYPE lines. In OpenMetrics form the
 * counters carry {@code _created} lines, some buckets carry exemplars, and the text ends with {@code # EOF}.
 */
public final class ExpositionPayload {
    private ExpositionPayload() {}

    public static byte[] build(int lines, boolean openMetrics) {
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder(lines * 110);
        String[] methods = {"GET", "POST", "PUT", "DELETE"};
        String[] codes = {"200", "201", "400", "404", "500"};
        String[] les = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "+Inf"};
        int written = 0;
        for (int family = 0; written < lines; family++) {
            String counter = "app" + family + "_http_requests";
            sb.append("# HELP ").append(openMetrics ? counter : counter + "_total");
            sb.append(" Total HTTP requests by handler, method and code.\n");
            sb.append("# TYPE ")
                    .append(openMetrics ? counter : counter + "_total")
                    .append(" counter\n");
            for (int h = 0; h < 10 && written < lines; h++) {
                for (String m : methods) {
                    for (String c : codes) {
                        String labels = "{handler=\"/api/v1/resource" + h + "/{id}\",method=\"" + m + "\",code=\"" + c
                                + "\",instance=\"10.0.0." + (family % 250) + ":8080\"}";
                        sb.append(counter).append("_total").append(labels).append(' ');
                        sb.append(r.nextInt(1_000_000)).append('\n');
                        written++;
                        if (openMetrics && c.equals("200")) {
                            sb.append(counter).append("_created").append(labels).append(" 1.7e9\n");
                            written++;
                        }
                    }
                }
            }
            String hist = "app" + family + "_http_request_duration_seconds";
            sb.append("# HELP ").append(hist).append(" HTTP request latency.\n");
            sb.append("# TYPE ").append(hist).append(" histogram\n");
            for (int h = 0; h < 10 && written < lines; h++) {
                String base = "handler=\"/api/v1/resource" + h + "/{id}\",method=\"GET\"";
                long count = 0;
                for (String le : les) {
                    count += r.nextInt(5000);
                    sb.append(hist)
                            .append("_bucket{")
                            .append(base)
                            .append(",le=\"")
                            .append(le)
                            .append("\"} ");
                    sb.append(count);
                    if (openMetrics && le.equals("0.1")) {
                        sb.append(" # {trace_id=\"")
                                .append(Long.toHexString(r.nextLong()))
                                .append("\"} 0.067");
                    }
                    sb.append('\n');
                }
                sb.append(hist).append("_sum{").append(base).append("} ");
                sb.append(String.format(Locale.ROOT, "%.6f", r.nextDouble() * 10000))
                        .append('\n');
                sb.append(hist)
                        .append("_count{")
                        .append(base)
                        .append("} ")
                        .append(count)
                        .append('\n');
                written += les.length + 2;
            }
            String gauge = "node" + family + "_filesystem_avail_bytes";
            sb.append("# HELP ").append(gauge).append(" Filesystem space available in bytes.\n");
            sb.append("# TYPE ").append(gauge).append(" gauge\n");
            for (int d = 0; d < 20 && written < lines; d++) {
                sb.append(gauge)
                        .append("{device=\"/dev/sd")
                        .append((char) ('a' + d))
                        .append("1\",fstype=\"ext4\",");
                sb.append("mountpoint=\"/data/").append(d).append("\"} ");
                sb.append(String.format(Locale.ROOT, "%.10e", r.nextDouble() * 1e12))
                        .append('\n');
                written++;
            }
        }
        if (openMetrics) {
            sb.append("# EOF\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
