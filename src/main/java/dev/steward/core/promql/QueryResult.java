package dev.steward.core.promql;

import dev.steward.core.promql.eval.Annotations.Annotation;
import dev.steward.core.promql.eval.Annotations.Kind;
import java.util.List;

/** A successful query's value and the warnings and infos Prometheus would attach to it. */
public record QueryResult(QueryValue value, List<Annotation> annotations) {
    public List<String> warnings() {
        return annotations.stream()
                .filter(a -> a.kind() == Kind.WARNING)
                .map(Annotation::message)
                .toList();
    }

    public List<String> infos() {
        return annotations.stream()
                .filter(a -> a.kind() == Kind.INFO)
                .map(Annotation::message)
                .toList();
    }
}
