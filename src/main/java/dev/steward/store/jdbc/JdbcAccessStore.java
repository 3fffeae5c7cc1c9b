package dev.steward.store.jdbc;

import dev.steward.core.access.AccessStore;
import dev.steward.core.access.ApiToken;
import dev.steward.core.access.Role;
import dev.steward.core.access.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code access_user} and {@code api_token} tables; tokens are kept only as the hash of their text. */
public final class JdbcAccessStore implements AccessStore {
    private static final String TOKEN_COLUMNS = "id, name, role, hash, created_at_ms, expires_at_ms, last_used_at_ms";
    private final Database database;

    public JdbcAccessStore(Database database) {
        this.database = database;
    }

    @Override
    public Optional<User> user(String name) {
        return database.withHandle(
                h -> h.createQuery("SELECT name, role, password_hash FROM access_user WHERE name = :name")
                        .bind("name", name)
                        .map((rs, ctx) -> user(rs))
                        .findOne());
    }

    @Override
    public List<User> users() {
        return database.withHandle(h -> h.createQuery("SELECT name, role, password_hash FROM access_user ORDER BY name")
                .map((rs, ctx) -> user(rs))
                .list());
    }

    @Override
    public boolean addUser(User user) {
        return database.inTransaction(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM access_user WHERE name = :name")
                            .bind("name", user.name())
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            if (exists) {
                return false;
            }
            h.createUpdate("INSERT INTO access_user (name, role, password_hash) VALUES (:name, :role, :hash)")
                    .bind("name", user.name())
                    .bind("role", user.role().label())
                    .bind("hash", user.passwordHash())
                    .execute();
            return true;
        });
    }

    @Override
    public boolean removeUser(String name) {
        return database.inTransaction(h -> h.createUpdate("DELETE FROM access_user WHERE name = :name")
                        .bind("name", name)
                        .execute())
                > 0;
    }

    @Override
    public Optional<ApiToken> token(String id) {
        return database.withHandle(h -> h.createQuery("SELECT " + TOKEN_COLUMNS + " FROM api_token WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> token(rs))
                .findOne());
    }

    @Override
    public List<ApiToken> tokens() {
        return database.withHandle(
                h -> h.createQuery("SELECT " + TOKEN_COLUMNS + " FROM api_token ORDER BY created_at_ms, id")
                        .map((rs, ctx) -> token(rs))
                        .list());
    }

    @Override
    public void addToken(ApiToken t) {
        database.inTransaction(h -> h.createUpdate("INSERT INTO api_token (" + TOKEN_COLUMNS
                        + ") VALUES (:id, :name, :role, :hash, :created, :expires, :used)")
                .bind("id", t.id())
                .bind("name", t.name())
                .bind("role", t.role().label())
                .bind("hash", t.hash())
                .bind("created", t.createdAt().toEpochMilli())
                .bind("expires", t.expiresAt().map(Instant::toEpochMilli).orElse(null))
                .bind("used", t.lastUsedAt().map(Instant::toEpochMilli).orElse(null))
                .execute());
    }

    @Override
    public boolean removeToken(String id) {
        return database.inTransaction(h -> h.createUpdate("DELETE FROM api_token WHERE id = :id")
                        .bind("id", id)
                        .execute())
                > 0;
    }

    @Override
    public void markUsed(String tokenId, Instant at) {
        database.inTransaction(h -> h.createUpdate("UPDATE api_token SET last_used_at_ms = :at WHERE id = :id")
                .bind("id", tokenId)
                .bind("at", at.toEpochMilli())
                .execute());
    }

    @Override
    public boolean anyCredential() {
        return database.withHandle(h -> h.createQuery(
                                "SELECT (SELECT COUNT(*) FROM access_user) + (SELECT COUNT(*) FROM api_token)")
                        .mapTo(Long.class)
                        .one())
                > 0;
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString(1), role(rs.getString(2)), rs.getString(3), User.Source.STORE);
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(
                rs.getString(1),
                rs.getString(2),
                role(rs.getString(3)),
                rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)),
                millis(rs, 6),
                millis(rs, 7));
    }

    private static Optional<Instant> millis(ResultSet rs, int column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
    }

    private static Role role(String label) {
        return Role.parse(label).orElseThrow(() -> new IllegalStateException("stored role " + label + " is unknown"));
    }
}
