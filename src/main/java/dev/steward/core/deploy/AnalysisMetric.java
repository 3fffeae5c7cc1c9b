package dev.steward.core.deploy;

import java.util.Optional;

/**
 * One PromQL query of an analysis, judged every interval: {@code failure} holding for any value fails the
 * measurement; {@code success} not holding fails it when no failure condition is written, and makes it inconclusive
 * when one is (neither condition held).
 */
public record AnalysisMetric(String name, String query, Optional<Condition> success, Optional<Condition> failure) {}
