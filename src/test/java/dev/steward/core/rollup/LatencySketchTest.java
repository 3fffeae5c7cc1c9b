package dev.steward.core.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencySketchTest {

    @Test
    void quantilesStayWithinOnePercentOfTheExactValue() {
        long seed = 20261124L;
        System.out.println("LatencySketchTest seed " + seed);
        Random random = new Random(seed);
        Duration[] latencies = new Duration[10_000];
        for (int i = 0; i < latencies.length; i++) {
            // log-normal-ish spread from about 100 us to about 20 s
            latencies[i] = Duration.ofNanos((long) Math.exp(11.5 + 3 * Math.abs(random.nextGaussian())));
        }
        LatencySketch sketch = LatencySketch.of(latencies);
        Duration[] sorted = latencies.clone();
        Arrays.sort(sorted);
        for (double q : new double[] {0.0, 0.5, 0.9, 0.95, 0.99, 1.0}) {
            long exact = sorted[(int) Math.floor(q * (sorted.length - 1))].toNanos();
            assertThat((double) sketch.quantile(q).toNanos())
                    .as("quantile %s", q)
                    .isCloseTo(exact, org.assertj.core.data.Percentage.withPercentage(1.0001));
        }
        assertThat(sketch.count()).isEqualTo(10_000);
    }

    @Test
    void bytesReadBackToAnEqualSketch() {
        LatencySketch sketch = LatencySketch.of(Duration.ofMillis(3), Duration.ofMillis(40), Duration.ZERO);
        LatencySketch read = LatencySketch.fromBytes(sketch.toBytes());
        assertThat(read).isEqualTo(sketch);
        assertThat(read.count()).isEqualTo(3);
        assertThat(read.quantile(1.0)).isEqualTo(sketch.quantile(1.0));
    }

    @Test
    void mergeOrderDoesNotMatter() {
        LatencySketch a = LatencySketch.of(Duration.ofMillis(1), Duration.ofMillis(900));
        LatencySketch b = LatencySketch.of(Duration.ofSeconds(30));
        LatencySketch c = LatencySketch.of(Duration.ofNanos(500));
        LatencySketch abc = a.merge(b).merge(c);
        assertThat(c.merge(b).merge(a)).isEqualTo(abc).hasSameHashCodeAs(abc);
        assertThat(abc.count()).isEqualTo(4);
        assertThat(LatencySketch.empty().merge(abc)).isEqualTo(abc);
    }

    @Test
    void aSketchOfWidelySpreadLatenciesStaysSmall() {
        Duration[] latencies = new Duration[100_000];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = Duration.ofNanos(1_000L + (long) i * 1_000_000L); // 1 us to 100 s
        }
        byte[] bytes = LatencySketch.of(latencies).toBytes();
        assertThat(bytes.length).isLessThan(16 * 1024);
        assertThat(LatencySketch.fromBytes(bytes).count()).isEqualTo(100_000);
    }

    @Test
    void rejectsBytesThatAreNotASketch() {
        assertThatThrownBy(() -> LatencySketch.fromBytes(new byte[] {(byte) 0xff, 0x13, 0x7f}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an encoded latency sketch (3 bytes)");
    }

    @Test
    void rejectsNegativeLatency() {
        assertThatThrownBy(() -> LatencySketch.of(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-0.001S");
    }

    @Test
    void anEmptySketchAnswersZero() {
        assertThat(LatencySketch.empty().quantile(0.99)).isEqualTo(Duration.ZERO);
        assertThat(LatencySketch.empty().count()).isZero();
    }
}
