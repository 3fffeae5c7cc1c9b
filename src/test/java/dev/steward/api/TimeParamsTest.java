package dev.steward.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeParamsTest {
    @Test
    void unixSecondsWithAFractionAndRfc3339AreTimes() {
        assertThat(TimeParams.parse("1764000000.5")).contains(Instant.ofEpochSecond(1764000000, 500_000_000));
        assertThat(TimeParams.parse("-1.25")).contains(Instant.ofEpochSecond(-2, 750_000_000));
        assertThat(TimeParams.parse("2026-11-24T10:00:00+01:00")).contains(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(TimeParams.parse(" ")).isEmpty();
    }

    @Test
    void aNumberBeyondTheRangeOfTimesIsABadValueNotACrash() {
        for (String far : new String[] {"99999999999999999", "1e19", "-1e300"}) {
            assertThatThrownBy(() -> TimeParams.parse(far))
                    .as(far)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(TimeParams.EXPECTED);
        }
        assertThatThrownBy(() -> TimeParams.parse("tomorrow")).hasMessage(TimeParams.EXPECTED);
    }
}
