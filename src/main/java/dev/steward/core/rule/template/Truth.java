package dev.steward.core.rule.template;

import java.util.Map;

/** Go's template truth: false, 0, nil, the empty string and the empty map are false; everything else is true. */
final class Truth {
    private Truth() {}

    static boolean of(Object v) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case Double d -> d != 0;
            case Long l -> l != 0;
            case String s -> !s.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            case java.util.List<?> l -> !l.isEmpty();
            default -> true;
        };
    }
}
