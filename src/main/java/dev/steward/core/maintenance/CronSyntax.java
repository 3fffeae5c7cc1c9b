package dev.steward.core.maintenance;

import dev.steward.core.route.Parsed;

/** Parses cron expressions; the port that keeps the cron library out of the core. */
@FunctionalInterface
public interface CronSyntax {
    String EXPECTED =
            "a 5-field Unix cron expression (minute hour day-of-month month day-of-week) such as \"0 2 * * 0\"";

    Parsed<CronRule> parse(String expression);
}
