package dev.steward.core.exposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Prometheus's own linter accepts what the writer produces. Runs the real {@code promtool}; skipped when it is not
 * installed. This test starts a process, so it is a test of the core's output, not core code.
 */
class PromtoolCheckTest {
    private static String promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, "promtool");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    @Test
    void promtoolCheckMetricsAcceptsTheWritersOutput() throws IOException, InterruptedException {
        String promtool = promtool();
        assumeTrue(
                promtool != null,
                "promtool not found on PATH: install it (Debian: apt-get install prometheus) to run this check");
        Process p = new ProcessBuilder(promtool, "check", "metrics")
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(ExpositionWriter.writeUtf8(ExpositionWriterTest.stewardLikeFamilies()));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(p.exitValue()).as("promtool exit code, output: %s", output).isZero();
        assertThat(output).doesNotContain("error");
    }
}
