package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.steward.api.StatusDocument;
import dev.steward.core.check.CheckStatus;
import dev.steward.core.check.ProbeSeries;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.StackConfig;
import dev.steward.core.series.Labels;
import dev.steward.core.series.MemorySeriesStore;
import dev.steward.demo.DemoOptions;
import dev.steward.demo.DemoService;
import dev.steward.demo.DemoStack;
import dev.steward.demo.Fault;
import dev.steward.demo.LocalServers;
import dev.steward.engine.CheckLoop;
import dev.steward.engine.SchedulerStats;
import dev.steward.engine.SeriesSink;
import dev.steward.probe.ClosedPort;
import dev.steward.probe.ProbeDispatcher;
import dev.steward.stackfile.LoadResult;
import dev.steward.stackfile.StackFileLoader;
import dev.steward.testing.ManualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /metrics} contract: the text the daemon serves (built here from the same parts {@code Daemon.metricsText}
 * uses, over a {@link CheckLoop} driven by hand against the demo stack) passes {@code promtool check metrics}, carries
 * blackbox_exporter's names and labels, and never contains a secret from the stack file.
 */
class MetricsContractTest {
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private static final Map<String, String> ENV = Map.of(
            "API_TOKEN", "tok-7c1e-SECRET",
            "PG_PASSWORD", "pg-pw-9d2f-SECRET",
            "REDIS_PASSWORD", "redis-pw-41aa-SECRET");

    private final ManualClock clock = new ManualClock(T0);
    private final SchedulerStats stats = new SchedulerStats();
    private final MemorySeriesStore series = new MemorySeriesStore();
    private final LocalServers local = LocalServers.detect();
    private DemoStack demo;
    private ProbeDispatcher prober;
    private StackConfig stack;
    private CheckLoop loop;

    @BeforeEach
    void start() {
        demo = DemoStack.start(DemoOptions.defaults().withoutTraffic());
        prober = ProbeDispatcher.create(clock);
        stack = load(stackYaml());
        loop = new CheckLoop(
                clock, clock::nanos, prober, Runnable::run, List.of(new SeriesSink(series, this::labelsOf)), stats);
        loop.configure(stack, T0);
    }

    @AfterEach
    void stop() throws Exception {
        prober.close();
        demo.close();
    }

    private String stackYaml() {
        StringBuilder b = new StringBuilder("""
                stack: demo
                services:
                  api:
                    checks:
                      - name: health
                        http: {url: "%1$s/health", headers: {Authorization: "Bearer ${env:API_TOKEN}"}}
                        expect: ['status == 200']
                      - name: detailed
                        health: {url: "%1$s/health/detailed"}
                  search:
                    labels: {team: search}
                    checks:
                      - name: cluster
                        elasticsearch: {url: "%2$s"}
                        expect: ['cluster.status == "green"']
                        fail_after: 1
                  frontend:
                    checks:
                      - name: page
                        http: {url: "%3$s/"}
                  gone:
                    checks:
                      - name: health
                        http: {url: "http://127.0.0.1:%4$d/health", bearer_token: "${env:API_TOKEN}"}
                        fail_after: 1
                """.formatted(
                        demo.url(DemoService.API),
                        demo.url(DemoService.SEARCH),
                        demo.url(DemoService.FRONTEND),
                        ClosedPort.pick()));
        if (local.postgres()) {
            b.append("""
                      db:
                        checks:
                          - name: ping
                            postgres: {url: "jdbc:postgresql://127.0.0.1:5432/test", user: postgres,
                                       password: "${env:PG_PASSWORD}"}
                    """);
        }
        if (local.redis()) {
            // fails when the local Redis has no password (AUTH is refused): the failure must not show the password
            b.append("""
                      cache:
                        checks:
                          - name: ping
                            redis: {url: "redis://:${env:REDIS_PASSWORD}@127.0.0.1:6379"}
                            fail_after: 1
                    """);
        }
        return b.toString();
    }

    private static StackConfig load(String yaml) {
        StackFileLoader loader = new StackFileLoader(name -> Optional.ofNullable(ENV.get(name)), path -> {
            throw new NoSuchFileException(path.toString());
        });
        LoadResult result = loader.parse(yaml, "/etc/steward/stack.yml");
        assertThat(StackFileLoader.format(result)).as("errors in%n%s", yaml).isEmpty();
        return ((LoadResult.Loaded) result).config();
    }

    /** The labels {@code Daemon} gives a check's series. */
    private Labels labelsOf(CheckConfig check) {
        return ProbeSeries.checkLabels(
                stack.stack(), check, stack.services().get(check.service()).labels());
    }

    /** Moves the clock through every due instant up to {@code until}, probing what is due (on this thread). */
    private void runUntil(Instant until) {
        for (Optional<Instant> next = loop.nextDue();
                next.isPresent() && !next.get().isAfter(until);
                next = loop.nextDue()) {
            clock.set(next.get());
            loop.runDue(next.get());
        }
        clock.set(until);
    }

    /** What the daemon serves on {@code /metrics}, rendered by the daemon's own function. */
    private String metricsText() {
        return Daemon.renderMetrics(loop.snapshot(), stats, series.stats(), this::labelsOf);
    }

