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
    private static final long ABSENT_BITS = 0x7ff8_0000_dead_beefL;
    private static final double ABSENT = Double.longBitsToDouble(ABSENT_BITS);

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
                if (lo >= hi) {
                    if (lo > hi) {
                        lo = hi;
                    }
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
                double v = compute(kind, buf.t, buf.f, lo, hi, ts, ref, src.range, p1, p2, scratch);
                if (Double.doubleToRawLongBits(v) != ABSENT_BITS) {
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

    static double compute(
            Kind kind,
            long[] t,
            double[] f,
            int lo,
            int hi,
            long ts,
            long ref,
            long range,
            double p1,
            double p2,
            double[] scratch) {
        int n = hi - lo;
        return switch (kind) {
            case RATE -> extrapolatedRate(t, f, lo, hi, ref - range, ref, range, true, true);
            case INCREASE -> extrapolatedRate(t, f, lo, hi, ref - range, ref, range, true, false);
            case DELTA -> extrapolatedRate(t, f, lo, hi, ref - range, ref, range, false, false);
            case IRATE -> instantValue(t, f, lo, hi, true);
            case IDELTA -> instantValue(t, f, lo, hi, false);
            case AVG -> avg(f, lo, hi);
            case SUM -> sum(f, lo, hi);
            case COUNT -> n;
            case MIN -> compare(t, f, lo, hi, false, false);
            case MAX -> compare(t, f, lo, hi, true, false);
            case TS_MIN -> compare(t, f, lo, hi, false, true);
            case TS_MAX -> compare(t, f, lo, hi, true, true);
            case LAST -> f[hi - 1];
            case TS_LAST -> t[hi - 1] / 1000.0;
            case PRESENT, ABSENT_OVER_TIME -> 1;
            case QUANTILE -> {
                System.arraycopy(f, lo, scratch, 0, n);
                yield Stats.quantile(p1, scratch, n);
            }
            case STDDEV -> Math.sqrt(variance(f, lo, hi));
            case STDVAR -> variance(f, lo, hi);
            case MAD -> mad(f, lo, hi, scratch);
            case CHANGES -> changes(f, lo, hi);
            case RESETS -> resets(f, lo, hi);
            case DERIV -> n < 2 ? ABSENT : Stats.linearRegression(t, f, lo, hi, t[lo])[0];
            case PREDICT_LINEAR -> {
                if (n < 2) {
                    yield ABSENT;
                }
                double[] si = Stats.linearRegression(t, f, lo, hi, ts);
                yield si[0] * p1 + si[1];
            }
            case SMOOTHING -> smoothing(f, lo, hi, p1, p2);
        };
    }

    private static double extrapolatedRate(
            long[] t,
            double[] f,
            int lo,
            int hi,
            long rangeStart,
            long rangeEnd,
            long range,
            boolean isCounter,
            boolean isRate) {
        int n = hi - lo;
        if (n < 2) {
            return ABSENT;
        }
        long firstT = t[lo];
        long lastT = t[hi - 1];
        double result = f[hi - 1] - f[lo];
        if (isCounter) {
            double prev = f[lo];
            for (int i = lo + 1; i < hi; i++) {
                if (f[i] < prev) {
                    result += prev;
                }
                prev = f[i];
            }
        }
        double durationToStart = (firstT - rangeStart) / 1000.0;
        double durationToEnd = (rangeEnd - lastT) / 1000.0;
        double sampledInterval = (lastT - firstT) / 1000.0;
        double averageBetween = sampledInterval / (n - 1);
        double threshold = averageBetween * 1.1;
        double extrapolateTo = sampledInterval;
        if (durationToStart >= threshold) {
            durationToStart = averageBetween / 2;
        }
        if (isCounter && result > 0 && f[lo] >= 0) {
            double durationToZero = sampledInterval * (f[lo] / result);
            if (durationToZero < durationToStart) {
                durationToStart = durationToZero;
            }
        }
        extrapolateTo += durationToStart;
        if (durationToEnd >= threshold) {
            durationToEnd = averageBetween / 2;
        }
        extrapolateTo += durationToEnd;
        double factor = extrapolateTo / sampledInterval;
        if (isRate) {
            factor /= range / 1000.0;
        }
        return result * factor;
    }

    private static double instantValue(long[] t, double[] f, int lo, int hi, boolean isRate) {
        if (hi - lo < 2) {
            return ABSENT;
        }
        double last = f[hi - 1];
        double prev = f[hi - 2];
        long interval = t[hi - 1] - t[hi - 2];
        if (interval == 0) {
            return ABSENT;
        }
        double result = last;
        if (!isRate || !(last < prev)) {
            result = last - prev;
        }
        if (isRate) {
            result /= interval / 1000.0;
        }
        return result;
    }

    private static double avg(double[] f, int lo, int hi) {
        double sum = f[lo];
        double count = 1;
        double mean = 0;
        double[] c = {0};
        boolean incremental = false;
        for (int i = lo + 1; i < hi; i++) {
            count = i - lo + 1;
            if (!incremental) {
                double[] probe = {c[0]};
                double newSum = Stats.kahanInc(f[i], sum, probe);
                if (!Double.isInfinite(newSum)) {
                    sum = newSum;
                    c[0] = probe[0];
                    continue;
                }
                incremental = true;
                mean = sum / (count - 1);
                c[0] /= count - 1;
            }
            double q = (count - 1) / count;
            c[0] = q * c[0];
            mean = Stats.kahanInc(f[i] / count, q * mean, c);
        }
        if (incremental) {
            return mean + c[0];
        }
        return sum / count + c[0] / count;
    }

    private static double sum(double[] f, int lo, int hi) {
        double sum = 0;
        double[] c = {0};
        for (int i = lo; i < hi; i++) {
            sum = Stats.kahanInc(f[i], sum, c);
        }
        return Double.isInfinite(sum) ? sum : sum + c[0];
    }

    private static double compare(long[] t, double[] f, int lo, int hi, boolean max, boolean timestamp) {
        double best = f[lo];
        long bestT = t[lo];
        for (int i = lo; i < hi; i++) {
            double cur = f[i];
            boolean take;
            if (timestamp) {
                take = (max ? cur >= best : cur <= best) || Double.isNaN(best);
            } else {
                take = (max ? cur > best : cur < best) || Double.isNaN(best);
            }
            if (take) {
                best = cur;
                bestT = t[i];
            }
        }
        return timestamp ? bestT / 1000.0 : best;
    }

    private static double variance(double[] f, int lo, int hi) {
        double count = 0;
        double mean = 0;
        double[] cMean = {0};
        double aux = 0;
        double[] cAux = {0};
        for (int i = lo; i < hi; i++) {
            count++;
            double delta = f[i] - (mean + cMean[0]);
            mean = Stats.kahanInc(delta / count, mean, cMean);
            aux = Stats.kahanInc(delta * (f[i] - (mean + cMean[0])), aux, cAux);
        }
        return (aux + cAux[0]) / count;
    }

    private static double mad(double[] f, int lo, int hi, double[] scratch) {
        int n = hi - lo;
        System.arraycopy(f, lo, scratch, 0, n);
        double median = Stats.quantile(0.5, scratch, n);
        for (int i = 0; i < n; i++) {
            scratch[i] = Math.abs(f[lo + i] - median);
        }
        return Stats.quantile(0.5, scratch, n);
    }

    private static double changes(double[] f, int lo, int hi) {
        int changes = 0;
        for (int i = lo + 1; i < hi; i++) {
            if (f[i] != f[i - 1] && !(Double.isNaN(f[i]) && Double.isNaN(f[i - 1]))) {
                changes++;
            }
        }
        return changes;
    }

    private static double resets(double[] f, int lo, int hi) {
        int resets = 0;
        for (int i = lo + 1; i < hi; i++) {
            if (f[i] < f[i - 1]) {
                resets++;
            }
        }
        return resets;
    }

    private static double smoothing(double[] f, int lo, int hi, double sf, double tf) {
        if (sf <= 0 || sf >= 1) {
            throw new EvalError("invalid smoothing factor. Expected: 0 < sf < 1, got: " + String.format("%f", sf));
        }
        if (tf <= 0 || tf >= 1) {
            throw new EvalError("invalid trend factor. Expected: 0 < tf < 1, got: " + String.format("%f", tf));
        }
        int n = hi - lo;
        if (n < 2) {
            return ABSENT;
        }
        double s0 = 0;
        double s1 = f[lo];
        double b = f[lo + 1] - f[lo];
        for (int i = 1; i < n; i++) {
            double x = sf * f[lo + i];
            if (i - 1 != 0) {
                b = tf * (s1 - s0) + (1 - tf) * b;
            }
            double y = (1 - sf) * (s1 + b);
            s0 = s1;
            s1 = x + y;
        }
        return s1;
    }
}
