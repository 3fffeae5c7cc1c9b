package dev.steward.core.deploy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One deployment of {@code version} of {@code service} to {@code environment}, replacing {@code stableVersion}: its
 * plan (fixed at creation), its state, and its timeline. {@code revision} counts saves (optimistic locking in the
 * store).
 */
public record Deployment(
        String id,
        String service,
        String environment,
        String version,
        String stableVersion,
        Map<String, String> labels,
        Plan plan,
        Instant createdAt,
        String createdBy,
        DeploymentState state,
        long revision,
        List<DeploymentEvent> timeline) {
    /** The actor of what Steward decided itself. */
    public static final String STEWARD = "steward";

    public Deployment {
        labels = Map.copyOf(labels);
        timeline = List.copyOf(timeline);
    }

    public StateKind kind() {
        return DeploymentState.kindOf(state);
    }

    public Deployment with(DeploymentState next, List<DeploymentEvent> events) {
        List<DeploymentEvent> all = new ArrayList<>(timeline);
        all.addAll(events);
        return copy(next, revision, all);
    }

    public Deployment withRevision(long r) {
        return copy(state, r, timeline);
    }

    public Deployment withTimeline(List<DeploymentEvent> t) {
        return copy(state, revision, t);
    }

    private Deployment copy(DeploymentState s, long r, List<DeploymentEvent> t) {
        return new Deployment(
                id, service, environment, version, stableVersion, labels, plan, createdAt, createdBy, s, r, t);
    }

    /** The actuation of {@code action} for this deployment. */
    public Actuation actuation(Actuation.Action action, int weight, int replicas, int step) {
        return new Actuation(action, service, environment, version, stableVersion, weight, replicas, step, labels);
    }
}
