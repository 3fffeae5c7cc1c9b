package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward validate} reads every service's deploy provider with the provider's own reader, as the daemon does. */
class DeployProviderValidationTest {
    @TempDir
    Path dir;

    @Test
    void invalidProviderSettingsAreStackFileErrorsWithTheirPaths() throws Exception {
        Path file = Files.writeString(dir.resolve("stack.yml"), """
                stack: shop
                services:
                  api:
                    deploy:
                      provider: {type: command, deploy: 'echo ${nope}', timout: 5m}
                      strategy: {rolling: {batches: 2, pause: 30s}}
                  web:
                    deploy:
                      provider: {type: http, url: 'not a url'}
                      strategy: {blue_green: {keep_warm: 5m}}
                """);

        Cli cli = Cli.run("validate", "--config", file.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(2);
        assertThat(cli.err())
                .contains("services.api.deploy.provider.deploy: unknown variable ${nope}")
                .contains("services.api.deploy.provider.timout")
                .contains("services.api.deploy.provider.rollback")
                .contains("services.web.deploy.provider.");
    }

    @Test
    void aRollingStrategyThroughAProxyProviderIsRefusedWithItsPath() throws Exception {
        Path file = Files.writeString(dir.resolve("stack.yml"), """
                stack: shop
                services:
                  api:
                    deploy:
                      provider:
                        type: nginx
                        file: /tmp/api-pool.conf
                        stable: ['127.0.0.1:8081']
                        canary: ['127.0.0.1:8082']
                        commands: {deploy: 'true'}
                      strategy: {rolling: {batches: 4}}
                """);

        Cli cli = Cli.run("validate", "--config", file.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(2);
        assertThat(cli.err())
                .contains("services.api.deploy.strategy: rolling is not supported with the nginx provider")
                .contains("canary (the proxy's weights move per step) or blue_green");
    }

    @Test
    void aValidCommandProviderPassesValidation() throws Exception {
        Path file = Files.writeString(dir.resolve("stack.yml"), """
                stack: shop
                services:
                  api:
                    deploy:
                      provider: {type: command, deploy: 'echo ${version}', rollback: 'echo ${stable_version}'}
                      strategy: {rolling: {batches: 2, pause: 30s}}
                """);

        Cli cli = Cli.run("validate", "--config", file.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
    }
}
