package dev.steward.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextsTest {
    static LongStream seeds() {
        long base = Long.getLong("steward.texts.seed", System.nanoTime());
        System.out.println("TextsTest seed " + base + " (rerun with -Dsteward.texts.seed=" + base + ")");
        return LongStream.range(0, 20).map(i -> base + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aDurationIsWrittenAsItsMillisecondsAreWithTheFormatter(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            long nanos = switch (random.nextInt(4)) {
                case 0 -> random.nextLong(10_000_000);
                case 1 -> 10_000_000 + random.nextLong(9_990_000_000L);
                case 2 -> random.nextLong(1_000_000_000_000L);
                default -> random.nextLong(100_000) * 50_000; // every tie of the rounding
            };
            assertThat(Texts.millis(Duration.ofNanos(nanos)))
                    .as("%d ns (seed %d)", nanos, seed)
                    .isEqualTo(Texts.millis(nanos / 1e6));
        }
    }

    @ParameterizedTest(name = "{0} ns")
    @ValueSource(
            longs = {
                0,
                49_999,
                50_000,
                1_150_000,
                9_949_999,
                9_950_000,
                9_999_999,
                10_000_000,
                10_499_999,
                10_500_000,
                9_999_499_999L,
                9_999_500_000L,
                9_999_999_999L,
                10_000_000_000L,
                10_050_000_000L
            })
    void theEdgesOfEachFormAreWrittenAsTheFormatterWritesThem(long nanos) {
        assertThat(Texts.millis(Duration.ofNanos(nanos))).isEqualTo(Texts.millis(nanos / 1e6));
    }
}
