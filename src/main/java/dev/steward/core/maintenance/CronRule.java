package dev.steward.core.maintenance;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A parsed 5-field Unix cron expression, evaluated in local wall-clock time: the zone and its DST rule are applied by
 * {@link LocalTimes}, so that cron and weekly windows share one rule for DST days.
 */
public interface CronRule {
    /** The expression as written. */
    String expression();

    /** The first local minute strictly after {@code after} that the expression matches; empty when there is none. */
    Optional<LocalDateTime> nextAfter(LocalDateTime after);
}
