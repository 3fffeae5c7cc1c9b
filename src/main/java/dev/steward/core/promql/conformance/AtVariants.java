package dev.steward.core.promql.conformance;

import dev.steward.core.promql.parse.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The extra runs Prometheus's test runner makes of every instant query: each selector and subquery pinned with
 * {@code @} to the case's time (selectors inside a subquery left alone), evaluated at other times, must give the same
 * result. Skipped for queries whose result depends on the evaluation time itself.
 */
final class AtVariants {
    private static final Set<String> UNSAFE = Set.of(
            "days_in_month",
            "day_of_month",
            "day_of_week",
            "day_of_year",
            "hour",
            "minute",
            "month",
            "year",
            "predict_linear",
            "time",
            "timestamp");

    private AtVariants() {}

    /** One pinned query and the time to evaluate it at. */
    record Variant(Expr expr, long time) {}

    static List<Variant> of(Expr e, long ts) {
        if (unsafe(e)) {
            return List.of();
        }
        Expr pinned = pin(e, ts);
        long[] times = ts == 0 ? new long[] {-1000, -ts, 1000} : new long[] {-10 * ts, 0, ts / 5, ts, 10 * ts};
        List<Variant> out = new ArrayList<>();
        for (long t : times) {
            out.add(new Variant(pinned, t));
        }
        return out;
    }

    private static boolean unsafe(Expr e) {
        return switch (e) {
            case Expr.Call c ->
                UNSAFE.contains(c.function().name()) || c.args().stream().anyMatch(AtVariants::unsafe);
            case Expr.Subquery sq -> unsafe(sq.expr());
            case Expr.Aggregate a -> unsafe(a.expr()) || (a.param() != null && unsafe(a.param()));
            case Expr.Binary b -> unsafe(b.lhs()) || unsafe(b.rhs());
            case Expr.Unary u -> unsafe(u.expr());
            case Expr.Paren p -> unsafe(p.expr());
            default -> false;
        };
    }

    static Expr pin(Expr e, long ts) {
        return switch (e) {
            case Expr.VectorSelector vs -> pinSelector(vs, ts);
            case Expr.MatrixSelector ms ->
                new Expr.MatrixSelector(pinSelector(ms.selector(), ts), ms.rangeMillis(), ms.position());
            case Expr.Subquery sq ->
                sq.at() != Expr.At.NONE
                        ? sq
                        : new Expr.Subquery(
                                sq.expr(),
                                sq.rangeMillis(),
                                sq.stepMillis(),
                                sq.offsetMillis(),
                                Expr.At.TIME,
                                ts,
                                sq.position());
            case Expr.Call c ->
                new Expr.Call(
                        c.function(), c.args().stream().map(a -> pin(a, ts)).toList(), c.position());
            case Expr.Aggregate a ->
                new Expr.Aggregate(
                        a.op(),
                        pin(a.expr(), ts),
                        a.param() == null ? null : pin(a.param(), ts),
                        a.grouping(),
                        a.without(),
                        a.position());
            case Expr.Binary b ->
                new Expr.Binary(b.op(), pin(b.lhs(), ts), pin(b.rhs(), ts), b.matching(), b.returnBool(), b.position());
            case Expr.Unary u -> new Expr.Unary(u.negate(), pin(u.expr(), ts), u.position());
            case Expr.Paren p -> new Expr.Paren(pin(p.expr(), ts), p.position());
            case Expr.NumberLiteral n -> n;
            case Expr.StringLiteral s -> s;
        };
    }

    private static Expr.VectorSelector pinSelector(Expr.VectorSelector vs, long ts) {
        if (vs.at() != Expr.At.NONE) {
            return vs;
        }
        return new Expr.VectorSelector(vs.name(), vs.matchers(), vs.offsetMillis(), Expr.At.TIME, ts, vs.position());
    }
}
