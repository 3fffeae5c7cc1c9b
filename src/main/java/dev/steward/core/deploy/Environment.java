package dev.steward.core.deploy;

import java.util.List;

/**
 * A stage a version goes through ({@code dev}, {@code staging}, {@code production}), in file order; a version reaches
 * it only after it succeeded in every environment of {@code requires} (by default the one before it).
 */
public record Environment(String name, int order, List<String> requires) {
    public Environment {
        requires = List.copyOf(requires);
    }
}
