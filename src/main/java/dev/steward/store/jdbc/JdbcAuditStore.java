package dev.steward.store.jdbc;

import dev.steward.core.audit.AuditChain;
import dev.steward.core.audit.AuditDraft;
import dev.steward.core.audit.AuditQuery;
import dev.steward.core.audit.AuditRecord;
import dev.steward.core.audit.AuditStore;
import dev.steward.core.audit.Checkpoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The {@code audit_record} and {@code audit_checkpoint} tables. An append reads the latest record, links the draft
 * after it and inserts it in one transaction that commits before it returns. Appends take turns: SQLite's {@code
 * BEGIN IMMEDIATE} holds the write lock, and on PostgreSQL the table is locked against other appends (reads go on),
 * so two daemons sharing the database never fork the chain; a duplicate sequence all the same runs the append again.
 */
public final class JdbcAuditStore implements AuditStore {
    private static final String COLUMNS =
            "seq, at, actor, source, action, target, before_json, after_json, prev_hash, hash";
    private final Database database;

    public JdbcAuditStore(Database database) {
        this.database = database;
    }

    @Override
    public AuditRecord append(AuditDraft draft) {
        return database.inTransaction(handle -> {
            if (database.vendor() == Vendor.POSTGRESQL) {
                handle.execute("LOCK TABLE audit_record IN SHARE ROW EXCLUSIVE MODE");
            }
            AuditRecord r = AuditChain.append(latest(handle), draft);
            try {
                insert(handle, r);
            } catch (RuntimeException e) {
                if (hasSqlState(e, "23505")) {
                    throw new ConcurrentChangeException("audit seq " + r.seq() + " taken by a concurrent append: " + e);
                }
                throw e;
            }
            return r;
        });
    }

    private static void insert(Handle handle, AuditRecord r) {
        handle.createUpdate("INSERT INTO audit_record (" + COLUMNS + ") VALUES (:seq, :at, :actor, :source, :action,"
                        + " :target, :before, :after, :prevHash, :hash)")
                .bind("seq", r.seq())
                .bind("at", r.at().toEpochMilli())
                .bind("actor", r.actor())
                .bind("source", r.source())
                .bind("action", r.action())
                .bind("target", r.target())
                .bind("before", r.before())
                .bind("after", r.after())
                .bind("prevHash", r.prevHash())
                .bind("hash", r.hash())
                .execute();
    }

    @Override
    public Optional<AuditRecord> latest() {
        return database.withHandle(JdbcAuditStore::latest);
    }

    private static Optional<AuditRecord> latest(Handle handle) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM audit_record ORDER BY seq DESC LIMIT 1")
                .map((rs, ctx) -> read(rs))
                .findOne();
    }

    @Override
    public Optional<AuditRecord> get(long seq) {
        return database.withHandle(
                handle -> handle.createQuery("SELECT " + COLUMNS + " FROM audit_record WHERE seq = :seq")
                        .bind("seq", seq)
                        .map((rs, ctx) -> read(rs))
                        .findOne());
    }

    @Override
    public List<AuditRecord> all() {
        return database.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM audit_record ORDER BY seq")
                .map((rs, ctx) -> read(rs))
                .list());
    }

    @Override
    public List<AuditRecord> find(AuditQuery q) {
        List<String> where = new ArrayList<>();
        q.actor().ifPresent(a -> where.add("actor = :actor"));
        q.action().ifPresent(a -> where.add("action = :action"));
        // substr, not LIKE: SQLite's LIKE ignores case, and a prefix holding % or _ is literal
        q.targetPrefix().ifPresent(t -> where.add("substr(target, 1, :prefixLength) = :prefix"));
        q.since().ifPresent(s -> where.add("at >= :since"));
        q.beforeSeq().ifPresent(b -> where.add("seq < :before"));
        String sql = "SELECT " + COLUMNS + " FROM audit_record"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY seq DESC LIMIT :limit";
        return database.withHandle(handle -> {
            Query query = handle.createQuery(sql).bind("limit", q.limit());
            q.actor().ifPresent(a -> query.bind("actor", a));
            q.action().ifPresent(a -> query.bind("action", a));
            q.targetPrefix()
                    .ifPresent(t -> query.bind("prefix", t).bind("prefixLength", t.codePointCount(0, t.length())));
            q.since().ifPresent(s -> query.bind("since", s.toEpochMilli()));
            q.beforeSeq().ifPresent(b -> query.bind("before", b));
            return query.map((rs, ctx) -> read(rs)).list();
        });
    }

    private static AuditRecord read(ResultSet rs) throws SQLException {
        return new AuditRecord(
                rs.getLong("seq"),
                Instant.ofEpochMilli(rs.getLong("at")),
                rs.getString("actor"),
                rs.getString("source"),
                rs.getString("action"),
                rs.getString("target"),
                rs.getString("before_json"),
                rs.getString("after_json"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    @Override
    public void addCheckpoint(Checkpoint c) {
        database.inTransaction(handle -> handle.createUpdate("INSERT INTO audit_checkpoint (seq, hash, at, signature)"
                        + " VALUES (:seq, :hash, :at, :signature) ON CONFLICT (seq) DO NOTHING")
                .bind("seq", c.seq())
                .bind("hash", c.hash())
                .bind("at", c.at().toEpochMilli())
                .bind("signature", c.signature())
                .execute());
    }

    @Override
    public List<Checkpoint> checkpoints() {
        return database.withHandle(
                handle -> handle.createQuery("SELECT seq, hash, at, signature FROM audit_checkpoint ORDER BY seq")
                        .map((rs, ctx) -> readCheckpoint(rs))
                        .list());
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        return database.withHandle(handle -> handle.createQuery(
                        "SELECT seq, hash, at, signature FROM audit_checkpoint ORDER BY seq DESC LIMIT 1")
                .map((rs, ctx) -> readCheckpoint(rs))
                .findOne());
    }

    private static Checkpoint readCheckpoint(ResultSet rs) throws SQLException {
        return new Checkpoint(
                rs.getLong("seq"),
                rs.getString("hash"),
                Instant.ofEpochMilli(rs.getLong("at")),
                rs.getString("signature"));
    }

    private static boolean hasSqlState(Throwable e, String sqlState) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
