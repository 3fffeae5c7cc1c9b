/**
 * The cron adapter: parses standard 5-field Unix cron expressions with cron-utils and evaluates them in local
 * wall-clock time for the core's {@link dev.steward.core.maintenance.CronSyntax} port. Nothing else of cron-utils is
 * visible outside this package.
 */
package dev.steward.cron;