    private record Promtool(int exitCode, String output) {}

    private static Promtool promtool(String metrics) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("promtool", "check", "metrics")
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            assumeTrue(false, "install the prometheus package (apt-get install prometheus) for promtool");
            throw e;
        }
        try (OutputStream in = p.getOutputStream()) {
            in.write(metrics.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        return new Promtool(p.exitValue(), output);
    }

    private void assertPromtoolAccepts(String metrics) throws Exception {
        Promtool result = promtool(metrics);
        assertThat(result.output())
                .as("promtool's complaints about%n%s", metrics)
                .isEmpty();
        assertThat(result.exitCode()).as("promtool exit code").isZero();
    }

    private void probeEveryCheckForAMinute() {
        runUntil(T0.plus(Duration.ofSeconds(61)));
        assertThat(loop.snapshot().values())
                .as("every check has a result")
                .allSatisfy(s -> assertThat(s.last()).isPresent());
    }

    @Test
    void promtoolAcceptsTheMetricsOfAWatchedStack() throws Exception {
        probeEveryCheckForAMinute();

        assertPromtoolAccepts(metricsText());
    }

    @Test
    void probeSeriesCarryBlackboxExporterNamesAndStackServiceCheckLabels() {
        probeEveryCheckForAMinute();

        List<String> lines = metricsText().lines().toList();
        assertThat(lines)
                .contains(
                        "# TYPE probe_success gauge",
                        "probe_success{check=\"health\",service=\"api\",stack=\"demo\"} 1",
                        "probe_success{check=\"page\",service=\"frontend\",stack=\"demo\"} 1",
                        "probe_success{check=\"cluster\",service=\"search\",stack=\"demo\",team=\"search\"} 1",
                        "probe_success{check=\"health\",service=\"gone\",stack=\"demo\"} 0",
                        "probe_http_status_code{check=\"health\",service=\"api\",stack=\"demo\"} 200",
                        "steward_check_up{check=\"health\",service=\"api\",stack=\"demo\"} 1",
                        "steward_check_up{check=\"health\",service=\"gone\",stack=\"demo\"} 0",
                        "steward_health_component_up{check=\"detailed\",component=\"search\",service=\"api\","
                                + "stack=\"demo\"} 1",
                        "steward_health_component_up{check=\"detailed\",component=\"database\",service=\"api\","
                                + "stack=\"demo\"} 1",
                        "probe_elasticsearch_cluster_status{check=\"cluster\",service=\"search\",stack=\"demo\","
                                + "team=\"search\"} 0",
                        "steward_checks " + stack.allChecks().size());
        assertThat(lines)
                .filteredOn(l -> l.startsWith("probe_duration_seconds{"))
                .hasSize(stack.allChecks().size())
                .allSatisfy(l -> assertThat(l)
                        .matches("probe_duration_seconds\\{check=\"\\w+\",service=\"\\w+\","
                                + "stack=\"demo\"(,team=\"search\")?} [0-9.E-]+"));
        assertThat(loop.snapshot().get(new CheckId("api", "health")).state().status())
                .isEqualTo(CheckStatus.UP);
    }

    @Test
    void aFaultShowsInTheSeriesAndTheTextStillPassesPromtool() throws Exception {
        probeEveryCheckForAMinute();
        demo.faults().inject(DemoService.SEARCH, new Fault.ClusterStatus("red"));
        demo.faults().inject(DemoService.FRONTEND, new Fault.ServerError());

        runUntil(T0.plus(Duration.ofSeconds(125)));

        String metrics = metricsText();
        assertThat(metrics.lines())
                .contains(
                        "probe_elasticsearch_cluster_status{check=\"cluster\",service=\"search\",stack=\"demo\","
                                + "team=\"search\"} 2",
                        "steward_check_up{check=\"cluster\",service=\"search\",stack=\"demo\",team=\"search\"} 0",
                        "steward_health_component_up{check=\"detailed\",component=\"search\",service=\"api\","
                                + "stack=\"demo\"} 0",
                        "probe_success{check=\"page\",service=\"frontend\",stack=\"demo\"} 0",
                        "probe_http_status_code{check=\"page\",service=\"frontend\",stack=\"demo\"} 500");
        assertPromtoolAccepts(metrics);
    }

    @Test
    void secretsFromTheStackFileNeverAppearInMetricsOrTheStatusDocument() {
        probeEveryCheckForAMinute();

        String metrics = metricsText();
        String status = JsonMapper.builder()
                .build()
                .writeValueAsString(StatusDocument.build(stack, loop.snapshot(), clock.instant()));

        assertThat(status).contains("\"stack\":\"demo\"").contains("\"gone\"");
        for (String secret : ENV.values()) {
            assertThat(metrics).as("/metrics").doesNotContain(secret);
            assertThat(status).as("status document").doesNotContain(secret);
        }
        if (local.redis()) {
            assertThat(status).contains("redis://:${env:REDIS_PASSWORD}@127.0.0.1:6379");
        }
    }
}
