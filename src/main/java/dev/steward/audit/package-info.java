/**
 * The audit log as the daemon and the CLI use it: {@link dev.steward.audit.AuditLog} appends every change durably
 * through an {@link dev.steward.core.audit.AuditStore}, writes a signed checkpoint whenever the {@link
 * dev.steward.core.audit.CheckpointPolicy} says one is due, and verifies the stored log; {@link
 * dev.steward.audit.AuditKey} finds the checkpoint key (a file, or the store's {@code audit_key} setting). What a
 * record contains and how the chain is checked is decided in {@code dev.steward.core.audit}.
 */
package dev.steward.audit;
