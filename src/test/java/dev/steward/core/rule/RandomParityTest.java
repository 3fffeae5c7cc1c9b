package dev.steward.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.steward.core.rule.template.Template;
import dev.steward.core.series.Labels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test against Prometheus: random {@code up} timelines and random {@code for}/{@code keep_firing_for} are
 * evaluated by Steward, and Steward's firing alerts at every step become the expectations of a promtool test, which
 * Prometheus must pass. Fixed seeds keep the test deterministic; {@code -Dparity.seed=N} runs another one.
 */
class RandomParityTest {
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    static final int STEP = 30;
    static final int STEPS = 16;
    static final String[] HOLD = {"0s", "30s", "1m", "90s", "2m"};
    static final String[] KEEP = {"0s", "30s", "1m", "2m"};
    static final String[] INSTANCES = {"a", "b"};

    record Scenario(int id, String holdFor, String keepFiringFor, Map<String, int[]> values) {}

    /** What Steward did at one step: the instances firing, and the ALERTS / ALERTS_FOR_STATE samples written. */
    record Step(List<String> firing, List<RuleSample> alertSeries) {}

    static LongStream seeds() {
        Long chosen = Long.getLong("parity.seed");
        return chosen != null ? LongStream.of(chosen) : LongStream.of(20261124L, 1L, 42L, 9_999_991L, 314_159L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void stewardAndPrometheusFireTheSameAlertsOnRandomTimelines(long seed, @TempDir Path dir)
            throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PROMTOOL), "install promtool (Debian package prometheus) to compare");
        System.out.println("RandomParityTest seed " + seed);
        Random random = new Random(seed);
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            scenarios.add(scenario(i, random));
        }
        StringBuilder rules = new StringBuilder("groups:\n  - name: parity\n    interval: 30s\n    rules:\n");
        StringBuilder tests = new StringBuilder("rule_files: [random.rules.yml]\nevaluation_interval: 30s\ntests:\n");
        for (Scenario s : scenarios) {
            rules.append("      - alert: A")
                    .append(s.id())
                    .append("\n        expr: up{scenario=\"")
                    .append(s.id())
                    .append("\"} == 0\n        for: ")
                    .append(s.holdFor())
                    .append("\n        keep_firing_for: ")
                    .append(s.keepFiringFor())
                    .append('\n');
            tests.append(promtoolTest(s, firingBySteward(s)));
        }
        Files.writeString(dir.resolve("random.rules.yml"), rules);
        Files.writeString(dir.resolve("random.test.yml"), tests);
        Process p = new ProcessBuilder(PROMTOOL.toString(), "test", "rules", "random.test.yml")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("seed %s: %s", seed, output).isZero();
    }

    private static Scenario scenario(int id, Random random) {
        Map<String, int[]> values = new java.util.TreeMap<>();
        for (String instance : INSTANCES) {
            int[] v = new int[STEPS];
            int current = random.nextInt(2);
            for (int k = 0; k < STEPS; k++) {
                if (random.nextInt(3) == 0) {
                    current = 1 - current; // runs of equal values, so that for and keep_firing_for matter
                }
                v[k] = current;
            }
            values.put(instance, v);
        }
        return new Scenario(id, HOLD[random.nextInt(HOLD.length)], KEEP[random.nextInt(KEEP.length)], values);
    }

    /** Per step, what Steward fired and wrote. */
    private static List<Step> firingBySteward(Scenario s) {
        AlertingRule rule = AlertingRule.of(
                "A" + s.id(),
                "up == 0",
                PromDuration.parse(s.holdFor()).orElseThrow(),
                PromDuration.parse(s.keepFiringFor()).orElseThrow(),
                Map.<String, Template>of(),
                Map.of());
        RuleGroup group = new RuleGroup(
                "parity", "random.rules.yml", Duration.ofSeconds(STEP), 0, Duration.ZERO, Map.of(), List.of(rule));
        RuleGroupEvaluator evaluator = new RuleGroupEvaluator(() -> 0, Map.of(), "");
        GroupState state = GroupState.EMPTY;
        List<Step> out = new ArrayList<>();
        for (int k = 0; k < STEPS; k++) {
            List<QueryOutcome.Element> down = new ArrayList<>();
            for (Map.Entry<String, int[]> e : s.values().entrySet()) {
                if (e.getValue()[k] == 0) {
                    Labels l = Labels.metric("up", "instance", e.getKey(), "scenario", String.valueOf(s.id()));
                    down.add(new QueryOutcome.Element(l, 0));
                }
            }
            GroupEvaluation ev = evaluator.evaluate(
                    group, state, Instant.EPOCH.plusSeconds((long) k * STEP), (q, at) -> new QueryOutcome.Vector(down));
            state = ev.state();
            List<String> firing = ev.rules().getFirst().alerts().stream()
                    .filter(a -> a.state() instanceof AlertState.Firing)
                    .map(a -> a.labels().get("instance"))
                    .sorted()
                    .toList();
            out.add(new Step(
                    firing,
                    ev.samples().stream().filter(x -> !x.isStaleMarker()).toList()));
        }
        return out;
    }

    private static String promtoolTest(Scenario s, List<Step> steps) {
        StringBuilder b = new StringBuilder("  - interval: 30s\n    input_series:\n");
        s.values().forEach((instance, v) -> {
            StringBuilder values = new StringBuilder();
            for (int x : v) {
                values.append(values.isEmpty() ? "" : " ").append(x);
            }
            b.append("      - series: 'up{scenario=\"")
                    .append(s.id())
                    .append("\",instance=\"")
                    .append(instance)
                    .append("\"}'\n        values: '")
                    .append(values)
                    .append("'\n");
        });
        b.append("    alert_rule_test:\n");
        for (int k = 0; k < STEPS; k++) {
            List<String> firing = steps.get(k).firing();
            b.append("      - eval_time: ")
                    .append(k * STEP)
                    .append("s\n        alertname: A")
                    .append(s.id())
                    .append("\n        exp_alerts:")
                    .append(firing.isEmpty() ? " []\n" : "\n");
            for (String instance : firing) {
                b.append("          - exp_labels: {scenario: \"")
                        .append(s.id())
                        .append("\", instance: ")
                        .append(instance)
                        .append("}\n");
            }
        }
        b.append("    promql_expr_test:\n");
        for (int k = 0; k < STEPS; k++) {
            for (String metric : List.of("ALERTS", "ALERTS_FOR_STATE")) {
                List<RuleSample> samples = steps.get(k).alertSeries().stream()
                        .filter(x -> x.labels().metricName().equals(metric))
                        .toList();
                b.append("      - expr: ")
                        .append(metric)
                        .append("{alertname=\"A")
                        .append(s.id())
                        .append("\"}\n        eval_time: ")
                        .append(k * STEP)
                        .append("s\n        exp_samples:")
                        .append(samples.isEmpty() ? " []\n" : "\n");
                for (RuleSample x : samples) {
                    b.append("          - labels: '")
                            .append(x.labels())
                            .append("'\n            value: ")
                            .append((long) x.value())
                            .append('\n');
                }
            }
        }
        return b.toString();
    }
}
