package dev.steward.core.promql.parse;

import static dev.steward.core.promql.parse.ValueType.MATRIX;
import static dev.steward.core.promql.parse.ValueType.SCALAR;
import static dev.steward.core.promql.parse.ValueType.STRING;
import static dev.steward.core.promql.parse.ValueType.VECTOR;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A PromQL function's signature: argument types, how many trailing arguments are optional ({@code variadic} &gt; 0)
 * or repeatable ({@code -1}), and the return type.
 */
public record FunctionSpec(String name, List<ValueType> argTypes, int variadic, ValueType returnType) {
    private static final Map<String, FunctionSpec> ALL = new HashMap<>();

    static {
        for (String f : List.of(
                "abs",
                "acos",
                "acosh",
                "asin",
                "asinh",
                "atan",
                "atanh",
                "ceil",
                "cos",
                "cosh",
                "deg",
                "exp",
                "floor",
                "ln",
                "log10",
                "log2",
                "rad",
                "sgn",
                "sin",
                "sinh",
                "sqrt",
                "tan",
                "tanh",
                "sort",
                "sort_desc",
                "timestamp",
                "absent",
                "histogram_avg",
                "histogram_count",
                "histogram_sum",
                "histogram_stddev",
                "histogram_stdvar")) {
            def(f, List.of(VECTOR), 0, VECTOR);
        }
        for (String f : List.of(
                "absent_over_time",
                "avg_over_time",
                "changes",
                "count_over_time",
                "delta",
                "deriv",
                "idelta",
                "increase",
                "irate",
                "last_over_time",
                "mad_over_time",
                "max_over_time",
                "min_over_time",
                "ts_of_max_over_time",
                "ts_of_min_over_time",
                "ts_of_last_over_time",
                "present_over_time",
                "rate",
                "resets",
                "stddev_over_time",
                "stdvar_over_time",
                "sum_over_time")) {
            def(f, List.of(MATRIX), 0, VECTOR);
        }
        for (String f : List.of(
                "days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute", "month", "year")) {
            def(f, List.of(VECTOR), 1, VECTOR);
        }
        def("clamp", List.of(VECTOR, SCALAR, SCALAR), 0, VECTOR);
        def("clamp_max", List.of(VECTOR, SCALAR), 0, VECTOR);
        def("clamp_min", List.of(VECTOR, SCALAR), 0, VECTOR);
        def("histogram_fraction", List.of(SCALAR, SCALAR, VECTOR), 0, VECTOR);
        def("histogram_quantile", List.of(SCALAR, VECTOR), 0, VECTOR);
        def("double_exponential_smoothing", List.of(MATRIX, SCALAR, SCALAR), 0, VECTOR);
        def("label_replace", List.of(VECTOR, STRING, STRING, STRING, STRING), 0, VECTOR);
        def("label_join", List.of(VECTOR, STRING, STRING, STRING), -1, VECTOR);
        def("pi", List.of(), 0, SCALAR);
        def("time", List.of(), 0, SCALAR);
        def("predict_linear", List.of(MATRIX, SCALAR), 0, VECTOR);
        def("quantile_over_time", List.of(SCALAR, MATRIX), 0, VECTOR);
        def("round", List.of(VECTOR, SCALAR), 1, VECTOR);
        def("scalar", List.of(VECTOR), 0, SCALAR);
        def("sort_by_label", List.of(VECTOR, STRING), -1, VECTOR);
        def("sort_by_label_desc", List.of(VECTOR, STRING), -1, VECTOR);
        def("vector", List.of(SCALAR), 0, VECTOR);
    }

    private static void def(String name, List<ValueType> args, int variadic, ValueType ret) {
        ALL.put(name, new FunctionSpec(name, args, variadic, ret));
    }

    /** The function of this name, or null when PromQL has none. */
    public static FunctionSpec byName(String name) {
        return ALL.get(name);
    }
}
