package dev.steward.core.deploy;

import java.util.Optional;

/**
 * One step of a canary: send {@code weight} percent of the traffic to the new version, or run {@code replicas} canary
 * instances (exactly one of the two), hold for {@code pause}, judged by the analysis template named {@code analysis}.
 * {@code irreversible} marks a step after which a failing gate freezes the deployment instead of rolling it back.
 */
public record CanaryStep(
        Optional<Integer> weight,
        Optional<Integer> replicas,
        Pause pause,
        Optional<String> analysis,
        boolean irreversible) {}
