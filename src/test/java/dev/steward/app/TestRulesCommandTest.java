package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRulesCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private Path rules() throws IOException {
        return write("r.yml", """
                groups:
                  - name: g
                    rules:
                      - alert: Down
                        expr: up == 0
                        for: 1m
                """);
    }

    private Path test(String name, String expectedAt2m) throws IOException {
        return write(name, """
                rule_files: [r.yml]
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'up{instance="a"}'
                        values: '0x3'
                    alert_rule_test:
                      - eval_time: 2m
                        alertname: Down
                        exp_alerts: %s
                """.formatted(expectedAt2m));
    }

    @Test
    void exitsZeroAndPrintsSuccessWhenEveryFilePasses() throws IOException {
        rules();
        Path ok = test("ok.test.yml", "[{exp_labels: {instance: a}}]");
        Cli r = Cli.run("test-rules", ok.toString());
        assertThat(r.exitCode()).as(r.transcript()).isZero();
        assertThat(r.out()).isEqualTo("Unit Testing:  " + ok + "\n  SUCCESS\n\n");
    }

    @Test
    void exitsOneWhenATestFailsAndStillRunsTheOtherFiles() throws IOException {
        rules();
        Path bad = test("bad.test.yml", "[]");
        Path ok = test("ok.test.yml", "[{exp_labels: {instance: a}}]");
        Cli r = Cli.run("test-rules", bad.toString(), ok.toString());
        assertThat(r.exitCode()).as(r.transcript()).isEqualTo(1);
        assertThat(r.out())
                .contains("Unit Testing:  " + bad + "\n  FAILED:\n    alertname: Down, time: 2m,")
                .contains("got: [\n            {alertname=\"Down\", instance=\"a\"} annotations: {}")
                .contains("Unit Testing:  " + ok + "\n  SUCCESS");
    }

    @Test
    void exitsTwoWhenAFileIsInvalidEvenIfAnotherOnlyFails() throws IOException {
        rules();
        Path bad = test("bad.test.yml", "[]");
        Path broken = write("broken.test.yml", "rule_files: [r.yml]\ntests:\n  - interval: soon\n");
        Cli r = Cli.run("test-rules", bad.toString(), broken.toString());
        assertThat(r.exitCode()).as(r.transcript()).isEqualTo(2);
        assertThat(r.out()).contains(broken + ":3:15: tests[0].interval: invalid duration \"soon\"");
    }
}
