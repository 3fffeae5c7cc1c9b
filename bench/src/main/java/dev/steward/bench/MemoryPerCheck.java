package dev.steward.bench;

import dev.steward.core.check.ProbeSeries;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.ProbeSpec;
import dev.steward.core.config.ServiceConfig;
import dev.steward.core.config.StackConfig;
import dev.steward.core.expect.Observation;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.core.probe.Prober;
import dev.steward.core.series.MemorySeriesStore;
import dev.steward.engine.CheckLoop;
import dev.steward.engine.SchedulerStats;
import dev.steward.engine.SeriesSink;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Memory per configured HTTP check, without samples: the check's configuration, its state in the check loop, its
 * timetable entry and its series (labels and index) in the store after one probe. Used heap after full GCs (run with
 * -XX:+UseSerialGC), before and after configuring and probing N checks, minus the store's own count of chunk bytes
 * (the samples). Goal: at most 4 KB per check.
 */
public final class MemoryPerCheck {
    private MemoryPerCheck() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Instant t0 = Instant.parse("2026-11-24T00:00:00Z");
        Prober<ProbeSpec> prober = (spec, timeout) -> ProbeObservation.answered(
                Duration.ofMillis(3),
                Observation.builder()
                        .fact("status", Value.num(200))
                        .fact("content_length", Value.num(3))
                        .fact("redirects", Value.num(0))
                        .document("body", "ok\n")
                        .header("Content-Type", "text/plain")
                        .build());
        long before = usedAfterGc(memory);
        MemorySeriesStore store = new MemorySeriesStore();
        StackConfig stack = stack(n);
        Map<String, String> serviceLabels = Map.of("team", "backend");
        SeriesSink sink = new SeriesSink(store, c -> ProbeSeries.checkLabels("bench", c, serviceLabels));
        CheckLoop loop =
                new CheckLoop(() -> t0, System::nanoTime, prober, Runnable::run, List.of(sink), new SchedulerStats());
        loop.configure(stack, t0);
        loop.runDue(t0.plus(Duration.ofMinutes(1)));
        long after = usedAfterGc(memory);
        long chunkBytes = store.stats().chunkBytes();
        double perCheck = (after - before - chunkBytes) / (double) n;
        System.out.printf(
                "checks=%d series=%d heap delta=%d B, sample chunks=%d B, per check without samples=%.0f B (goal <= 4096)%n",
                n, store.stats().series(), after - before, chunkBytes, perCheck);
        if (loop.snapshot().size() != n) {
            throw new IllegalStateException("expected " + n + " checks");
        }
    }

    private static StackConfig stack(int n) {
        List<CheckConfig> checks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var spec = new ProbeSpec.Http(
                    "GET",
                    URI.create("http://127.0.0.1:9100/t/" + i),
                    Map.of(),
                    Optional.empty(),
                    true,
                    ProbeSpec.Tls.DEFAULT,
                    Optional.empty());
            checks.add(new CheckConfig(
                    "farm",
                    "t" + i,
                    spec,
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(5),
                    List.of(),
                    Optional.empty(),
                    3,
                    Duration.ofSeconds(5),
                    2,
                    Map.of()));
        }
        Map<String, ServiceConfig> services = new LinkedHashMap<>();
        services.put(
                "farm", new ServiceConfig("farm", "", List.of(), Map.of("team", "backend"), checks, Optional.empty()));
        return new StackConfig("bench", services, List.of());
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
