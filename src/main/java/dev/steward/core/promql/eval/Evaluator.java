package dev.steward.core.promql.eval;

import dev.steward.core.promql.parse.Expr;
import dev.steward.core.promql.parse.ValueType;
import dev.steward.core.series.Labels;
import dev.steward.core.series.SampleIterator;
import dev.steward.core.series.SelectedSeries;
import dev.steward.core.series.SeriesStore;
import dev.steward.core.series.StaleMarker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates an expression at every step of {@code [start, end]} (one step for an instant query), the way Prometheus's
 * engine does: every node yields a matrix whose points sit on the steps, operators and functions work step by step
 * on instant vectors, and range functions slide a window over each series' samples. Pure: the store is read, time
 * comes in as parameters.
 */
public final class Evaluator {
    final SeriesStore store;
    final long start;
    final long end;
    final long interval;
    final long lookback;
    final long queryStart;
    final long queryEnd;
    final Budget budget;
    final Annotations annotations;
    final String query;

    Evaluator(
            SeriesStore store,
            long start,
            long end,
            long interval,
            long lookback,
            long queryStart,
            long queryEnd,
            Budget budget,
            Annotations annotations,
            String query) {
        this.store = store;
        this.start = start;
        this.end = end;
        this.interval = interval <= 0 ? 1 : interval;
        this.lookback = lookback;
        this.queryStart = queryStart;
        this.queryEnd = queryEnd;
        this.budget = budget;
        this.annotations = annotations;
        this.query = query;
    }

    /** An evaluator for a query over {@code [start, end]} with this step; {@code step} is ignored when start == end. */
    public static Evaluator forQuery(
            SeriesStore store,
            long start,
            long end,
            long step,
            long lookback,
            long maxSamples,
            Annotations annotations,
            String query) {
        return new Evaluator(store, start, end, step, lookback, start, end, new Budget(maxSamples), annotations, query);
    }

    Evaluator child(long childStart, long childEnd, long childInterval) {
        return new Evaluator(
                store, childStart, childEnd, childInterval, lookback, queryStart, queryEnd, budget, annotations, query);
    }

    int steps() {
        return start > end ? 0 : (int) ((end - start) / interval) + 1;
    }

    /**
     * The value of the whole expression: a {@code String} for a string literal, else the list of series, with
     * {@code __name__} dropped where the query asked for it.
     */
    public Object evaluateTop(Expr e) {
        Object v = eval(e);
        if (v instanceof String) {
            return v;
        }
        @SuppressWarnings("unchecked")
        List<Series> mat = (List<Series>) v;
        Set<Labels> seen = new HashSet<>();
        for (Series s : mat) {
            if (s.dropName) {
                s.metric = withoutName(s.metric);
                s.dropName = false;
            }
            if (!seen.add(s.metric)) {
                throw new EvalError("vector cannot contain metrics with the same labelset");
            }
        }
        return mat;
    }

    static Labels withoutName(Labels l) {
        if (!l.has(Labels.METRIC_NAME) && !l.has("__type__") && !l.has("__unit__")) {
            return l;
        }
        return l.without(Labels.METRIC_NAME, "__type__", "__unit__");
    }

    Object eval(Expr e) {
        return switch (e) {
            case Expr.NumberLiteral n -> constant(n.value());
            case Expr.StringLiteral s -> s.value();
            case Expr.Paren p -> eval(p.expr());
            case Expr.Unary u -> unary(u);
            case Expr.VectorSelector vs -> selectVector(vs, false);
            case Expr.MatrixSelector ms -> RangeSource.rawMatrix(this, ms);
            case Expr.Subquery sq -> subquery(sq);
            case Expr.Call c -> Functions.call(this, c);
            case Expr.Aggregate a -> Aggregations.eval(this, a);
            case Expr.Binary b -> BinaryOperations.eval(this, b);
        };
    }

    @SuppressWarnings("unchecked")
    List<Series> matrix(Expr e) {
        return (List<Series>) eval(e);
    }

    List<Series> constant(double v) {
        Series s = new Series(Labels.EMPTY, false, steps());
        for (long ts = start; ts <= end; ts += interval) {
            s.add(ts, v);
        }
        budget.take(s.n);
        List<Series> out = new ArrayList<>(1);
        out.add(s);
        return out;
    }

    private List<Series> unary(Expr.Unary u) {
        List<Series> mat = matrix(u.expr());
        if (u.negate()) {
            for (Series s : mat) {
                s.dropName = true;
                for (int i = 0; i < s.n; i++) {
                    s.f[i] = -s.f[i];
                }
            }
        }
        return mat;
    }

    long atTime(Expr.At at, long atMillis) {
        return switch (at) {
            case NONE, TIME -> atMillis;
            case START -> queryStart;
            case END -> queryEnd;
        };
    }

    /** The time a selector with this {@code @} and offset looks at when the query evaluates step {@code ts}. */
    long refTime(long ts, Expr.At at, long atMillis, long offset) {
        return (at == Expr.At.NONE ? ts : atTime(at, atMillis)) - offset;
    }

