package dev.steward.stackfile;

import static dev.steward.stackfile.LoaderFixture.errors;
import static dev.steward.stackfile.LoaderFixture.loaded;
import static dev.steward.stackfile.StackFileErrorTest.assertError;
import static dev.steward.stackfile.StackFileErrorTest.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.maintenance.MaintenanceWindow;
import dev.steward.core.maintenance.Schedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackFileMaintenanceTest {
    static final String SERVICES = """
            stack: prod
            services:
              api: {depends_on: [db]}
              db: {}
            """;

    @Test
    void weeklyCronAndOneOffWindowsAreRead() {
        var config = loaded(SERVICES + """
                maintenance:
                  - name: prod-weekly
                    title: Weekly prod maintenance
                    weekly: {days: [sun, Saturday], at: "02:00"}
                    duration: 2h
                    zone: Europe/Berlin
                    services: ["*"]
                    freeze_deployments: true
                  - name: nightly
                    cron: "0 2 * * *"
                    duration: 1h
                    services: [db]
                    propagate_to_dependants: true
                  - name: db-upgrade
                    start: 2026-12-01T02:00:00Z
                    end: 2026-12-01T04:00:00+00:00
                    match: ['team="db"']
                """);
        List<MaintenanceWindow> windows = config.maintenance();
        assertThat(windows)
                .extracting(MaintenanceWindow::id)
                .containsExactly("stack:prod-weekly", "stack:nightly", "stack:db-upgrade");
        assertThat(windows).allSatisfy(w -> assertThat(w.readOnly()).isTrue());

        MaintenanceWindow weekly = windows.get(0);
        assertThat(weekly.title()).isEqualTo("Weekly prod maintenance");
        assertThat(weekly.freezeDeployments()).isTrue();
        assertThat(weekly.schedule())
                .isEqualTo(new Schedule.Weekly(
                        Set.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY),
                        LocalTime.of(2, 0),
                        Duration.ofHours(2),
                        ZoneId.of("Europe/Berlin")));

        MaintenanceWindow nightly = windows.get(1);
        assertThat(nightly.title()).isEqualTo("nightly");
        assertThat(nightly.scope().propagateToDependants()).isTrue();
        assertThat(((Schedule.Cron) nightly.schedule()).rule().expression()).isEqualTo("0 2 * * *");
        assertThat(((Schedule.Cron) nightly.schedule()).zone()).isEqualTo(ZoneOffset.UTC);

        assertThat(windows.get(2).schedule())
                .isEqualTo(new Schedule.OneOff(
                        Instant.parse("2026-12-01T02:00:00Z"), Instant.parse("2026-12-01T04:00:00Z")));
        assertThat(windows.get(2).scope().matchers().toString()).isEqualTo("{team=\"db\"}");
    }

    @Test
    void aStackWithoutMaintenanceHasNoWindows() {
        assertThat(loaded(SERVICES).maintenance()).isEmpty();
    }

    @Test
    void everyMaintenanceErrorIsReportedAtOnceWithItsPosition() {
        String yaml = SERVICES + """
                maintenance:
                  - name: a
                    cron: "0 2 * *"
                    duration: 1h
                    zone: Mars/Olympus
                    services: [dbb]
                  - name: b
                    weekly: {days: [sunday, funday], at: "25:00"}
                    duration: 2h
                    services: [api]
                    freez_deployments: true
                  - name: c
                    start: yesterday
                    duration: 1h
                    match: ['team=~"("']
                """;
        var errors = errors(yaml);
        assertThat(errors)
                .extracting(ConfigError::path)
                .containsExactly(
                        "maintenance[0].cron",
                        "maintenance[0].zone",
                        "maintenance[0].services[0]",
                        "maintenance[1].weekly.days[1]",
                        "maintenance[1].weekly.at",
                        "maintenance[1].freez_deployments",
                        "maintenance[2].start",
                        "maintenance[2].match[0]");
        assertError(
                errors.get(0),
                7,
                col(yaml, 7, "\"0 2"),
                "maintenance[0].cron",
                "invalid cron expression: expected 5 fields, found 4",
                "\"0 2 * *\"",
                "a 5-field Unix cron expression (minute hour day-of-month month day-of-week) such as \"0 2 * * 0\"");
        assertError(
                errors.get(2),
                10,
                col(yaml, 10, "dbb"),
                "maintenance[0].services[0]",
                "unknown service",
                "\"dbb\"",
                "\"*\" or one of the services of this file: api, db (did you mean \"db\"?)");
        assertThat(errors.get(5).expected()).get().asString().contains("did you mean \"freeze_deployments\"?");
    }

    @Test
    void aWindowNeedsExactlyOneScheduleAndAScope() {
        var errors = errors(SERVICES + """
                maintenance:
                  - name: a
                    duration: 1h
                  - name: b
                    cron: "0 2 * * *"
                    weekly: {days: [sun], at: "02:00"}
                    duration: 1h
                    services: [db]
                  - name: b
                    start: 2026-12-01T02:00:00Z
                    services: [db]
                """);
        assertThat(errors)
                .extracting(ConfigError::path, ConfigError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("maintenance[0].services", "missing scope"),
                        org.assertj.core.groups.Tuple.tuple("maintenance[0].start", "missing schedule"),
                        org.assertj.core.groups.Tuple.tuple("maintenance[1].weekly", "more than one schedule:"),
                        org.assertj.core.groups.Tuple.tuple("maintenance[2].name", "duplicate window name"),
                        org.assertj.core.groups.Tuple.tuple("maintenance[2].end", "missing end"));
    }
}
