package dev.steward.bench;

import dev.steward.console.Overview;
import dev.steward.console.OverviewPages;
import dev.steward.console.Page;
import dev.steward.console.Views;
import dev.steward.core.check.CheckState;
import dev.steward.core.check.ProbeResult;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.ProbeSpec;
import dev.steward.core.config.ServiceConfig;
import dev.steward.core.config.StackConfig;
import dev.steward.core.expect.Observation;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import dev.steward.engine.CheckSnapshot;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The console overview's server work without HTTP: building the model ({@link Overview#build}) from 10,000 check
 * snapshots in 100 services, rendering {@code console/overview.jte} from a built model, and both (what one GET /ui
 * costs besides the incident list and the socket). Snapshots: 95 % up with a latency of 0.5–50 ms, 3 % up while
 * confirming a failure, 2 % down; seeded, so every run renders the same page.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OverviewBenchmark {
    @Param("10000")
    public int checks;

    @Param("100")
    public int services;

    private final Instant now = Instant.parse("2026-11-24T12:00:00Z");
    private StackConfig stack;
    private Map<CheckId, CheckSnapshot> snapshots;
    private Views views;
    private Page page;
    private Overview built;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        Map<String, ServiceConfig> byName = new LinkedHashMap<>();
        snapshots = new LinkedHashMap<>();
        int per = (checks + services - 1) / services;
        for (int s = 0; s < services; s++) {
            String service = "svc" + s;
            List<CheckConfig> list = new ArrayList<>();
            for (int i = s * per; i < Math.min(checks, (s + 1) * per); i++) {
                CheckConfig c = check(service, i);
                list.add(c);
                snapshots.put(c.id(), snapshot(c, random));
            }
            byName.put(service, new ServiceConfig(service, "", List.of(), Map.of(), list, Optional.empty()));
        }
        stack = new StackConfig("bench", byName, List.of());
        views = new Views(null, () -> "bench", "bench");
        page = Page.of("Overview", "overview", "bench", "bench", "", Optional.empty());
        built = build();
    }

    /** Overview.build alone. */
    @Benchmark
    public Overview build() {
        return Overview.build(
                stack, snapshots, s -> Optional.empty(), List.of(), OptionalDouble.of(0.9995), Map.of(), Overview.ServiceFigures.NONE, now);
    }

    /** The templates alone (the matrix and the page around it), from a model built once. */
    @Benchmark
    public String render() {
        return page(built);
    }

    /** Both, as the live stream's publish and one page load do them. */
    @Benchmark
    public String buildAndRender() {
        return page(build());
    }

    private String page(Overview model) {
        return views.render(
                "console/overview.jte",
                new OverviewPages.OverviewView(page, model, 1, views.render("console/matrix.jte", model)));
    }

    private static CheckConfig check(String service, int i) {
        var spec = new ProbeSpec.Http(
                "GET",
                URI.create("http://127.0.0.1:9100/t/" + i),
                Map.of(),
                Optional.empty(),
                true,
                ProbeSpec.Tls.DEFAULT,
                Optional.empty());
        return new CheckConfig(
                service,
                "t" + i,
                spec,
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                List.of(),
                Optional.empty(),
                3,
                Duration.ofSeconds(5),
                2,
                Map.of());
    }

    private CheckSnapshot snapshot(CheckConfig c, Random random) {
        Duration latency = Duration.ofNanos((long) (500_000 + random.nextDouble() * 49_500_000));
        Instant at = now.minusMillis(random.nextInt(10_000));
        Failure failure = Failure.of(FailureKind.STATUS, "HTTP 503");
        double roll = random.nextDouble();
        CheckState state;
        ProbeResult last;
        if (roll < 0.95) {
            state = new CheckState.Up(now.minusSeconds(3600), 0, Optional.empty());
            last = new ProbeResult.Passed(at, latency, Observation.EMPTY, List.of());
        } else if (roll < 0.98) {
            state = new CheckState.Up(now.minusSeconds(3600), 1, Optional.of(failure));
            last = new ProbeResult.Failed(at, latency, Observation.EMPTY, List.of(), failure);
        } else {
            state = new CheckState.Down(now.minusSeconds(60), failure, 0);
            last = new ProbeResult.Failed(at, latency, Observation.EMPTY, List.of(), failure);
        }
        return new CheckSnapshot(c, state, Optional.of(last), Optional.of(now.plusSeconds(10)), false);
    }
}
