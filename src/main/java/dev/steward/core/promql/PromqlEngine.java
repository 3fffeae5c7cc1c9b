package dev.steward.core.promql;

import dev.steward.core.promql.eval.Annotations;
import dev.steward.core.promql.eval.EvalError;
import dev.steward.core.promql.eval.Evaluator;
import dev.steward.core.promql.eval.Series;
import dev.steward.core.promql.parse.Expr;
import dev.steward.core.promql.parse.Parser;
import dev.steward.core.promql.parse.ValueType;
import dev.steward.core.series.SeriesStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * PromQL over a {@link SeriesStore}: instant and range queries with Prometheus's semantics. Pure: the evaluation time
 * is a parameter, nothing is read from a clock. Thread-safe; each query evaluates on the calling thread.
 */
public final class PromqlEngine {
    private final SeriesStore store;
    private final EngineSettings settings;

    public PromqlEngine(SeriesStore store, EngineSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public PromqlEngine(SeriesStore store) {
        this(store, EngineSettings.DEFAULTS);
    }

    /** Parses a query; the exception's message is like Prometheus's ({@code 1:14: parse error: ...}). */
    public static Expr parse(String query) throws PromQLException {
        return Parser.parse(query);
    }

    /** Evaluates the query at one instant (Unix milliseconds). */
    public QueryResult instant(String query, long timeMillis) throws PromQLException {
        Expr expr = Parser.parse(query);
        return instant(expr, query, timeMillis);
    }

    /** Evaluates a parsed query at one instant; {@code query} is only used in messages. */
    public QueryResult instant(Expr expr, String query, long timeMillis) throws PromQLException {
        Annotations annotations = new Annotations();
        Object v = run(expr, query, timeMillis, timeMillis, 1, annotations);
        QueryValue value;
        if (v instanceof String s) {
            value = new QueryValue.StringValue(timeMillis, s);
        } else {
            @SuppressWarnings("unchecked")
            List<Series> mat = (List<Series>) v;
            value = switch (expr.type()) {
                case SCALAR ->
                    new QueryValue.Scalar(
                            timeMillis, mat.isEmpty() ? Double.NaN : mat.get(0).valueAt(0));
                case VECTOR -> {
                    List<QueryValue.VectorSample> out = new ArrayList<>(mat.size());
                    for (Series s : mat) {
                        out.add(new QueryValue.VectorSample(s.metric(), s.timestampAt(0), s.valueAt(0)));
                    }
                    yield new QueryValue.Vector(out);
                }
                default -> toMatrix(mat);
            };
        }
        return new QueryResult(value, annotations.list());
    }

    /** Evaluates the query at every step from start to end inclusive (Unix milliseconds). */
    public QueryResult range(String query, long startMillis, long endMillis, long stepMillis) throws PromQLException {
        return range(Parser.parse(query), query, startMillis, endMillis, stepMillis);
    }

    /** Evaluates a parsed query at every step from start to end inclusive; {@code query} is only used in messages. */
    public QueryResult range(Expr expr, String query, long startMillis, long endMillis, long stepMillis)
            throws PromQLException {
        if (stepMillis <= 0) {
            throw new PromQLException(
                    "zero or negative query resolution step widths are not accepted, got " + stepMillis + "ms");
        }
        if (endMillis < startMillis) {
            throw new PromQLException("end timestamp must not be before start time");
        }
        if (expr.type() != ValueType.SCALAR && expr.type() != ValueType.VECTOR) {
            throw new PromQLException("invalid expression type \"" + expr.type().description()
                    + "\" for range query, must be Scalar or instant Vector");
        }
        Annotations annotations = new Annotations();
        @SuppressWarnings("unchecked")
        List<Series> mat = (List<Series>) run(expr, query, startMillis, endMillis, stepMillis, annotations);
        return new QueryResult(toMatrix(mat), annotations.list());
    }

    private Object run(Expr expr, String query, long start, long end, long step, Annotations annotations)
            throws PromQLException {
        Evaluator ev = Evaluator.forQuery(
                store, start, end, step, settings.lookbackDeltaMillis(), settings.maxSamples(), annotations, query);
        try {
            return ev.evaluateTop(expr);
        } catch (EvalError e) {
            throw new PromQLException(e.getMessage());
        } catch (StackOverflowError e) {
            throw new PromQLException("query is nested too deeply to evaluate");
        } catch (RuntimeException e) {
            throw new PromQLException("unexpected error evaluating query: " + e);
        }
    }

    private static QueryValue.Matrix toMatrix(List<Series> mat) {
        List<QueryValue.RangeSeries> out = new ArrayList<>(mat.size());
        for (Series s : mat) {
            long[] ts = new long[s.size()];
            double[] vs = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                ts[i] = s.timestampAt(i);
                vs[i] = s.valueAt(i);
            }
            out.add(new QueryValue.RangeSeries(s.metric(), ts, vs));
        }
        out.sort(Comparator.comparing(QueryValue.RangeSeries::labels));
        return new QueryValue.Matrix(out);
    }
}
