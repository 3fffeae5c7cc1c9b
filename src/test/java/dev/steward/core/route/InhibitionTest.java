package dev.steward.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InhibitionTest {
    private static final Instant NOW = Instant.parse("2024-12-31T23:59:59Z");
    private static final List<InhibitRule> RULES = List.of(
            new InhibitRule(
                    new Matchers(MatcherTest.parse("severity=critical")),
                    new Matchers(MatcherTest.parse("severity=~warning|critical")),
                    Set.of("service")),
            new InhibitRule(
                    new Matchers(MatcherTest.parse("alertname=NodeDown")),
                    new Matchers(MatcherTest.parse("alertname!=NodeDown")),
                    Set.of("instance", "cluster")));

    @Test
    void theIndexDecidesExactlyAsTheRulesScanningEveryAlert() {
        long seed = 20261124L;
        System.out.println("InhibitionTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 50; round++) {
            List<Alert> alerts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                alerts.add(randomAlert(random));
            }
            Inhibition index = Inhibition.of(RULES, alerts, NOW);
            for (Alert a : alerts) {
                boolean scanned = InhibitRule.inhibited(a.labels(), RULES, alerts, NOW);
                assertThat(index.inhibited(a.labels()))
                        .as("seed %d round %d alert %s", seed, round, a.labels())
                        .isEqualTo(scanned);
                index.inhibitor(a.labels())
                        .ifPresent(source -> assertThat(
                                        alerts.stream().anyMatch(s -> s.labels().equals(source) && !s.resolved(NOW)))
                                .isTrue());
            }
        }
    }

    @Test
    void resolvedSourcesAndNoRulesInhibitNothing() {
        Alert critical = Alert.firing(Labels.of("severity", "critical", "service", "api"), NOW.minusSeconds(60));
        Labels warning = Labels.of("severity", "warning", "service", "api");
        assertThat(Inhibition.of(RULES, List.of(critical), NOW).inhibitor(warning))
                .contains(critical.labels());
        assertThat(Inhibition.of(RULES, List.of(critical.resolvedAt(NOW)), NOW).inhibited(warning))
                .isFalse();
        assertThat(Inhibition.of(List.of(), List.of(critical), NOW).inhibited(warning))
                .isFalse();
    }

    private static Alert randomAlert(Random r) {
        Labels.Builder b = Labels.builder();
        b.add("alertname", r.nextInt(4) == 0 ? "NodeDown" : "Other" + r.nextInt(2));
        String[] severities = {"critical", "warning", "info"};
        if (r.nextInt(5) > 0) {
            b.add("severity", severities[r.nextInt(3)]);
        }
        if (r.nextInt(4) > 0) {
            b.add("service", "s" + r.nextInt(3));
        }
        if (r.nextInt(3) > 0) {
            b.add("instance", "i" + r.nextInt(3));
        }
        if (r.nextBoolean()) {
            b.add("cluster", "c" + r.nextInt(2));
        }
        b.add("n", Integer.toString(r.nextInt(1000)));
        Alert a = Alert.firing(b.build(), NOW.minusSeconds(600));
        return r.nextInt(6) == 0 ? a.resolvedAt(NOW.minusSeconds(1)) : a;
    }
}
