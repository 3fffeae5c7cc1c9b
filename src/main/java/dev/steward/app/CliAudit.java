package dev.steward.app;

import dev.steward.audit.AuditKey;
import dev.steward.audit.AuditLog;
import dev.steward.core.audit.CheckpointPolicy;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcAuditStore;
import dev.steward.store.jdbc.JdbcSettingStore;
import java.time.InstantSource;

/**
 * Puts a change made by a CLI command straight in the store (tokens, users) on the same audit log the daemon writes:
 * actor {@code cli:<operating-system user>}, source {@code cli}. The store serialises appends, so the daemon may be
 * running.
 */
final class CliAudit {
    private CliAudit() {}

    static void record(Database db, String action, String target, String before, String after) {
        AuditLog log = new AuditLog(
                new JdbcAuditStore(db),
                AuditKey.storedOrCreated(new JdbcSettingStore(db)),
                CheckpointPolicy.DEFAULTS,
                InstantSource.system());
        log.record("cli:" + System.getProperty("user.name", "unknown"), "cli", action, target, before, after);
    }
}
