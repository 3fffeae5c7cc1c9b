/**
 * Maintenance windows as pure values and the calendar that answers, for a given instant, which windows are open,
 * whether a service or an alert is covered, when the next window opens or closes and whether deployments are frozen.
 * Recurring windows are expanded here in local wall-clock time and resolved to instants by one stated DST rule
 * ({@link LocalTimes}); cron expressions are parsed behind the {@link CronSyntax} port, so the cron library lives in
 * an adapter. Storage of windows is behind {@link MaintenanceStore}; nothing here does IO or reads a clock.
 */
package dev.steward.core.maintenance;
