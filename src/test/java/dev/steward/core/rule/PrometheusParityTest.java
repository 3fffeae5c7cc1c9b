package dev.steward.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.steward.core.rule.template.Template;
import dev.steward.core.rule.template.TemplateParse;
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
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same scenario, one table: {@code up} values every 30s and the alerts expected firing at each evaluation. The
 * table is checked against Steward's evaluator and, when promtool is installed, against Prometheus itself (promtool
 * test rules, generated from the table), so the expectations are Prometheus's, not ours.
 */
class PrometheusParityTest {
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    static final int STEP = 30;

    /**
     * A scenario: the rule's for/keep_firing_for and the group's limit, per instance its up values, and per instant who
     * fires. With a limit that is exceeded, promtool stops at the rule's first error: then the table's {@code error}
     * (at {@code errorAt}) is compared with Steward's rule error instead of the firing alerts after it.
     */
    record Scenario(
            String name,
            String holdFor,
            String keepFiringFor,
            int limit,
            Map<String, String> values,
            Map<Integer, List<String>> firing,
            Optional<String> error,
            int errorAt) {
        Scenario(
                String name,
                String holdFor,
                String keepFiringFor,
                Map<String, String> values,
                Map<Integer, List<String>> firing) {
            this(name, holdFor, keepFiringFor, 0, values, firing, Optional.empty(), -1);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Scenario> scenarios() {
        return List.of(
                new Scenario(
                        "for 1m, keep_firing_for 1m",
                        "1m",
                        "1m",
                        Map.of("a", "0 0 0 0 1 1 1 0 0 1"),
                        firing(Map.of(60, "a", 90, "a", 120, "a", 150, "a"), 10)),
                new Scenario(
                        "for 0s flapping",
                        "0s",
                        "0s",
                        Map.of("a", "0 1 0 0 1", "b", "1 0 0 1 1"),
                        firing(Map.of(0, "a", 30, "b", 60, "a b", 90, "a"), 5)),
                new Scenario(
                        "for 90s interrupted",
                        "90s",
                        "0s",
                        Map.of("a", "0 0 0 1 0 0 0 0 0"),
                        firing(Map.of(210, "a", 240, "a"), 9)),
                new Scenario(
                        "limit 1: two alerts fail the rule and clear its alerts",
                        "0s",
                        "1m",
                        1,
                        Map.of("a", "0 0 0 1 1", "b", "1 0 0 0 1"),
                        firing(Map.of(0, "a", 90, "b", 120, "b"), 5),
                        Optional.of("exceeded limit of 1 with 2 alerts"),
                        30));
    }

    static Map<Integer, List<String>> firing(Map<Integer, String> at, int steps) {
        Map<Integer, List<String>> out = new TreeMap<>();
        for (int i = 0; i < steps; i++) {
            String who = at.getOrDefault(i * STEP, "");
            out.put(i * STEP, who.isEmpty() ? List.of() : List.of(who.split(" ")));
        }
        return out;
    }

    static AlertingRule rule(Scenario s) {
        Template summary = ((TemplateParse.Parsed) Template.parse("{{ $labels.instance }} down")).template();
        return AlertingRule.of(
                "InstanceDown",
                "up == 0",
                PromDuration.parse(s.holdFor()).orElseThrow(),
                PromDuration.parse(s.keepFiringFor()).orElseThrow(),
                Map.of("severity", Template.literal("page")),
                Map.of("summary", summary));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void stewardFiresWhatTheTableSays(Scenario s) {
        RuleGroup group = new RuleGroup(
                "parity", "parity.yml", Duration.ofSeconds(STEP), s.limit(), Duration.ZERO, Map.of(), List.of(rule(s)));
        RuleGroupEvaluator evaluator = new RuleGroupEvaluator(() -> 0, Map.of(), "");
        Instant start = Instant.EPOCH;
        GroupState state = GroupState.EMPTY;
        for (Map.Entry<Integer, List<String>> step : s.firing().entrySet()) {
            int index = step.getKey() / STEP;
            List<QueryOutcome.Element> down = new ArrayList<>();
            s.values().forEach((instance, values) -> {
                if (values.split(" ")[index].equals("0")) {
                    down.add(new QueryOutcome.Element(Labels.metric("up", "instance", instance, "job", "node"), 0));
                }
            });
            GroupEvaluation e = evaluator.evaluate(
                    group, state, start.plusSeconds(step.getKey()), (expr, at) -> new QueryOutcome.Vector(down));
            state = e.state();
            List<String> firing = e.rules().getFirst().alerts().stream()
                    .filter(a -> a.state() instanceof AlertState.Firing)
                    .map(a -> a.labels().get("instance"))
                    .sorted()
                    .toList();
            assertThat(firing).as("firing at %ss", step.getKey()).isEqualTo(step.getValue());
            if (step.getKey() == s.errorAt()) {
                assertThat(e.rules().getFirst().error()).isEqualTo(s.error());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void prometheusFiresWhatTheTableSays(Scenario s, @TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PROMTOOL), "install promtool (Debian package prometheus) to compare");
        Files.writeString(dir.resolve("parity.rules.yml"), """
                groups:
                  - name: parity
                    interval: 30s
                    limit: %d
                    rules:
                      - alert: InstanceDown
                        expr: up == 0
                        for: %s
                        keep_firing_for: %s
                        labels: {severity: page}
                        annotations: {summary: "{{ $labels.instance }} down"}
                """.formatted(s.limit(), s.holdFor(), s.keepFiringFor()));
        Files.writeString(dir.resolve("parity.test.yml"), promtoolTest(s));
        Process p = new ProcessBuilder(PROMTOOL.toString(), "test", "rules", "parity.test.yml")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (s.error().isPresent()) {
            assertThat(output)
                    .contains("time: " + s.errorAt() + "s, err: " + s.error().get());
        } else {
            assertThat(p.exitValue()).as(output).isZero();
        }
    }

    private static String promtoolTest(Scenario s) {
        StringBuilder b = new StringBuilder("""
                rule_files: [parity.rules.yml]
                evaluation_interval: 30s
                tests:
                  - interval: 30s
                    input_series:
                """);
        s.values()
                .forEach((instance, values) -> b.append("      - series: 'up{job=\"node\",instance=\"")
                        .append(instance)
                        .append("\"}'\n        values: '")
                        .append(values)
                        .append("'\n"));
        b.append("    alert_rule_test:\n");
        s.firing().forEach((at, who) -> {
            b.append("      - eval_time: ").append(at).append("s\n        alertname: InstanceDown\n");
            b.append("        exp_alerts:").append(who.isEmpty() ? " []\n" : "\n");
            b.append(who.stream()
                    .map(i -> "          - exp_labels: {job: node, instance: " + i
                            + ", severity: page}\n            exp_annotations: {summary: " + i + " down}\n")
                    .collect(Collectors.joining()));
        });
        return b.toString();
    }
}
