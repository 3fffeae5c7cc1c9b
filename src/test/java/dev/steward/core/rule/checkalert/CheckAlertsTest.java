package dev.steward.core.rule.checkalert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.check.CheckFixtures;
import dev.steward.core.check.ProbeSeries;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.rule.Alert;
import dev.steward.core.rule.AlertState;
import dev.steward.core.rule.AlertingRule;
import dev.steward.core.rule.GroupState;
import dev.steward.core.rule.QueryOutcome;
import dev.steward.core.rule.RuleGroup;
import dev.steward.core.rule.RuleGroupEvaluator;
import dev.steward.core.series.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckAlertsTest {
    @Test
    void everyEnabledCheckGetsACriticalAlertOnItsUpSeries() {
        CheckConfig health = CheckFixtures.check("api", "health");
        CheckConfig ping = CheckFixtures.check("db", "ping");
        RuleGroup g = CheckAlerts.group(
                "shop", "stack.yml", List.of(health, ping), c -> !c.service().equals("db"), Duration.ofSeconds(15));

        assertThat(g.rules()).singleElement().satisfies(r -> {
            AlertingRule a = (AlertingRule) r;
            assertThat(a.alert()).isEqualTo("StewardCheckDown");
            assertThat(a.expr()).isEqualTo("steward_check_up{stack=\"shop\",service=\"api\",check=\"health\"} == 0");
            assertThat(a.holdFor()).isZero();
        });
    }

    @Test
    void theAlertFiresAtOnceWithSeverityAndNamesTheCheckAndItsTarget() {
        CheckConfig health = CheckFixtures.check("api", "health");
        RuleGroup g = CheckAlerts.group("shop", "stack.yml", List.of(health), c -> true, Duration.ofSeconds(15));
        String expr = ((AlertingRule) g.rules().getFirst()).expr();
        Labels series = ProbeSeries.checkLabels("shop", health, Map.of("team", "web")).toBuilder()
                .add("__name__", "steward_check_up")
                .build();
        var evaluator = new RuleGroupEvaluator(() -> 0, Map.of(), "");

        var evaluation = evaluator.evaluate(
                g,
                GroupState.EMPTY,
                Instant.parse("2026-12-31T23:59:59Z"),
                (q, at) -> q.equals(expr)
                        ? new QueryOutcome.Vector(List.of(new QueryOutcome.Element(series, 0)))
                        : new QueryOutcome.Failed("unexpected query " + q));
        Alert a = evaluation.rules().getFirst().alerts().getFirst();
        assertThat(a.state()).isInstanceOf(AlertState.Firing.class);
        assertThat(a.labels().toMap())
                .containsEntry("alertname", "StewardCheckDown")
                .containsEntry("severity", "critical")
                .containsEntry("service", "api")
                .containsEntry("check", "health")
                .containsEntry("stack", "shop")
                .containsEntry("team", "web");
        assertThat(a.annotations())
                .containsEntry("summary", "Check api/health is down")
                .containsEntry(
                        "description",
                        "Check api/health (http http://127.0.0.1:1/health) failed 3 probes in a row and is DOWN.");
    }

    @Test
    void aTargetThatLooksLikeATemplateIsShownAsWritten() {
        CheckConfig base = CheckFixtures.check("batch", "report");
        CheckConfig command = new CheckConfig(
                "batch",
                "report",
                new dev.steward.core.config.ProbeSpec.Command(
                        List.of("sh", "-c", "echo {{ $value }} \"$HOME\""), Map.of(), java.util.Optional.empty()),
                base.interval(),
                base.timeout(),
                List.of(),
                java.util.Optional.empty(),
                3,
                base.retryInterval(),
                2,
                Map.of());
        AlertingRule rule = CheckAlerts.rule("shop", command, "warning");

        String description = rule.annotations()
                .get("description")
                .render(dev.steward.core.rule.template.TemplateData.of(Map.of(), 42));
        assertThat(description)
                .isEqualTo(
                        "Check batch/report (command sh -c echo {{ $value }} \"$HOME\") failed 3 probes in a row and is DOWN.");
        assertThat(rule.labels().get("severity").source()).isEqualTo("warning");
    }
}
