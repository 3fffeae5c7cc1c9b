package dev.steward.actuate.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.Optional;

/**
 * Reads a Deployment's rollout from its status, as {@code kubectl rollout status} does: done when the controller has
 * seen the latest spec ({@code observedGeneration}) and every desired replica is updated, ready and available with no
 * old one left; stalled when the controller reports {@code ProgressDeadlineExceeded}.
 */
final class Rollout {
    private Rollout() {}

    static int desired(Deployment d) {
        Integer r = d.getSpec().getReplicas();
        return r == null ? 1 : r;
    }

    static boolean done(Deployment d, String image, int container) {
        if (d == null || !image.equals(imageOf(d, container))) {
            return false;
        }
        DeploymentStatus s = d.getStatus();
        if (s == null) {
            return false;
        }
        Long generation = d.getMetadata().getGeneration();
        boolean observed =
                generation == null || (s.getObservedGeneration() != null && s.getObservedGeneration() >= generation);
        int want = desired(d);
        return observed
                && count(s.getUpdatedReplicas()) == want
                && count(s.getReadyReplicas()) == want
                && count(s.getAvailableReplicas()) == want
                && count(s.getReplicas()) == want;
    }

    /** The controller's message when it gave up on the rollout ({@code ProgressDeadlineExceeded}). */
    static Optional<String> stalled(Deployment d) {
        if (d == null || d.getStatus() == null || d.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        for (DeploymentCondition c : d.getStatus().getConditions()) {
            if ("Progressing".equals(c.getType()) && "ProgressDeadlineExceeded".equals(c.getReason())) {
                return Optional.of(c.getMessage() == null ? "progress deadline exceeded" : c.getMessage());
            }
        }
        return Optional.empty();
    }

    /** {@code 2 of 3 updated, 1 ready, 1 available}: where a rollout stands, for outputs and timeouts. */
    static String summary(Deployment d) {
        if (d == null) {
            return "the deployment is gone";
        }
        DeploymentStatus s = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        return count(s.getUpdatedReplicas()) + " of " + desired(d) + " updated, " + count(s.getReadyReplicas())
                + " ready, " + count(s.getAvailableReplicas()) + " available, " + count(s.getReplicas()) + " in all";
    }

    static String imageOf(Deployment d, int container) {
        var containers = d.getSpec().getTemplate().getSpec().getContainers();
        return container < containers.size() ? containers.get(container).getImage() : "";
    }

    private static int count(Integer n) {
        return n == null ? 0 : n;
    }
}
