package dev.steward.core.promql.parse;

import java.util.Locale;

/** PromQL's aggregation operators; some take a parameter before the vector. */
public enum AggregateOp {
    SUM(null),
    AVG(null),
    MIN(null),
    MAX(null),
    COUNT(null),
    GROUP(null),
    STDDEV(null),
    STDVAR(null),
    TOPK(ValueType.SCALAR),
    BOTTOMK(ValueType.SCALAR),
    QUANTILE(ValueType.SCALAR),
    COUNT_VALUES(ValueType.STRING),
    LIMITK(ValueType.SCALAR),
    LIMIT_RATIO(ValueType.SCALAR);

    private final ValueType paramType;

    AggregateOp(ValueType paramType) {
        this.paramType = paramType;
    }

    /** The type of the parameter, or null when the operator takes none. */
    public ValueType paramType() {
        return paramType;
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The operator of this keyword (any case), or null. */
    public static AggregateOp byKeyword(String word) {
        for (AggregateOp op : values()) {
            if (op.keyword().equalsIgnoreCase(word)) {
                return op;
            }
        }
        return null;
    }
}
