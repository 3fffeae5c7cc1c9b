package dev.steward.core.promql.parse;

import dev.steward.core.promql.parse.Expr.VectorMatching.Cardinality;
import java.util.List;

/** Builds a binary expression after the type checks Prometheus makes on it. */
final class BinaryChecks {
    private BinaryChecks() {}

    static Expr build(
            Parser p, Token opToken, BinaryOp op, Expr lhs, Expr rhs, Expr.VectorMatching matching, boolean returnBool)
            throws ParseException {
        ValueType lt = lhs.type();
        ValueType rt = rhs.type();
        int pos = lhs.position();
        if (returnBool && !op.isComparison()) {
            throw p.errorAt(opToken.start(), "bool modifier can only be used on comparison operators");
        }
        if ((lt != ValueType.SCALAR && lt != ValueType.VECTOR) || (rt != ValueType.SCALAR && rt != ValueType.VECTOR)) {
            throw p.errorAt(pos, "binary expression must contain only scalar and instant vector types");
        }
        if (op.isComparison() && lt == ValueType.SCALAR && rt == ValueType.SCALAR && !returnBool) {
            throw p.errorAt(pos, "comparisons between scalars must use BOOL modifier");
        }
        boolean vectors = lt == ValueType.VECTOR && rt == ValueType.VECTOR;
        if (op.isSetOperator() && !vectors) {
            throw p.errorAt(pos, "set operator \"" + op.symbol() + "\" not allowed in binary scalar expression");
        }
        if (matching != null && !vectors) {
            throw p.errorAt(pos, "vector matching only allowed between instant vectors");
        }
        if (vectors && matching == null) {
            matching = new Expr.VectorMatching(Cardinality.ONE_TO_ONE, List.of(), false, List.of());
        }
        if (matching != null) {
            if (op.isSetOperator()
                    && (matching.cardinality() == Cardinality.MANY_TO_ONE
                            || matching.cardinality() == Cardinality.ONE_TO_MANY)) {
                throw p.errorAt(pos, "no grouping allowed for \"" + op.symbol() + "\" operation");
            }
            if (matching.on()) {
                for (String l : matching.include()) {
                    if (matching.labels().contains(l)) {
                        throw p.errorAt(pos, "label \"" + l + "\" must not occur in ON and GROUP clause at once");
                    }
                }
            }
        }
        return new Expr.Binary(op, lhs, rhs, matching, returnBool, pos);
    }
}
