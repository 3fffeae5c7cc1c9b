package dev.steward.engine;

import dev.steward.core.deploy.Deployment;
import dev.steward.core.deploy.DeploymentEvent;
import java.util.List;

/**
 * Told of every deployment event once it is stored: the composition root puts each on the audit log and turns the
 * ones that ask for a human into an alert. {@code source} is where the move came from ({@code api} for an operator's
 * command, {@code deployment} for the loop's own decisions).
 */
public interface DeploymentListener {
    /** A deployment was created through the API, by {@link Deployment#createdBy()}. */
    void created(Deployment deployment);

    void stored(Deployment deployment, List<DeploymentEvent> events, String source);
}
