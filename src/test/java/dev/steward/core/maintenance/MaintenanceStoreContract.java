package dev.steward.core.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.route.Matchers;
import dev.steward.core.route.Parsed;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link MaintenanceStore} must do; a store's test extends this and says how to make an empty store. */
public abstract class MaintenanceStoreContract {
    private static final Instant T = Instant.parse("2026-10-25T00:30:00Z");

    protected abstract MaintenanceStore emptyStore();

    static MaintenanceWindow window(String id, Schedule schedule) {
        Matchers matchers = new Matchers(
                ((Parsed.Ok<List<dev.steward.core.route.Matcher>>) Matchers.parse("team=\"db\", env=~\"prod|stage\""))
                        .value());
        return new MaintenanceWindow(
                id,
                "db upgrade",
                schedule,
                new Scope(Set.of("db", "api"), matchers, true),
                true,
                true,
                "alice",
                "disk failing",
                MaintenanceWindow.Origin.API,
                T,
                Optional.empty());
    }

    @Test
    void everyKindOfScheduleLoadsBackEqualInTheOrderFirstSaved() {
        MaintenanceStore store = emptyStore();
        var oneOff = window("b", new Schedule.OneOff(T, T.plusSeconds(7200)));
        var weekly = window(
                "a",
                Windows.weekly(
                        "02:30", Duration.ofHours(2), ZoneId.of("Europe/Berlin"), DayOfWeek.SUNDAY, DayOfWeek.MONDAY));
        var cron = window("c", Windows.cron("0 2 * * 0", Duration.ofMinutes(90), ZoneId.of("UTC")));
        store.save(oneOff);
        store.save(weekly);
        store.save(cron);

        assertThat(store.loadAll()).containsExactly(oneOff, weekly, cron);
    }

    @Test
    void endingAWindowEarlyIsStoredInPlace() {
        MaintenanceStore store = emptyStore();
        var first = window("w1", new Schedule.OneOff(T, T.plusSeconds(7200)));
        var second = window("w2", new Schedule.OneOff(T, T.plusSeconds(3600)));
        store.save(first);
        store.save(second);
        store.save(first.endedAt(T.plusSeconds(600)));

        assertThat(store.loadAll()).containsExactly(first.endedAt(T.plusSeconds(600)), second);
    }
}
