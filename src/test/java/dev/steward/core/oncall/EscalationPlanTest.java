package dev.steward.core.oncall;

import static dev.steward.core.oncall.OnCallFixture.CRITICAL;
import static dev.steward.core.oncall.OnCallFixture.PRIMARY_POLICY;
import static dev.steward.core.oncall.OnCallFixture.oncall;
import static dev.steward.core.oncall.RotationTest.z;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dry run: who is paged when, level by level and round by round. */
class EscalationPlanTest {
    static final OnCall ONCALL = oncall(Map.of());

    static List<String> names(EscalationPlan.Step step) {
        return step.recipients().stream()
                .map(r -> switch (r) {
                    case Recipient.Reached p -> p.person().name();
                    case Recipient.Receiver x -> "receiver " + x.name();
                    case Recipient.Nobody n -> "nobody (" + n.reason() + ")";
                })
                .toList();
    }

    @Test
    void levelsArePagedAfterTheSumOfTheEarlierDelaysAndRepeatedAfterTheLastLevelsDelay() {
        EscalationPlan plan = EscalationPlan.who(PRIMARY_POLICY, CRITICAL, z("2026-11-29T02:00:00Z"), ONCALL);

        assertThat(plan.steps())
                .extracting(EscalationPlan.Step::round, EscalationPlan.Step::level, EscalationPlan.Step::offset)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 0, Duration.ZERO),
                        org.assertj.core.groups.Tuple.tuple(0, 1, Duration.ofMinutes(15)),
                        org.assertj.core.groups.Tuple.tuple(1, 0, Duration.ofMinutes(20)),
                        org.assertj.core.groups.Tuple.tuple(1, 1, Duration.ofMinutes(35)));
        assertThat(plan.steps().get(3).at()).isEqualTo(z("2026-11-29T02:35:00Z"));
    }

    @Test
    void whoIsPagedForACriticalAtThreeOnSundayMorningBerlinTime() {
        EscalationPlan plan = EscalationPlan.who(PRIMARY_POLICY, CRITICAL, z("2026-11-29T02:00:00Z"), ONCALL);

        // Saturday 28 November 09:00 began turn 26: alice
        assertThat(names(plan.steps().get(0))).containsExactly("alice");
        assertThat(names(plan.steps().get(1))).containsExactly("lead", "receiver ops");
        assertThat(plan.pagesNobody()).isFalse();
    }

    @Test
    void aLaterLevelIsResolvedAtTheInstantItIsPagedSoAHandOffInBetweenCounts() {
        // 08:50 Berlin on Monday 23 November: alice (turn 20) until 09:00, bob (turn 21) after
        EscalationPlan plan = EscalationPlan.who(PRIMARY_POLICY, CRITICAL, z("2026-11-23T07:50:00Z"), ONCALL);

        assertThat(names(plan.steps().get(0))).containsExactly("alice");
        assertThat(names(plan.steps().get(2))).containsExactly("bob"); // round 1 at 09:10
    }

    @Test
    void beforeTheRotationStartsTheScheduleLevelPagesNobodyAndSaysWhy() {
        EscalationPlan plan = EscalationPlan.who(PRIMARY_POLICY, CRITICAL, z("2026-10-31T12:00:00Z"), ONCALL);

        assertThat(names(plan.steps().get(0))).containsExactly("nobody (nobody on call in schedule primary)");
        assertThat(plan.steps().get(0).pagesSomeone()).isFalse();
        assertThat(plan.steps().get(1).pagesSomeone()).isTrue();
    }
}
