package dev.steward.core.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A dry run of an escalation policy: if an incident triggered at {@code triggeredAt} and nobody acknowledged, who
 * would be paged when. Each step is one level in one round (round 0 is the first pass, rounds 1..repeat the repeats);
 * its offset is the sum of the {@code escalateAfter} of every level paged before it, and its recipients are resolved
 * at the instant it is paged, so a schedule hand-off between the trigger and a later level is taken into account.
 */
public record EscalationPlan(EscalationPolicy policy, Severity severity, Instant triggeredAt, List<Step> steps) {
    public EscalationPlan {
        steps = List.copyOf(steps);
    }

    /** One level paged in one round. */
    public record Step(int round, int level, Duration offset, Instant at, List<Recipient> recipients) {
        public Step {
            recipients = List.copyOf(recipients);
        }

        /** Whether this step reaches at least one person or receiver. */
        public boolean pagesSomeone() {
            return recipients.stream().anyMatch(r -> !(r instanceof Recipient.Nobody));
        }
    }

    /** Who {@code policy} pages for an incident of {@code severity} triggered at {@code at}. */
    public static EscalationPlan who(EscalationPolicy policy, Severity severity, Instant at, OnCall oncall) {
        List<Step> steps = new ArrayList<>();
        Duration offset = Duration.ZERO;
        for (int round = 0; round <= policy.repeat(); round++) {
            for (int i = 0; i < policy.levels().size(); i++) {
                EscalationPolicy.Level level = policy.levels().get(i);
                Instant when = at.plus(offset);
                steps.add(new Step(round, i, offset, when, oncall.resolve(level, when)));
                offset = offset.plus(level.escalateAfter());
            }
        }
        return new EscalationPlan(policy, severity, at, steps);
    }

    /** Whether no step reaches anyone: an incident would page nobody at all. */
    public boolean pagesNobody() {
        return steps.stream().noneMatch(Step::pagesSomeone);
    }
}
