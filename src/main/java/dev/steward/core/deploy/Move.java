package dev.steward.core.deploy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes of one policy call: each move is checked against {@link Transitions#TABLE} (a move missing from it is a
 * bug, and throws) and recorded as an event.
 */
final class Move {
    private Deployment deployment;
    private final Instant now;
    private final String actor;
    private final List<DeploymentEvent> events = new ArrayList<>();
    private final List<Actuation> actuations = new ArrayList<>();

    Move(Deployment deployment, Instant now, String actor) {
        this.deployment = deployment;
        this.now = now;
        this.actor = actor;
    }

    Deployment deployment() {
        return deployment;
    }

    DeploymentState state() {
        return deployment.state();
    }

    Plan plan() {
        return deployment.plan();
    }

    Instant now() {
        return now;
    }

    void to(Trigger trigger, DeploymentState next, String reason) {
        to(trigger, next, reason, List.of(), false);
    }

    void to(Trigger trigger, DeploymentState next, String reason, List<Measurement> measurements, boolean page) {
        StateKind from = deployment.kind();
        StateKind to = DeploymentState.kindOf(next);
        if (!Transitions.allows(from, trigger, to)) {
            throw new IllegalStateException("deployment " + deployment.id() + ": no transition " + from + " --"
                    + trigger + "--> " + to + " in the table");
        }
        DeploymentEvent e = new DeploymentEvent(now, actor, trigger, from, to, reason, measurements, page);
        deployment = deployment.with(next, List.of(e));
        events.add(e);
    }

    void issue(Actuation actuation) {
        actuations.add(actuation);
    }

    int eventCount() {
        return events.size();
    }

    DeploymentStep done() {
        return new DeploymentStep(deployment, events, actuations, DeploymentPolicy.nextDueAt(deployment, now));
    }
}
