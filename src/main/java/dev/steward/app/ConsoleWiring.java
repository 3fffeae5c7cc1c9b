package dev.steward.app;

import dev.steward.amapi.AlertSource;
import dev.steward.amapi.SilenceRegistry;
import dev.steward.api.AccessControl;
import dev.steward.api.ApiBackend;
import dev.steward.api.IncidentApi;
import dev.steward.api.MaintenanceBackend;
import dev.steward.audit.AuditLog;
import dev.steward.console.Console;
import dev.steward.console.ConsoleBackend;
import dev.steward.console.Views;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.StackConfig;
import dev.steward.core.history.CheckEvent;
import dev.steward.core.rollup.Resolution;
import dev.steward.core.rollup.Rollup;
import dev.steward.core.rollup.RollupStore;
import dev.steward.engine.CheckSnapshot;
import dev.steward.engine.Deployments;
import dev.steward.promapi.PrometheusBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the console over the daemon's state and, in production, publishes its live updates once a second. */
final class ConsoleWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleWiring.class);
    private final Console console;
    private ScheduledExecutorService timer;

    private ConsoleWiring(Console console) {
        this.console = console;
    }

    /** The backends the console changes things through: the same (audited) ones as the JSON APIs. */
    record Actions(
            IncidentApi.Backend incidents,
            SilenceRegistry silences,
            AlertSource alerts,
            MaintenanceBackend windows,
            AuditLog audit,
            Deployments deployments) {}

    static ConsoleWiring create(
            ApiBackend daemon,
            Actions actions,
            PrometheusBackend queries,
            RollupStore rollups,
            AccessControl access,
            LongSupplier ticker) {
        ConsoleBackend backend = new ConsoleBackend() {
            @Override
            public StackConfig config() {
                return daemon.config();
            }

            @Override
            public Map<CheckId, CheckSnapshot> checks() {
                return daemon.checks();
            }

            @Override
            public Optional<String> maintenance(String service) {
                return daemon.maintenance(service);
            }

            @Override
            public List<Rollup> rollups(CheckId check, Resolution resolution, Instant from, Instant to) {
                return daemon.rollups(check, resolution, from, to);
            }

            @Override
            public List<CheckEvent> events(CheckId check, Instant from, Instant to, int limit) {
                return daemon.events(check, from, to, limit);
            }

            @Override
            public OptionalDouble uptime(Duration window) {
                Instant now = daemon.now();
                long[] totals = rollups.totals(Resolution.HOUR, now.minus(window), now.plusSeconds(1));
                return totals[0] == 0
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(1.0 - (double) totals[1] / totals[0]);
            }

            @Override
            public IncidentApi.Backend incidents() {
                return actions.incidents();
            }

            @Override
            public SilenceRegistry silences() {
                return actions.silences();
            }

            @Override
            public AlertSource alerts() {
                return actions.alerts();
            }

            @Override
            public MaintenanceBackend windows() {
                return actions.windows();
            }

            @Override
            public AuditLog audit() {
                return actions.audit();
            }

            @Override
            public PrometheusBackend queries() {
                return queries;
            }

            @Override
            public Instant now() {
                return daemon.now();
            }

            @Override
            public Deployments deployments() {
                return actions.deployments();
            }
        };
        Views views = new Views(access, () -> daemon.config().stack(), Version.get());
        // the overview's server time (Server-Timing, /metrics) is measured with the daemon's monotonic ticker
        return new ConsoleWiring(new Console(backend, access, views, ticker));
    }

    Console console() {
        return console;
    }

    /** Publishes the overview's changes to open consoles every second, on a thread of its own. */
    void start() {
        timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("steward-console-live").daemon().factory());
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        console.live().publish();
                    } catch (RuntimeException e) {
                        LOG.warn("console live update failed: {}", e.toString());
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
