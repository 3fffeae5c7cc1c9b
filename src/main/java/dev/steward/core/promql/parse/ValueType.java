package dev.steward.core.promql.parse;

/** The four types of PromQL expression, named as in Prometheus's error messages. */
public enum ValueType {
    SCALAR("scalar"),
    STRING("string"),
    VECTOR("instant vector"),
    MATRIX("range vector");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
