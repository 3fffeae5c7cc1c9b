package dev.steward.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the same PromQL queries to Prometheus and to Steward over HTTP and compares them.
 *
 * <pre>
 * ... PromqlVsPrometheus compare PROM_URL STEWARD_URL TIME QUERIES_FILE      same series, values within 1e-9 relative
 * ... PromqlVsPrometheus time PROM_URL STEWARD_URL TIME WARMUP N QUERY...    median and p90 latency of each server
 * </pre>
 *
 * {@code QUERIES_FILE} holds one query per line ({@code #} comments); a line starting with {@code range } is a range
 * query over the 50 minutes before TIME at a 60 s step; a line {@code GET /api/v1/...} is a request compared as is
 * (HTTP status, {@code errorType} and {@code data}; {@code {TIME}} stands for TIME), for metadata and errors, where
 * the {@code points} column shows the HTTP status. Timing alternates the two servers request by request, with
 * one client, so that both see the same load on the machine.
 */
public final class PromqlVsPrometheus {
    static final double TOLERANCE = 1e-9;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        PromqlVsPrometheus bench = new PromqlVsPrometheus();
        switch (args[0]) {
            case "compare" -> System.exit(bench.compare(args[1], args[2], args[3], Path.of(args[4])));
            case "time" ->
                bench.time(
                        args[1],
                        args[2],
                        args[3],
                        Integer.parseInt(args[4]),
                        Integer.parseInt(args[5]),
                        Arrays.asList(args).subList(6, args.length));
            default -> throw new IllegalArgumentException("expected compare or time, got " + args[0]);
        }
    }

    /** The query's URL path and parameters at {@code time}. */
    static String path(String query, String time) {
        String q = URLEncoder.encode(query.startsWith("range ") ? query.substring(6) : query, StandardCharsets.UTF_8);
        if (query.startsWith("range ")) {
            java.math.BigDecimal end = new java.math.BigDecimal(time);
            return "/api/v1/query_range?query=" + q + "&start=" + end.subtract(java.math.BigDecimal.valueOf(3000))
                    + "&end=" + end + "&step=60";
        }
        return "/api/v1/query?query=" + q + "&time=" + time;
    }

    HttpResponse<String> get(String base, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    int compare(String prom, String steward, String time, Path queries) throws Exception {
        int mismatches = 0;
        System.out.printf("%-8s %-7s %-7s %s%n", "result", "series", "points", "query");
        for (String query : Files.readAllLines(queries)) {
            if (query.isBlank() || query.startsWith("#")) {
                continue;
            }
            if (query.startsWith("GET ")) {
                mismatches += raw(prom, steward, encoded(query.substring(4).replace("{TIME}", time))) ? 0 : 1;
                continue;
            }
            JsonNode a = JSON.readTree(get(prom, path(query, time)).body());
            JsonNode b = JSON.readTree(get(steward, path(query, time)).body());
            List<String> diffs = ResultDiff.diff(a, b, TOLERANCE);
            int[] size = ResultDiff.size(a);
            System.out.printf("%-8s %-7d %-7d %s%n", diffs.isEmpty() ? "match" : "MISMATCH", size[0], size[1], query);
            if (!diffs.isEmpty()) {
                mismatches++;
                diffs.stream().limit(5).forEach(d -> System.out.println("    " + d));
            }
        }
        System.out.println(mismatches == 0 ? "all queries match" : mismatches + " queries differ");
        return mismatches == 0 ? 0 : 1;
    }

    /** A metadata or error request: same HTTP status, same {@code errorType}, same {@code data}. */
    boolean raw(String prom, String steward, String path) throws Exception {
        HttpResponse<String> a = get(prom, path);
        HttpResponse<String> b = get(steward, path);
        JsonNode ja = JSON.readTree(a.body());
        JsonNode jb = JSON.readTree(b.body());
        boolean same = a.statusCode() == b.statusCode()
                && ja.path("errorType").equals(jb.path("errorType"))
                && ja.path("data").equals(jb.path("data"));
        int size = ja.path("data").isArray() ? ja.path("data").size() : 0;
        System.out.printf(
                "%-8s %-7s %-7s GET %s%n",
                same ? "match" : "MISMATCH",
                size,
                a.statusCode(),
                java.net.URLDecoder.decode(path, StandardCharsets.UTF_8));
        if (!same) {
            System.out.println("    prometheus: " + a.statusCode() + " " + abbreviate(a.body()));
            System.out.println("    steward:    " + b.statusCode() + " " + abbreviate(b.body()));
        }
        return same;
    }

    /** {@code /path?k=v&k=v} with each name and value URL-encoded. */
    static String encoded(String path) {
        int q = path.indexOf('?');
        if (q < 0) {
            return path;
        }
        StringBuilder b = new StringBuilder(path.substring(0, q + 1));
        for (String param : path.substring(q + 1).split("&")) {
            int eq = param.indexOf('=');
            b.append(b.charAt(b.length() - 1) == '?' ? "" : "&")
                    .append(URLEncoder.encode(param.substring(0, eq), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(param.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    void time(String prom, String steward, String time, int warmup, int n, List<String> queries) throws Exception {
        System.out.printf(
                "%-10s %10s %10s %10s %10s %8s  %s%n",
                "",
                "prom p50",
                "prom p90",
                "stew p50",
                "stew p90",
                "ratio",
                "query (ms; ratio = Steward/Prometheus p50)");
        for (String query : queries) {
            String path = path(query, time);
            Map<String, long[]> nanos = new TreeMap<>();
            nanos.put(prom, new long[n]);
            nanos.put(steward, new long[n]);
            for (int i = 0; i < warmup + n; i++) {
                for (String base : List.of(prom, steward)) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = get(base, path);
                    long took = System.nanoTime() - t0;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(base + " answered " + r.statusCode() + ": " + r.body());
                    }
                    if (i >= warmup) {
                        nanos.get(base)[i - warmup] = took;
                    }
                }
            }
            double[] p = stats(nanos.get(prom));
            double[] s = stats(nanos.get(steward));
            System.out.printf(
                    "%-10s %10.1f %10.1f %10.1f %10.1f %8.2f  %s%n", "", p[0], p[1], s[0], s[1], s[0] / p[0], query);
        }
    }

    /** Median and 90th percentile in milliseconds. */
    static double[] stats(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new double[] {sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.9) - 1] / 1e6};
    }
}
