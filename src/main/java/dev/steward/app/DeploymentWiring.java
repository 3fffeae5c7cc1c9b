package dev.steward.app;

import dev.steward.api.DeploymentApi;
import dev.steward.api.MaintenanceRegistry;
import dev.steward.audit.AuditLog;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.StackConfig;
import dev.steward.engine.CheckSnapshot;
import dev.steward.engine.DeploymentLoop;
import dev.steward.promapi.PrometheusBackend;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcDeploymentStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires deployments: the loop over the stored deployments, what it observes (checks, incidents, maintenance, PromQL),
 * where its events go (audit, the attention alert, announcements through the outbox), the providers built from the
 * stack file, and the API. The daemon runs {@link #runDue} on its scheduler thread.
 */
final class DeploymentWiring {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentWiring.class);
    private static final SecureRandom IDS = new SecureRandom();

    private final DeploymentLoop loop;
    private final DeploymentApi api;

    private DeploymentWiring(DeploymentLoop loop) {
        this.loop = loop;
        this.api = new DeploymentApi(loop);
    }

    /**
     * {@code config}: the configuration in force (it changes on reload); {@code actuations}: where providers run (a
     * virtual thread each in the daemon, so the tick never waits for a rollout; directly in tests).
     */
    static DeploymentWiring create(
            Database database,
            Supplier<StackConfig> config,
            Supplier<Map<CheckId, CheckSnapshot>> checks,
            Alerting alerting,
            MaintenanceRegistry maintenance,
            PrometheusBackend queries,
            AuditLog audit,
            Runnable wakeAlerting,
            Executor actuations,
            InstantSource clock) {
        DeploymentLoop loop = new DeploymentLoop(
                new JdbcDeploymentStore(database),
                new DeploymentInputs(config, checks, alerting, maintenance, queries),
                new DeploymentAnnouncements(
                        new DeploymentRecords(
                                audit,
                                (alerts, at) -> {
                                    alerting.receive(alerts, at);
                                    wakeAlerting.run();
                                },
                                () -> config.get().stack()),
                        service -> announceTo(config.get(), service),
                        alerting::announce,
                        wakeAlerting),
                actuations,
                clock,
                DeploymentWiring::deploymentId);
        return new DeploymentWiring(loop);
    }

    /** Takes the loaded configuration's deployable services and, at start, resumes what the store holds in flight. */
    void start(StackLoading.Outcome.Loaded loaded, Instant now) {
        configure(loaded);
        int resumed = loop.recover(now);
        if (resumed > 0) {
            LOG.info("recovered {} deployment(s) in flight", resumed);
        }
    }

    /** The services with a {@code deploy:} section, with the provider the loading built for each (start and reload). */
    void configure(StackLoading.Outcome.Loaded loaded) {
        Map<String, DeploymentLoop.Deployable> out = new LinkedHashMap<>();
        for (var s : loaded.config().services().values()) {
            var actuator = loaded.actuators().get(s.name());
            if (s.deploy().isPresent() && actuator != null) {
                out.put(s.name(), new DeploymentLoop.Deployable(s.deploy().get(), actuator, s.labels()));
            }
        }
        loop.configure(out, loaded.config().deployments());
    }

    DeploymentLoop loop() {
        return loop;
    }

    DeploymentApi api() {
        return api;
    }

    Optional<Instant> nextDue() {
        return loop.nextDue();
    }

    /** Steps what is due; a failure is logged and the scheduler goes on. */
    int runDue(Instant now) {
        try {
            return loop.runDue(now);
        } catch (RuntimeException e) {
            LOG.error("deployment loop error (continuing)", e);
            return 0;
        }
    }

    void close() {
        loop.close();
    }

    /** A new deployment's id: {@code dep-} and 12 random hex digits. */
    private static String deploymentId() {
        return "dep-" + HexFormat.of().toHexDigits(IDS.nextLong()).substring(4);
    }

    /** A service's {@code deploy.announce.receivers} in the configuration in force; empty for none. */
    private static List<String> announceTo(StackConfig config, String service) {
        var s = config.services().get(service);
        return s == null ? List.of() : s.deploy().map(d -> d.announceTo()).orElse(List.of());
    }
}
