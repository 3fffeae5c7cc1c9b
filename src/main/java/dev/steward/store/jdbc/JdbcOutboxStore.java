package dev.steward.store.jdbc;

import dev.steward.core.outbox.ChannelStatus;
import dev.steward.core.outbox.DeliveryError;
import dev.steward.core.outbox.DeliveryState;
import dev.steward.core.outbox.DeliveryState.Abandoned;
import dev.steward.core.outbox.DeliveryState.Delivered;
import dev.steward.core.outbox.DeliveryState.Pending;
import dev.steward.core.outbox.OutboxEntry;
import dev.steward.core.outbox.OutboxStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * The {@code outbox} table: one row per entry, its message as JSON and its latest state in columns, so the delivery
 * status per channel is one grouped query. An enqueue commits before it returns, which is what lets a notification be
 * acknowledged upstream as "will be delivered".
 */
public final class JdbcOutboxStore implements OutboxStore {
    private static final String COLUMNS = "id, seq, channel, idempotency_key, ordering_key, created_at, message_json,"
            + " state, attempts, next_attempt_at, error_reason, error_detail, error_at, final_at";
    private final Database database;

    public JdbcOutboxStore(Database database) {
        this.database = database;
    }

    @Override
    public List<OutboxEntry> enqueue(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        return database.inTransaction(handle -> {
            try {
                return insertNew(handle, entries);
            } catch (RuntimeException e) {
                // two PostgreSQL transactions took the same sequence (or enqueued the same id): the next run sees
                // theirs
                if (hasSqlState(e, "23505")) {
                    throw new ConcurrentChangeException("outbox sequence or id taken by a concurrent enqueue: " + e);
                }
                throw e;
            }
        });
    }

    private List<OutboxEntry> insertNew(Handle handle, List<OutboxEntry> entries) {
        if (database.vendor() == Vendor.POSTGRESQL) {
            // enqueues take turns (readers and state updates of other rows do not wait long: an enqueue is short), so
            // two of them never read the same MAX(seq); SQLite's BEGIN IMMEDIATE already serialises writers
            handle.execute("LOCK TABLE outbox IN SHARE ROW EXCLUSIVE MODE");
        }
        long seq = handle.createQuery("SELECT COALESCE(MAX(seq), 0) FROM outbox")
                .mapTo(Long.class)
                .one();
        Map<String, OutboxEntry> stored = new LinkedHashMap<>();
        List<OutboxEntry> out = new ArrayList<>();
        for (OutboxEntry e : entries) {
            OutboxEntry existing = stored.containsKey(e.id()) ? stored.get(e.id()) : find(handle, e.id());
            if (existing == null) {
                existing = e.withSequence(++seq);
                insert(handle, existing);
            }
            stored.put(e.id(), existing);
            out.add(existing);
        }
        return List.copyOf(out);
    }

    private static OutboxEntry find(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> read(rs))
                .findOne()
                .orElse(null);
    }

    private static void insert(Handle handle, OutboxEntry e) {
        Update insert = handle.createUpdate("INSERT INTO outbox (" + COLUMNS + ") VALUES (:id, :seq, :channel,"
                        + " :key, :ordering, :created, :message, :state, :attempts, :next, :reason, :detail,"
                        + " :errorAt, :finalAt)")
                .bind("id", e.id())
                .bind("seq", e.sequence())
                .bind("channel", e.channel())
                .bind("key", e.idempotencyKey())
                .bind("ordering", e.orderingKey())
                .bind("created", e.createdAt().toEpochMilli())
                .bind("message", MessageJson.write(e.message()));
        bindState(insert, e.state()).execute();
    }

    @Override
    public List<OutboxEntry> pending() {
        return database.withHandle(
                handle -> handle.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE state = 'pending' ORDER BY seq")
                        .map((rs, ctx) -> read(rs))
                        .list());
    }

    @Override
    public boolean record(String id, DeliveryState state) {
        return database.inTransaction(handle -> bindState(
                                handle.createUpdate("UPDATE outbox SET state = :state, attempts = :attempts,"
                                        + " next_attempt_at = :next, error_reason = :reason, error_detail = :detail,"
                                        + " error_at = :errorAt, final_at = :finalAt WHERE id = :id"),
                                state)
                        .bind("id", id)
                        .execute())
                > 0;
    }

    private static Update bindState(Update update, DeliveryState state) {
        Long next = null;
        Optional<DeliveryError> error = Optional.empty();
        Long finalAt = null;
        String name;
        switch (state) {
            case Pending p -> {
                name = "pending";
                next = p.nextAttemptAt().toEpochMilli();
                error = p.lastError();
            }
            case Delivered d -> {
                name = "delivered";
                finalAt = d.at().toEpochMilli();
            }
            case Abandoned a -> {
                name = "abandoned";
                error = Optional.of(new DeliveryError(a.reason(), a.detail(), a.at()));
                finalAt = a.at().toEpochMilli();
            }
        }
        return update.bind("state", name)
                .bind("attempts", state.attempts())
                .bind("next", next)
                .bind("reason", error.map(DeliveryError::reason).orElse(null))
                .bind("detail", error.map(DeliveryError::detail).orElse(null))
                .bind("errorAt", error.map(x -> x.at().toEpochMilli()).orElse(null))
                .bind("finalAt", finalAt);
    }

    private static OutboxEntry read(ResultSet rs) throws SQLException {
        return new OutboxEntry(
                rs.getString("id"),
                rs.getString("channel"),
                rs.getString("idempotency_key"),
                rs.getString("ordering_key"),
                MessageJson.read(rs.getString("message_json")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getLong("seq"),
                readState(rs));
    }

    private static DeliveryState readState(ResultSet rs) throws SQLException {
        int attempts = rs.getInt("attempts");
        String state = rs.getString("state");
        return switch (state) {
            case "pending" -> new Pending(attempts, Instant.ofEpochMilli(rs.getLong("next_attempt_at")), readError(rs));
            case "delivered" -> new Delivered(Instant.ofEpochMilli(rs.getLong("final_at")), attempts);
            case "abandoned" ->
                new Abandoned(
                        rs.getString("error_reason"),
                        rs.getString("error_detail"),
                        attempts,
                        Instant.ofEpochMilli(rs.getLong("final_at")));
            default ->
                throw new IllegalStateException("outbox entry " + rs.getString("id") + " has state '" + state
                        + "': expected pending, delivered or abandoned");
        };
    }

    private static Optional<DeliveryError> readError(ResultSet rs) throws SQLException {
        long at = rs.getLong("error_at");
        if (rs.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryError(
                rs.getString("error_reason"), rs.getString("error_detail"), Instant.ofEpochMilli(at)));
    }

    @Override
    public List<ChannelStatus> status() {
        return database.withHandle(handle -> new OutboxStatusQuery(handle).run());
    }

    @Override
    public List<OutboxEntry> history(String channel, int limit) {
        return database.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM outbox WHERE channel = :channel ORDER BY seq DESC LIMIT :limit")
                .bind("channel", channel)
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list());
    }

    @Override
    public int prune(Instant finalBefore) {
        return database.inTransaction(
                handle -> handle.createUpdate("DELETE FROM outbox WHERE state <> 'pending' AND final_at < :before")
                        .bind("before", finalBefore.toEpochMilli())
                        .execute());
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
