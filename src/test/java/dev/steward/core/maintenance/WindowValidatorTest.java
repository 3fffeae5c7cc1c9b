package dev.steward.core.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.route.Matchers;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WindowValidatorTest {
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final WindowValidator TWO_HOURS_NOTICE = new WindowValidator(
            new MaintenanceLimits(Duration.ofHours(12), Duration.ofHours(2), Duration.ofMinutes(1)),
            Set.of("api", "db"));

    static MaintenanceWindow request(
            String start, String end, Set<String> services, boolean emergency, String by, String reason) {
        return new MaintenanceWindow(
                "id",
                "db upgrade",
                new Schedule.OneOff(Instant.parse(start), Instant.parse(end)),
                new Scope(services, Matchers.NONE, false),
                false,
                emergency,
                by,
                reason,
                MaintenanceWindow.Origin.API,
                NOW,
                Optional.empty());
    }

    @Test
    void aWindowAnnouncedWithEnoughNoticeIsAccepted() {
        assertThat(TWO_HOURS_NOTICE.validate(
                        request("2026-11-24T12:00:00Z", "2026-11-24T13:00:00Z", Set.of("db"), false, "ops", ""), NOW))
                .isEmpty();
    }

    @Test
    void aWindowWithLessNoticeIsRefusedUnlessEmergency() {
        assertThat(TWO_HOURS_NOTICE.validate(
                        request("2026-11-24T11:00:00Z", "2026-11-24T12:00:00Z", Set.of("db"), false, "ops", ""), NOW))
                .extracting(WindowError::field)
                .containsExactly("start");
        assertThat(TWO_HOURS_NOTICE.validate(
                        request("2026-11-24T10:00:00Z", "2026-11-24T12:00:00Z", Set.of("db"), true, "ann", "db down"),
                        NOW))
                .isEmpty();
    }

    @Test
    void withoutANoticePeriodAWindowStartingAMomentBeforeTheCheckStartsNow() {
        WindowValidator noNotice = new WindowValidator(
                new MaintenanceLimits(Duration.ofHours(12), Duration.ZERO, Duration.ofMinutes(1)), Set.of("db"));
        // the request was read at 09:59:59.9, the registry checks it at 10:00
        assertThat(noNotice.validate(
                        request("2026-11-24T09:59:59.900Z", "2026-11-24T11:00:00Z", Set.of("db"), false, "ops", ""),
                        NOW))
                .isEmpty();
        assertThat(noNotice.validate(
                        request("2026-11-24T09:58:00Z", "2026-11-24T11:00:00Z", Set.of("db"), false, "ops", ""), NOW))
                .extracting(WindowError::field)
                .containsOnly("start");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        var errors = TWO_HOURS_NOTICE.validate(
                request("2026-11-24T09:00:00Z", "2026-11-24T08:00:00Z", Set.of("db", "nope"), true, "", " "), NOW);
        assertThat(errors)
                .extracting(WindowError::field)
                .containsExactlyInAnyOrder("services[nope]", "end", "start", "declared_by", "reason");
    }

    @Test
    void aWindowLongerThanTheMaximumIsRefused() {
        assertThat(TWO_HOURS_NOTICE.validate(
                        request("2026-11-24T12:00:00Z", "2026-11-25T12:00:00Z", Set.of("db"), false, "ops", ""), NOW))
                .extracting(WindowError::field, WindowError::expected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("duration", "at most PT12H (the longest window)"));
    }

    @Test
    void aScopeWithNeitherServicesNorMatchersIsRefused() {
        assertThat(TWO_HOURS_NOTICE.validate(
                        request("2026-11-24T12:00:00Z", "2026-11-24T13:00:00Z", Set.of(), false, "ops", ""), NOW))
                .extracting(WindowError::field)
                .containsExactly("services");
    }
}
