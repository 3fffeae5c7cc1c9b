package dev.steward.bench;

import dev.steward.core.route.Alert;
import dev.steward.engine.PauseStats;
import dev.steward.engine.RouteLoop;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The routing issue's load ({@link RoutingBenchmark}'s 100,000 alerts, 10,000 groups, 21 routes, 3 inhibition rules,
 * 100 silences) driven through {@link RouteLoop} as the daemon drives it, printing the pauses the loop's own counters
 * saw (how long the lock was held per slice of due groups, per intake batch) next to the thread CPU time, so a busy
 * shared machine (where wall time includes waiting for a core) can be told apart from work. Goal: no pause over 100
 * ms. Optional arguments: rounds of "every group due" (default 30), intake batches of 1,000 (default 300), and
 * {@code cpu} to have the loop's own pause counters read thread CPU time instead of wall time.
 */
public final class RoutingPauses {
    private RoutingPauses() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTicker = args.length > 2 && args[2].equals("cpu");
        java.util.function.LongSupplier ticker = cpuTicker ? threads::getCurrentThreadCpuTime : System::nanoTime;
        var silences = RoutingBenchmark.silences();
        List<Alert> alerts = RoutingBenchmark.alerts();
        int[] notified = {0};
        RouteLoop loop = new RouteLoop(
                RoutingBenchmark.config(),
                RoutingBenchmark.T0,
                () -> silences,
                n -> notified[0] += n.size(),
                e -> {},
                Duration.ofMinutes(15),
                ticker);
        for (int i = 0; i < alerts.size(); i += RoutingBenchmark.BATCH) {
            loop.receive(alerts.subList(i, Math.min(alerts.size(), i + RoutingBenchmark.BATCH)), RoutingBenchmark.T0);
        }
        System.out.printf("held: %d alerts in %d groups%n", loop.alertCount(), loop.groupCount());
        Instant now = RoutingBenchmark.T0;
        int warmups = 10;
        double[] runCpu = new double[rounds];
        double[] runWall = new double[rounds];
        for (int r = 0; r < warmups + rounds; r++) {
            now = now.plus(Duration.ofMinutes(5));
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            loop.runDue(now);
            if (r >= warmups) {
                runCpu[r - warmups] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                runWall[r - warmups] = (System.nanoTime() - w0) / 1e6;
            }
        }
        PauseStats slices = loop.runPauses();
        System.out.printf(
                "runDue, all 10,000 groups due (%d rounds after %d warm-up; %d notifications in all):%n",
                rounds, warmups, notified[0]);
        print("  whole call, wall", runWall);
        print("  whole call, thread CPU", runCpu);
        System.out.printf(
                "  lock held per slice of %d groups (loop's counter, %s, warm-up included): p50 %.1f ms, p99 %.1f"
                        + " ms, max %.1f ms over %d slices%n",
                RouteLoop.DEFAULT_MAX_GROUPS_PER_PAUSE,
                cpuTicker ? "thread CPU" : "wall",
                slices.secondsQuantile(0.5) * 1e3,
                slices.secondsQuantile(0.99) * 1e3,
                slices.secondsMax() * 1e3,
                slices.count());
        Random random = new Random(42);
        double[] recCpu = new double[batches];
        double[] recWall = new double[batches];
        for (int b = 0; b < warmups * 10 + batches; b++) {
            now = now.plusSeconds(1);
            List<Alert> batch = new ArrayList<>(RoutingBenchmark.BATCH);
            for (int k = 0; k < RoutingBenchmark.BATCH; k++) {
                Alert a = alerts.get(random.nextInt(alerts.size()));
                batch.add(new Alert(a.labels(), a.startsAt(), Optional.of(now.plus(Duration.ofMinutes(5)))));
            }
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            loop.receive(batch, now);
            if (b >= warmups * 10) {
                recCpu[b - warmups * 10] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                recWall[b - warmups * 10] = (System.nanoTime() - w0) / 1e6;
            }
        }
        System.out.printf("receive, batches of 1,000 updates (%d batches after %d warm-up):%n", batches, warmups * 10);
        print("  wall (= lock held)", recWall);
        print("  thread CPU", recCpu);
        long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(g -> Math.max(0, g.getCollectionTime()))
                .sum();
        System.out.printf("GC time over the whole run: %d ms%n", gcMillis);
    }

    private static void print(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(
                "%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                what, s[(int) (0.5 * (s.length - 1))], s[(int) Math.ceil(0.99 * (s.length - 1))], s[s.length - 1]);
    }
}
