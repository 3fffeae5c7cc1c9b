package dev.steward.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Property tests: whatever samples go into a chunk come out bit for bit, for seeded random series. */
class ChunkEncodingTest {
    private static final long BASE_SEED = 0x5EED_2026L;

    static LongStream seeds() {
        SplittableRandom r = new SplittableRandom(BASE_SEED);
        return LongStream.generate(r::nextLong).limit(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everySampleComesBackBitForBitFromHeadViewAndClosedChunk(long seed) {
        System.out.println("ChunkEncodingTest seed " + seed);
        SplittableRandom r = new SplittableRandom(seed);
        List<Sample> samples = randomSeries(r, 1 + r.nextInt(400));
        HeadChunk head =
                new HeadChunk(samples.getFirst().timestamp(), samples.getFirst().value(), 16);
        for (int i = 1; i < samples.size(); i++) {
            head.append(samples.get(i).timestamp(), samples.get(i).value());
            if (r.nextInt(20) == 0) {
                assertThat(decode(head.view()))
                        .as("seed %d, view after %d samples", seed, i + 1)
                        .isEqualTo(samples.subList(0, i + 1));
            }
        }
        Chunk view = head.view();
        Chunk closed = head.close();
        assertThat(decode(view)).as("seed %d", seed).isEqualTo(samples);
        assertThat(decode(closed)).as("seed %d", seed).isEqualTo(samples);
        assertThat(closed.minT()).isEqualTo(samples.getFirst().timestamp());
        assertThat(closed.maxT()).isEqualTo(samples.getLast().timestamp());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aViewTakenEarlyStaysTheSameWhileTheHeadGrows(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Sample> samples = randomSeries(r, 300);
        HeadChunk head =
                new HeadChunk(samples.getFirst().timestamp(), samples.getFirst().value(), 16);
        int cut = 1 + r.nextInt(samples.size() - 1);
        for (int i = 1; i < cut; i++) {
            head.append(samples.get(i).timestamp(), samples.get(i).value());
        }
        Chunk early = head.view();
        for (int i = cut; i < samples.size(); i++) {
            head.append(samples.get(i).timestamp(), samples.get(i).value());
        }
        assertThat(decode(early)).as("seed %d, view at %d", seed, cut).isEqualTo(samples.subList(0, cut));
    }

    static List<Sample> randomSeries(SplittableRandom r, int n) {
        List<Sample> out = new ArrayList<>(n);
        long t = r.nextLong(-1L << 42, 1L << 42);
        long interval = 1 + r.nextLong(120_000);
        double v = randomValue(r, 0);
        for (int i = 0; i < n; i++) {
            out.add(new Sample(t, v));
            t += nextGap(r, interval);
            v = r.nextInt(3) == 0 ? v : randomValue(r, v);
        }
        return out;
    }

    private static long nextGap(SplittableRandom r, long interval) {
        return switch (r.nextInt(10)) {
            case 0 -> 1 + r.nextLong(1L << 40); // a long outage
            case 1 -> 1 + r.nextLong(3); // bursts
            case 2 -> interval * (1 + r.nextInt(50)); // missed scrapes
            default -> Math.max(1, interval + r.nextLong(-50, 51)); // jitter around the interval
        };
    }

    private static double randomValue(SplittableRandom r, double previous) {
        return switch (r.nextInt(18)) {
            case 0 -> Double.NaN;
            case 1 -> Double.POSITIVE_INFINITY;
            case 2 -> Double.NEGATIVE_INFINITY;
            case 3 -> StaleMarker.VALUE;
            case 4 -> -0.0;
            case 5 -> 0.0;
            case 6 -> r.nextInt(2);
            case 7 -> Double.longBitsToDouble(r.nextLong());
            case 8 -> Double.MIN_VALUE;
            case 9 -> -Double.MAX_VALUE;
            case 10 -> previous + r.nextInt(100);
            case 11 -> r.nextLong(1_000_000) / 1e3; // millisecond latencies: decimal steps at scale 3
            case 12 -> r.nextLong(1_000_000_000) / 1e9; // nanosecond latencies: scale 9
            case 13 -> r.nextLong(-(1L << 45), 1L << 45) / Math.pow(10, r.nextInt(10)); // big steps, any scale
            case 14 -> Math.round(previous * 100 + r.nextInt(-5, 6)) / 100.0; // small decimal changes
            default -> previous * (1 + (r.nextDouble() - 0.5) / 100);
        };
    }

    static List<Sample> decode(Chunk c) {
        List<Sample> out = new ArrayList<>();
        SampleIterator it = c.iterator();
        while (it.next()) {
            out.add(new Sample(it.timestamp(), it.value()));
        }
        return out;
    }
}
