package dev.steward.core.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stack-wide deployment settings: top-level {@code environments:} and shared {@code analyses:}. */
public record DeploySettings(List<Environment> environments, Map<String, AnalysisTemplate> analyses) {
    public static final DeploySettings NONE = new DeploySettings(List.of(), Map.of());

    public DeploySettings {
        environments = List.copyOf(environments);
        analyses = Map.copyOf(analyses);
    }

    public Optional<Environment> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
