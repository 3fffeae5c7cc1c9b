package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.api.MaintenanceApi;
import dev.steward.api.MaintenanceRegistry;
import dev.steward.core.maintenance.InMemoryMaintenanceStore;
import dev.steward.core.maintenance.MaintenanceLimits;
import dev.steward.core.maintenance.MaintenanceWindow;
import dev.steward.cron.UnixCron;
import dev.steward.testing.ManualClock;
import io.javalin.Javalin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code steward maintenance} against the maintenance API served on a free loopback port. */
class MaintenanceCommandTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final InMemoryMaintenanceStore store = new InMemoryMaintenanceStore();
    private Javalin app;
    private String server;

    @BeforeEach
    void start() {
        AtomicInteger n = new AtomicInteger();
        MaintenanceRegistry registry = new MaintenanceRegistry(
                store,
                List.of(),
                Set.of("api", "db"),
                clock,
                new MaintenanceLimits(Duration.ofHours(12), Duration.ofHours(2), Duration.ofMinutes(1)),
                () -> "w" + n.incrementAndGet());
        MaintenanceApi api = new MaintenanceApi(registry, UnixCron.INSTANCE);
        app = Javalin.create(cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    api.mount(cfg);
                })
                .start("127.0.0.1", 0);
        server = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void createListAndEndAnEmergencyWindow() {
        Cli created = Cli.run(
                "maintenance",
                "create",
                "--server",
                server,
                "--title",
                "db failover",
                "--service",
                "db",
                "--match",
                "team=db",
                "--start",
                "now",
                "--duration",
                "1h",
                "--emergency",
                "--reason",
                "disk failing",
                "--by",
                "bob",
                "--freeze-deployments");
        assertThat(created.exitCode()).as(created.transcript()).isZero();
        assertThat(created.out())
                .isEqualTo("created w1: db failover from 2026-11-24T10:00:00Z to 2026-11-24T11:00:00Z\n");
        MaintenanceWindow stored = store.loadAll().getFirst();
        assertThat(stored.freezeDeployments()).isTrue();
        assertThat(stored.declaredBy()).isEqualTo("bob");

        Cli list = Cli.run("maintenance", "list", "--server", server);
        assertThat(list.exitCode()).as(list.transcript()).isZero();
        assertThat(list.out())
                .contains("  2026-11-24T10:00:00Z  2026-11-24T11:00:00Z  w1")
                .contains("db failover");

        clock.advance(Duration.ofMinutes(15));
        Cli ended = Cli.run("maintenance", "end", "--server", server, "w1");
        assertThat(ended.exitCode()).as(ended.transcript()).isZero();
        assertThat(ended.out()).isEqualTo("ended w1 at 2026-11-24T10:15:00Z\n");
    }

    @Test
    void aRefusedWindowPrintsEveryReasonAndExitsOne() {
        Cli refused = Cli.run(
                "maintenance",
                "create",
                "--server",
                server,
                "--title",
                "db upgrade",
                "--service",
                "dbx",
                "--duration",
                "1h");
        assertThat(refused.exitCode()).as(refused.transcript()).isEqualTo(1);
        assertThat(refused.err())
                .contains("invalid maintenance window (HTTP 400)")
                .contains("  services[dbx]: dbx; expected a service of the stack: api, db")
                .contains("  start: 2026-11-24T10:00:00Z; expected a start at least PT2H after now");
    }

    @Test
    void anUnreachableDaemonExitsTwo() {
        app.stop();
        Cli r = Cli.run("maintenance", "end", "--server", server, "w1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("cannot reach");
    }

    @Test
    void durationAndEndAreMutuallyExclusive() {
        Cli r = Cli.run(
                "maintenance",
                "create",
                "--server",
                server,
                "--title",
                "x",
                "--duration",
                "1h",
                "--end",
                "2026-11-24T12:00:00Z");
        assertThat(r.exitCode()).isEqualTo(2);
    }
}
