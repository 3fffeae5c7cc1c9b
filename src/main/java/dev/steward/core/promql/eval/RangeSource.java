package dev.steward.core.promql.eval;

import dev.steward.core.promql.parse.Expr;
import dev.steward.core.series.Labels;
import dev.steward.core.series.SampleIterator;
import dev.steward.core.series.SelectedSeries;
import dev.steward.core.series.StaleMarker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The series behind a range-vector argument (a matrix selector or a subquery) and the window each evaluation step
 * sees: samples in {@code (ref - range, ref]}, where ref is the step time (or the {@code @} time) minus the offset.
 * Stale markers are dropped, as Prometheus does for ranges.
 */
final class RangeSource {
    private final Evaluator ev;
    private final List<SelectedSeries> selected;
    private final List<Series> computed;
    final long range;
    private final Expr.At at;
    private final long atMillis;
    private final long offset;

    private RangeSource(
            Evaluator ev,
            List<SelectedSeries> selected,
            List<Series> computed,
            long range,
            Expr.At at,
            long atMillis,
            long offset) {
        this.ev = ev;
        this.selected = selected;
        this.computed = computed;
        this.range = range;
        this.at = at;
        this.atMillis = atMillis;
        this.offset = offset;
    }

    static Expr unwrap(Expr e) {
        while (e instanceof Expr.Paren p) {
            e = p.expr();
        }
        return e;
    }

    static RangeSource of(Evaluator ev, Expr arg) {
        Expr e = unwrap(arg);
        if (e instanceof Expr.MatrixSelector ms) {
            Expr.VectorSelector vs = ms.selector();
            long first = ev.refTime(ev.start, vs.at(), vs.atMillis(), vs.offsetMillis());
            long last = ev.refTime(ev.end, vs.at(), vs.atMillis(), vs.offsetMillis());
            List<SelectedSeries> sel = ev.store.select(vs.matchers(), first - ms.rangeMillis() + 1, last);
            return new RangeSource(ev, sel, null, ms.rangeMillis(), vs.at(), vs.atMillis(), vs.offsetMillis());
        }
        Expr.Subquery sq = (Expr.Subquery) e;
        List<Series> mat = ev.subquery(sq);
        return new RangeSource(ev, null, mat, sq.rangeMillis(), sq.at(), sq.atMillis(), sq.offsetMillis());
    }

    /** Gives back to the budget the points of a subquery once its windows have been evaluated. */
    void release() {
        ev.release(computed);
    }

    int size() {
        return selected != null ? selected.size() : computed.size();
    }

    Labels labels(int i) {
        return selected != null ? selected.get(i).labels() : computed.get(i).metric;
    }

    long ref(long ts) {
        return ev.refTime(ts, at, atMillis, offset);
    }

    /** Growable primitive buffers for one series' samples. */
    static final class Buffer {
        long[] t = new long[64];
        double[] f = new double[64];
        int n;

        void add(long ts, double v) {
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
                f = Arrays.copyOf(f, n * 2);
            }
            t[n] = ts;
            f[n] = v;
            n++;
        }
    }

    /** Loads the samples of series i that any step's window may see into the buffer; returns how many. */
    int load(int i, Buffer buf) {
        buf.n = 0;
        if (computed != null) {
            Series s = computed.get(i);
            for (int k = 0; k < s.n; k++) {
                buf.add(s.t[k], s.f[k]);
            }
            return buf.n;
        }
        SampleIterator it = selected.get(i).iterator();
        while (it.next()) {
            double v = it.value();
            if (!StaleMarker.isStaleMarker(v)) {
                buf.add(it.timestamp(), v);
            }
        }
        return buf.n;
    }

    /** A matrix selector evaluated on its own (an instant query for {@code x[5m]}): the raw samples. */
    static List<Series> rawMatrix(Evaluator ev, Expr.MatrixSelector ms) {
        if (ev.start != ev.end) {
            throw new EvalError(
                    "invalid expression type \"range vector\" for range query, must be Scalar or instant" + " Vector");
        }
        RangeSource src = of(ev, ms);
        return src.rawWindows();
    }

    List<Series> rawWindows() {
        long ref = ref(ev.start);
        Buffer buf = new Buffer();
        List<Series> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            load(i, buf);
            Series s = new Series(labels(i), false, 4);
            for (int k = 0; k < buf.n; k++) {
                if (buf.t[k] > ref - range && buf.t[k] <= ref) {
                    s.add(buf.t[k], buf.f[k]);
                }
            }
            if (s.n > 0) {
                ev.budget.take(s.n);
                out.add(s);
            }
        }
        return out;
    }
}
