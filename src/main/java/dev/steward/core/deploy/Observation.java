package dev.steward.core.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the loop saw when it stepped a deployment. {@code unhealthy} lists the failing checks of the service and its
 * dependencies (empty: healthy); {@code criticalIncidents} the open critical incidents that concern it; {@code
 * freezingWindow} a maintenance window freezing deployments now; {@code previousEnvironmentPassed} whether the
 * version succeeded where the environment's promotion rule requires. {@code metrics} holds the result of each
 * metric of {@link DeploymentPolicy#queries} by name, {@code statistical} each statistical gate's canary and baseline
 * samples by gate name. {@code stableCapacity} is how much of the traffic the stable version can take now.
 */
public record Observation(
        List<String> unhealthy,
        List<String> criticalIncidents,
        Optional<String> freezingWindow,
        boolean previousEnvironmentPassed,
        Map<String, QueryResult> metrics,
        Map<String, Samples> statistical,
        Capacity stableCapacity) {

    public Observation {
        unhealthy = List.copyOf(unhealthy);
        criticalIncidents = List.copyOf(criticalIncidents);
        metrics = Map.copyOf(metrics);
        statistical = Map.copyOf(statistical);
    }

    /** Everything healthy, no query results. */
    public static final Observation QUIET =
            new Observation(List.of(), List.of(), Optional.empty(), true, Map.of(), Map.of(), Capacity.ENOUGH);

    /** The two sides of a statistical gate. */
    public record Samples(QueryResult canary, QueryResult baseline) {}

    /**
     * The stable version's ready instances against those needed to carry all the traffic; {@code unknown} says why it
     * could not be told (no capacity gate, or its query failed): a rollback does not wait on what cannot be known.
     */
    public record Capacity(int ready, int needed, Optional<String> unknown) {
        /** No capacity gate: nothing to wait for. */
        public static final Capacity ENOUGH = unknown(0, "no capacity gate (gates.rollback)");

        public Capacity(int ready, int needed) {
            this(ready, needed, Optional.empty());
        }

        public static Capacity unknown(int needed, String why) {
            return new Capacity(0, needed, Optional.of(why));
        }

        public boolean sufficient() {
            return unknown.isPresent() || ready >= needed;
        }

        /** "3/2 ready", or why it is not known. */
        public String describe() {
            return unknown.map(u -> "not checked: " + u).orElse(ready + "/" + needed + " ready");
        }
    }

    public Observation withMetrics(Map<String, QueryResult> m) {
        return new Observation(
                unhealthy,
                criticalIncidents,
                freezingWindow,
                previousEnvironmentPassed,
                m,
                statistical,
                stableCapacity);
    }

    public Observation withStatistical(Map<String, Samples> s) {
        return new Observation(
                unhealthy, criticalIncidents, freezingWindow, previousEnvironmentPassed, metrics, s, stableCapacity);
    }

    public Observation withUnhealthy(List<String> u) {
        return new Observation(
                u, criticalIncidents, freezingWindow, previousEnvironmentPassed, metrics, statistical, stableCapacity);
    }

    public Observation withCriticalIncidents(List<String> c) {
        return new Observation(
                unhealthy, c, freezingWindow, previousEnvironmentPassed, metrics, statistical, stableCapacity);
    }

    public Observation withFreezingWindow(Optional<String> w) {
        return new Observation(
                unhealthy, criticalIncidents, w, previousEnvironmentPassed, metrics, statistical, stableCapacity);
    }

    public Observation withPreviousEnvironmentPassed(boolean p) {
        return new Observation(unhealthy, criticalIncidents, freezingWindow, p, metrics, statistical, stableCapacity);
    }

    public Observation withStableCapacity(Capacity c) {
        return new Observation(
                unhealthy, criticalIncidents, freezingWindow, previousEnvironmentPassed, metrics, statistical, c);
    }
}
