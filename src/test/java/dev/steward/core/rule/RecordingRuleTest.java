package dev.steward.core.rule;

import static dev.steward.core.rule.Timeline.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.series.Labels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordingRuleTest {
    static final String RATE = "sum by (job) (rate(http_requests_total[5m]))";

    static Timeline timeline(int limit, Duration offset, Rule... rules) {
        return new Timeline(new RuleGroup(
                "http", "rules/http.yml", Duration.ofSeconds(30), limit, offset, Map.of(), List.of(rules)));
    }

    @Test
    void writesTheResultUnderTheRecordNameWithTheRuleLabels() {
        Timeline t = timeline(
                0,
                Duration.ZERO,
                new RecordingRule("job:http_requests:rate5m", RATE, Map.of("team", "web", "job", "renamed")));
        t.query.from(
                at(0),
                RATE,
                new QueryOutcome.Vector(List.of(new QueryOutcome.Element(
                        Labels.metric("http_requests_total", "job", "api", "team", "x"), 12.5))));

        GroupEvaluation e = t.evaluateAt(0);
        assertThat(e.samples())
                .containsExactly(new RuleSample(
                        Labels.metric("job:http_requests:rate5m", "job", "renamed", "team", "web"),
                        at(0).toEpochMilli(),
                        12.5));
        assertThat(e.rules().getFirst().healthy()).isTrue();
        assertThat(e.rules().getFirst().seriesCount()).isEqualTo(1);
    }

    @Test
    void aScalarResultBecomesOneSeriesWithOnlyTheRecordName() {
        Timeline t = timeline(0, Duration.ZERO, new RecordingRule("cluster:nodes", "scalar(count(up))", Map.of()));
        t.query.from(at(0), "scalar(count(up))", new QueryOutcome.Scalar(7));

        assertThat(t.evaluateAt(0).samples())
                .containsExactly(new RuleSample(Labels.metric("cluster:nodes"), at(0).toEpochMilli(), 7));
    }

    @Test
    void moreSeriesThanTheLimitFailTheRule() {
        Timeline t = timeline(1, Duration.ZERO, new RecordingRule("job:up", "up", Map.of()));
        t.query.returns(at(0), "up", 1, Labels.metric("up", "job", "a"), Labels.metric("up", "job", "b"));

        GroupEvaluation e = t.evaluateAt(0);
        assertThat(e.rules().getFirst().error()).contains("exceeded limit of 1 with 2 series");
        assertThat(e.samples()).isEmpty();
    }

    @Test
    void labelsThatCollapseTwoSeriesIntoOneFailTheRule() {
        Timeline t = timeline(0, Duration.ZERO, new RecordingRule("x:up", "up", Map.of("job", "all")));
        t.query.returns(at(0), "up", 1, Labels.metric("up", "job", "a"), Labels.metric("up", "job", "b"));

        assertThat(t.evaluateAt(0).rules().getFirst().error())
                .get()
                .asString()
                .startsWith("vector contains metrics with the same labelset after applying rule labels");
    }

    @Test
    void aSeriesTheRuleNoLongerProducesGetsAStaleMarker() {
        Timeline t = timeline(0, Duration.ZERO, new RecordingRule("job:up", "up", Map.of()));
        t.query
                .returns(at(0), "up", 1, Labels.metric("up", "job", "a"), Labels.metric("up", "job", "b"))
                .returns(at(30), "up", 1, Labels.metric("up", "job", "a"));

        t.evaluateAt(0);
        List<RuleSample> second = t.evaluateAt(30).samples();
        assertThat(second).hasSize(2);
        assertThat(second.get(0))
                .isEqualTo(new RuleSample(Labels.metric("job:up", "job", "a"), at(30).toEpochMilli(), 1));
        assertThat(second.get(1).labels()).isEqualTo(Labels.metric("job:up", "job", "b"));
        assertThat(second.get(1).isStaleMarker()).isTrue();
        assertThat(t.evaluateAt(60).samples()).as("stale only once").hasSize(1);
    }

    @Test
    void queriesAndStampsAtTheScheduledInstantMinusTheQueryOffset() {
        Timeline t = timeline(0, Duration.ofSeconds(10), new RecordingRule("job:up", "up", Map.of()));
        t.query.returns(at(0), "up", 1, Labels.metric("up", "job", "a"));

        GroupEvaluation e = t.evaluateAt(30);
        assertThat(t.query.asked).containsExactly("up@" + at(20));
        assertThat(e.samples().getFirst().timestamp()).isEqualTo(at(20).toEpochMilli());
        assertThat(e.scheduledAt()).isEqualTo(at(30));
    }

    @Test
    void eachRulesSamplesReachTheOutputBeforeTheNextRuleQueries() {
        RuleGroup group = new RuleGroup(
                "chain",
                "rules/chain.yml",
                Duration.ofSeconds(30),
                0,
                Duration.ZERO,
                Map.of(),
                List.of(new RecordingRule("a", "x", Map.of()), new RecordingRule("b", "a * 2", Map.of())));
        List<String> order = new ArrayList<>();
        RuleQuery query = (expr, at) -> {
            order.add("query " + expr);
            return new QueryOutcome.Scalar(1);
        };
        var evaluator = new RuleGroupEvaluator(() -> 0, Map.of(), "");

        evaluator.evaluate(
                group,
                GroupState.EMPTY,
                at(0),
                query,
                samples -> order.add("append " + samples.getFirst().labels().metricName()));
        assertThat(order).containsExactly("query x", "append a", "query a * 2", "append b");
    }

    @Test
    void theEvaluationReportsItsDurationByTheTicker() {
        Timeline t = timeline(0, Duration.ZERO, new RecordingRule("job:up", "up", Map.of()));
        GroupEvaluation e = t.evaluateAt(0);
        // the fake ticker advances 1 ms per read: group start, rule start, rule end, group end
        assertThat(e.duration()).isEqualTo(Duration.ofMillis(3));
        assertThat(e.rules().getFirst().duration()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void aReloadWritesStaleMarkersForTheSeriesOfRemovedRulesAndKeepsTheOthers() {
        RecordingRule kept = new RecordingRule("job:up", "up", Map.of());
        RecordingRule removed = new RecordingRule("job:down", "down", Map.of());
        Timeline t = timeline(0, Duration.ZERO, kept, removed);
        t.query
                .returns(at(0), "up", 1, Labels.metric("up", "job", "a"))
                .returns(at(0), "down", 1, Labels.metric("down", "job", "b"));
        t.evaluateAt(0);

        RuleGroup next = new RuleGroup(
                "http", "rules/http.yml", Duration.ofSeconds(30), 0, Duration.ZERO, Map.of(), List.of(kept));
        GroupReload.Result r = GroupReload.carryOver(t.state, next, at(10));
        assertThat(r.staleMarkers()).singleElement().satisfies(x -> {
            assertThat(x.labels()).isEqualTo(Labels.metric("job:down", "job", "b"));
            assertThat(x.isStaleMarker()).isTrue();
            assertThat(x.timestamp()).isEqualTo(at(10).toEpochMilli());
        });
        assertThat(r.state().written()).containsOnlyKeys(RuleKeys.of(next));
    }
}
