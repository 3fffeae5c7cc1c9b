/**
 * The stored timeline of check state transitions: the {@link dev.steward.core.history.CheckEvent} record, the {@link
 * dev.steward.core.history.CheckEventStore} port (append, list a time range, latest event to restore a check's state
 * after a restart) and its in-memory implementation. It records transitions decided elsewhere (the check state machine
 * names its states); it decides nothing and does no IO: the SQL implementation lives in {@code dev.steward.store.jdbc}.
 */
package dev.steward.core.history;
