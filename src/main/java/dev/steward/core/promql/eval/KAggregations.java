package dev.steward.core.promql.eval;

import dev.steward.core.promql.parse.AggregateOp;
import dev.steward.core.promql.parse.Expr;
import dev.steward.core.promql.parse.Numbers;
import dev.steward.core.series.Labels;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregations that return input series rather than new ones: {@code topk}, {@code bottomk}, {@code limitk} and
 * {@code limit_ratio}. {@code limit_ratio} picks series by the xxHash of their labels, as Prometheus does, so both pick
 * the same series.
 */
final class KAggregations {
    private static final double MAX_UINT64 = 18446744073709551615.0;

    private KAggregations() {}

    static List<Series> eval(Evaluator ev, Expr.Aggregate a, List<Series> input, double[] param) {
        AggregateOp op = a.op();
        Map<Labels, Integer> groupIndex = new HashMap<>();
        int[] groupOf = new int[input.size()];
        for (int i = 0; i < input.size(); i++) {
            Labels g = Aggregations.groupingLabels(input.get(i).metric, a.grouping(), a.without());
            groupOf[i] = groupIndex.computeIfAbsent(g, x -> groupIndex.size());
        }
        int groups = groupIndex.size();
        double[] sampleOffset = op == AggregateOp.LIMIT_RATIO ? new double[input.size()] : null;
        for (int i = 0; sampleOffset != null && i < input.size(); i++) {
            sampleOffset[i] = unsigned(XxHash64.hashLabels(input.get(i).metric)) / MAX_UINT64;
        }
        boolean instant = ev.start == ev.end;
        Map<Labels, Series> byLabels = new HashMap<>();
        List<Series> ordered = new ArrayList<>();
        int[] cursor = new int[input.size()];
        int step = 0;
        for (long ts = ev.start; ts <= ev.end; ts += ev.interval, step++) {
            List<List<Element>> picked = new ArrayList<>(groups);
            for (int g = 0; g < groups; g++) {
                picked.add(new ArrayList<>());
            }
            double p = param[step];
            long k = 0;
            double ratio = 0;
            if (op == AggregateOp.LIMIT_RATIO) {
                if (Double.isNaN(p)) {
                    throw new EvalError("Ratio value NaN is NaN");
                }
                ratio = Math.max(-1, Math.min(1, p));
                if (ratio != p) {
                    ev.annotations.warn("ratio value should be between -1 and 1, got " + Numbers.format(p)
                            + ", capping to " + Numbers.format(ratio));
                }
            } else {
                if (!(p <= 9.223372036854775807E18 && p >= -9.223372036854775808E18)) {
                    throw new EvalError("Scalar value " + Numbers.format(p) + " overflows int64");
                }
                k = Math.min((long) p, input.size());
            }
            boolean none = op == AggregateOp.LIMIT_RATIO ? ratio == 0 : k < 1;
            for (int i = 0; i < input.size(); i++) {
                Series s = input.get(i);
                int c = cursor[i];
                while (c < s.n && s.t[c] < ts) {
                    c++;
                }
                cursor[i] = c;
                if (none || c >= s.n || s.t[c] != ts) {
                    continue;
                }
                Element e = new Element(s.metric, s.f[c], s.dropName);
                List<Element> list = picked.get(groupOf[i]);
                switch (op) {
                    case TOPK -> offer(list, e, k, true);
                    case BOTTOMK -> offer(list, e, k, false);
                    case LIMITK -> {
                        if (list.size() < k) {
                            list.add(e);
                        }
                    }
                    default -> {
                        double off = sampleOffset[i];
                        if ((ratio >= 0 && off < ratio) || (ratio < 0 && off >= 1.0 + ratio)) {
                            list.add(e);
                        }
                    }
                }
            }
            for (List<Element> list : picked) {
                if (op == AggregateOp.TOPK) {
                    list.sort(descendingNaNLast());
                } else if (op == AggregateOp.BOTTOMK) {
                    list.sort(ascendingNaNLast());
                }
                for (Element e : list) {
                    Series s = instant ? null : byLabels.get(e.metric());
                    if (s == null) {
                        s = new Series(e.metric(), e.dropName(), 4);
                        ordered.add(s);
                        if (!instant) {
                            byLabels.put(e.metric(), s);
                        }
                    }
                    s.add(ts, e.f());
                }
            }
        }
        for (Series s : ordered) {
            ev.budget.take(s.n);
        }
        ev.release(input);
        return ordered;
    }

    /** Keeps the k largest (or smallest) elements, NaN counting as the least wanted, earlier ones winning ties. */
    private static void offer(List<Element> list, Element e, long k, boolean largest) {
        if (list.size() < k) {
            list.add(e);
            return;
        }
        int worst = 0;
        for (int j = 1; j < list.size(); j++) {
            if (worse(list.get(j).f(), list.get(worst).f(), largest)) {
                worst = j;
            }
        }
        double w = list.get(worst).f();
        boolean better = largest ? w < e.f() : w > e.f();
        if (better || (Double.isNaN(w) && !Double.isNaN(e.f()))) {
            list.set(worst, e);
        }
    }

    private static boolean worse(double a, double b, boolean largest) {
        if (Double.isNaN(a)) {
            return !Double.isNaN(b);
        }
        if (Double.isNaN(b)) {
            return false;
        }
        return largest ? a < b : a > b;
    }

    private static Comparator<Element> descendingNaNLast() {
        return (x, y) -> {
            if (Double.isNaN(x.f()) || Double.isNaN(y.f())) {
                return Boolean.compare(Double.isNaN(x.f()), Double.isNaN(y.f()));
            }
            return Double.compare(y.f(), x.f());
        };
    }

    private static Comparator<Element> ascendingNaNLast() {
        return (x, y) -> {
            if (Double.isNaN(x.f()) || Double.isNaN(y.f())) {
                return Boolean.compare(Double.isNaN(x.f()), Double.isNaN(y.f()));
            }
            return Double.compare(x.f(), y.f());
        };
    }

    private static double unsigned(long h) {
        return new BigDecimal(new BigInteger(Long.toUnsignedString(h))).doubleValue();
    }
}
