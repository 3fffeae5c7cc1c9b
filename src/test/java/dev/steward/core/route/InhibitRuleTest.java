package dev.steward.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InhibitRuleTest {
    private static final Instant NOW = Instant.parse("2024-02-29T23:59:30Z");
    private final InhibitRule criticalMutesWarning = new InhibitRule(
            new Matchers(MatcherTest.parse("severity=critical")),
            new Matchers(MatcherTest.parse("severity=warning")),
            Set.of("cluster", "service"));

    private static Alert alert(String... labels) {
        return Alert.firing(Labels.of(labels), NOW.minusSeconds(600));
    }

    @Test
    void aFiringSourceMutesATargetWithTheSameEqualLabels() {
        Alert source = alert("severity", "critical", "cluster", "eu", "service", "api");
        Labels target = Labels.of("severity", "warning", "cluster", "eu", "service", "api", "x", "1");
        assertThat(criticalMutesWarning.mutes(target, List.of(source), NOW)).isTrue();
    }

    @Test
    void aDifferentValueOfAnEqualLabelDoesNotMute() {
        Alert source = alert("severity", "critical", "cluster", "us", "service", "api");
        Labels target = Labels.of("severity", "warning", "cluster", "eu", "service", "api");
        assertThat(criticalMutesWarning.mutes(target, List.of(source), NOW)).isFalse();
    }

    @Test
    void anEqualLabelAbsentOnBothSidesCountsAsEqual() {
        Alert source = alert("severity", "critical", "service", "api");
        assertThat(criticalMutesWarning.mutes(Labels.of("severity", "warning", "service", "api"), List.of(source), NOW))
                .isTrue();
        assertThat(criticalMutesWarning.mutes(
                        Labels.of("severity", "warning", "service", "api", "cluster", "eu"), List.of(source), NOW))
                .isFalse();
    }

    @Test
    void aResolvedSourceNoLongerMutesButOneEndingLaterStillDoes() {
        Alert source = alert("severity", "critical", "service", "api");
        Labels target = Labels.of("severity", "warning", "service", "api");
        assertThat(criticalMutesWarning.mutes(target, List.of(source.resolvedAt(NOW)), NOW))
                .isFalse();
        assertThat(criticalMutesWarning.mutes(target, List.of(source.resolvedAt(NOW.plusSeconds(1))), NOW))
                .isTrue();
    }

    @Test
    void anAlertNotMatchingTheTargetIsNeverMuted() {
        Alert source = alert("severity", "critical", "service", "api");
        assertThat(criticalMutesWarning.mutes(source.labels(), List.of(source), NOW))
                .isFalse();
    }

    @Test
    void alertsMatchingBothSidesDoNotMuteEachOther() {
        InhibitRule anyDownMutesAnyDown = new InhibitRule(
                new Matchers(MatcherTest.parse("alertname=Down")),
                new Matchers(MatcherTest.parse("alertname=Down")),
                Set.of("cluster"));
        Alert a = alert("alertname", "Down", "cluster", "eu", "instance", "a");
        Alert b = alert("alertname", "Down", "cluster", "eu", "instance", "b");
        assertThat(anyDownMutesAnyDown.mutes(a.labels(), List.of(a, b), NOW)).isFalse();
        assertThat(InhibitRule.inhibited(b.labels(), List.of(anyDownMutesAnyDown), List.of(a, b), NOW))
                .isFalse();
    }
}
