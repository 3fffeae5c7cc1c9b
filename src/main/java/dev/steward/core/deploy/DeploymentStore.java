package dev.steward.core.deploy;

import java.util.List;
import java.util.Optional;

/**
 * Where deployments are kept: the current deployment (its plan and state) and its timeline, append-only. A save is
 * durable when it returns, so the loop saves a step before it issues the step's actuations, and a restart finds every
 * deployment it must drive in {@link #loadActive}. Saves are checked against the stored {@link Deployment#revision}:
 * two writers never overwrite each other silently. A store may keep timeline instants to the millisecond only.
 */
public interface DeploymentStore {
    /**
     * Inserts the deployment (revision 0) or replaces the stored one whose revision it carries, appending the timeline
     * events the store does not have yet; returns it with the new revision.
     *
     * @throws StaleDeploymentException when the stored revision is not the deployment's
     * @throws IllegalArgumentException when the timeline is shorter than the stored one
     */
    Deployment save(Deployment deployment);

    /** The deployment with its whole timeline. */
    Optional<Deployment> get(String id);

    /** Every deployment not in a terminal state, or succeeded with a cleanup still due, with timelines, oldest first. */
    List<Deployment> loadActive();

    /** The newest deployments, of {@code service} when given, without their timelines. */
    List<Deployment> list(Optional<String> service, int limit);

    /** Whether {@code version} of {@code service} succeeded in {@code environment}: the promotion rule's question. */
    boolean succeeded(String service, String environment, String version);

    /** Whether the loop must still drive {@code d} ({@link #loadActive}'s filter). */
    static boolean active(Deployment d) {
        return !d.kind().terminal()
                || (d.state() instanceof DeploymentState.Succeeded s
                        && s.cleanupAt().isPresent());
    }
}
