package dev.steward.core.promql.eval;

import java.util.Arrays;

/** Numeric helpers shared by functions and aggregations: Kahan summation, quantiles, linear regression. */
final class Stats {
    private Stats() {}

    /** One step of Kahan-Babuska summation; returns the new sum, and the new compensation in {@code c[0]}. */
    static double kahanInc(double inc, double sum, double[] c) {
        double t = sum + inc;
        if (Double.isInfinite(t)) {
            c[0] = 0;
        } else if (Math.abs(sum) >= Math.abs(inc)) {
            c[0] += (sum - t) + inc;
        } else {
            c[0] += (inc - t) + sum;
        }
        return t;
    }

    /** Sorts ascending with NaN first, as Prometheus's value heap does. */
    static void sortNaNFirst(double[] v, int n) {
        Arrays.sort(v, 0, n);
        int nans = 0;
        for (int i = n - 1; i >= 0 && Double.isNaN(v[i]); i--) {
            nans++;
        }
        if (nans > 0) {
            System.arraycopy(v, 0, v, nans, n - nans);
            Arrays.fill(v, 0, nans, Double.NaN);
        }
    }

    /** The q-quantile of the first n values (which get sorted), interpolating linearly like Prometheus. */
    static double quantile(double q, double[] v, int n) {
        if (n == 0 || Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        sortNaNFirst(v, n);
        double rank = q * (n - 1);
        int lower = (int) Math.max(0, Math.floor(rank));
        int upper = Math.min(n - 1, lower + 1);
        double weight = rank - Math.floor(rank);
        return v[lower] * (1 - weight) + v[upper] * weight;
    }

    /** Slope and intercept (at {@code interceptTime}) of the least-squares line through the points. */
    static double[] linearRegression(long[] t, double[] f, int lo, int hi, long interceptTime) {
        double n = 0;
        double sumX = 0;
        double sumY = 0;
        double sumXY = 0;
        double sumX2 = 0;
        double[] cX = {0};
        double[] cY = {0};
        double[] cXY = {0};
        double[] cX2 = {0};
        double initY = f[lo];
        boolean constY = true;
        for (int i = lo; i < hi; i++) {
            if (constY && i > lo && f[i] != initY) {
                constY = false;
            }
            n += 1;
            double x = (t[i] - interceptTime) / 1e3;
            sumX = kahanInc(x, sumX, cX);
            sumY = kahanInc(f[i], sumY, cY);
            sumXY = kahanInc(x * f[i], sumXY, cXY);
            sumX2 = kahanInc(x * x, sumX2, cX2);
        }
        if (constY) {
            if (Double.isInfinite(initY)) {
                return new double[] {Double.NaN, Double.NaN};
            }
            return new double[] {0, initY};
        }
        sumX += cX[0];
        sumY += cY[0];
        sumXY += cXY[0];
        sumX2 += cX2[0];
        double covXY = sumXY - sumX * sumY / n;
        double varX = sumX2 - sumX * sumX / n;
        double slope = covXY / varX;
        double intercept = sumY / n - slope * sumX / n;
        return new double[] {slope, intercept};
    }
}
