package dev.steward.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleScheduleTest {
    static RuleGroup group(String name, Duration interval) {
        return new RuleGroup(name, "rules/a.yml", interval, 0, Duration.ZERO, Map.of(), List.of());
    }

    @Test
    void slotsAreOnTheIntervalGridShiftedByTheGroupsOffset() {
        RuleGroup g = group("node", Duration.ofSeconds(30));
        long offset = RuleSchedule.offsetNanos(g);
        assertThat(offset).isBetween(0L, Duration.ofSeconds(30).toNanos() - 1);
        Instant now = Instant.parse("2026-03-29T01:59:59.500Z");
        Instant slot = RuleSchedule.slotAtOrBefore(g, now);
        assertThat(slot).isBeforeOrEqualTo(now);
        assertThat(Duration.between(slot, now)).isLessThan(Duration.ofSeconds(30));
        long slotNanos = slot.getEpochSecond() * 1_000_000_000L + slot.getNano();
        assertThat(Math.floorMod(slotNanos - offset, Duration.ofSeconds(30).toNanos()))
                .isZero();
        assertThat(RuleSchedule.nextAfter(g, now)).isEqualTo(slot.plusSeconds(30));
        assertThat(RuleSchedule.slotAtOrBefore(g, slot))
                .as("a slot is its own slot")
                .isEqualTo(slot);
        assertThat(RuleSchedule.nextAfter(g, slot)).isEqualTo(slot.plusSeconds(30));
    }

    @Test
    void theOffsetDependsOnTheGroupAndNotOnTheRules() {
        RuleGroup a = group("node", Duration.ofMinutes(1));
        RuleGroup b = group("blackbox", Duration.ofMinutes(1));
        RuleGroup aAgain = new RuleGroup(
                "node",
                "rules/a.yml",
                Duration.ofMinutes(1),
                5,
                Duration.ZERO,
                Map.of(),
                List.of(new RecordingRule("x", "up", Map.of())));
        assertThat(RuleSchedule.offsetNanos(a)).isNotEqualTo(RuleSchedule.offsetNanos(b));
        assertThat(RuleSchedule.offsetNanos(a)).isEqualTo(RuleSchedule.offsetNanos(aAgain));
    }
}
