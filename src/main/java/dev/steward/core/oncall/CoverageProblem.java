package dev.steward.core.oncall;

/** Something that would make a page go nowhere, found by {@link Coverage}. */
public sealed interface CoverageProblem {
    /** A schedule has nobody on call during {@code interval}. */
    record ScheduleGap(String schedule, Interval interval) implements CoverageProblem {}

    /** Every target of level {@code level} (0-based) of {@code policy} resolves to nobody during {@code interval}. */
    record LevelUncovered(String policy, int level, Interval interval) implements CoverageProblem {}

    /** A person has no working contact method, so every page to them goes nowhere. */
    record Unreachable(String person) implements CoverageProblem {}

    /** {@code owner} (a policy, a severity or a service) names something that is not configured. */
    record UnknownReference(String owner, String kind, String name) implements CoverageProblem {}
}
