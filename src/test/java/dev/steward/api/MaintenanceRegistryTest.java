package dev.steward.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.maintenance.MaintenanceLimits;
import dev.steward.core.maintenance.MaintenanceWindow;
import dev.steward.core.maintenance.Schedule;
import dev.steward.core.maintenance.Scope;
import dev.steward.core.route.Matchers;
import dev.steward.core.series.Labels;
import dev.steward.cron.UnixCron;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcMaintenanceStore;
import dev.steward.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry over a real SQLite store: what the API answered survives a restart. */
class MaintenanceRegistryTest {
    static final Instant T0 = Instant.parse("2026-03-29T00:30:00Z");
    static final Set<String> SERVICES = Set.of("api", "db");

    @TempDir
    Path dataDir;

    private final ManualClock clock = new ManualClock(T0);

    private MaintenanceRegistry open(Database database) {
        return new MaintenanceRegistry(
                new JdbcMaintenanceStore(database, UnixCron.INSTANCE),
                List.of(),
                SERVICES,
                clock,
                MaintenanceLimits.DEFAULT,
                () -> "w1");
    }

    private static MaintenanceWindow candidate() {
        return new MaintenanceWindow(
                "",
                "db upgrade",
                new Schedule.OneOff(T0, T0.plus(Duration.ofHours(2))),
                new Scope(Set.of("db"), Matchers.NONE, true),
                false,
                false,
                "alice",
                "",
                MaintenanceWindow.Origin.API,
                T0,
                Optional.empty());
    }

    @Test
    void aCreatedAndThenEndedWindowIsStillEndedAfterARestart() {
        try (Database database = Database.sqlite(dataDir)) {
            MaintenanceRegistry registry = open(database);
            assertThat(registry.create(candidate())).isInstanceOf(MaintenanceBackend.Created.Accepted.class);
            assertThat(registry.calendar().inScope("api", Labels.EMPTY, Map.of("api", List.of("db")), T0))
                    .isPresent();
            clock.advance(Duration.ofMinutes(30));
            assertThat(registry.end("w1")).isInstanceOf(MaintenanceBackend.Ended.Done.class);
        }
        try (Database reopened = Database.sqlite(dataDir)) {
            MaintenanceRegistry registry = open(reopened);
            MaintenanceWindow w = registry.calendar().window("w1").orElseThrow();
            assertThat(w.endedAt()).contains(T0.plus(Duration.ofMinutes(30)));
            assertThat(registry.calendar().active(clock.instant())).isEmpty();
        }
    }

    @Test
    void aReloadReplacesTheStackFileWindowsAndKeepsStoredOnes() {
        try (Database database = Database.sqlite(dataDir)) {
            MaintenanceRegistry registry = open(database);
            registry.create(candidate());
            MaintenanceWindow fromFile = new MaintenanceWindow(
                    "stack:nightly",
                    "nightly",
                    new Schedule.OneOff(T0, T0.plusSeconds(60)),
                    new Scope(Set.of("*"), Matchers.NONE, false),
                    false,
                    false,
                    "stack file",
                    "",
                    MaintenanceWindow.Origin.STACK_FILE,
                    Instant.EPOCH,
                    Optional.empty());
            registry.reload(List.of(fromFile), SERVICES);
            assertThat(registry.calendar().windows())
                    .extracting(MaintenanceWindow::id)
                    .containsExactly("stack:nightly", "w1");
            assertThat(registry.end("stack:nightly")).isInstanceOf(MaintenanceBackend.Ended.ReadOnly.class);
        }
    }
}
