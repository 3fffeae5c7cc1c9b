package dev.steward.core.promql.eval;

import dev.steward.core.promql.parse.Numbers;
import dev.steward.core.series.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code histogram_quantile} and {@code histogram_fraction} over classic histograms (series with an {@code le}). */
final class ClassicHistograms {
    private static final double SMALL_DELTA = 1e-12;
    private static final double MIN_NORMAL = Double.MIN_NORMAL;

    private ClassicHistograms() {}

    /** The buckets of one histogram: upper bounds and cumulative counts. */
    private static final class Buckets {
        final Labels metric;
        double[] upper = new double[8];
        double[] count = new double[8];
        int n;

        Buckets(Labels metric) {
            this.metric = metric;
        }

        void add(double u, double c) {
            if (n == upper.length) {
                upper = Arrays.copyOf(upper, n * 2);
                count = Arrays.copyOf(count, n * 2);
            }
            upper[n] = u;
            count[n] = c;
            n++;
        }

        /** Sorts by upper bound and merges buckets with the same bound. */
        void sortAndCoalesce() {
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (a, b) -> Double.compare(upper[a], upper[b]));
            double[] u = new double[n];
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = upper[idx[i]];
                c[i] = count[idx[i]];
            }
            int k = 0;
            for (int i = 1; i < n; i++) {
                if (u[i] == u[k]) {
                    c[k] += c[i];
                } else {
                    k++;
                    u[k] = u[i];
                    c[k] = c[i];
                }
            }
            upper = u;
            count = c;
            n = n == 0 ? 0 : k + 1;
        }
    }

    private static Map<Labels, Buckets> group(Evaluator ev, List<Element> vec) {
        Map<Labels, Buckets> groups = new LinkedHashMap<>();
        for (Element e : vec) {
            String le = e.metric().get("le");
            double upper;
            try {
                upper = parseGoFloat(le);
            } catch (NumberFormatException ex) {
                ev.annotations.warn("bucket label \"le\" is missing or has a malformed value of \""
                        + (le == null ? "" : le) + "\" for metric name \""
                        + nullToEmpty(e.metric().metricName()) + "\"");
                continue;
            }
            Labels key = e.metric().without("le");
            groups.computeIfAbsent(key, Buckets::new).add(upper, e.f());
        }
        return groups;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static double parseGoFloat(String s) {
        if (s == null || s.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        String l = s.toLowerCase(Locale.ROOT);
        String body = l.startsWith("+") || l.startsWith("-") ? l.substring(1) : l;
        boolean neg = l.startsWith("-");
        if (body.equals("inf") || body.equals("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (body.equals("nan")) {
            return Double.NaN;
        }
        char last = l.charAt(l.length() - 1);
        if (!(Character.isDigit(last) || last == '.') || body.startsWith("0x") || l.contains(" ")) {
            if (body.startsWith("0x")) {
                return Numbers.parse(l);
            }
            throw new NumberFormatException(s);
        }
        return Double.parseDouble(s);
    }

    static List<Element> quantile(Evaluator ev, double q, List<Element> vec) {
        if (Double.isNaN(q) || q < 0 || q > 1) {
            ev.annotations.warn("quantile value should be between 0 and 1, got " + Numbers.format(q));
        }
        List<Element> out = new ArrayList<>();
        for (Buckets b : group(ev, vec).values()) {
            boolean[] forced = {false};
            double v = bucketQuantile(q, b, forced);
            if (forced[0]) {
                ev.annotations.info("input to histogram_quantile needed to be fixed for monotonicity (see"
                        + " https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile) for"
                        + " metric name \"" + nullToEmpty(b.metric.metricName()) + "\"");
            }
            out.add(new Element(b.metric, v, true));
        }
        return out;
    }

    static List<Element> fraction(Evaluator ev, double lower, double upper, List<Element> vec) {
        List<Element> out = new ArrayList<>();
        for (Buckets b : group(ev, vec).values()) {
            out.add(new Element(b.metric, bucketFraction(lower, upper, b), true));
        }
        return out;
    }

    private static double bucketQuantile(double q, Buckets b, boolean[] forced) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        b.sortAndCoalesce();
        if (b.n == 0 || b.upper[b.n - 1] != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        forced[0] = ensureMonotonic(b);
        if (b.n < 2) {
            return Double.NaN;
        }
        double observations = b.count[b.n - 1];
        if (observations == 0) {
            return Double.NaN;
        }
        double rank = q * observations;
        int idx = 0;
        while (idx < b.n - 1 && !(b.count[idx] >= rank)) {
            idx++;
        }
        if (idx == b.n - 1) {
            return b.upper[b.n - 2];
        }
        if (idx == 0 && b.upper[0] <= 0) {
            return b.upper[0];
        }
        double bucketStart = 0;
        double bucketEnd = b.upper[idx];
        double count = b.count[idx];
        if (idx > 0) {
            bucketStart = b.upper[idx - 1];
            count -= b.count[idx - 1];
            rank -= b.count[idx - 1];
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count);
    }

    private static boolean ensureMonotonic(Buckets b) {
        boolean forced = false;
        double prev = b.count[0];
        for (int i = 1; i < b.n; i++) {
            double curr = b.count[i];
            if (curr == prev) {
                continue;
            }
            if (almostEqual(prev, curr, SMALL_DELTA)) {
                b.count[i] = prev;
                continue;
            }
            if (curr < prev) {
                b.count[i] = prev;
                forced = true;
                continue;
            }
            prev = curr;
        }
        return forced;
    }

    static boolean almostEqual(double a, double b, double epsilon) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return true;
        }
        if (a == b) {
            return true;
        }
        double absSum = Math.abs(a) + Math.abs(b);
        double diff = Math.abs(a - b);
        if (a == 0 || b == 0 || absSum < MIN_NORMAL) {
            return diff < epsilon * MIN_NORMAL;
        }
        return diff / Math.min(absSum, Double.MAX_VALUE) < epsilon;
    }

    private static double bucketFraction(double lower, double upper, Buckets b) {
        b.sortAndCoalesce();
        if (b.n == 0 || b.upper[b.n - 1] != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        double count = b.count[b.n - 1];
        if (count == 0 || Double.isNaN(lower) || Double.isNaN(upper)) {
            return Double.NaN;
        }
        if (lower >= upper) {
            return 0;
        }
        double rank = 0;
        double lowerRank = 0;
        double upperRank = 0;
        boolean lowerSet = false;
        boolean upperSet = false;
        for (int i = 0; i < b.n; i++) {
            double lowerBound = i > 0 ? b.upper[i - 1] : Double.NEGATIVE_INFINITY;
            double upperBound = b.upper[i];
            double bc = b.count[i];
            if (!lowerSet && lowerBound >= lower) {
                lowerRank = rank;
                lowerSet = true;
            }
            if (!upperSet && lowerBound >= upper) {
                upperRank = rank;
                upperSet = true;
            }
            if (lowerSet && upperSet) {
                break;
            }
            if (!lowerSet && lowerBound < lower && upperBound > lower) {
                lowerRank = rank + (bc - rank) * (lower - lowerBound) / (upperBound - lowerBound);
                lowerSet = true;
            }
            if (!upperSet && lowerBound < upper && upperBound > upper) {
                upperRank = rank + (bc - rank) * (upper - lowerBound) / (upperBound - lowerBound);
                upperSet = true;
            }
            if (lowerSet && upperSet) {
                break;
            }
            rank = bc;
        }
        if (!lowerSet || lowerRank > count) {
            lowerRank = count;
        }
        if (!upperSet || upperRank > count) {
            upperRank = count;
        }
        return (upperRank - lowerRank) / count;
    }
}
