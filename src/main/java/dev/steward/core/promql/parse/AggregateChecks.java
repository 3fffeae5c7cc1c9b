package dev.steward.core.promql.parse;

import java.util.List;

/** Builds an aggregation after checking its arguments. */
final class AggregateChecks {
    private AggregateChecks() {}

    static Expr build(Parser p, Token start, AggregateOp op, List<Expr> args, List<String> grouping, boolean without)
            throws ParseException {
        int want = op.paramType() == null ? 1 : 2;
        if (args.size() != want) {
            throw p.errorAt(
                    start.start(),
                    "wrong number of arguments for aggregate expression provided, expected " + want + ", got "
                            + args.size());
        }
        Expr param = want == 2 ? args.get(0) : null;
        Expr expr = args.get(want - 1);
        if (param != null) {
            CallChecks.expectType(p, param, op.paramType(), "aggregation parameter");
        }
        CallChecks.expectType(p, expr, ValueType.VECTOR, "aggregation expression");
        return new Expr.Aggregate(op, expr, param, grouping, without, start.start());
    }
}
