/**
 * Incidents and their escalation, as pure functions of notifications, operator commands, holds and time: the
 * {@link dev.steward.core.incident.Incident} record with its state machine ({@link
 * dev.steward.core.incident.IncidentState}: held, triggered, acknowledged, snoozed, resolved) and timeline, the decider
 * {@link dev.steward.core.incident.IncidentPolicy} that opens, updates, escalates and resolves incidents and says whom
 * to page ({@link dev.steward.core.incident.Page}), the {@link dev.steward.core.incident.HoldOracle} port through which
 * dependencies and maintenance hold pages, and the {@link dev.steward.core.incident.IncidentStore} port. Nothing here
 * sends a message or reads a clock: pages go to the outbox, storing belongs to {@code dev.steward.store.jdbc}.
 */
package dev.steward.core.incident;
