package dev.steward.core.promql.parse;

import dev.steward.core.series.LabelMatcher;
import java.util.List;

/** A parsed PromQL expression: an immutable tree, each node with its type and its position in the query. */
public sealed interface Expr {
    ValueType type();

    /** Zero-based offset of the node's first character in the query. */
    int position();

    /** How a selector or subquery's {@code @} modifier is given: not at all, a fixed time, or the query's start or end. */
    enum At {
        NONE,
        TIME,
        START,
        END
    }

    record NumberLiteral(double value, int position) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.SCALAR;
        }
    }

    record StringLiteral(String value, int position) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.STRING;
        }
    }

    /**
     * {@code name{matchers} offset o @ t}. The matchers include the one on {@code __name__} when a name is given.
     *
     * @param atMillis the {@code @} time in milliseconds when {@code at} is {@link At#TIME}
     */
    record VectorSelector(
            String name, List<LabelMatcher> matchers, long offsetMillis, At at, long atMillis, int position)
            implements Expr {
        @Override
        public ValueType type() {
            return ValueType.VECTOR;
        }

        VectorSelector withOffset(long offset) {
            return new VectorSelector(name, matchers, offset, at, atMillis, position);
        }

        VectorSelector withAt(At a, long t) {
            return new VectorSelector(name, matchers, offsetMillis, a, t, position);
        }
    }

    record MatrixSelector(VectorSelector selector, long rangeMillis, int position) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.MATRIX;
        }
    }

    /** {@code expr[range:step] offset o @ t}; a step of 0 means the default resolution. */
    record Subquery(Expr expr, long rangeMillis, long stepMillis, long offsetMillis, At at, long atMillis, int position)
            implements Expr {
        @Override
        public ValueType type() {
            return ValueType.MATRIX;
        }
    }

    record Call(FunctionSpec function, List<Expr> args, int position) implements Expr {
        @Override
        public ValueType type() {
            return function.returnType();
        }
    }

    /** An aggregation; {@code param} is the k, quantile, ratio or label of the operators that take one, else null. */
    record Aggregate(AggregateOp op, Expr expr, Expr param, List<String> grouping, boolean without, int position)
            implements Expr {
        @Override
        public ValueType type() {
            return ValueType.VECTOR;
        }
    }

    /** {@code on}/{@code ignoring} labels, cardinality and the extra labels of {@code group_left/right}. */
    record VectorMatching(Cardinality cardinality, List<String> labels, boolean on, List<String> include) {
        public enum Cardinality {
            ONE_TO_ONE,
            MANY_TO_ONE,
            ONE_TO_MANY,
            MANY_TO_MANY
        }
    }

    /** A binary operation; {@code matching} is null unless both sides are vectors. */
    record Binary(BinaryOp op, Expr lhs, Expr rhs, VectorMatching matching, boolean returnBool, int position)
            implements Expr {
        @Override
        public ValueType type() {
            return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR
                    ? ValueType.SCALAR
                    : ValueType.VECTOR;
        }
    }

    record Unary(boolean negate, Expr expr, int position) implements Expr {
        @Override
        public ValueType type() {
            return expr.type();
        }
    }

    record Paren(Expr expr, int position) implements Expr {
        @Override
        public ValueType type() {
            return expr.type();
        }
    }
}
