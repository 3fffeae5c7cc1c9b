package dev.steward.console;

import dev.steward.core.expect.DurationLiteral;
import dev.steward.promapi.QueryResult;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A PromQL box over Steward's series: a range query drawn as a chart and an instant query listed as a table, both
 * evaluated on the server; a query that does not parse shows the parser's message.
 */
public final class ExplorePages {
    static final Map<String, Duration> RANGES = ranges();
    /** Points per series in the chart: enough to read a shape, few enough to embed in the page. */
    static final int POINTS = 240;

    static final int MAX_SERIES = 30;
    static final int MAX_ROWS = 500;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ConsoleBackend backend;
    private final Views views;

    ExplorePages(ConsoleBackend backend, Views views) {
        this.backend = backend;
        this.views = views;
    }

    private static Map<String, Duration> ranges() {
        Map<String, Duration> m = new LinkedHashMap<>();
        m.put("15m", Duration.ofMinutes(15));
        m.put("1h", Duration.ofHours(1));
        m.put("6h", Duration.ofHours(6));
        m.put("24h", Duration.ofHours(24));
        m.put("7d", Duration.ofDays(7));
        return m;
    }

    void mount(JavalinConfig cfg) {
        cfg.routes.get("/ui/explore", this::explore);
    }

    /** One series or sample in the table: its labels and latest value. */
    public record Row(String series, String value, String at) {}

    /**
     * The page's model.
     *
     * @param chart uPlot's columns as JSON (safe inside a script element), empty when there is nothing to draw
     * @param error the query's error (the parser's message for a syntax error)
     * @param notes what was left out (series beyond the chart's limit) or why there is no chart
     */
    public record View(
            Page page,
            String query,
            String range,
            List<String> ranges,
            String step,
            Optional<String> error,
            String chart,
            List<Row> rows,
            List<String> notes) {}

    private void explore(Context ctx) {
        String query = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        String range = Optional.ofNullable(ctx.queryParam("range"))
                .filter(RANGES::containsKey)
                .orElse("1h");
        Duration span = RANGES.get(range);
        Duration step = Duration.ofSeconds(Math.max(1, span.toSeconds() / POINTS));
        Page page = views.page(ctx, "Explore", "explore");
        List<String> ranges = List.copyOf(RANGES.keySet());
        if (query.isEmpty()) {
            views.respond(
                    ctx,
                    "console/explore.jte",
                    new View(
                            page,
                            "",
                            range,
                            ranges,
                            DurationLiteral.format(step),
                            Optional.empty(),
                            "",
                            List.of(),
                            List.of()));
            return;
        }
        Instant now = backend.now();
        List<String> notes = new ArrayList<>();
        QueryResult instant = backend.queries().instant(query, now, TIMEOUT);
        if (instant instanceof QueryResult.Failure f) {
            ctx.status(f.type().equals("bad_data") ? 400 : 422);
            views.respond(
                    ctx,
                    "console/explore.jte",
                    new View(
                            page,
                            query,
                            range,
                            ranges,
                            DurationLiteral.format(step),
                            Optional.of(f.type() + ": " + f.message()),
                            "",
                            List.of(),
                            List.of()));
            return;
        }
        List<Row> rows = rows(((QueryResult.Success) instant).value(), notes);
        String chart = "";
        switch (backend.queries().range(query, now.minus(span), now, step, TIMEOUT)) {
            case QueryResult.Success s
            when s.value() instanceof QueryResult.Matrix m && m.series().isEmpty() ->
                notes.add("no chart: no series in the last " + range);
            case QueryResult.Success s
            when s.value() instanceof QueryResult.Matrix m -> chart = chart(m, now.minus(span), now, step, notes);
            case QueryResult.Success s -> notes.add("no chart: the query's result is not a time series");
            case QueryResult.Failure f -> notes.add("no chart: " + f.message());
        }
        views.respond(
                ctx,
                "console/explore.jte",
                new View(
                        page,
                        query,
                        range,
                        ranges,
                        DurationLiteral.format(step),
                        Optional.empty(),
                        chart,
                        rows,
                        notes));
    }

    private static List<Row> rows(QueryResult.Value value, List<String> notes) {
        List<Row> rows = new ArrayList<>();
        switch (value) {
            case QueryResult.Scalar s ->
                rows.add(new Row("scalar", number(s.point().v()), at(s.point().t())));
            case QueryResult.Text t -> rows.add(new Row("string", t.value(), at(t.t())));
            case QueryResult.Vector v -> {
                for (QueryResult.Sample s : v.samples()) {
                    rows.add(new Row(
                            s.metric().toString(),
                            number(s.point().v()),
                            at(s.point().t())));
                }
            }
            case QueryResult.Matrix m -> {
                for (QueryResult.Series s : m.series()) {
                    if (!s.points().isEmpty()) {
                        QueryResult.Point last = s.points().getLast();
                        rows.add(new Row(s.metric().toString(), number(last.v()), at(last.t())));
                    }
                }
            }
        }
        if (rows.size() > MAX_ROWS) {
            notes.add("the table shows the first " + MAX_ROWS + " of " + rows.size() + " results");
            return List.copyOf(rows.subList(0, MAX_ROWS));
        }
        return rows;
    }

    /** uPlot's columns: {@code t} (epoch seconds, one per step) and each series' values, null where it has none. */
    static String chart(QueryResult.Matrix m, Instant start, Instant end, Duration step, List<String> notes) {
        long from = start.toEpochMilli();
        long stepMs = step.toMillis();
        int n = (int) ((end.toEpochMilli() - from) / stepMs) + 1;
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = (from + i * stepMs) / 1000;
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (QueryResult.Series s : m.series()) {
            if (series.size() == MAX_SERIES) {
                notes.add("the chart shows the first " + MAX_SERIES + " of "
                        + m.series().size() + " series");
                break;
            }
            Double[] values = new Double[n];
            for (QueryResult.Point p : s.points()) {
                int i = (int) ((p.t() - from) / stepMs);
                if (i >= 0 && i < n && Double.isFinite(p.v())) {
                    values[i] = p.v();
                }
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("label", s.metric().toString());
            one.put("values", values);
            series.add(one);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("t", t);
        doc.put("series", series);
        // "<" only occurs inside strings in JSON, where \\u003c means the same: the text cannot close the script
        return JSON.writeValueAsString(doc).replace("<", "\\u003c");
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String at(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
