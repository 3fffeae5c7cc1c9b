package dev.steward.core.promql.eval;

import dev.steward.core.promql.eval.RangeFunctions.Kind;

/**
 * The value of a range function over one window of samples {@code [lo, hi)} of primitive arrays, with Prometheus's
 * arithmetic (Kahan summation, extrapolation of rates, NaN ordering). "No output for this step" is the NaN payload
 * {@link #ABSENT_BITS}, so that no result needs boxing.
 */
final class WindowFunctions {
    static final long ABSENT_BITS = 0x7ff8_0000_dead_beefL;
    static final double ABSENT = Double.longBitsToDouble(ABSENT_BITS);

    private WindowFunctions() {}

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
