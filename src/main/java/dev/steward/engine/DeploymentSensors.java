package dev.steward.engine;

import dev.steward.core.deploy.QueryResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the deployment loop reads from the rest of the daemon to build an observation: check states, incidents,
 * maintenance windows and the series store. The composition root implements it over the running loops.
 */
public interface DeploymentSensors {
    /** The failing checks ({@code service/check}) of {@code service} and of everything it depends on. */
    List<String> unhealthy(String service);

    /** The open critical incidents concerning {@code service} or its dependencies, each as {@code id: title}. */
    List<String> criticalIncidents(String service);

    /** The title of an open maintenance window that freezes deployments of {@code service}, if any. */
    Optional<String> freezingWindow(String service, Instant now);

    /** A PromQL instant query at {@code now}: every value of its result, or why it failed. */
    QueryResult query(String promql, Instant now);
}
