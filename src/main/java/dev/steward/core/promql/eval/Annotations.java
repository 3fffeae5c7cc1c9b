package dev.steward.core.promql.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The warnings and infos a query collects, each message once, in the order first seen. */
public final class Annotations {
    /** Whether an annotation is a warning (the result may be wrong) or an info (it may not be what was meant). */
    public enum Kind {
        WARNING,
        INFO
    }

    /** One annotation; the message starts with {@code PromQL warning:} or {@code PromQL info:} as in Prometheus. */
    public record Annotation(Kind kind, String message) {}

    private final Set<Annotation> all = new LinkedHashSet<>();

    void warn(String message) {
        all.add(new Annotation(Kind.WARNING, "PromQL warning: " + message));
    }

    void info(String message) {
        all.add(new Annotation(Kind.INFO, "PromQL info: " + message));
    }

    public List<Annotation> list() {
        return new ArrayList<>(all);
    }
}
