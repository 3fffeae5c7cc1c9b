package dev.steward.core.rule.template;

import dev.steward.core.rule.template.TemplateQuery.Sample;
import java.util.Comparator;
import java.util.List;

/** Prometheus's functions on query results: {@code first}, {@code label}, {@code value}, {@code sortByLabel}. */
final class QueryFunctions {
    private QueryFunctions() {}

    static Sample first(Object v) {
        List<Sample> samples = samples("first", v);
        if (samples.isEmpty()) {
            throw new TemplateRenderException("error calling first: first() called on vector with no elements");
        }
        return samples.getFirst();
    }

    static String label(String name, Object v) {
        String value = sample("label", v).labels().get(name);
        return value == null ? "" : value;
    }

    static double value(Object v) {
        return sample("value", v).value();
    }

    static List<Sample> sortByLabel(String name, Object v) {
        return samples("sortByLabel", v).stream()
                .sorted(Comparator.comparing((Sample s) -> s.labels().getOrDefault(name, "")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Sample> samples(String function, Object v) {
        if (v instanceof List<?> l && l.stream().allMatch(Sample.class::isInstance)) {
            return (List<Sample>) l;
        }
        throw new TemplateRenderException("error calling " + function
                + ": wrong type for value; expected query result; got " + GoFormat.typeName(v));
    }

    private static Sample sample(String function, Object v) {
        if (v instanceof Sample s) {
            return s;
        }
        throw new TemplateRenderException(
                "error calling " + function + ": wrong type for value; expected sample; got " + GoFormat.typeName(v));
    }
}
