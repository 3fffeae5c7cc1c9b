package dev.steward.actuate.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.actuate.Actuators;
import dev.steward.actuate.TestTools;
import dev.steward.core.deploy.Actuation.Action;
import dev.steward.core.deploy.Actuation.Result;
import dev.steward.core.deploy.Actuator;
import dev.steward.notify.Configured;
import dev.steward.stackfile.ConfigError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandActuatorTest {
    @TempDir
    Path dir;

    private final TestTools tools = new TestTools();

    private Actuator actuator(Map<String, Object> settings) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("deploy", "true");
        s.put("rollback", "true");
        s.putAll(settings);
        return switch (Actuators.forConfig("command", s, "services.api.deploy.provider", tools.tools)) {
            case Configured.Valid<Actuator> v -> v.value();
            case Configured.Invalid<Actuator> i -> throw new AssertionError(i.errors());
        };
    }

    private static Result.Failed failed(Result r) {
        assertThat(r).isInstanceOf(Result.Failed.class);
        return (Result.Failed) r;
    }

    private static Result.Applied applied(Result r) {
        assertThat(r).isInstanceOf(Result.Applied.class);
        return (Result.Applied) r;
    }

    @Test
    void substitutesEveryVariableAndPassesThemInTheEnvironmentToo() {
        Actuator a = actuator(Map.of(
                "set_weight",
                "echo ${service} ${environment} ${version} ${stable_version} ${weight} ${replicas} ${step};"
                        + " echo $STEWARD_ACTION $STEWARD_VERSION $STEWARD_WEIGHT",
                "promote",
                "true"));

        Result.Applied r = applied(a.apply(TestTools.request(Action.SET_WEIGHT, "2.0.0", 25)));

        assertThat(r.output()).isEqualTo("api prod 2.0.0 1.0.0 25 0 1\nset_weight 2.0.0 25\n");
    }

    @Test
    void aVersionCannotInjectShellCommands() {
        Path marker = dir.resolve("pwned");
        Actuator a = actuator(Map.of("deploy", "echo deploying ${version}"));
        String evil = "1.0'; touch " + marker + "; echo '$(touch " + marker + ")`touch " + marker + "`";

        Result.Applied r = applied(a.apply(TestTools.request(Action.DEPLOY, evil, 0)));

        assertThat(r.output()).isEqualTo("deploying " + evil + "\n");
        assertThat(marker).doesNotExist();
    }

    /** Seeds for {@link #anyVersionStringArrivesAsOneLiteralArgument}: fixed ones, and one new each run (printed). */
    static java.util.stream.LongStream seeds() {
        long fresh = new java.util.Random().nextLong();
        System.out.println("CommandActuatorTest seed " + fresh);
        return java.util.stream.LongStream.of(1L, 42L, 20280229L, fresh);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.MethodSource("seeds")
    void anyVersionStringArrivesAsOneLiteralArgument(long seed) {
        java.util.Random random = new java.util.Random(seed);
        String alphabet = "ab1.-_ '\"\\$`;|&(){}<>*?[]!#~=%\n\té€😀";
        Actuator a = actuator(Map.of("deploy", "printf '%s|' ${version} ${service}"));
        for (int round = 0; round < 20; round++) {
            StringBuilder version = new StringBuilder();
            int length = random.nextInt(1, 24);
            for (int i = 0; i < length; i++) {
                version.appendCodePoint(alphabet.codePointAt(
                        alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            Result r = a.apply(TestTools.request(Action.DEPLOY, version.toString(), 0));

            assertThat(applied(r).output())
                    .as("seed %d, version %s", seed, version)
                    .isEqualTo(version + "|api|");
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aNonZeroExitFailsWithTheExitCodeTheLastLineAndTheOutput() {
        Actuator a = actuator(Map.of("deploy", "echo pulling; echo 'image not found' >&2; exit 3"));

        Result.Failed f = failed(a.apply(TestTools.request(Action.DEPLOY, "2.0.0", 0)));

        assertThat(f.exitCode()).contains(3);
        assertThat(f.retryable()).isFalse();
        assertThat(f.reason()).isEqualTo("deploy command exited with 3: image not found");
        assertThat(f.output()).isEqualTo("pulling\nimage not found\n");
    }

    @Test
    void exitSeventyFiveAsksForARetry() {
        Actuator a = actuator(Map.of("deploy", "exit 75"));

        Result.Failed f = failed(a.apply(TestTools.request(Action.DEPLOY, "2.0.0", 0)));

        assertThat(f.retryable()).isTrue();
        assertThat(f.exitCode()).contains(75);
    }

    @Test
    void theTimeoutKillsTheCommandAndItsChildren() throws Exception {
        Path pid = dir.resolve("child.pid");
        Actuator a =
                actuator(Map.of("timeout", "300ms", "deploy", "echo started; sleep 600 & echo $! > " + pid + "; wait"));

        Result.Failed f = failed(a.apply(TestTools.request(Action.DEPLOY, "2.0.0", 0)));

        assertThat(f.reason()).isEqualTo("deploy command still running after 300ms; killed it and its children");
        assertThat(f.retryable()).isTrue();
        assertThat(f.exitCode()).isEmpty();
        assertThat(f.output()).isEqualTo("started\n");
        long child = Long.parseLong(Files.readString(pid).strip());
        Optional<ProcessHandle> sleeper = ProcessHandle.of(child);
        if (sleeper.isPresent()) {
            sleeper.get().onExit().get(5, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void keepsOnlyTheLastSixtyFourKibibytesOfOutput() {
        Actuator a = actuator(Map.of("deploy", "seq 1 100000"));

        Result.Applied r = applied(a.apply(TestTools.request(Action.DEPLOY, "2.0.0", 0)));

        assertThat(r.output()).endsWith("99999\n100000\n").startsWith("[");
        String kept = r.output().substring(r.output().indexOf('\n') + 1);
        assertThat(kept.length()).isLessThanOrEqualTo(Shell.OUTPUT_CAP);
        assertThat(r.output()).matches("(?s)\\[\\d+ earlier bytes dropped]\n.*");
    }

    @Test
    void runsInTheWorkdirWithTheConfiguredEnvironmentAndSecrets() throws IOException {
        Files.writeString(dir.resolve("here.txt"), "inside");
        Actuator a = actuator(Map.of(
                "workdir", dir.toString(),
                "env", Map.of("TOKEN", "${env:DEPLOY_TOKEN}", "MODE", "blue"),
                "deploy", "cat here.txt; echo \" $MODE $TOKEN\""));

        Result.Applied r = applied(a.apply(TestTools.request(Action.DEPLOY, "2.0.0", 0)));

        assertThat(r.output()).isEqualTo("inside blue s3cret\n");
    }

    @Test
    void anActionWithoutACommandFailsExceptCleanupWhichHasNothingToDo() {
        Actuator a = actuator(Map.of());

        Result.Failed f = failed(a.apply(TestTools.request(Action.SET_WEIGHT, "2.0.0", 10)));
        Result.Applied c = applied(a.apply(TestTools.request(Action.CLEANUP, "2.0.0", 0)));

        assertThat(f.reason()).isEqualTo("no set_weight command is configured");
        assertThat(f.retryable()).isFalse();
        assertThat(c.output()).contains("nothing to clean up");
    }

    @Test
    void measuresHowLongAnActuationTookOnTheInjectedTicker() {
        Actuator a = actuator(Map.of("deploy", "true"));
        tools.nanos.set(0);
        Actuator advancing = req -> {
            tools.nanos.addAndGet(1_500_000_000L);
            return a.apply(req);
        };
        Result.Applied r = applied(new dev.steward.actuate.TimedActuator(advancing, tools.tools.ticker())
                .apply(TestTools.request(Action.DEPLOY, "2", 0)));

        assertThat(r.took()).isEqualTo(java.time.Duration.ofMillis(1500));
    }

    @Test
    void reportsEveryProblemOfTheSettingsWithItsPath() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("set_weight", "echo ${weigth}");
        s.put("switch", "echo ${version");
        s.put("timeout", "soon");
        s.put("workdir", "relative/dir");
        s.put("env", Map.of("STEWARD_X", "1"));
        s.put("colour", "blue");

        List<ConfigError> errors = Actuators.forConfig("command", s, "services.api.deploy.provider", tools.tools)
                .errors();

        assertThat(errors)
                .extracting(e -> e.path() + ": " + e.message())
                .containsExactlyInAnyOrder(
                        "services.api.deploy.provider.colour: unknown setting",
                        "services.api.deploy.provider.deploy: missing",
                        "services.api.deploy.provider.rollback: missing",
                        "services.api.deploy.provider.promote: missing",
                        "services.api.deploy.provider.set_weight: unknown variable ${weigth}",
                        "services.api.deploy.provider.switch: unclosed ${",
                        "services.api.deploy.provider.timeout: invalid duration",
                        "services.api.deploy.provider.workdir: not an absolute path",
                        "services.api.deploy.provider.env.STEWARD_X: invalid variable name");
        assertThat(errors).allMatch(e -> e.file().equals("stack.yml"));
    }

    @Test
    void anUnknownProviderTypeIsAnError() {
        List<ConfigError> errors = Actuators.forConfig("ansible", Map.of(), "deploy.provider", tools.tools)
                .errors();

        assertThat(errors)
                .extracting(ConfigError::path, ConfigError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("deploy.provider.type", "unknown provider type"));
    }
}
