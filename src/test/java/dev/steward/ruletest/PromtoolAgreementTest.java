package dev.steward.ruletest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every test file through Prometheus's own {@code promtool test rules} too: both must agree on pass or fail, and
 * promtool must give what the file's name says, so the expectations in the files are Prometheus's, not ours.
 */
class PromtoolAgreementTest {
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    static List<String> files() {
        return RuleTestFiles.testFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void promtoolAndStewardAgreeOnPassOrFail(String name, @TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PROMTOOL), "install promtool (Debian package prometheus) to compare");
        RuleTestFiles.copyTo(dir);
        Process p = new ProcessBuilder(PROMTOOL.toString(), "test", "rules", name)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        boolean promtoolPassed = p.exitValue() == 0;
        FileResult steward = new RuleTestRunner().run(dir.resolve(name));

        assertThat(promtoolPassed).as("promtool on %s:%n%s", name, output).isEqualTo(name.startsWith("pass-"));
        assertThat(steward instanceof FileResult.Passed)
                .as("steward on %s: %s; promtool:%n%s", name, steward, output)
                .isEqualTo(promtoolPassed);
    }
}
