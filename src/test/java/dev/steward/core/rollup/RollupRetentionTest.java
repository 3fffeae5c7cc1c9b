package dev.steward.core.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.config.CheckId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollupRetentionTest {
    private static final CheckId API = new CheckId("api", "health");
    private static final Instant NOW = Instant.parse("2028-03-01T00:00:00Z");

    @Test
    void deletesEachResolutionPastItsOwnRetention() {
        RollupStore store = new InMemoryRollupStore();
        Instant nineDaysAgo = NOW.minus(Duration.ofDays(9));
        Instant sevenDaysAgo = NOW.minus(Duration.ofDays(7));
        store.save(List.of(
                Rollup.ofProbe(API, Resolution.MINUTE, nineDaysAgo, true, Duration.ofMillis(1)),
                Rollup.ofProbe(API, Resolution.MINUTE, sevenDaysAgo, true, Duration.ofMillis(1)),
                Rollup.ofProbe(API, Resolution.HOUR, nineDaysAgo, true, Duration.ofMillis(1)),
                Rollup.ofProbe(API, Resolution.HOUR, NOW.minus(Duration.ofDays(401)), true, Duration.ofMillis(1))));

        assertThat(RollupRetention.DEFAULT.applyTo(store, NOW)).isEqualTo(2);
        assertThat(store.query(API, Resolution.MINUTE, Instant.EPOCH, NOW))
                .extracting(Rollup::bucketStart)
                .containsExactly(sevenDaysAgo);
        assertThat(store.query(API, Resolution.HOUR, Instant.EPOCH, NOW))
                .extracting(Rollup::bucketStart)
                .containsExactly(nineDaysAgo);
    }

    @Test
    void rejectsAZeroRetention() {
        assertThatThrownBy(() -> new RollupRetention(Duration.ZERO, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1m PT0S");
    }
}
