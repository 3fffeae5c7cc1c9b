package dev.steward.engine;

import dev.steward.core.deploy.AnalysisMetric;
import dev.steward.core.deploy.AnalysisTemplate;
import dev.steward.core.deploy.CapacityGate;
import dev.steward.core.deploy.DeployConfig;
import dev.steward.core.deploy.DeploySettings;
import dev.steward.core.deploy.Deployment;
import dev.steward.core.deploy.DeploymentPolicy;
import dev.steward.core.deploy.DeploymentState;
import dev.steward.core.deploy.DeploymentStore;
import dev.steward.core.deploy.Observation;
import dev.steward.core.deploy.Promotion;
import dev.steward.core.deploy.QueryResult;
import dev.steward.core.deploy.StateKind;
import dev.steward.core.deploy.StatisticalGate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds what a deployment's next step looks at: the health of the service and its dependencies, its open critical
 * incidents, a freezing maintenance window, whether the version passed the environments before (only while the
 * before-gates are being checked) and the results of the queries of the analysis in play.
 */
final class DeploymentObserver {
    private final DeploymentSensors sensors;
    private final DeploymentStore store;

    DeploymentObserver(DeploymentSensors sensors, DeploymentStore store) {
        this.sensors = sensors;
        this.store = store;
    }

    Observation observe(Deployment d, Optional<DeployConfig> config, DeploySettings settings, Instant now) {
        Observation o = Observation.QUIET
                .withUnhealthy(sensors.unhealthy(d.service()))
                .withCriticalIncidents(sensors.criticalIncidents(d.service()))
                .withFreezingWindow(sensors.freezingWindow(d.service(), now));
        if ((d.kind() == StateKind.SCHEDULED || d.kind() == StateKind.CHECKING) && config.isPresent()) {
            o = o.withPreviousEnvironmentPassed(Promotion.passed(
                    config.get(), settings, d.environment(), env -> store.succeeded(d.service(), env, d.version())));
        }
        if (d.plan().rollbackCapacity().isPresent() && mayRollBack(d)) {
            CapacityGate gate = d.plan().rollbackCapacity().get();
            o = o.withStableCapacity(gate.judge(sensors.query(gate.queryFor(d), now)));
        }
        Optional<AnalysisTemplate> analysis = DeploymentPolicy.analysisInPlay(d);
        if (analysis.isEmpty()) {
            return o;
        }
        Map<String, QueryResult> metrics = new LinkedHashMap<>();
        for (AnalysisMetric m : analysis.get().metrics()) {
            metrics.put(m.name(), sensors.query(m.query(), now));
        }
        Map<String, Observation.Samples> statistical = new LinkedHashMap<>();
        for (StatisticalGate g : analysis.get().statistical()) {
            statistical.put(
                    g.name(),
                    new Observation.Samples(
                            sensors.query(g.canaryQuery(), now), sensors.query(g.baselineQuery(), now)));
        }
        return o.withMetrics(metrics).withStatistical(statistical);
    }

    /**
     * Whether this step may issue a rollback: one is waiting to be issued, or a measurement or health check may fail
     * the step (the rollback is issued in the same step as the failing measurement, so its capacity is read now).
     */
    private static boolean mayRollBack(Deployment d) {
        return switch (d.state()) {
            case DeploymentState.RollingBack r -> r.issuedAt().isEmpty();
            case DeploymentState.Analysing a -> true;
            case DeploymentState.Validating v -> true;
            default -> false;
        };
    }
}
