package dev.steward.bench;

import dev.steward.core.promql.PromqlEngine;
import dev.steward.core.rule.AlertingRule;
import dev.steward.core.rule.GroupEvaluation;
import dev.steward.core.rule.GroupState;
import dev.steward.core.rule.Rule;
import dev.steward.core.rule.RuleGroup;
import dev.steward.core.rule.RuleGroupEvaluator;
import dev.steward.core.rule.RuleQuery;
import dev.steward.core.series.Labels;
import dev.steward.core.series.MemorySeriesStore;
import dev.steward.promql.EngineRules;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The rule load: 1,000 alerting rules over 10,000 series, evaluated every 15 s, through the real PromQL engine
 * and rule evaluator. Each rule selects its service's 10 series ({@code probe_duration_seconds{service="sN"} > 0.5});
 * some fire. Reports the CPU time of one group evaluation (thread CPU time, after warm-up) and the share of one core it
 * takes at a 15 s interval. Goal: under 10 % of one core.
 */
public final class RuleLoadCost {
    private RuleLoadCost() {}

    public static void main(String[] args) {
        int rulesCount = 1_000;
        int perRule = 10;
        MemorySeriesStore store = new MemorySeriesStore();
        long end = Instant.parse("2026-11-24T12:00:00Z").toEpochMilli();
        for (int s = 0; s < rulesCount; s++) {
            for (int c = 0; c < perRule; c++) {
                Labels l = Labels.of(
                        "__name__", "probe_duration_seconds", "stack", "bench", "service", "s" + s, "check", "c" + c);
                for (long t = end - Duration.ofHours(1).toMillis(); t <= end; t += 15_000) {
                    double v = (s % 50 == 0) ? 0.8 : 0.05 + ((t / 15_000 + c) % 7) / 1000.0;
                    store.append(l, t, v);
                }
            }
        }
        List<Rule> rules = new ArrayList<>();
        for (int s = 0; s < rulesCount; s++) {
            rules.add(AlertingRule.of(
                    "SlowService" + s,
                    "probe_duration_seconds{service=\"s" + s + "\"} > 0.5",
                    Duration.ofMinutes(1),
                    Duration.ZERO,
                    Map.of(),
                    Map.of()));
        }
        RuleGroup group =
                new RuleGroup("bench", "bench.yml", Duration.ofSeconds(15), 0, Duration.ZERO, Map.of(), rules);
        RuleQuery query = EngineRules.query(new PromqlEngine(store));
        RuleGroupEvaluator evaluator = new RuleGroupEvaluator(System::nanoTime, Map.of(), "");
        var threads = ManagementFactory.getThreadMXBean();
        GroupState state = GroupState.EMPTY;
        Instant at = Instant.ofEpochMilli(end).minus(Duration.ofMinutes(5));
        int warmups = 20;
        int runs = 20;
        double[] cpuMs = new double[runs];
        int firing = 0;
        for (int i = 0; i < warmups + runs; i++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            GroupEvaluation e = evaluator.evaluate(group, state, at, query, samples -> {
                for (var s : samples) {
                    store.append(s.labels(), s.timestamp(), s.value());
                }
            });
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            state = e.state();
            if (i >= warmups) {
                cpuMs[i - warmups] = cpu / 1e6;
                firing = (int)
                        e.rules().stream().mapToLong(r -> r.alerts().size()).sum();
            }
            at = at.plusSeconds(15);
        }
        Arrays.sort(cpuMs);
        double median = cpuMs[runs / 2];
        System.out.printf(
                "rules=%d series=%d active alerts=%d; CPU per evaluation: median %.1f ms, max %.1f ms;"
                        + " share of one core at a 15 s interval: %.2f %% (goal < 10 %%)%n",
                rulesCount, store.stats().series(), firing, median, cpuMs[runs - 1], median / 15_000 * 100);
    }
}
