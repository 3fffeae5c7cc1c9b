package dev.steward.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = Backoff.DEFAULT;

    @Test
    void ceilingDoublesFromOneSecondAndIsCappedAtFiveMinutes() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.ceiling(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.ceiling(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.ceiling(500)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void fullJitterPicksThatPartOfTheCeilingInWholeMilliseconds() {
        assertThat(backoff.delay(3, 0.0)).isEqualTo(Duration.ZERO);
        assertThat(backoff.delay(3, 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(3, 1.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(1, 0.3333)).isEqualTo(Duration.ofMillis(333));
        assertThat(backoff.delay(40, 1.0)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void delaysGrowWithEachFailureUntilTheCap() {
        Duration previous = Duration.ZERO;
        for (int failures = 1; failures <= 12; failures++) {
            Duration d = backoff.delay(failures, 0.9);
            assertThat(d).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(Duration.ofMinutes(5));
            previous = d;
        }
        assertThat(previous).isEqualTo(Duration.ofSeconds(270));
    }

    @Test
    void rejectsJitterOutsideTheUnitIntervalAndNonsensicalSettings() {
        assertThatThrownBy(() -> backoff.delay(1, 1.5)).hasMessageContaining("jitter must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, 2, Duration.ofMinutes(1)))
                .hasMessageContaining("base must be positive");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 0.5, Duration.ofMinutes(1)))
                .hasMessageContaining("factor must be at least 1, got 0.5");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), 2, Duration.ofSeconds(1)))
                .hasMessageContaining("cap PT1S must not be below its base PT10S");
    }
}
