package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward validate}, {@code --help} and {@code --version} through the real command line. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void aValidFileExitsZeroWithASummaryLine() throws Exception {
        Path file = write("stack.yml", """
                stack: shop
                services:
                  api:
                    checks:
                      - name: health
                        http: {url: "http://127.0.0.1:1/health"}
                      - name: port
                        tcp: {address: "127.0.0.1:1"}
                  db:
                    checks: [{name: ping, postgres: {url: "jdbc:postgresql://127.0.0.1:5432/test"}}]
                """);

        Cli cli = Cli.run("validate", "--config", file.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
        assertThat(cli.out())
                .isEqualTo(file + ": valid: stack shop, 2 services, 3 checks, 1 rule groups (3 rules, built-in check"
                        + " alerts included)\n");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void anInvalidFileExitsTwoAndListsEveryErrorWithPositionPathSeenAndExpected() throws Exception {
        Path file = write("broken.yml", """
                stack: shop
                services:
                  api:
                    depends_on: [nope]
                    checks:
                      - name: health
                        http: {url: "http://127.0.0.1:1/health"}
                        interval: 30 seconds
                        timeot: 5s
                """);

        Cli cli = Cli.run("validate", "--config", file.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err().lines().toList())
                .containsExactly(
                        file
                                + ":4:18: services.api.depends_on[0]: unknown service \"nope\"; expected one of the services of this file: api",
                        file + ":8:19: services.api.checks[0].interval: invalid duration \"30 seconds\";"
                                + " expected a duration such as 30s, 5m, 1h30m",
                        file + ":9:9: services.api.checks[0].timeot: unknown key \"timeot\"; expected "
                                + "one of name, http, health, tcp, postgres, redis, elasticsearch, command, interval,"
                                + " timeout, expect, fail_after, retry_interval, recover_after, labels, alert, flapping"
                                + " (did you mean \"timeout\"?)",
                        "3 errors");
    }

    @Test
    void oneErrorIsCountedInTheSingular() throws Exception {
        Path file = write("one.yml", "stack: shop\nversion: 2\nservices:\n  api: {}\n");

        Cli cli = Cli.run("validate", "--config", file.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(2);
        assertThat(cli.err())
                .isEqualTo(
                        file + ":2:1: version: unknown key \"version\"; expected one of stack, defaults, services,"
                                + " rule_files, rule_groups, alerting, maintenance, access, console, environments, analyses, people, schedules, escalation_policies, severities, status_page\n1 error\n");
    }

    @Test
    void anUnsetEnvironmentVariableIsNamedAndTheReferenceShownAsWritten() throws Exception {
        assumeTrue(System.getenv("STEWARD_TEST_UNSET_7F3A") == null, "unset STEWARD_TEST_UNSET_7F3A");
        Path file = write("env.yml", """
                stack: shop
                services:
                  api:
                    checks:
                      - name: health
                        http:
                          url: "http://127.0.0.1:1/health"
                          headers: {Authorization: "Bearer ${env:STEWARD_TEST_UNSET_7F3A}"}
                """);

        Cli cli = Cli.run("validate", "--config", file.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(2);
        assertThat(cli.err())
                .isEqualTo(file + ":8:44: services.api.checks[0].http.headers.Authorization: environment variable"
                        + " STEWARD_TEST_UNSET_7F3A is not set, referenced in \"Bearer ${env:STEWARD_TEST_UNSET_7F3A}\";"
                        + " expected the variable to be set in Steward's environment\n1 error\n");
    }

    @Test
    void aMissingFileExitsTwoAndSaysTheFileCannotBeRead() {
        Path file = dir.resolve("absent.yml");

        Cli cli = Cli.run("validate", "--config", file.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(2);
        assertThat(cli.err())
                .isEqualTo(file + ": cannot read the file (NoSuchFileException); expected a readable stack file\n"
                        + "1 error\n");
    }

    @Test
    void withoutConfigThePicocliUsageErrorExitsTwo() {
        Cli cli = Cli.run("validate");

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(2);
        assertThat(cli.err())
                .contains("Missing required option: '--config=FILE'")
                .contains("Usage: steward validate");
    }

    @Test
    void helpListsEverySubcommandAndExitsZero() {
        Cli cli = Cli.run("--help");

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
        assertThat(cli.out()).startsWith("Usage: steward").contains("run", "demo", "validate", "check");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void subcommandHelpDescribesTheExitCodes() {
        Cli cli = Cli.run("validate", "--help");

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
        assertThat(cli.out()).contains("Exit 0 valid, 2 invalid").contains("--config=FILE");
    }

    @Test
    void everySubcommandAnswersHelpAndVersion() {
        for (String command : java.util.List.of("run", "demo", "validate", "check")) {
            Cli help = Cli.run(command, "--help");
            assertThat(help.exitCode()).as(help.transcript()).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: steward " + command);
            Cli version = Cli.run(command, "--version");
            assertThat(version.exitCode()).as(version.transcript()).isZero();
            assertThat(version.out()).as(command).startsWith("steward " + Version.get());
        }
    }

    @Test
    void theHelpSubcommandShowsTheUsageOfAnotherCommand() {
        Cli cli = Cli.run("help", "check");

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
        assertThat(cli.out()).startsWith("Usage: steward check").contains("--service=S", "--format");
    }

    @Test
    void versionPrintsTheVersionAndTheJavaRuntimeAndExitsZero() {
        Cli cli = Cli.run("--version");

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
        assertThat(cli.out()).isEqualTo("steward " + Version.get() + " (Java " + Runtime.version() + ")\n");
    }

    @Test
    void noArgumentsPrintsTheUsageAndExitsZero() {
        Cli cli = Cli.run();

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
        assertThat(cli.out()).startsWith("Usage: steward");
    }
}
