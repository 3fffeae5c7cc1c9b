package dev.steward.core.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The byte-level float reader agrees bit for bit with {@link Double#parseDouble} on seeded random numbers. */
class NumberSyntaxTest {
    static LongStream seeds() {
        SplittableRandom r = new SplittableRandom(0xF10A7L);
        return LongStream.generate(r::nextLong).limit(50);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithJavaOnEveryWayOfWritingANumber(long seed) {
        System.out.println("NumberSyntaxTest seed " + seed);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 2000; i++) {
            String text = randomNumberText(r);
            byte[] b = ("x" + text + "y").getBytes(StandardCharsets.ISO_8859_1);
            double got = NumberSyntax.parseFloat(b, 1, b.length - 1, "a value");
            double want = Double.parseDouble(text);
            assertThat(Double.doubleToRawLongBits(got))
                    .as("seed %d: %s parsed as %s, expected %s", seed, text, got, want)
                    .isEqualTo(Double.doubleToRawLongBits(want));
        }
    }

    private static String randomNumberText(SplittableRandom r) {
        double v = switch (r.nextInt(4)) {
            case 0 -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL);
            case 1 -> r.nextInt(1_000_000) / 1000.0;
            case 2 -> r.nextDouble() * Math.pow(10, r.nextInt(-30, 30));
            default -> (double) r.nextLong(1L << 60);
        };
        if (r.nextBoolean()) {
            v = -v;
        }
        return switch (r.nextInt(5)) {
            case 0 -> Double.toString(v);
            case 1 -> String.format(Locale.ROOT, "%." + r.nextInt(1, 20) + "e", v);
            case 2 -> new BigDecimal(v).toPlainString();
            case 3 -> String.format(Locale.ROOT, "%." + r.nextInt(0, 25) + "f", v);
            default ->
                new BigDecimal(v)
                        .round(new java.math.MathContext(r.nextInt(1, 25)))
                        .toString();
        };
    }
}
