package dev.steward.bench;

import dev.steward.core.rule.AlertingRule;
import dev.steward.core.rule.GroupEvaluation;
import dev.steward.core.rule.GroupState;
import dev.steward.core.rule.QueryOutcome;
import dev.steward.core.rule.RecordingRule;
import dev.steward.core.rule.Rule;
import dev.steward.core.rule.RuleGroup;
import dev.steward.core.rule.RuleGroupEvaluator;
import dev.steward.core.rule.RuleQuery;
import dev.steward.core.rule.template.Template;
import dev.steward.core.rule.template.TemplateData;
import dev.steward.core.rule.template.TemplateParse;
import dev.steward.core.series.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Rule evaluation cost without PromQL (the query is a lookup of prepared vectors): one group of 100 rules × 100 series
 * per evaluation, so one operation is 10,000 alerts (or recorded series). Alerting rules render one templated label
 * and two templated annotations per alert and advance the state machine; the state is carried from one operation to
 * the next, 30 s apart, so alerts are firing in the steady state measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RuleEvaluationBenchmark {
    static final int RULES = 100;
    static final int SERIES = 100;

    RuleGroup alerting;
    RuleGroup recording;
    RuleQuery query;
    RuleGroupEvaluator evaluator;
    GroupState alertState;
    GroupState recordState;
    Instant now;
    Template annotation;
    TemplateData data;

    @Setup(Level.Iteration)
    public void setUp() {
        Map<String, QueryOutcome> results = new HashMap<>();
        List<Rule> alerts = new ArrayList<>();
        List<Rule> records = new ArrayList<>();
        annotation = template("{{ $labels.instance }} of {{ $labels.job }} is down ({{ $value | humanize }})");
        for (int r = 0; r < RULES; r++) {
            String expr = "metric_" + r + " > 0";
            List<QueryOutcome.Element> elements = new ArrayList<>();
            for (int s = 0; s < SERIES; s++) {
                Labels l = Labels.metric("metric_" + r, "instance", "host-" + s + ":9100", "job", "node");
                elements.add(new QueryOutcome.Element(l, 1234.5 + s));
            }
            results.put(expr, new QueryOutcome.Vector(elements));
            alerts.add(AlertingRule.of(
                    "Alert" + r,
                    expr,
                    Duration.ofMinutes(1),
                    Duration.ZERO,
                    Map.of("severity", template("{{ if gt $value 2000.0 }}critical{{ else }}warning{{ end }}")),
                    Map.of("summary", annotation, "description", template("value {{ printf \"%.2f\" $value }}"))));
            records.add(new RecordingRule("job:metric_" + r + ":sum", expr, Map.of("source", "bench")));
        }
        query = (expr, at) -> results.get(expr);
        alerting = RuleGroup.of("alerts", "bench.yml", alerts);
        recording = RuleGroup.of("records", "bench.yml", records);
        evaluator = new RuleGroupEvaluator(System::nanoTime, Map.of(), "");
        alertState = GroupState.EMPTY;
        recordState = GroupState.EMPTY;
        now = Instant.parse("2026-01-01T00:00:00Z");
        data = TemplateData.of(Map.of("instance", "host-1:9100", "job", "node"), 1234.5);
    }

    private static Template template(String text) {
        return ((TemplateParse.Parsed) Template.parse(text)).template();
    }

    /** 100 alerting rules × 100 alerts per operation. */
    @Benchmark
    public GroupEvaluation evaluateAlertingGroup() {
        now = now.plusSeconds(30);
        GroupEvaluation e = evaluator.evaluate(alerting, alertState, now, query);
        alertState = e.state();
        return e;
    }

    /** 100 recording rules × 100 series per operation. */
    @Benchmark
    public GroupEvaluation evaluateRecordingGroup() {
        now = now.plusSeconds(30);
        GroupEvaluation e = evaluator.evaluate(recording, recordState, now, query);
        recordState = e.state();
        return e;
    }

    /** One annotation with two labels and humanize. */
    @Benchmark
    public String renderTemplate() {
        return annotation.render(data);
    }
}
