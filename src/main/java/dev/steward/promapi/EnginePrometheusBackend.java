package dev.steward.promapi;

import dev.steward.core.promql.PromQLException;
import dev.steward.core.promql.PromqlEngine;
import dev.steward.core.promql.QueryValue;
import dev.steward.core.promql.parse.Expr;
import dev.steward.core.promql.parse.ParseException;
import dev.steward.core.series.LabelMatcher;
import dev.steward.core.series.Labels;
import dev.steward.core.series.SeriesStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Prometheus API over Steward's series store and PromQL engine. Parse errors are {@code bad_data}, evaluation
 * errors {@code execution}, as in Prometheus. The rule and alert views come from the rule loop.
 */
public final class EnginePrometheusBackend implements PrometheusBackend {
    private final SeriesStore store;
    private final PromqlEngine engine;
    private final InstantSource clock;
    private final Function<String, Map<String, Object>> rules;
    private final Supplier<Map<String, Object>> alerts;
    private final String version;

    public EnginePrometheusBackend(
            SeriesStore store,
            PromqlEngine engine,
            InstantSource clock,
            Function<String, Map<String, Object>> rules,
            Supplier<Map<String, Object>> alerts,
            String version) {
        this.store = store;
        this.engine = engine;
        this.clock = clock;
        this.rules = rules;
        this.alerts = alerts;
        this.version = version;
    }

    @Override
    public QueryResult instant(String query, Instant time, Duration timeout) {
        try {
            Expr expr = PromqlEngine.parse(query);
            return convert(engine.instant(expr, query, time.toEpochMilli()));
        } catch (ParseException e) {
            return badQuery(e);
        } catch (PromQLException e) {
            return new QueryResult.Failure("execution", e.getMessage());
        }
    }

    @Override
    public QueryResult range(String query, Instant start, Instant end, Duration step, Duration timeout) {
        try {
            Expr expr = PromqlEngine.parse(query);
            if (expr.type() != dev.steward.core.promql.parse.ValueType.VECTOR
                    && expr.type() != dev.steward.core.promql.parse.ValueType.SCALAR) {
                return new QueryResult.Failure(
                        "bad_data",
                        "invalid expression type \"" + typeName(expr)
                                + "\" for range query, must be Scalar or instant Vector");
            }
            return convert(engine.range(expr, query, start.toEpochMilli(), end.toEpochMilli(), step.toMillis()));
        } catch (ParseException e) {
            return badQuery(e);
        } catch (PromQLException e) {
            return new QueryResult.Failure("execution", e.getMessage());
        }
    }

    /** As Prometheus words it: {@code invalid parameter "query": 1:7: parse error: ...}. */
    private static QueryResult badQuery(ParseException e) {
        return new QueryResult.Failure("bad_data", "invalid parameter \"query\": " + e.getMessage());
    }

    private static String typeName(Expr expr) {
        return switch (expr.type()) {
            case MATRIX -> "range vector";
            case STRING -> "string";
            case SCALAR -> "scalar";
            default -> "instant vector";
        };
    }

    static QueryResult convert(dev.steward.core.promql.QueryResult r) {
        QueryResult.Value value = switch (r.value()) {
            case QueryValue.Scalar s -> new QueryResult.Scalar(new QueryResult.Point(s.timestampMillis(), s.value()));
            case QueryValue.StringValue s -> new QueryResult.Text(s.timestampMillis(), s.value());
            case QueryValue.Vector v -> {
                List<QueryResult.Sample> samples = new ArrayList<>(v.samples().size());
                for (QueryValue.VectorSample s : v.samples()) {
                    samples.add(
                            new QueryResult.Sample(s.labels(), new QueryResult.Point(s.timestampMillis(), s.value())));
                }
                yield new QueryResult.Vector(samples);
            }
            case QueryValue.Matrix m -> {
                List<QueryResult.Series> series = new ArrayList<>(m.series().size());
                for (QueryValue.RangeSeries s : m.series()) {
                    List<QueryResult.Point> points = new ArrayList<>(s.timestamps().length);
                    for (int i = 0; i < s.timestamps().length; i++) {
                        points.add(new QueryResult.Point(s.timestamps()[i], s.values()[i]));
                    }
                    series.add(new QueryResult.Series(s.labels(), points));
                }
                yield new QueryResult.Matrix(series);
            }
        };
        return new QueryResult.Success(value, r.warnings(), r.infos());
    }

    /** Parses {@code match[]} selectors; each must be an instant vector selector. */
    static List<List<LabelMatcher>> selectors(List<String> match) {
        List<List<LabelMatcher>> out = new ArrayList<>();
        for (String m : match) {
            Expr expr;
            try {
                expr = PromqlEngine.parse(m);
            } catch (PromQLException e) {
                throw new IllegalArgumentException("invalid parameter \"match[]\": " + e.getMessage());
            }
            if (!(expr instanceof Expr.VectorSelector vs)) {
                throw new IllegalArgumentException(
                        "invalid parameter \"match[]\": " + m + " is not a series selector such as up{job=\"api\"}");
            }
            out.add(vs.matchers());
        }
        return out;
    }

    @Override
    public List<Labels> series(List<String> match, Instant start, Instant end) {
        TreeSet<Labels> out = new TreeSet<>();
        for (List<LabelMatcher> m : selectors(match)) {
            out.addAll(store.series(m, start.toEpochMilli(), end.toEpochMilli()));
        }
        return List.copyOf(out);
    }

    @Override
    public List<String> labelNames(List<String> match, Instant start, Instant end) {
        if (match.isEmpty()) {
            return store.labelNames(List.of());
        }
        TreeSet<String> out = new TreeSet<>();
        for (Labels l : series(match, start, end)) {
            l.forEach((name, value) -> out.add(name));
        }
        return List.copyOf(out);
    }

    @Override
    public List<String> labelValues(String name, List<String> match, Instant start, Instant end) {
        if (match.isEmpty()) {
            return store.labelValues(name, List.of());
        }
        TreeSet<String> out = new TreeSet<>();
        for (Labels l : series(match, start, end)) {
            String v = l.get(name);
            if (v != null) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public Map<String, Object> rules(String type) {
        return rules.apply(type);
    }

    @Override
    public Map<String, Object> alerts() {
        return alerts.get();
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public String version() {
        return version;
    }
}
