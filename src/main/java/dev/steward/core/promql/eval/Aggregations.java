package dev.steward.core.promql.eval;

import dev.steward.core.promql.parse.AggregateOp;
import dev.steward.core.promql.parse.Expr;
import dev.steward.core.promql.parse.Numbers;
import dev.steward.core.promql.parse.Utf8;
import dev.steward.core.series.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregation operators. Groups are computed once per input series; then each step folds the present samples into
 * their group with primitive accumulators, so {@code sum by (x) (...)} over many series allocates per group, not per
 * sample.
 */
final class Aggregations {
    private Aggregations() {}

    static List<Series> eval(Evaluator ev, Expr.Aggregate a) {
        AggregateOp op = a.op();
        if (op == AggregateOp.COUNT_VALUES) {
            return CountValues.eval(ev, a);
        }
        double[] param = a.param() == null ? null : ev.scalarValues(a.param());
        List<Series> input = ev.matrix(a.expr());
        if (op == AggregateOp.TOPK
                || op == AggregateOp.BOTTOMK
                || op == AggregateOp.LIMITK
                || op == AggregateOp.LIMIT_RATIO) {
            return KAggregations.eval(ev, a, input, param);
        }
        Map<Labels, Integer> groupIndex = new HashMap<>();
        int[] groupOf = new int[input.size()];
        List<Labels> groupLabels = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            Labels g = groupingLabels(input.get(i).metric, a.grouping(), a.without());
            Integer idx = groupIndex.get(g);
            if (idx == null) {
                idx = groupLabels.size();
                groupIndex.put(g, idx);
                groupLabels.add(g);
            }
            groupOf[i] = idx;
        }
        int groups = groupLabels.size();
        Accumulators acc = new Accumulators(op, groups);
        int steps = ev.steps();
        Series[] out = new Series[groups];
        int[] cursor = new int[input.size()];
        boolean warnedQuantile = false;
        int step = 0;
        for (long ts = ev.start; ts <= ev.end; ts += ev.interval, step++) {
            acc.reset();
            double q = param == null ? 0 : param[step];
            if (op == AggregateOp.QUANTILE && !warnedQuantile && (Double.isNaN(q) || q < 0 || q > 1)) {
                ev.annotations.warn("quantile value should be between 0 and 1, got " + Numbers.format(q));
                warnedQuantile = true;
            }
            for (int i = 0; i < input.size(); i++) {
                Series s = input.get(i);
                int c = cursor[i];
                while (c < s.n && s.t[c] < ts) {
                    c++;
                }
                cursor[i] = c;
                if (c < s.n && s.t[c] == ts) {
                    acc.add(groupOf[i], s.f[c]);
                }
            }
            for (int g = 0; g < groups; g++) {
                if (!acc.seen[g]) {
                    continue;
                }
                if (out[g] == null) {
                    boolean drop = g < input.size() && input.get(g).dropName;
                    out[g] = new Series(groupLabels.get(g), drop, Math.min(steps, 16));
                }
                out[g].add(ts, acc.result(g, q));
            }
        }
        List<Series> result = new ArrayList<>();
        for (Series s : out) {
            if (s != null) {
                ev.budget.take(s.n);
                result.add(s);
            }
        }
        ev.release(input);
        return result;
    }

    /** The labels of the group a series falls in: only the {@code by} labels, or all but the {@code without} ones. */
    static Labels groupingLabels(Labels metric, List<String> grouping, boolean without) {
        if (without) {
            String[] drop = new String[grouping.size() + 1];
            for (int i = 0; i < grouping.size(); i++) {
                drop[i] = grouping.get(i);
            }
            drop[grouping.size()] = Labels.METRIC_NAME;
            return metric.without(drop);
        }
        if (grouping.isEmpty()) {
            return Labels.EMPTY;
        }
        Labels.Builder b = Labels.builder();
        for (String name : grouping) {
            String v = metric.get(name);
            if (v != null) {
                b.add(name, v);
            }
        }
        return b.build();
    }

    /** Per-group running state of the simple aggregations, in parallel primitive arrays. */
    static final class Accumulators {
        final AggregateOp op;
        final boolean[] seen;
        final double[] value;
        final double[] comp;
        final double[] mean;
        final double[] count;
        final boolean[] incremental;
        final double[][] values;
        final int[] sizes;

        Accumulators(AggregateOp op, int groups) {
            this.op = op;
            seen = new boolean[groups];
            value = new double[groups];
            comp = new double[groups];
            mean = new double[groups];
            count = new double[groups];
            incremental = new boolean[groups];
            values = op == AggregateOp.QUANTILE ? new double[groups][] : null;
            sizes = op == AggregateOp.QUANTILE ? new int[groups] : null;
        }

        void reset() {
            java.util.Arrays.fill(seen, false);
        }

        void add(int g, double f) {
            if (!seen[g]) {
                seen[g] = true;
                value[g] = f;
                mean[g] = f;
                comp[g] = 0;
                count[g] = 1;
                incremental[g] = false;
                if (op == AggregateOp.STDDEV || op == AggregateOp.STDVAR) {
                    value[g] = Double.isNaN(f) || Double.isInfinite(f) ? Double.NaN : 0;
                }
                if (op == AggregateOp.QUANTILE) {
                    if (values[g] == null) {
                        values[g] = new double[8];
                    }
                    values[g][0] = f;
                    sizes[g] = 1;
                }
                return;
            }
            switch (op) {
                case SUM -> {
                    double[] c = {comp[g]};
                    value[g] = Stats.kahanInc(f, value[g], c);
                    comp[g] = c[0];
                }
                case AVG -> avg(g, f);
                case MAX -> {
                    if (value[g] < f || Double.isNaN(value[g])) {
                        value[g] = f;
                    }
                }
                case MIN -> {
                    if (value[g] > f || Double.isNaN(value[g])) {
                        value[g] = f;
                    }
                }
                case COUNT -> count[g]++;
                case STDDEV, STDVAR -> {
                    count[g]++;
                    double delta = f - mean[g];
                    mean[g] += delta / count[g];
                    value[g] += delta * (f - mean[g]);
                }
                case QUANTILE -> {
                    if (sizes[g] == values[g].length) {
                        values[g] = java.util.Arrays.copyOf(values[g], sizes[g] * 2);
                    }
                    values[g][sizes[g]++] = f;
                }
                default -> {}
            }
        }

        private void avg(int g, double f) {
            count[g]++;
            if (!incremental[g]) {
                double[] c = {comp[g]};
                double newSum = Stats.kahanInc(f, value[g], c);
                if (!Double.isInfinite(newSum)) {
                    value[g] = newSum;
                    comp[g] = c[0];
                    return;
                }
                incremental[g] = true;
                mean[g] = value[g] / (count[g] - 1);
                comp[g] /= count[g] - 1;
            }
            double q = (count[g] - 1) / count[g];
            double[] c = {q * comp[g]};
            mean[g] = Stats.kahanInc(f / count[g], q * mean[g], c);
            comp[g] = c[0];
        }

        double result(int g, double q) {
            return switch (op) {
                case SUM -> value[g] + comp[g];
                case AVG -> incremental[g] ? mean[g] + comp[g] : value[g] / count[g] + comp[g] / count[g];
                case COUNT -> count[g];
                case GROUP -> 1;
                case STDVAR -> value[g] / count[g];
                case STDDEV -> Math.sqrt(value[g] / count[g]);
                case QUANTILE -> Stats.quantile(q, values[g], sizes[g]);
                default -> value[g];
            };
        }
    }

    /** {@code count_values("label", v)}: counts the series per distinct value, the value becoming a label. */
    static final class CountValues {
        private CountValues() {}

        static List<Series> eval(Evaluator ev, Expr.Aggregate a) {
            String label = ((Expr.StringLiteral) RangeSource.unwrap(a.param())).value();
            if (label.isEmpty() || !Utf8.isValid(label)) {
                throw new EvalError("invalid label name " + Utf8.quote(label));
            }
            List<String> grouping = new ArrayList<>(a.grouping());
            if (!a.without()) {
                grouping.add(label);
            }
            return ev.rangeEval(
                    (v, ts) -> {
                        Map<Labels, Integer> counts = new LinkedHashMap<>();
                        for (Element e : v.get(0)) {
                            Labels m = e.metric().toBuilder()
                                    .add(label, formatValue(e.f()))
                                    .build();
                            counts.merge(groupingLabels(m, grouping, a.without()), 1, Integer::sum);
                        }
                        List<Element> out = new ArrayList<>(counts.size());
                        counts.forEach((l, c) -> out.add(new Element(l, c, false)));
                        return out;
                    },
                    List.of(a.expr()));
        }

        /** Go's {@code strconv.FormatFloat(f, 'f', -1, 64)}. */
        static String formatValue(double f) {
            if (Double.isNaN(f)) {
                return "NaN";
            }
            if (Double.isInfinite(f)) {
                return f > 0 ? "+Inf" : "-Inf";
            }
            if (f == 0) {
                return 1 / f < 0 ? "-0" : "0";
            }
            return new java.math.BigDecimal(Double.toString(f))
                    .stripTrailingZeros()
                    .toPlainString();
        }
    }
}
