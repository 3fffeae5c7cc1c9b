package dev.steward.amapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.steward.core.silence.InMemorySilenceStore;
import dev.steward.core.silence.SilenceLimits;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's real Prometheus, configured with Steward as its Alertmanager, delivers a firing alert to {@code POST
 * /api/v2/alerts}. The test waits for that delivery (an event, bounded at 60 s), not for a timer of its own.
 */
class PrometheusSendsAlertsTest {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

    @TempDir
    Path dir;

    @Test
    void aFiringRuleArrivesWithItsLabelsAnnotationsAndGeneratorUrl() throws Exception {
        assumeTrue(
                Files.isExecutable(PROMETHEUS),
                "prometheus not found at /usr/bin/prometheus: install the" + " prometheus package");
        CountDownLatch arrived = new CountDownLatch(1);
        AtomicReference<List<PostedAlert>> received = new AtomicReference<>();
        AlertSink sink = (alerts, at) -> {
            received.compareAndSet(null, alerts);
            arrived.countDown();
        };
        SilenceRegistry registry = SilenceRegistry.withRandomIds(
                new InMemorySilenceStore(), InstantSource.system(), SilenceLimits.DEFAULT);
        AlertmanagerApi api = new AlertmanagerApi(
                registry,
                sink,
                List::of,
                new AlertmanagerApi.Settings("test", "", Instant.now(), Duration.ofMinutes(5)));
        Javalin app = Javalin.create(cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    api.mount(cfg);
                })
                .start("127.0.0.1", 0);
        Process prometheus = null;
        try {
            prometheus = startPrometheus(app.port());
            assertThat(arrived.await(60, TimeUnit.SECONDS))
                    .as("Prometheus delivered an alert within 60 s")
                    .isTrue();
        } finally {
            if (prometheus != null) {
                prometheus.destroy();
                prometheus.waitFor(10, TimeUnit.SECONDS);
            }
            app.stop();
        }
        PostedAlert a = received.get().getFirst();
        assertThat(a.labels().get("alertname")).isEqualTo("StewardTestAlwaysFiring");
        assertThat(a.labels().get("severity")).isEqualTo("page");
        assertThat(a.annotations()).containsEntry("summary", "always firing");
        assertThat(a.generatorURL()).contains("/graph?g0.expr=");
        assertThat(a.endsAtDefaulted()).isFalse();
        assertThat(a.endsAt()).isAfter(a.startsAt());
    }

    private Process startPrometheus(int stewardPort) throws Exception {
        Files.writeString(dir.resolve("rules.yml"), """
                groups:
                  - name: test
                    interval: 1s
                    rules:
                      - alert: StewardTestAlwaysFiring
                        expr: vector(1)
                        labels: {severity: page}
                        annotations: {summary: always firing}
                """);
        Files.writeString(dir.resolve("prometheus.yml"), """
                global: {evaluation_interval: 1s}
                rule_files: [rules.yml]
                alerting:
                  alertmanagers:
                    - api_version: v2
                      static_configs: [{targets: ['127.0.0.1:%d']}]
                """.formatted(stewardPort));
        return new ProcessBuilder(
                        PROMETHEUS.toString(),
                        "--config.file=" + dir.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:0",
                        // Prometheus learns its Alertmanagers after the first discovery sync (about 5 s) and
                        // drops what fired before; a short resend delay resends soon after instead of after 1 min.
                        "--rules.alert.resend-delay=1s",
                        "--log.level=warn")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
    }
}
