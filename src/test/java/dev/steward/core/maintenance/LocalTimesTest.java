package dev.steward.core.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalTimesTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aLocalTimeInTheSpringForwardGapResolvesToTheEndOfTheGap() {
        assertThat(LocalTimes.resolve(LocalDateTime.parse("2026-03-29T02:30"), BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(LocalTimes.resolve(LocalDateTime.parse("2026-03-29T02:00"), BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void aLocalTimeInTheFallBackOverlapResolvesToItsFirstOccurrence() {
        assertThat(LocalTimes.resolve(LocalDateTime.parse("2026-10-25T02:30"), BERLIN))
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void anOrdinaryLocalTimeResolvesWithItsOnlyOffset() {
        assertThat(LocalTimes.resolve(LocalDateTime.parse("2026-10-25T01:30"), BERLIN))
                .isEqualTo(Instant.parse("2026-10-24T23:30:00Z"));
    }
}
