/**
 * The tamper-evident audit log, decided without IO: an {@link dev.steward.core.audit.AuditRecord} (who, when, what,
 * from where, before and after) chained to the one before it by SHA-256 ({@link dev.steward.core.audit.AuditChain},
 * over the canonical bytes of {@link dev.steward.core.audit.AuditEncoding}), periodic {@link
 * dev.steward.core.audit.Checkpoint}s signed with HMAC-SHA256 when {@link dev.steward.core.audit.CheckpointPolicy} says
 * one is due, and the {@link dev.steward.core.audit.AuditVerifier} that names every altered, deleted or reordered
 * record and every forged or mismatching checkpoint. {@link dev.steward.core.audit.AuditStore} is the port that keeps
 * records and checkpoints, with an in-memory implementation here; SQL, the key's storage and the clock live elsewhere.
 */
package dev.steward.core.audit;
