package dev.steward.core.deploy;

/**
 * {@code gates.rollback}: before a rollback sends all traffic back to the stable version, {@code query} (PromQL; {@code
 * ${service}}, {@code ${environment}} and {@code ${stable_version}} are replaced, quoted for use inside a label
 * matcher's double quotes) must show at least {@code needed} ready instances of it. The sum of the result's values
 * counts; an empty result counts as none.
 */
public record CapacityGate(String query, int needed) {
    public CapacityGate {
        if (query.isBlank()) {
            throw new IllegalArgumentException("a capacity gate needs a query");
        }
        if (needed < 1) {
            throw new IllegalArgumentException("needed must be at least 1: " + needed);
        }
    }

    /** The query for {@code d}, its variables replaced. */
    public String queryFor(Deployment d) {
        return query.replace("${service}", quoted(d.service()))
                .replace("${environment}", quoted(d.environment()))
                .replace("${stable_version}", quoted(d.stableVersion()));
    }

    /** Escaped for a PromQL double-quoted string: a version cannot end the matcher it is written in. */
    static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** What {@code result} says of the stable version's capacity. */
    public Observation.Capacity judge(QueryResult result) {
        return switch (result) {
            case QueryResult.Error e -> Observation.Capacity.unknown(needed, e.reason());
            case QueryResult.Values v -> {
                double sum = v.values().stream()
                        .filter(x -> !x.isNaN())
                        .mapToDouble(Double::doubleValue)
                        .sum();
                yield new Observation.Capacity((int) Math.floor(sum), needed, java.util.Optional.empty());
            }
        };
    }
}
