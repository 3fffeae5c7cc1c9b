package dev.steward.core.rule;

import static dev.steward.core.rule.Timeline.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.rule.ForStateRestore.Settings;
import dev.steward.core.series.Labels;
import dev.steward.core.series.Sample;
import dev.steward.core.series.StaleMarker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForStateRestoreTest {
    static final Settings SETTINGS = Settings.PROMETHEUS;

    static Sample forState(Instant downAt, Instant activeAt) {
        return new Sample(downAt.toEpochMilli(), activeAt.getEpochSecond());
    }

    @Test
    void timeSpentPendingBeforeTheOutageCountsAndTheOutageDoesNot() {
        // for 1h; pending for 20 min when Steward went down at 1200s; back at 1800s: 40 min remain from 1800s
        Optional<Instant> restored =
                ForStateRestore.restoredActiveAt(Duration.ofHours(1), forState(at(1200), at(0)), at(1800), SETTINGS);
        assertThat(restored).contains(at(600));
    }

    @Test
    void anAlertAboutToFireGetsTheGracePeriod() {
        // for 30m; pending 25 min at the outage: 5 min remain, less than the 10 min grace period
        Optional<Instant> restored =
                ForStateRestore.restoredActiveAt(Duration.ofMinutes(30), forState(at(1500), at(0)), at(1600), SETTINGS);
        assertThat(restored).contains(at(1600).plus(Duration.ofMinutes(10)).minus(Duration.ofMinutes(30)));
    }

    @Test
    void anAlertThatWasFiringKeepsItsActiveAtAndFiresAgainAtOnce() {
        Optional<Instant> restored =
                ForStateRestore.restoredActiveAt(Duration.ofMinutes(15), forState(at(3000), at(0)), at(3100), SETTINGS);
        assertThat(restored).contains(at(0));
    }

    @Test
    void nothingIsRestoredForShortHoldDurationsOldSamplesOrStaleMarkers() {
        assertThat(ForStateRestore.restoredActiveAt(Duration.ofMinutes(5), forState(at(100), at(0)), at(200), SETTINGS))
                .as("for shorter than the grace period")
                .isEmpty();
        assertThat(ForStateRestore.restoredActiveAt(Duration.ofHours(2), forState(at(0), at(0)), at(3601), SETTINGS))
                .as("outage longer than the tolerance")
                .isEmpty();
        assertThat(ForStateRestore.restoredActiveAt(Duration.ofHours(2), forState(at(0), at(0)), at(3600), SETTINGS))
                .as("outage exactly the tolerance")
                .isPresent();
        assertThat(ForStateRestore.restoredActiveAt(
                        Duration.ofHours(2), new Sample(at(10).toEpochMilli(), StaleMarker.VALUE), at(20), SETTINGS))
                .isEmpty();
    }

    @Test
    void aRestartedGroupWritesNoAlertsSeriesUntilRestoredThenFiresOnTheRestoredSchedule() {
        AlertingRule rule = AlertingRule.of(
                "SlowDisk", "disk_slow == 1", Duration.ofMinutes(30), Duration.ZERO, Map.of(), Map.of());
        Timeline t = new Timeline(RuleGroup.of("disk", "rules/disk.yml", java.util.List.of(rule)));
        t.state = GroupState.AWAITING_RESTORE;
        Labels series = Labels.metric("disk_slow", "device", "sda");
        Labels alert = Labels.of("alertname", "SlowDisk", "device", "sda");
        t.query.returns(at(0), "disk_slow == 1", 1, series);

        // pending since -1200s, Steward down at -600s, back at 0s: 20 of 30 min remain (restore shifts by 600s)
        GroupEvaluation first = t.evaluateAt(0);
        assertThat(first.samples()).isEmpty();
        t.state = ForStateRestore.restore(
                t.group, t.state, Map.of(alert, forState(at(-600), at(-1200))), at(0), SETTINGS);

        assertThat(t.evaluateAt(60).samples()).isNotEmpty();
        assertThat(t.stateOf(alert)).isEqualTo("pending");
        t.evaluateAt(1140);
        assertThat(t.stateOf(alert)).isEqualTo("pending");
        t.evaluateAt(1200);
        assertThat(t.stateOf(alert)).isEqualTo("firing");
        assertThat(((AlertEvent.AlertFired) t.evaluations.getLast().events().getFirst()).activeAt())
                .isEqualTo(at(-600));
    }

    @Test
    void theForStateSamplesOfOneRunRestoreTheNextRunAfterACrash() {
        AlertingRule rule = AlertingRule.of(
                "SlowDisk", "disk_slow == 1", Duration.ofMinutes(30), Duration.ZERO, Map.of(), Map.of());
        RuleGroup group = RuleGroup.of("disk", "rules/disk.yml", java.util.List.of(rule));
        Labels series = Labels.metric("disk_slow", "device", "sda");
        Timeline before = new Timeline(group);
        before.query.returns(at(0), "disk_slow == 1", 1, series);
        for (int s = 0; s <= 600; s += 60) {
            before.evaluateAt(s);
        }
        // Steward stops after the evaluation at 600s; the store keeps what it appended
        Map<Labels, Sample> lastForState = new java.util.HashMap<>();
        before.evaluations.getLast().samples().stream()
                .filter(x -> x.labels().metricName().equals("ALERTS_FOR_STATE"))
                .forEach(x -> lastForState.put(x.labels().without("__name__"), new Sample(x.timestamp(), x.value())));

        Timeline after = new Timeline(group);
        after.query.returns(at(0), "disk_slow == 1", 1, series);
        after.state = GroupState.AWAITING_RESTORE;
        after.evaluateAt(900);
        after.state = ForStateRestore.restore(group, after.state, lastForState, at(900), SETTINGS);

        Labels alert = Labels.of("alertname", "SlowDisk", "device", "sda");
        after.evaluateAt(2040);
        assertThat(after.stateOf(alert))
                .as("10 of 30 min spent before the crash, 19 after")
                .isEqualTo("pending");
        after.evaluateAt(2100);
        assertThat(after.stateOf(alert))
                .as("30 min pending, the 5 min outage not counted")
                .isEqualTo("firing");
    }
}
