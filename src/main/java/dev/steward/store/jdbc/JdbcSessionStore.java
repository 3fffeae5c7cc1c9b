package dev.steward.store.jdbc;

import dev.steward.core.access.Session;
import dev.steward.core.access.SessionStore;
import java.time.Instant;
import java.util.Optional;

/** The {@code console_session} table: console logins, kept by the hash of their cookie's secret. */
public final class JdbcSessionStore implements SessionStore {
    private static final String COLUMNS = "id, user_name, csrf, created_at_ms, last_seen_at_ms, expires_at_ms, address";
    private final Database database;

    public JdbcSessionStore(Database database) {
        this.database = database;
    }

    @Override
    public void add(Session s) {
        database.inTransaction(h -> h.createUpdate("INSERT INTO console_session (" + COLUMNS
                        + ") VALUES (:id, :user, :csrf, :created, :seen, :expires, :address)")
                .bind("id", s.id())
                .bind("user", s.user())
                .bind("csrf", s.csrf())
                .bind("created", s.createdAt().toEpochMilli())
                .bind("seen", s.lastSeenAt().toEpochMilli())
                .bind("expires", s.expiresAt().toEpochMilli())
                .bind("address", s.address())
                .execute());
    }

    @Override
    public Optional<Session> session(String id) {
        return database.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM console_session WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Session(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        Instant.ofEpochMilli(rs.getLong(5)),
                        Instant.ofEpochMilli(rs.getLong(6)),
                        rs.getString(7)))
                .findOne());
    }

    @Override
    public void touch(String id, Instant at) {
        database.inTransaction(h -> h.createUpdate("UPDATE console_session SET last_seen_at_ms = :at WHERE id = :id")
                .bind("id", id)
                .bind("at", at.toEpochMilli())
                .execute());
    }

    @Override
    public boolean remove(String id) {
        return database.inTransaction(h -> h.createUpdate("DELETE FROM console_session WHERE id = :id")
                        .bind("id", id)
                        .execute())
                > 0;
    }

    @Override
    public int removeUser(String user) {
        return database.inTransaction(h -> h.createUpdate("DELETE FROM console_session WHERE user_name = :user")
                .bind("user", user)
                .execute());
    }

    @Override
    public int removeExpired(Instant now, Instant idleBefore) {
        return database.inTransaction(h -> h.createUpdate(
                        "DELETE FROM console_session WHERE expires_at_ms <= :now OR last_seen_at_ms < :idle")
                .bind("now", now.toEpochMilli())
                .bind("idle", idleBefore.toEpochMilli())
                .execute());
    }
}
