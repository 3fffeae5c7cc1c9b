package dev.steward.core.promql.eval;

import dev.steward.core.series.Labels;
import java.util.Arrays;

/**
 * One series of an intermediate or final matrix: labels, whether {@code __name__} is to be dropped at the end of the
 * query (Prometheus's delayed name removal), and its points in two parallel primitive arrays.
 */
public final class Series {
    Labels metric;
    boolean dropName;
    long[] t;
    double[] f;
    int n;

    Series(Labels metric, boolean dropName, int capacity) {
        this.metric = metric;
        this.dropName = dropName;
        this.t = new long[Math.max(1, capacity)];
        this.f = new double[Math.max(1, capacity)];
    }

    void add(long ts, double v) {
        if (n == t.length) {
            t = Arrays.copyOf(t, n * 2);
            f = Arrays.copyOf(f, n * 2);
        }
        t[n] = ts;
        f[n] = v;
        n++;
    }

    public Labels metric() {
        return metric;
    }

    public int size() {
        return n;
    }

    public long timestampAt(int i) {
        return t[i];
    }

    public double valueAt(int i) {
        return f[i];
    }
}
