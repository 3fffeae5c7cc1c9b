package dev.steward.stackfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random damage to the full example: the loader must always answer with a value (never throw), an invalid result
 * always has errors with a path or a position, and no error shows a secret (a damaged file may move a
 * reference into a field that is not a secret; that is shown resolved by design, so loaded results are not checked). Each case is named by its seed; another
 * range runs with {@code -Dstackfile.seed=N}.
 */
class StackFileFuzzTest {
    static final long BASE = Long.getLong("stackfile.seed", 7_000L);

    @BeforeAll
    static void printSeed() {
        System.out.println("%s: seeds %d..%d (rerun with -D%s=%d)"
                .formatted("StackFileFuzzTest", BASE, BASE + 399, "stackfile.seed", BASE));
    }

    static Stream<Long> seeds() {
        return LongStream.range(BASE, BASE + 400).boxed();
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void damagedFileGivesAResultAndNeverLeaksASecret(long seed) {
        Random r = new Random(seed);
        StringBuilder yaml = new StringBuilder(StackFileLoaderTest.FULL);
        String junk = " :-[]{}\"',#&*!|>\n\t$x0";
        for (int edits = 1 + r.nextInt(4); edits > 0; edits--) {
            int at = r.nextInt(yaml.length());
            switch (r.nextInt(4)) {
                case 0 -> yaml.insert(at, junk.charAt(r.nextInt(junk.length())));
                case 1 -> yaml.delete(at, Math.min(yaml.length(), at + 1 + r.nextInt(6)));
                case 2 -> yaml.setCharAt(at, junk.charAt(r.nextInt(junk.length())));
                default -> {
                    int from = r.nextInt(yaml.length());
                    int to = Math.min(yaml.length(), from + r.nextInt(40));
                    yaml.insert(at, yaml.substring(from, to));
                }
            }
        }
        LoadResult result = LoaderFixture.parse(yaml.toString());
        assertThat(result).as("seed %d", seed).isNotNull();
        if (result instanceof LoadResult.Invalid(var errors)) {
            for (ConfigError e : errors) {
                assertThat(e.line() > 0 || !e.path().isEmpty() || e.message().startsWith("invalid YAML"))
                        .as("seed %d: %s", seed, e)
                        .isTrue();
                for (String secret : LoaderFixture.SECRET_VALUES) {
                    assertThat(e.format()).as("seed %d", seed).doesNotContain(secret);
                }
            }
        }
    }
}
