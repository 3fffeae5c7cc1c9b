package dev.steward.store.jdbc;

import dev.steward.core.config.CheckId;
import dev.steward.core.history.CheckEvent;
import dev.steward.core.history.CheckEventStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link CheckEventStore} in the {@code check_event} table; the generated id orders events of the same millisecond. */
public final class JdbcCheckEventStore implements CheckEventStore {
    private static final String SELECT = "SELECT service, check_name, at_ms, from_state, to_state, reason"
            + " FROM check_event WHERE service = :service AND check_name = :check";
    private static final String NEWEST_FIRST = " ORDER BY at_ms DESC, id DESC";

    private final Database database;

    public JdbcCheckEventStore(Database database) {
        this.database = database;
    }

    @Override
    public void append(CheckEvent event) {
        database.inTransaction(handle -> handle.createUpdate("INSERT INTO check_event"
                        + " (service, check_name, at_ms, from_state, to_state, reason)"
                        + " VALUES (:service, :check, :at, :from, :to, :reason)")
                .bind("service", event.check().service())
                .bind("check", event.check().check())
                .bind("at", event.at().toEpochMilli())
                .bind("from", event.fromState())
                .bind("to", event.toState())
                .bind("reason", event.reason())
                .execute());
    }

    /** One transaction (one sync to disk) for the whole batch: a start writes one event per check. */
    @Override
    public void appendAll(List<CheckEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        database.inTransaction(handle -> {
            var batch = handle.prepareBatch("INSERT INTO check_event"
                    + " (service, check_name, at_ms, from_state, to_state, reason)"
                    + " VALUES (:service, :check, :at, :from, :to, :reason)");
            for (CheckEvent event : events) {
                batch.bind("service", event.check().service())
                        .bind("check", event.check().check())
                        .bind("at", event.at().toEpochMilli())
                        .bind("from", event.fromState())
                        .bind("to", event.toState())
                        .bind("reason", event.reason())
                        .add();
            }
            return batch.execute().length;
        });
    }

    @Override
    public List<CheckEvent> list(CheckId check, Instant from, Instant to, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        return database.withHandle(handle -> handle.createQuery(
                        SELECT + " AND at_ms >= :from AND at_ms < :to" + NEWEST_FIRST + " LIMIT :limit")
                .bind("service", check.service())
                .bind("check", check.check())
                .bind("from", JdbcRollupStore.ceilMillis(from))
                .bind("to", JdbcRollupStore.ceilMillis(to))
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list());
    }

    @Override
    public Optional<CheckEvent> latest(CheckId check) {
        return database.withHandle(handle -> handle.createQuery(SELECT + NEWEST_FIRST + " LIMIT 1")
                .bind("service", check.service())
                .bind("check", check.check())
                .map((rs, ctx) -> read(rs))
                .findOne());
    }

    @Override
    public int deleteBefore(Instant before) {
        return database.inTransaction(handle -> handle.createUpdate("DELETE FROM check_event WHERE at_ms < :before")
                .bind("before", JdbcRollupStore.ceilMillis(before))
                .execute());
    }

    private static CheckEvent read(ResultSet rs) throws SQLException {
        return new CheckEvent(
                Instant.ofEpochMilli(rs.getLong("at_ms")),
                new CheckId(rs.getString("service"), rs.getString("check_name")),
                rs.getString("from_state"),
                rs.getString("to_state"),
                rs.getString("reason"));
    }
}
