package dev.steward.core.maintenance;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;

/**
 * The DST rule for recurring windows, in one place. A local start time that does not exist (in the spring-forward
 * gap) starts at the first valid instant after the gap, that is the instant of the transition: 02:30 on
 * 2026-03-29 in Europe/Berlin starts at 03:00 CEST. A local start time that exists twice (in the fall-back overlap)
 * starts once, at its first occurrence (the earlier offset): 02:30 on 2026-10-25 in Europe/Berlin starts at 02:30
 * CEST. A window keeps its duration as elapsed time in both cases, so its local end time shifts by the DST change.
 */
public final class LocalTimes {
    private LocalTimes() {}

    public static Instant resolve(LocalDateTime local, ZoneId zone) {
        var rules = zone.getRules();
        var offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant();
        }
        // with two valid offsets the first one is the earlier (pre-transition) offset, i.e. the first occurrence
        return local.toInstant(offsets.getFirst());
    }
}
