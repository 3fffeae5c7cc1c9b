package dev.steward.core.rule;

import static dev.steward.core.rule.Timeline.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.check.CheckFixtures;
import dev.steward.core.check.ProbeSeries;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.series.Labels;
import java.time.Duration;
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
        Timeline t = new Timeline(g);
        Labels series = ProbeSeries.checkLabels("shop", health, Map.of("team", "web")).toBuilder()
                .add("__name__", "steward_check_up")
                .build();
        t.query.returns(at(0), ((AlertingRule) g.rules().getFirst()).expr(), 0, series);

        t.evaluateAt(0);
        Alert a = t.evaluations.getLast().rules().getFirst().alerts().getFirst();
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
}
