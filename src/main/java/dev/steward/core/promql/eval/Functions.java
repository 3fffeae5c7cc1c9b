package dev.steward.core.promql.eval;

import dev.steward.core.promql.parse.Expr;
import dev.steward.core.series.LabelMatcher;
import dev.steward.core.series.Labels;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/** Function calls: dispatches range functions, label functions, and evaluates the instant-vector functions. */
final class Functions {
    private Functions() {}

    static List<Series> call(Evaluator ev, Expr.Call c) {
        String name = c.function().name();
        List<Expr> args = c.args();
        if (RangeFunctions.isRangeFunction(name)) {
            return RangeFunctions.eval(ev, c);
        }
        DoubleUnaryOperator math = MathFunctions.of(name);
        if (math != null) {
            return ev.rangeEval((v, ts) -> mapValues(v.get(0), math), args);
        }
        return switch (name) {
            case "label_replace" -> LabelFunctions.replace(ev, args);
            case "label_join" -> LabelFunctions.join(ev, args);
            case "timestamp" -> timestamp(ev, args.get(0));
            case "time" -> ev.rangeEval((v, ts) -> List.of(new Element(Labels.EMPTY, ts / 1000.0, false)), args);
            case "pi" -> ev.constant(Math.PI);
            case "vector" ->
                ev.rangeEval(
                        (v, ts) -> List.of(
                                new Element(Labels.EMPTY, v.get(0).get(0).f(), false)),
                        args);
            case "scalar" ->
                ev.rangeEval(
                        (v, ts) -> List.of(new Element(
                                Labels.EMPTY,
                                v.get(0).size() == 1 ? v.get(0).get(0).f() : Double.NaN,
                                false)),
                        args);
            case "absent" ->
                ev.rangeEval(
                        (v, ts) -> v.get(0).isEmpty()
                                ? List.of(new Element(absentLabels(args.get(0)), 1, false))
                                : List.of(),
                        args);
            case "clamp" ->
                ev.rangeEval(
                        (v, ts) -> clamp(
                                v.get(0), v.get(1).get(0).f(), v.get(2).get(0).f()),
                        args);
            case "clamp_max" ->
                ev.rangeEval(
                        (v, ts) -> mapValues(
                                v.get(0), x -> Math.min(x, v.get(1).get(0).f())),
                        args);
            case "clamp_min" ->
                ev.rangeEval(
                        (v, ts) -> mapValues(
                                v.get(0), x -> Math.max(x, v.get(1).get(0).f())),
                        args);
            case "round" ->
                ev.rangeEval(
                        (v, ts) -> {
                            double nearest = v.size() > 1 ? v.get(1).get(0).f() : 1;
                            double inverse = 1.0 / nearest;
                            return mapValues(v.get(0), x -> Math.floor(x * inverse + 0.5) / inverse);
                        },
                        args);
            case "sort", "sort_desc", "sort_by_label", "sort_by_label_desc" -> SortFunctions.eval(ev, name, args);
            case "histogram_quantile" ->
                ev.rangeEval(
                        (v, ts) ->
                                ClassicHistograms.quantile(ev, v.get(0).get(0).f(), v.get(1)),
                        args);
            case "histogram_fraction" ->
                ev.rangeEval(
                        (v, ts) -> ClassicHistograms.fraction(
                                ev, v.get(0).get(0).f(), v.get(1).get(0).f(), v.get(2)),
                        args);
            case "histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev", "histogram_stdvar" ->
                ev.rangeEval((v, ts) -> List.of(), args);
            case "days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute", "month", "year" ->
                ev.rangeEval((v, ts) -> date(name, v.isEmpty() ? null : v.get(0), ts), args);
            default -> throw new EvalError("function \"" + name + "\" is not supported by this engine");
        };
    }

    static List<Element> mapValues(List<Element> in, DoubleUnaryOperator op) {
        List<Element> out = new ArrayList<>(in.size());
        for (Element e : in) {
            out.add(new Element(e.metric(), op.applyAsDouble(e.f()), true));
        }
        return out;
    }

    private static List<Element> clamp(List<Element> in, double min, double max) {
        if (max < min) {
            return List.of();
        }
        return mapValues(in, x -> Math.max(min, Math.min(max, x)));
    }

    private static List<Series> timestamp(Evaluator ev, Expr arg) {
        Expr inner = RangeSource.unwrap(arg);
        if (inner instanceof Expr.VectorSelector vs) {
            List<Series> mat = ev.selectVector(vs, true);
            for (Series s : mat) {
                s.dropName = true;
            }
            return mat;
        }
        return ev.rangeEval((v, ts) -> mapValues(v.get(0), x -> ts / 1000.0), List.of(arg));
    }

    /** The labels {@code absent(x{a="b"})} returns: the equality matchers other than on the name, once each. */
    static Labels absentLabels(Expr arg) {
        List<LabelMatcher> matchers;
        if (arg instanceof Expr.VectorSelector vs) {
            matchers = vs.matchers();
        } else if (arg instanceof Expr.MatrixSelector ms) {
            matchers = ms.selector().matchers();
        } else {
            return Labels.EMPTY;
        }
        Labels.Builder b = Labels.builder();
        Set<String> has = new HashSet<>();
        for (LabelMatcher m : matchers) {
            if (m.name().equals(Labels.METRIC_NAME)) {
                continue;
            }
            if (m.type() == LabelMatcher.Type.EQ && !has.contains(m.name())) {
                b.add(m.name(), m.value());
                has.add(m.name());
            } else {
                b.remove(m.name());
            }
        }
        return b.build();
    }

    private static List<Element> date(String name, List<Element> in, long ts) {
        if (in == null) {
            return List.of(new Element(Labels.EMPTY, datePart(name, ts / 1000.0), false));
        }
        List<Element> out = new ArrayList<>(in.size());
        for (Element e : in) {
            out.add(new Element(e.metric(), datePart(name, e.f()), true));
        }
        return out;
    }

    private static double datePart(String name, double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return Double.NaN;
        }
        ZonedDateTime t = Instant.ofEpochSecond((long) seconds).atZone(ZoneOffset.UTC);
        return switch (name) {
            case "days_in_month" -> t.toLocalDate().lengthOfMonth();
            case "day_of_month" -> t.getDayOfMonth();
            case "day_of_week" -> t.getDayOfWeek().getValue() % 7;
            case "day_of_year" -> t.getDayOfYear();
            case "hour" -> t.getHour();
            case "minute" -> t.getMinute();
            case "month" -> t.getMonthValue();
            default -> t.getYear();
        };
    }
}
