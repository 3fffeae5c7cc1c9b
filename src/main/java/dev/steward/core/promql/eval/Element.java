package dev.steward.core.promql.eval;

import dev.steward.core.series.Labels;

/** One sample of an instant vector at the step being evaluated; {@code t} is its own timestamp where it matters. */
record Element(Labels metric, double f, boolean dropName, long t) {
    Element(Labels metric, double f, boolean dropName) {
        this(metric, f, dropName, 0);
    }

    Element withValue(double v) {
        return new Element(metric, v, dropName, t);
    }
}
