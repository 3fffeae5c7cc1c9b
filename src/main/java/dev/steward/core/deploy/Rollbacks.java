package dev.steward.core.deploy;

import dev.steward.core.deploy.DeploymentState.Failed;
import dev.steward.core.deploy.DeploymentState.RolledBack;
import dev.steward.core.deploy.DeploymentState.RollingBack;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A rollback: first the stable version's capacity is checked (held, and paged once, while it cannot take the traffic
 * back), then the rollback is issued, then verified: health checks must pass once it settled ({@link
 * Plan#ROLLBACK_SETTLE}), or the deployment fails at {@link Plan#ROLLBACK_DEADLINE}.
 */
final class Rollbacks {
    private Rollbacks() {}

    static boolean advance(Move m, RollingBack r, Observation o) {
        if (r.issuedAt().isEmpty()) {
            return issue(m, r, o);
        }
        if (r.appliedAt().isEmpty()) {
            return false;
        }
        Instant applied = r.appliedAt().get();
        if (m.now().isBefore(applied.plus(Plan.ROLLBACK_SETTLE))) {
            return false;
        }
        if (o.unhealthy().isEmpty()) {
            m.to(
                    Trigger.ROLLBACK_VERIFIED,
                    new RolledBack(m.now(), r.reason()),
                    "rolled back to " + m.deployment().stableVersion() + ", health checks pass");
            return true;
        }
        if (!m.now().isBefore(applied.plus(Plan.ROLLBACK_DEADLINE))) {
            String reason = "health not back " + Plan.ROLLBACK_DEADLINE.toMinutes() + " min after the rollback: "
                    + String.join(", ", o.unhealthy());
            m.to(Trigger.ROLLBACK_FAILED, new Failed(m.now(), reason), reason, List.of(), true);
            return true;
        }
        return false;
    }

    private static boolean issue(Move m, RollingBack r, Observation o) {
        Observation.Capacity c = o.stableCapacity();
        if (!c.sufficient()) {
            boolean pagedAlready = !m.deployment().timeline().isEmpty()
                    && m.deployment().timeline().getLast().trigger() == Trigger.ROLLBACK_HELD;
            if (!pagedAlready) {
                String reason = "stable version " + m.deployment().stableVersion() + " has " + c.ready() + " of "
                        + c.needed() + " instances needed to take the traffic back; the rollback waits for them";
                m.to(
                        Trigger.ROLLBACK_HELD,
                        r,
                        reason,
                        List.of(new Measurement("stable_ready", c.ready(), ">= " + c.needed())),
                        true);
            }
            return false;
        }
        m.issue(m.deployment().actuation(Actuation.Action.ROLLBACK, 0, 0, -1));
        m.to(
                Trigger.ROLLBACK_ISSUED,
                new RollingBack(
                        r.reason(), r.measurements(), r.since(), r.attempt(), Optional.of(m.now()), Optional.empty()),
                "rolling back to " + m.deployment().stableVersion() + " (stable capacity " + c.describe() + ")");
        return false;
    }

    static void result(Move m, RollingBack r, Actuation.Result result) {
        switch (result) {
            case Actuation.Result.Applied a ->
                m.to(
                        Trigger.ROLLBACK_APPLIED,
                        new RollingBack(
                                r.reason(),
                                r.measurements(),
                                r.since(),
                                r.attempt(),
                                r.issuedAt(),
                                Optional.of(m.now())),
                        "rollback applied in " + a.took().toMillis() + " ms; verifying health");
            case Actuation.Result.Failed f
            when f.retryable() && r.attempt() < Plan.MAX_ATTEMPTS ->
                m.to(
                        Trigger.ROLLBACK_RETRIED,
                        new RollingBack(
                                r.reason(),
                                r.measurements(),
                                r.since(),
                                r.attempt() + 1,
                                Optional.empty(),
                                Optional.empty()),
                        "rollback failed, will retry: " + f.reason());
            case Actuation.Result.Failed f -> {
                String reason = "rollback failed after " + r.attempt() + " attempt(s): " + f.reason();
                m.to(Trigger.ROLLBACK_FAILED, new Failed(m.now(), reason), reason, List.of(), true);
            }
        }
    }

    static Optional<Instant> nextDueAt(Deployment d, RollingBack r, Instant now) {
        if (r.issuedAt().isEmpty()) {
            boolean held = !d.timeline().isEmpty() && d.timeline().getLast().trigger() == Trigger.ROLLBACK_HELD;
            return Optional.of(held ? now.plus(DeploymentPolicy.RECHECK) : now);
        }
        if (r.appliedAt().isEmpty()) {
            return Optional.empty();
        }
        Instant settle = r.appliedAt().get().plus(Plan.ROLLBACK_SETTLE);
        return Optional.of(settle.isAfter(now) ? settle : now.plus(DeploymentPolicy.RECHECK));
    }
}
