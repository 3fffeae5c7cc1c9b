package dev.steward.bench;

import dev.steward.core.route.Aggregation;
import dev.steward.core.route.Alert;
import dev.steward.core.route.GroupPolicy;
import dev.steward.core.series.Labels;
import dev.steward.core.silence.Silence;
import dev.steward.core.silence.SilenceMatcher;
import dev.steward.core.silence.Silences;
import dev.steward.engine.RouteLoop;
import dev.steward.routefile.RouteConfig;
import dev.steward.routefile.RouteFileLoader;
import dev.steward.routefile.RouteFileResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The routing issue's load: 100,000 active alerts in 10,000 groups (100 alert names × 100 services, 10 instances
 * each), a 21-route tree grouping by {@code [alertname, service]} (ten teams, each with a critical child that
 * continues to a pager), three inhibition rules (one mutes the warnings of every tenth alert name while its instance
 * i0 is critical) and 100 active silences. Sample time per operation, so p50, p99 and the maximum are printed:
 *
 * <ul>
 *   <li>{@code loopRunDueAllGroups}: {@link RouteLoop#runDue} when all 10,000 groups are due at once (every
 *       operation moves time by one group_interval; the first look and every repeat_interval notify every group);
 *   <li>{@code pureNextAllGroups}: the same with the pure {@link GroupPolicy#next} over an immutable {@link
 *       Aggregation};
 *   <li>{@code loopReceive1000}: {@link RouteLoop#receive} of 1,000 updates of held alerts;
 *   <li>{@code pureReceive1000}: {@link Aggregation#receiveAll} of the same.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RoutingBenchmark {
    static final int NAMES = 100;
    static final int SERVICES = 100;
    static final int INSTANCES = 10;
    static final int BATCH = 1_000;
    static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");

    RouteConfig config;
    GroupPolicy policy;
    Silences silences;
    List<Alert> alerts;
    RouteLoop loop;
    Aggregation state;
    Instant now;
    Random random;

    @Setup(Level.Trial)
    public void setUp() {
        config = config();
        policy = config.groupPolicy();
        silences = silences();
        alerts = alerts();
        random = new Random(42);
        loop = new RouteLoop(config, T0, () -> silences, n -> {}, e -> {}, Duration.ofMinutes(15), System::nanoTime);
        state = Aggregation.empty(config.tree());
        for (int i = 0; i < alerts.size(); i += BATCH) {
            List<Alert> chunk = alerts.subList(i, Math.min(alerts.size(), i + BATCH));
            loop.receive(chunk, T0);
            state = state.receiveAll(chunk, T0);
        }
        now = T0;
    }

    static String configText() {
        StringBuilder y = new StringBuilder();
        y.append("route:\n  receiver: default\n  group_by: [alertname, service]\n");
        y.append("  group_wait: 30s\n  group_interval: 5m\n  repeat_interval: 4h\n  routes:\n");
        for (int t = 0; t < 10; t++) {
            y.append("    - matchers: ['team=\"t").append(t).append("\"']\n");
            y.append("      receiver: team-").append(t).append('\n');
            y.append("      routes:\n");
            y.append("        - matchers: ['severity=\"critical\"']\n");
            y.append("          receiver: pager\n          continue: true\n");
        }
        y.append("receivers:\n  - name: default\n  - name: pager\n");
        y.append("    pagerduty_configs: [{routing_key: x}]\n");
        for (int t = 0; t < 10; t++) {
            y.append("  - name: team-").append(t).append('\n');
            y.append("    webhook_configs: [{url: 'http://127.0.0.1:9/t")
                    .append(t)
                    .append("'}]\n");
        }
        y.append("inhibit_rules:\n");
        y.append("  - source_matchers: ['severity=\"critical\"']\n");
        y.append("    target_matchers: ['severity=\"warning\"']\n    equal: [alertname, service]\n");
        y.append("  - source_matchers: ['alertname=\"NodeDown\"']\n");
        y.append("    target_matchers: ['alertname=~\".*Latency.*\"']\n    equal: [instance]\n");
        y.append("  - source_matchers: ['alertname=\"ClusterDown\"']\n");
        y.append("    target_matchers: ['severity=~\"warning|info\"']\n    equal: [cluster]\n");
        return y.toString();
    }

    static RouteConfig config() {
        return switch (RouteFileLoader.read(configText(), "bench.yml")) {
            case RouteFileResult.Loaded l -> l.config();
            case RouteFileResult.Invalid i ->
                throw new IllegalStateException(i.errors().toString());
        };
    }

    static List<Alert> alerts() {
        List<Alert> out = new ArrayList<>(NAMES * SERVICES * INSTANCES);
        for (int n = 0; n < NAMES; n++) {
            String name = (n % 7 == 0 ? "HighLatency" : "Alert") + n;
            for (int s = 0; s < SERVICES; s++) {
                for (int i = 0; i < INSTANCES; i++) {
                    boolean critical = n % 10 == 0 ? i == 0 : n % 3 == 0;
                    Labels l = Labels.of(
                            "alertname", name,
                            "service", "svc" + s,
                            "team", "t" + (s % 10),
                            "instance", "host-" + s + "-" + i + ":9100",
                            "cluster", "c" + (s % 4),
                            "severity", critical ? "critical" : "warning",
                            "job", "node");
                    out.add(new Alert(l, T0.minusSeconds(60), Optional.empty()));
                }
            }
        }
        return out;
    }

    static Silences silences() {
        List<Silence> out = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            List<SilenceMatcher> ms = k % 2 == 0
                    ? List.of(
                            SilenceMatcher.equal("service", "svc" + k), SilenceMatcher.equal("alertname", "Alert" + k))
                    : List.of(SilenceMatcher.regex("instance", "host-" + k + "-[0-4]:.*"));
            out.add(new Silence("s" + k, ms, T0.minusSeconds(600), T0.plus(Duration.ofDays(7)), "ops", "bench", T0));
        }
        return Silences.of(out);
    }

    /** Every group due: one group_interval later. */
    @Benchmark
    public int loopRunDueAllGroups() {
        now = now.plus(Duration.ofMinutes(5));
        return loop.runDue(now);
    }

    @Benchmark
    public Aggregation pureNextAllGroups() {
        now = now.plus(Duration.ofMinutes(5));
        GroupPolicy.Step step = policy.next(state, now, silences);
        state = step.state();
        return state;
    }

    @Benchmark
    public int loopReceive1000() {
        now = now.plusSeconds(1);
        loop.receive(updates(), now);
        return loop.alertCount();
    }

    @Benchmark
    public Aggregation pureReceive1000() {
        now = now.plusSeconds(1);
        state = state.receiveAll(updates(), now);
        return state;
    }

    private List<Alert> updates() {
        List<Alert> batch = new ArrayList<>(BATCH);
        for (int k = 0; k < BATCH; k++) {
            Alert a = alerts.get(random.nextInt(alerts.size()));
            batch.add(new Alert(a.labels(), a.startsAt(), Optional.of(now.plus(Duration.ofMinutes(5)))));
        }
        return batch;
    }
}
