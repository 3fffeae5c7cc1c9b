package dev.steward.core.rule;

import dev.steward.core.series.Labels;
import java.util.List;

/** The result of an instant query: a vector of samples, a scalar, or why the query failed. */
public sealed interface QueryOutcome {

    /** One element of an instant vector: its labels (possibly with {@code __name__}) and value. */
    record Element(Labels labels, double value) {}

    record Vector(List<Element> elements) implements QueryOutcome {
        public Vector {
            elements = List.copyOf(elements);
        }
    }

    record Scalar(double value) implements QueryOutcome {}

    record Failed(String message) implements QueryOutcome {}

    /** The outcome as a vector, as Prometheus's rule query does: a scalar becomes one element with no labels. */
    default List<Element> asVector() {
        return switch (this) {
            case Vector v -> v.elements();
            case Scalar s -> List.of(new Element(Labels.EMPTY, s.value()));
            case Failed f -> List.of();
        };
    }
}