    /** The series of a selector at each step; with {@code timestamps}, the values are the samples' times in seconds. */
    List<Series> selectVector(Expr.VectorSelector vs, boolean timestamps) {
        long first = refTime(start, vs.at(), vs.atMillis(), vs.offsetMillis());
        long last = refTime(end, vs.at(), vs.atMillis(), vs.offsetMillis());
        List<SelectedSeries> selected = store.select(vs.matchers(), first - lookback + 1, last);
        List<Series> out = new ArrayList<>(selected.size());
        int steps = steps();
        for (SelectedSeries sel : selected) {
            Series s = new Series(sel.labels(), false, Math.min(steps, 16));
            SampleIterator it = sel.iterator();
            boolean has = it.next();
            long nt = has ? it.timestamp() : 0;
            double nv = has ? it.value() : 0;
            boolean haveLast = false;
            long lastT = 0;
            double lastV = 0;
            for (long ts = start; ts <= end; ts += interval) {
                long ref = refTime(ts, vs.at(), vs.atMillis(), vs.offsetMillis());
                while (has && nt <= ref) {
                    lastT = nt;
                    lastV = nv;
                    haveLast = true;
                    has = it.next();
                    if (has) {
                        nt = it.timestamp();
                        nv = it.value();
                    }
                }
                if (haveLast && lastT > ref - lookback && !StaleMarker.isStaleMarker(lastV)) {
                    s.add(ts, timestamps ? lastT / 1000.0 : lastV);
                }
            }
            if (s.n > 0) {
                budget.take(s.n);
                out.add(s);
            }
        }
        return out;
    }

    /** The points of a subquery: its inner expression evaluated at the subquery's own steps. */
    List<Series> subquery(Expr.Subquery sq) {
        long step = sq.stepMillis() > 0 ? sq.stepMillis() : 60_000;
        long refStart = refTime(start, sq.at(), sq.atMillis(), sq.offsetMillis());
        long refEnd = refTime(end, sq.at(), sq.atMillis(), sq.offsetMillis());
        long from = refStart - sq.rangeMillis();
        long childStart = Math.floorDiv(from, step) * step;
        if (childStart <= from) {
            childStart += step;
        }
        Evaluator child = child(childStart, refEnd, step);
        List<Series> mat = child.matrix(sq.expr());
        for (Series s : mat) {
            if (s.dropName) {
                s.metric = withoutName(s.metric);
                s.dropName = false;
            }
        }
        return mat;
    }

    /** Step function of {@link #rangeEval}: the output vector at one step, from the argument vectors there. */
    interface StepFunction {
        List<Element> apply(List<List<Element>> args, long ts);
    }

    /**
     * Evaluates the arguments, then calls the function at every step with the argument vectors at that step and
     * joins the results into series; string arguments are passed as null.
     */
    List<Series> rangeEval(StepFunction fn, List<Expr> args) {
        int k = args.size();
        List<List<Series>> mats = new ArrayList<>(k);
        for (Expr a : args) {
            mats.add(a.type() == ValueType.STRING ? null : matrix(a));
        }
        int[][] cursors = new int[k][];
        for (int j = 0; j < k; j++) {
            cursors[j] = mats.get(j) == null ? null : new int[mats.get(j).size()];
        }
        List<List<Element>> vectors = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            vectors.add(null);
        }
        boolean instant = start == end;
        Map<Labels, Series> byLabels = instant ? null : new HashMap<>();
        List<Series> ordered = new ArrayList<>();
        int steps = steps();
        for (long ts = start; ts <= end; ts += interval) {
            for (int j = 0; j < k; j++) {
                vectors.set(j, mats.get(j) == null ? null : gather(mats.get(j), cursors[j], ts));
            }
            List<Element> result = fn.apply(vectors, ts);
            budget.take(result.size());
            for (Element el : result) {
                if (instant) {
                    Series s = new Series(el.metric(), el.dropName(), 1);
                    s.add(ts, el.f());
                    ordered.add(s);
                    continue;
                }
                Series s = byLabels.get(el.metric());
                if (s == null) {
                    s = new Series(el.metric(), el.dropName(), Math.min(steps, 16));
                    byLabels.put(el.metric(), s);
                    ordered.add(s);
                } else if (s.n > 0 && s.t[s.n - 1] == ts) {
                    throw new EvalError("vector cannot contain metrics with the same labelset");
                }
                s.add(ts, el.f());
            }
        }
        for (List<Series> m : mats) {
            release(m);
        }
        return ordered;
    }

    /** Gives back to the budget the points of a matrix that is no longer needed. */
    void release(List<Series> mat) {
        if (mat == null) {
            return;
        }
        long n = 0;
        for (Series s : mat) {
            n += s.n;
        }
        budget.release(n);
    }

    /** The samples of a matrix at one step, advancing the per-series cursors. */
    static List<Element> gather(List<Series> mat, int[] cursor, long ts) {
        List<Element> out = new ArrayList<>(mat.size());
        for (int i = 0; i < mat.size(); i++) {
            Series s = mat.get(i);
            int c = cursor[i];
            while (c < s.n && s.t[c] < ts) {
                c++;
            }
            cursor[i] = c;
            if (c < s.n && s.t[c] == ts) {
                out.add(new Element(s.metric, s.f[c], s.dropName, ts));
            }
        }
        return out;
    }

    /** The value of a scalar-typed argument at each step, indexed by step number. */
    double[] scalarValues(Expr e) {
        List<Series> mat = matrix(e);
        double[] out = new double[steps()];
        java.util.Arrays.fill(out, Double.NaN);
        if (!mat.isEmpty()) {
            Series s = mat.get(0);
            for (int i = 0; i < s.n; i++) {
                out[(int) ((s.t[i] - start) / interval)] = s.f[i];
            }
        }
        release(mat);
        return out;
    }
}
