package dev.steward.probe.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.config.Secret;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandProberTest {
    static final Duration TIMEOUT = Duration.ofMillis(800);
    static final Duration MARGIN = Duration.ofMillis(250);

    final CommandProber prober = new CommandProber();

    static ProbeSpec.Command command(String... argv) {
        return new ProbeSpec.Command(List.of(argv), Map.of(), Optional.empty());
    }

    @Test
    void trueExitsWithZero() {
        ProbeObservation result = prober.probe(command("/bin/true"), TIMEOUT);

        assertThat(result.failure()).isEmpty();
        assertThat(result.observation().fact("exit_code")).contains(Value.num(0));
        assertThat(result.observation().fact("latency")).contains(Value.dur(result.latency()));
    }

    @Test
    void falseExitsWithOneAndThatIsAFactNotAFailure() {
        ProbeObservation result = prober.probe(command("/bin/false"), TIMEOUT);

        assertThat(result.failure()).isEmpty();
        assertThat(result.observation().fact("exit_code")).contains(Value.num(1));
    }

    @Test
    void capturesStdoutAndStderrSeparately() {
        ProbeObservation result = prober.probe(command("/bin/sh", "-c", "echo out; echo err >&2; exit 3"), TIMEOUT);

        assertThat(result.observation().fact("stdout")).contains(Value.text("out\n"));
        assertThat(result.observation().fact("stderr")).contains(Value.text("err\n"));
        assertThat(result.observation().fact("exit_code")).contains(Value.num(3));
    }

    @Test
    void passesEnvironmentAdditionsAndWorkingDirectory(@TempDir Path dir) throws Exception {
        var spec = new ProbeSpec.Command(
                List.of("/bin/sh", "-c", "echo \"$PROBE_TOKEN $(pwd)\""),
                Map.of("PROBE_TOKEN", Secret.of("t0ken", "${env:TOKEN}")),
                Optional.of(dir));

        ProbeObservation result = prober.probe(spec, TIMEOUT);

        assertThat(result.observation().fact("stdout")).contains(Value.text("t0ken " + dir.toRealPath() + "\n"));
    }

    @Test
    void capsOutputAtSixtyFourKibibytes() {
        ProbeObservation result =
                prober.probe(command("/bin/sh", "-c", "head -c 200000 /dev/zero | tr '\\0' x"), Duration.ofSeconds(3));

        assertThat(result.failure()).isEmpty();
        assertThat(((Value.Text) result.observation().fact("stdout").orElseThrow()).value())
                .hasSize(CommandProber.OUTPUT_CAP);
        assertThat(result.observation().fact("stdout_truncated")).contains(Value.bool(true));
        assertThat(result.observation().fact("exit_code")).contains(Value.num(0));
    }

    @Test
    void killsTheProcessTreeAtTheTimeout() throws Exception {
        long start = System.nanoTime();
        ProbeObservation result = prober.probe(command("/bin/sh", "-c", "sleep 30 & echo $!; wait"), TIMEOUT);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(f.message()).contains("/bin/sh -c sleep 30");
        });
        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plus(MARGIN));
        String stdout = ((Value.Text) result.observation().fact("stdout").orElseThrow()).value();
        long sleepPid = Long.parseLong(stdout.strip());
        assertThat(awaitDeath(sleepPid, Duration.ofSeconds(2)))
                .as("sleep (pid %d), a grandchild of the probe, was killed", sleepPid)
                .isTrue();
    }

    /**
     * Waits for the OS to finish killing {@code pid}. The grandchild is re-parented to init, which may reap it late, so
     * a zombie counts as dead (the JDK's {@code onExit} would wait for the reaping).
     */
    static boolean awaitDeath(long pid, Duration limit) {
        try {
            org.awaitility.Awaitility.await()
                    .atMost(limit)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> deadOrZombie(pid));
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    private static boolean deadOrZombie(long pid) throws java.io.IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        String text;
        try {
            text = Files.readString(stat);
        } catch (NoSuchFileException gone) {
            return true;
        }
        String state = text.substring(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
        return state.equals("Z") || state.equals("X");
    }

    @Test
    void aMissingBinaryIsAConnectFailureNamingIt() {
        ProbeObservation result = prober.probe(command("/nonexistent/steward-check", "--now"), TIMEOUT);

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.CONNECT);
            assertThat(f.message()).contains("/nonexistent/steward-check");
        });
    }
}
