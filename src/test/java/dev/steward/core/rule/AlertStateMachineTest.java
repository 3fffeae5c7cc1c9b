package dev.steward.core.rule;

import static dev.steward.core.rule.Timeline.T0;
import static dev.steward.core.rule.Timeline.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.rule.template.Template;
import dev.steward.core.rule.template.TemplateParse;
import dev.steward.core.series.Labels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertStateMachineTest {
    static final String EXPR = "up == 0";
    static final Labels SERIES_A = Labels.metric("up", "instance", "a:9100", "job", "node");
    static final Labels SERIES_B = Labels.metric("up", "instance", "b:9100", "job", "node");
    static final Labels ALERT_A =
            Labels.of("alertname", "InstanceDown", "instance", "a:9100", "job", "node", "severity", "page");
    static final Labels ALERT_B =
            Labels.of("alertname", "InstanceDown", "instance", "b:9100", "job", "node", "severity", "page");

    static Template template(String text) {
        return ((TemplateParse.Parsed) Template.parse(text)).template();
    }

    static AlertingRule rule(
            Duration holdFor, Duration keepFiringFor, Optional<String> resolveWhen, Optional<FireAfter> fireAfter) {
        return new AlertingRule(
                "InstanceDown",
                EXPR,
                holdFor,
                keepFiringFor,
                Map.of("severity", Template.literal("page")),
                Map.of("summary", template("{{ $labels.instance }} down ({{ $value }})")),
                resolveWhen,
                fireAfter);
    }

    static Timeline timeline(AlertingRule rule) {
        return new Timeline(new RuleGroup(
                "node", "rules/node.yml", Duration.ofSeconds(30), 0, Duration.ZERO, Map.of(), List.of(rule)));
    }

    static Timeline timeline(Duration holdFor) {
        return timeline(rule(holdFor, Duration.ZERO, Optional.empty(), Optional.empty()));
    }

    @Test
    void firesOnlyAfterHoldDurationElapses() {
        Timeline t = timeline(Duration.ofSeconds(60));
        t.query.returns(at(0), EXPR, 0, SERIES_A).empty(at(90), EXPR);

        t.evaluateAt(0);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("pending");
        assertThat(t.eventNames()).containsExactly("AlertPending");
        t.evaluateAt(30);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("pending");
        assertThat(t.eventNames()).isEmpty();
        t.evaluateAt(60);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("firing");
        assertThat(t.eventNames()).containsExactly("AlertFired");
        AlertEvent.AlertFired fired =
                (AlertEvent.AlertFired) t.evaluations.getLast().events().getFirst();
        assertThat(fired.activeAt()).isEqualTo(at(0));
        assertThat(fired.annotations()).containsEntry("summary", "a:9100 down (0)");
        t.evaluateAt(90);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("inactive");
        assertThat(t.eventNames()).containsExactly("AlertResolved");
    }

    @Test
    void writesAlertsSeriesWhilePendingAndFiringAndStaleMarkersAfterwards() {
        Timeline t = timeline(Duration.ofSeconds(30));
        t.query.returns(at(0), EXPR, 0, SERIES_A).empty(at(60), EXPR);
        Labels pending = ALERT_A.toBuilder()
                .add("__name__", "ALERTS")
                .add("alertstate", "pending")
                .build();
        Labels firing = ALERT_A.toBuilder()
                .add("__name__", "ALERTS")
                .add("alertstate", "firing")
                .build();
        Labels forState =
                ALERT_A.toBuilder().add("__name__", "ALERTS_FOR_STATE").build();
        long activeAt = T0.getEpochSecond();

        assertThat(t.evaluateAt(0).samples())
                .containsExactly(
                        new RuleSample(pending, at(0).toEpochMilli(), 1),
                        new RuleSample(forState, at(0).toEpochMilli(), activeAt));
        assertThat(t.evaluateAt(30).samples())
                .containsExactly(
                        new RuleSample(firing, at(30).toEpochMilli(), 1),
                        new RuleSample(forState, at(30).toEpochMilli(), activeAt),
                        new RuleSample(pending, at(30).toEpochMilli(), dev.steward.core.series.StaleMarker.VALUE));
        List<RuleSample> afterResolve = t.evaluateAt(60).samples();
        assertThat(afterResolve).extracting(RuleSample::labels).containsExactlyInAnyOrder(firing, forState);
        assertThat(afterResolve).allMatch(RuleSample::isStaleMarker);
        assertThat(t.evaluateAt(90).samples()).isEmpty();
    }

    @Test
    void pendingAlertThatDisappearsIsCancelledWithoutFiring() {
        Timeline t = timeline(Duration.ofMinutes(5));
        t.query.returns(at(0), EXPR, 0, SERIES_A, SERIES_B).returns(at(30), EXPR, 0, SERIES_B);

        t.evaluateAt(0);
        t.evaluateAt(30);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("absent");
        assertThat(t.stateOf(ALERT_B)).isEqualTo("pending");
        assertThat(t.evaluations.getLast().events())
                .containsExactly(new AlertEvent.AlertCancelled(ALERT_A, at(0), at(30)));
    }

    @Test
    void zeroHoldDurationFiresAtTheFirstEvaluation() {
        Timeline t = timeline(Duration.ZERO);
        t.query.returns(at(0), EXPR, 0, SERIES_A);

        t.evaluateAt(0);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("firing");
        assertThat(t.eventNames()).containsExactly("AlertFired");
    }

    @Test
    void resolvedAlertIsKeptFifteenMinutesThenForgotten() {
        Timeline t = timeline(Duration.ZERO);
        t.query.returns(at(0), EXPR, 0, SERIES_A).empty(at(30), EXPR);

        t.evaluateAt(0);
        t.evaluateAt(30);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("inactive");
        t.evaluateAt(30 + 15 * 60);
        assertThat(t.stateOf(ALERT_A)).as("exactly 15 minutes after resolving").isEqualTo("inactive");
        t.evaluateAt(60 + 15 * 60);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("absent");
        assertThat(t.eventNames()).isEmpty();
    }

    @Test
    void alertReturningAfterResolutionStartsAnewFromPending() {
        Timeline t = timeline(Duration.ofSeconds(30));
        t.query.returns(at(0), EXPR, 0, SERIES_A).empty(at(60), EXPR).returns(at(90), EXPR, 0, SERIES_A);

        t.evaluateAt(0);
        t.evaluateAt(30);
        t.evaluateAt(60);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("inactive");
        t.evaluateAt(90);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("pending");
        assertThat(t.evaluations.getLast().events()).singleElement().isInstanceOf(AlertEvent.AlertPending.class);
        t.evaluateAt(120);
        AlertEvent.AlertFired fired =
                (AlertEvent.AlertFired) t.evaluations.getLast().events().getFirst();
        assertThat(fired.activeAt()).isEqualTo(at(90));
    }

    @Test
    void keepFiringForHoldsAFiringAlertAfterItsExpressionStopsReturningIt() {
        Timeline t = timeline(rule(Duration.ZERO, Duration.ofSeconds(60), Optional.empty(), Optional.empty()));
        t.query.returns(at(0), EXPR, 0, SERIES_A).empty(at(30), EXPR);

        t.evaluateAt(0);
        t.evaluateAt(30);
        assertThat(t.stateOf(ALERT_A)).as("at 30s, kept since 30s").isEqualTo("firing");
        t.evaluateAt(60);
        assertThat(t.stateOf(ALERT_A)).as("at 60s, kept for 30s of 60s").isEqualTo("firing");
        assertThat(t.eventNames()).isEmpty();
        t.evaluateAt(90);
        assertThat(t.stateOf(ALERT_A)).as("at 90s, 60s elapsed").isEqualTo("inactive");
        assertThat(t.eventNames()).containsExactly("AlertResolved");
    }

    @Test
    void keepFiringForRestartsWhenTheExpressionReturnsTheAlertAgain() {
        Timeline t = timeline(rule(Duration.ZERO, Duration.ofSeconds(60), Optional.empty(), Optional.empty()));
        t.query
                .returns(at(0), EXPR, 0, SERIES_A)
                .empty(at(30), EXPR)
                .returns(at(60), EXPR, 0, SERIES_A)
                .empty(at(90), EXPR);

        for (int s = 0; s <= 120; s += 30) {
            t.evaluateAt(s);
        }
        assertThat(t.stateOf(ALERT_A)).as("at 120s, kept since 90s").isEqualTo("firing");
        t.evaluateAt(150);
        assertThat(t.stateOf(ALERT_A)).as("at 150s, 60s after 90s").isEqualTo("inactive");
    }

    @Test
    void resolveWhenKeepsAFiringAlertUntilTheRecoveryExpressionMatchesIt() {
        String recovered = "up == 1";
        Timeline t = timeline(rule(Duration.ZERO, Duration.ZERO, Optional.of(recovered), Optional.empty()));
        t.query
                .returns(at(0), EXPR, 0, SERIES_A, SERIES_B)
                .empty(at(30), EXPR)
                .returns(at(60), recovered, 1, Labels.metric("up", "instance", "b:9100", "job", "node"));

        t.evaluateAt(0);
        assertThat(t.query.asked).noneMatch(q -> q.startsWith(recovered));
        t.evaluateAt(30);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("firing");
        assertThat(t.stateOf(ALERT_B)).isEqualTo("firing");
        assertThat(t.query.asked).filteredOn(q -> q.startsWith(recovered)).hasSize(1);
        t.evaluateAt(60);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("firing");
        assertThat(t.stateOf(ALERT_B)).isEqualTo("inactive");
        assertThat(t.evaluations.getLast().events())
                .singleElement()
                .satisfies(e -> assertThat(e.labels()).isEqualTo(ALERT_B));
    }

    @Test
    void resolveWhenElementWithoutLabelsMatchesEveryAlertAndAScalarMatchesNone() {
        String recovered = "vector(1)";
        Timeline t = timeline(rule(Duration.ZERO, Duration.ZERO, Optional.of(recovered), Optional.empty()));
        t.query
                .returns(at(0), EXPR, 0, SERIES_A)
                .empty(at(30), EXPR)
                .from(at(30), recovered, new QueryOutcome.Scalar(1))
                .returns(at(60), recovered, 1, Labels.EMPTY);

        t.evaluateAt(0);
        t.evaluateAt(30);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("firing");
        assertThat(t.evaluations.getLast().rules().getFirst().error())
                .get()
                .asString()
                .contains("scalar");
        t.evaluateAt(60);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("inactive");
    }

    @Test
    void fireAfterFiresOnlyWhenTheExpressionHeldInMOfTheLastNEvaluations() {
        Timeline t = timeline(rule(Duration.ZERO, Duration.ZERO, Optional.empty(), Optional.of(new FireAfter(3, 5))));
        t.query
                .returns(at(0), EXPR, 0, SERIES_A)
                .empty(at(30), EXPR)
                .returns(at(60), EXPR, 0, SERIES_A)
                .empty(at(90), EXPR)
                .returns(at(120), EXPR, 0, SERIES_A);

        t.evaluateAt(0);
        assertThat(t.stateOf(ALERT_A)).as("1 of 5").isEqualTo("pending");
        t.evaluateAt(30);
        assertThat(t.stateOf(ALERT_A)).as("1 of 5, not returned now").isEqualTo("pending");
        t.evaluateAt(60);
        assertThat(t.stateOf(ALERT_A)).as("2 of 5").isEqualTo("pending");
        t.evaluateAt(90);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("pending");
        t.evaluateAt(120);
        assertThat(t.stateOf(ALERT_A)).as("3 of 5").isEqualTo("firing");
        assertThat(t.eventNames()).containsExactly("AlertFired");
    }

    @Test
    void fireAfterDropsAPendingAlertOnceNoneOfTheLastNEvaluationsReturnedIt() {
        Timeline t = timeline(rule(Duration.ZERO, Duration.ZERO, Optional.empty(), Optional.of(new FireAfter(2, 3))));
        t.query.returns(at(0), EXPR, 0, SERIES_A).empty(at(30), EXPR);

        t.evaluateAt(0);
        t.evaluateAt(30);
        t.evaluateAt(60);
        assertThat(t.stateOf(ALERT_A)).as("returned 1 of the last 3").isEqualTo("pending");
        t.evaluateAt(90);
        assertThat(t.stateOf(ALERT_A)).as("returned 0 of the last 3").isEqualTo("absent");
        assertThat(t.eventNames()).containsExactly("AlertCancelled");
    }

    @Test
    void fireAfterAndHoldDurationMustBothBeMet() {
        Timeline t = timeline(
                rule(Duration.ofSeconds(90), Duration.ZERO, Optional.empty(), Optional.of(new FireAfter(2, 2))));
        t.query.returns(at(0), EXPR, 0, SERIES_A);

        t.evaluateAt(0);
        t.evaluateAt(30);
        assertThat(t.stateOf(ALERT_A)).as("2 of 2 but for not elapsed").isEqualTo("pending");
        t.evaluateAt(60);
        t.evaluateAt(90);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("firing");
    }

    @Test
    void alertsExceedingTheGroupLimitFailTheRuleAndClearItsAlerts() {
        AlertingRule r = rule(Duration.ZERO, Duration.ZERO, Optional.empty(), Optional.empty());
        Timeline t = new Timeline(new RuleGroup(
                "node", "rules/node.yml", Duration.ofSeconds(30), 1, Duration.ZERO, Map.of(), List.of(r)));
        t.query.returns(at(0), EXPR, 0, SERIES_A, SERIES_B);

        GroupEvaluation e = t.evaluateAt(0);
        assertThat(e.rules().getFirst().error()).contains("exceeded limit of 1 with 2 alerts");
        assertThat(e.samples()).isEmpty();
        assertThat(e.state().alerting(RuleKeys.of(t.group).getFirst()).alerts()).isEmpty();
    }

    @Test
    void aFailedQueryLeavesTheAlertsAsTheyWere() {
        Timeline t = timeline(Duration.ZERO);
        t.query.returns(at(0), EXPR, 0, SERIES_A).from(at(30), EXPR, new QueryOutcome.Failed("store unavailable"));

        t.evaluateAt(0);
        GroupEvaluation e = t.evaluateAt(30);
        assertThat(e.rules().getFirst().error()).contains("store unavailable");
        assertThat(t.stateOf(ALERT_A)).isEqualTo("firing");
        assertThat(e.events()).isEmpty();
        assertThat(e.samples()).as("nothing written, no stale markers").isEmpty();
    }

    @Test
    void twoElementsWithTheSameAlertLabelsFailTheRule() {
        AlertingRule r = new AlertingRule(
                "Down",
                EXPR,
                Duration.ZERO,
                Duration.ZERO,
                Map.of("instance", Template.literal("all")),
                Map.of(),
                Optional.empty(),
                Optional.empty());
        Timeline t = timeline(r);
        t.query.returns(at(0), EXPR, 0, Labels.of("instance", "a"), Labels.of("instance", "b"));

        assertThat(t.evaluateAt(0).rules().getFirst().error())
                .get()
                .asString()
                .startsWith("vector contains metrics with the same labelset after applying alert labels");
    }

    @Test
    void labelsAndAnnotationsAreRenderedFromTheLatestValue() {
        AlertingRule r = new AlertingRule(
                "HighLoad",
                "load > 2",
                Duration.ofSeconds(30),
                Duration.ZERO,
                Map.of("severity", template("{{ if gt $value 4.0 }}critical{{ else }}warning{{ end }}")),
                Map.of("description", template("load is {{ $value | printf \"%.1f\" }} on {{ $labels.instance }}")),
                Optional.empty(),
                Optional.empty());
        Timeline t = timeline(r);
        Labels series = Labels.metric("load", "instance", "web-1");
        t.query.returns(at(0), "load > 2", 3.0, series).returns(at(30), "load > 2", 3.46, series);

        t.evaluateAt(0);
        t.evaluateAt(30);
        Alert a = t.evaluations.getLast().rules().getFirst().alerts().getFirst();
        assertThat(a.labels())
                .isEqualTo(Labels.of("alertname", "HighLoad", "instance", "web-1", "severity", "warning"));
        assertThat(a.annotations()).containsEntry("description", "load is 3.5 on web-1");
        assertThat(a.value()).isEqualTo(3.46);
        assertThat(a.state()).isInstanceOf(AlertState.Firing.class);
    }

    @Test
    void aReloadKeepsTheAlertsOfRulesWithTheSameNameAndLabelsAndStartsOthersAfresh() {
        Timeline t = timeline(Duration.ofSeconds(60));
        t.query.returns(at(0), EXPR, 0, SERIES_A).returns(at(0), "up{job=\"node\"} == 0", 0, SERIES_A);
        t.evaluateAt(0);
        assertThat(t.evaluations.getLast().rules().getFirst().seriesCount()).isEqualTo(1);

        AlertingRule before = (AlertingRule) t.group.rules().getFirst();
        AlertingRule newExpression = AlertingRule.of(
                "InstanceDown",
                "up{job=\"node\"} == 0",
                Duration.ofSeconds(60),
                Duration.ZERO,
                before.labels(),
                Map.of());
        AlertingRule newLabels = AlertingRule.of(
                "InstanceDown",
                EXPR,
                Duration.ofSeconds(60),
                Duration.ZERO,
                Map.of("severity", Template.literal("ticket")),
                Map.of());
        RuleGroup reloaded = new RuleGroup(
                "node",
                "rules/node.yml",
                Duration.ofSeconds(30),
                0,
                Duration.ZERO,
                Map.of(),
                List.of(newLabels, newExpression));
        GroupEvaluation e = new RuleGroupEvaluator(() -> 0, Map.of(), "").evaluate(reloaded, t.state, at(60), t.query);

        assertThat(e.rules().get(1).alerts())
                .as("same name and labels: state kept, as Prometheus")
                .singleElement()
                .satisfies(
                        a -> assertThat(a.state()).isEqualTo(new AlertState.Firing(at(0), at(60), Optional.empty())));
        assertThat(e.rules().get(0).alerts())
                .as("labels changed: a new rule")
                .singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(new AlertState.Pending(at(60))));
    }

    @Test
    void withKeepFiringForAndResolveWhenBothMustAllowResolution() {
        String recovered = "up == 1";
        Timeline t = timeline(rule(Duration.ZERO, Duration.ofSeconds(60), Optional.of(recovered), Optional.empty()));
        t.query
                .returns(at(0), EXPR, 0, SERIES_A)
                .empty(at(30), EXPR)
                .returns(at(30), recovered, 1, Labels.metric("up", "instance", "a:9100", "job", "node"));

        t.evaluateAt(0);
        t.evaluateAt(30);
        assertThat(t.stateOf(ALERT_A)).as("recovered but kept for 60s").isEqualTo("firing");
        assertThat(t.query.asked)
                .as("resolve_when not needed while keep_firing_for holds")
                .noneMatch(q -> q.startsWith(recovered));
        t.evaluateAt(60);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("firing");
        t.evaluateAt(90);
        assertThat(t.stateOf(ALERT_A)).isEqualTo("inactive");
    }

    @Test
    void annotationsQueryTheStoreAtTheEvaluationTime() {
        AlertingRule r = new AlertingRule(
                "Down",
                EXPR,
                Duration.ZERO,
                Duration.ZERO,
                Map.of(),
                Map.of(
                        "host",
                        template("{{ with printf \"node_uname_info{instance='%s'}\" $labels.instance | query }}"
                                + "{{ . | first | label \"nodename\" }}{{ end }}")),
                Optional.empty(),
                Optional.empty());
        Timeline t = new Timeline(new RuleGroup(
                "node", "rules/node.yml", Duration.ofSeconds(30), 0, Duration.ofSeconds(10), Map.of(), List.of(r)));
        String uname = "node_uname_info{instance='a:9100'}";
        t.query
                .returns(at(0), EXPR, 0, SERIES_A)
                .returns(at(0), uname, 1, Labels.metric("node_uname_info", "instance", "a:9100", "nodename", "web-1"));

        Alert a = t.evaluateAt(60).rules().getFirst().alerts().getFirst();
        assertThat(a.annotations()).containsEntry("host", "web-1");
        assertThat(t.query.asked).containsExactly(EXPR + "@" + at(50), uname + "@" + at(60));
    }
}
