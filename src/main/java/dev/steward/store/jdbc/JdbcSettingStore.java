package dev.steward.store.jdbc;

import java.util.Optional;
import java.util.function.Supplier;

/** The {@code setting} table: values generated once and kept (the link-signing key). */
public final class JdbcSettingStore {
    private final Database database;

    public JdbcSettingStore(Database database) {
        this.database = database;
    }

    public Optional<String> get(String name) {
        return database.withHandle(h -> h.createQuery("SELECT value FROM setting WHERE name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne());
    }

    /**
     * The key kept under {@code name}: 32 random bytes (base64), generated and stored the first time (signing keys such
     * as {@code link_key} and {@code audit_key}).
     */
    public String getOrCreateRandomKey(String name) {
        return getOrCreate(name, () -> {
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            return java.util.Base64.getEncoder().encodeToString(random);
        });
    }

    /**
     * The stored value of {@code name}, or {@code generated}'s value stored now. When two instances race, the first
     * insert wins and both return it.
     */
    public String getOrCreate(String name, Supplier<String> generated) {
        Optional<String> existing = get(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        String value = generated.get();
        try {
            database.inTransaction(h -> h.createUpdate("INSERT INTO setting (name, value) VALUES (:name, :value)")
                    .bind("name", name)
                    .bind("value", value)
                    .execute());
        } catch (RuntimeException e) {
            return get(name).orElseThrow(() -> e);
        }
        return get(name).orElseThrow();
    }
}
