package dev.steward.core.deploy;

import java.util.List;

/** What a query of an analysis returned: the values of its result (one per series or per sample), or an error. */
public sealed interface QueryResult {
    record Values(List<Double> values) implements QueryResult {
        public Values {
            values = List.copyOf(values);
        }
    }

    record Error(String reason) implements QueryResult {}

    static QueryResult of(double... values) {
        return new Values(java.util.Arrays.stream(values).boxed().toList());
    }
}
