package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.AlertingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack file's {@code alerting:} block and the Alertmanager configuration it names. */
class AlertingConfigTest {
    @TempDir
    Path dir;

    private static final String SERVICES = """
            services:
              api:
                checks: [{name: port, tcp: {address: "127.0.0.1:1"}}]
            """;

    @Test
    void withoutAnAlertingBlockEveryAlertGoesToTheBuiltInRoute() throws Exception {
        Path file = Files.writeString(dir.resolve("stack.yml"), "stack: shop\n" + SERVICES);

        var loaded = (StackLoading.Outcome.Loaded) StackLoading.load(file);

        assertThat(loaded.config().alerting()).isEqualTo(AlertingConfig.DEFAULTS);
        assertThat(loaded.routing().tree().receiver()).isEqualTo("default");
        assertThat(loaded.routing().receivers()).containsOnlyKeys("default");
    }

    @Test
    void theAlertmanagerConfigurationIsReadRelativeToTheStackFile() throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/am.yml"), """
                route: {receiver: ops, group_wait: 0s}
                receivers:
                  - name: ops
                    webhook_configs: [{url: "http://127.0.0.1:9/hook"}]
                """);
        Path file = Files.writeString(dir.resolve("stack.yml"), """
                stack: shop
                alerting:
                  alertmanager_config: conf/am.yml
                  external_url: https://steward.example.com
                  ack_timeout: 1h
                  settle_after: 2m
                """ + SERVICES);

        var loaded = (StackLoading.Outcome.Loaded) StackLoading.load(file);

        assertThat(loaded.routing().tree().receiver()).isEqualTo("ops");
        assertThat(loaded.routing().tree().groupWait()).isEqualTo(Duration.ZERO);
        assertThat(loaded.config().alerting().ackTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(loaded.config().alerting().settleAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(loaded.config().alerting().externalUrl().orElseThrow()).hasToString("https://steward.example.com");
    }

    @Test
    void errorsInTheAlertingBlockAndInTheAlertmanagerFileNameTheirFileAndPosition() throws Exception {
        Path bad = Files.writeString(dir.resolve("stack.yml"), """
                stack: shop
                alerting:
                  ack_timout: 1h
                  settle_after: soon
                """ + SERVICES);
        Cli cli = Cli.run("validate", "--config", bad.toString());
        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(2);
        assertThat(cli.err())
                .contains(bad + ":3:3: alerting.ack_timout: unknown key \"ack_timout\"")
                .contains("(did you mean \"ack_timeout\"?)")
                .contains(bad + ":4:17: alerting.settle_after: invalid duration \"soon\"");

        Files.writeString(dir.resolve("am.yml"), "route: {receiver: nobody}\nreceivers: [{name: ops}]\n");
        Path good = Files.writeString(
                dir.resolve("stack2.yml"), "stack: shop\nalerting: {alertmanager_config: am.yml}\n" + SERVICES);
        Cli second = Cli.run("validate", "--config", good.toString());
        assertThat(second.exitCode()).as(second.transcript()).isEqualTo(2);
        assertThat(second.err()).contains(dir.resolve("am.yml").toString()).contains("nobody");
    }

    @Test
    void theFallbackReceiverMustBeOneOfTheAlertmanagerReceivers() throws Exception {
        Files.writeString(dir.resolve("am.yml"), "route: {receiver: ops}\nreceivers: [{name: ops}]\n");
        Path file = Files.writeString(dir.resolve("stack.yml"), """
                stack: shop
                alerting: {alertmanager_config: am.yml, fallback_receiver: pager}
                """ + SERVICES);

        Cli cli = Cli.run("validate", "--config", file.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(2);
        assertThat(cli.err())
                .contains("alerting.fallback_receiver: unknown receiver \"pager\"; expected one of the receivers of"
                        + " the Alertmanager configuration: ops");
    }
}
