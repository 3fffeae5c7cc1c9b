package dev.steward.core.promql.parse;

/** The postfix modifiers of PromQL: ranges, subqueries, {@code offset} and {@code @}, with Prometheus's checks. */
final class Modifiers {
    private Modifiers() {}

    static Expr range(Parser p, Expr e) throws ParseException {
        Token open = p.current();
        long[] rs = p.rangeAndStep();
        if (rs.length == 1) {
            if (!(e instanceof Expr.VectorSelector vs)) {
                throw p.errorAt(open.start(), "ranges only allowed for vector selectors");
            }
            if (vs.offsetMillis() != 0) {
                throw p.errorAt(open.start(), "no offset modifiers allowed before range");
            }
            if (vs.at() != Expr.At.NONE) {
                throw p.errorAt(open.start(), "no @ modifiers allowed before range");
            }
            return new Expr.MatrixSelector(vs, rs[0], vs.position());
        }
        if (e.type() != ValueType.VECTOR) {
            throw p.errorAt(
                    e.position(),
                    "subquery is only allowed on instant vector, got "
                            + e.type().description() + " instead");
        }
        return new Expr.Subquery(e, rs[0], rs[1], 0, Expr.At.NONE, 0, e.position());
    }

    static Expr offset(Parser p, Token at, Expr e, long offset) throws ParseException {
        return switch (e) {
            case Expr.VectorSelector vs -> {
                if (vs.offsetMillis() != 0) {
                    throw p.errorAt(at.start(), "offset may not be set multiple times");
                }
                yield vs.withOffset(offset);
            }
            case Expr.MatrixSelector ms -> {
                if (ms.selector().offsetMillis() != 0) {
                    throw p.errorAt(at.start(), "offset may not be set multiple times");
                }
                yield new Expr.MatrixSelector(ms.selector().withOffset(offset), ms.rangeMillis(), ms.position());
            }
            case Expr.Subquery sq -> {
                if (sq.offsetMillis() != 0) {
                    throw p.errorAt(at.start(), "offset may not be set multiple times");
                }
                yield new Expr.Subquery(
                        sq.expr(), sq.rangeMillis(), sq.stepMillis(), offset, sq.at(), sq.atMillis(), sq.position());
            }
            default ->
                throw p.errorAt(
                        at.start(),
                        "offset modifier must be preceded by an instant vector selector or range vector selector or a"
                                + " subquery");
        };
    }

    static Expr at(Parser p, Token at, Expr e) throws ParseException {
        Object v = p.atValue();
        Expr.At mode = v instanceof Expr.At a ? a : Expr.At.TIME;
        long t = v instanceof Long l ? l : 0;
        String twice = "@ <timestamp> may not be set multiple times";
        return switch (e) {
            case Expr.VectorSelector vs -> {
                if (vs.at() != Expr.At.NONE) {
                    throw p.errorAt(at.start(), twice);
                }
                yield vs.withAt(mode, t);
            }
            case Expr.MatrixSelector ms -> {
                if (ms.selector().at() != Expr.At.NONE) {
                    throw p.errorAt(at.start(), twice);
                }
                yield new Expr.MatrixSelector(ms.selector().withAt(mode, t), ms.rangeMillis(), ms.position());
            }
            case Expr.Subquery sq -> {
                if (sq.at() != Expr.At.NONE) {
                    throw p.errorAt(at.start(), twice);
                }
                yield new Expr.Subquery(
                        sq.expr(), sq.rangeMillis(), sq.stepMillis(), sq.offsetMillis(), mode, t, sq.position());
            }
            default ->
                throw p.errorAt(
                        at.start(),
                        "@ modifier must be preceded by an instant vector selector or range vector selector or a"
                                + " subquery");
        };
    }
}
