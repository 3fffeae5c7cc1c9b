package dev.steward.core.deploy;

/** A save carried a revision other than the stored one: someone else saved the deployment in between. */
public final class StaleDeploymentException extends RuntimeException {
    public StaleDeploymentException(String id, long expected, long stored) {
        super("deployment " + id + " was saved by someone else: this save is based on revision " + expected
                + " but revision " + stored + " is stored; load it again");
    }
}
