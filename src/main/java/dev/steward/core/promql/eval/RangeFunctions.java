package dev.steward.core.promql.eval;

import dev.steward.core.promql.parse.Expr;
import dev.steward.core.promql.parse.Numbers;
import dev.steward.core.series.Labels;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions over a range vector ({@code rate}, {@code *_over_time}, ...). Each series' samples are loaded once
 * into primitive arrays and a window slides over them step by step, so no sample is boxed and each is visited a
 * bounded number of times.
 */
final class RangeFunctions {

    private RangeFunctions() {}

    static boolean isRangeFunction(String name) {
        return kind(name) != null;
    }

    enum Kind {
        RATE,
        INCREASE,
        DELTA,
        IRATE,
        IDELTA,
        AVG,
        SUM,
        COUNT,
        MIN,
        MAX,
        LAST,
        TS_LAST,
        TS_MIN,
        TS_MAX,
        PRESENT,
        ABSENT_OVER_TIME,
        QUANTILE,
        STDDEV,
        STDVAR,
        MAD,
        CHANGES,
        RESETS,
        DERIV,
        PREDICT_LINEAR,
        SMOOTHING
    }

    static Kind kind(String name) {
        return switch (name) {
            case "rate" -> Kind.RATE;
            case "increase" -> Kind.INCREASE;
            case "delta" -> Kind.DELTA;
            case "irate" -> Kind.IRATE;
            case "idelta" -> Kind.IDELTA;
            case "avg_over_time" -> Kind.AVG;
            case "sum_over_time" -> Kind.SUM;
            case "count_over_time" -> Kind.COUNT;
            case "min_over_time" -> Kind.MIN;
            case "max_over_time" -> Kind.MAX;
            case "last_over_time" -> Kind.LAST;
            case "ts_of_last_over_time" -> Kind.TS_LAST;
            case "ts_of_min_over_time" -> Kind.TS_MIN;
            case "ts_of_max_over_time" -> Kind.TS_MAX;
            case "present_over_time" -> Kind.PRESENT;
            case "absent_over_time" -> Kind.ABSENT_OVER_TIME;
            case "quantile_over_time" -> Kind.QUANTILE;
            case "stddev_over_time" -> Kind.STDDEV;
            case "stdvar_over_time" -> Kind.STDVAR;
            case "mad_over_time" -> Kind.MAD;
            case "changes" -> Kind.CHANGES;
            case "resets" -> Kind.RESETS;
            case "deriv" -> Kind.DERIV;
            case "predict_linear" -> Kind.PREDICT_LINEAR;
            case "double_exponential_smoothing" -> Kind.SMOOTHING;
            default -> null;
        };
    }

    static List<Series> eval(Evaluator ev, Expr.Call call) {
        String name = call.function().name();
        Kind kind = kind(name);
        List<Expr> args = call.args();
        int matrixIndex = kind == Kind.QUANTILE ? 1 : 0;
        double[][] params = new double[args.size()][];
        for (int k = 0; k < args.size(); k++) {
            if (k != matrixIndex) {
                params[k] = ev.scalarValues(args.get(k));
            }
        }
        RangeSource src = RangeSource.of(ev, args.get(matrixIndex));
        boolean dropName = kind != Kind.LAST;
        int steps = ev.steps();
        List<Series> out = new ArrayList<>();
        RangeSource.Buffer buf = new RangeSource.Buffer();
        double[] scratch = new double[16];
        boolean warnedQuantile = false;
        for (int i = 0; i < src.size(); i++) {
            int n = src.load(i, buf);
            ev.budget.take(n);
            Series s = new Series(src.labels(i), dropName, Math.min(steps, 16));
            int lo = 0;
            int hi = 0;
            int step = 0;
            for (long ts = ev.start; ts <= ev.end; ts += ev.interval, step++) {
                long ref = src.ref(ts);
                while (hi < n && buf.t[hi] <= ref) {
                    hi++;
                }
                while (lo < hi && buf.t[lo] <= ref - src.range) {
                    lo++;
                }
                if (lo == hi) {
                    continue;
                }
                if (scratch.length < hi - lo) {
                    scratch = new double[Math.max(hi - lo, scratch.length * 2)];
                }
                double p1 = 0;
                double p2 = 0;
                if (kind == Kind.QUANTILE) {
                    p1 = params[0][step];
                    if (!warnedQuantile && (Double.isNaN(p1) || p1 < 0 || p1 > 1)) {
                        ev.annotations.warn("quantile value should be between 0 and 1, got " + Numbers.format(p1));
                        warnedQuantile = true;
                    }
                } else if (kind == Kind.PREDICT_LINEAR) {
                    p1 = params[1][step];
                } else if (kind == Kind.SMOOTHING) {
                    p1 = params[1][step];
                    p2 = params[2][step];
                }
                double v = WindowFunctions.compute(kind, buf.t, buf.f, lo, hi, ts, ref, src.range, p1, p2, scratch);
                if (Double.doubleToRawLongBits(v) != WindowFunctions.ABSENT_BITS) {
                    s.add(ts, v);
                }
            }
            ev.budget.release(n);
            if (s.n > 0) {
                ev.budget.take(s.n);
                out.add(s);
                if (kind == Kind.RATE || kind == Kind.INCREASE) {
                    counterInfo(ev, src.labels(i));
                }
            }
        }
        src.release();
        if (kind == Kind.ABSENT_OVER_TIME) {
            return absentOverTime(ev, out, args.get(0));
        }
        return out;
    }

    private static void counterInfo(Evaluator ev, Labels labels) {
        String metric = labels.metricName();
        if (metric != null
                && !metric.endsWith("_total")
                && !metric.endsWith("_sum")
                && !metric.endsWith("_count")
                && !metric.endsWith("_bucket")) {
            ev.annotations.info("metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \""
                    + metric + "\"");
        }
    }

    private static List<Series> absentOverTime(Evaluator ev, List<Series> present, Expr arg) {
        int steps = ev.steps();
        boolean[] seen = new boolean[steps];
        for (Series s : present) {
            for (int k = 0; k < s.n; k++) {
                seen[(int) ((s.t[k] - ev.start) / ev.interval)] = true;
            }
        }
        Series out = new Series(Functions.absentLabels(arg), true, steps);
        for (int k = 0; k < steps; k++) {
            if (!seen[k]) {
                out.add(ev.start + k * ev.interval, 1);
            }
        }
        List<Series> res = new ArrayList<>();
        if (out.n > 0) {
            res.add(out);
        }
        return res;
    }
}
