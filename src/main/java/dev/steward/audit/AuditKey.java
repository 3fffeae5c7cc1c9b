package dev.steward.audit;

import dev.steward.store.jdbc.JdbcSettingStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The key that signs audit checkpoints (HMAC-SHA256). The daemon uses a key file when one is configured, and
 * otherwise one generated once and kept in the store's {@code setting} table as {@value #SETTING}. A key kept in the
 * same database as the log protects against edits that do not also read that table; a key file outside the database
 * (readable by the daemon and by whoever verifies) is what makes a forged checkpoint impossible for someone who can
 * write the database.
 */
public final class AuditKey {
    public static final String SETTING = "audit_key";

    private AuditKey() {}

    /** The key's bytes: its text as UTF-8, surrounding white space removed (a key file may end with a newline). */
    public static byte[] bytes(String text) {
        return text.strip().getBytes(StandardCharsets.UTF_8);
    }

    /** The key in {@code file}; a missing, unreadable or empty file is an {@link IOException} that says which. */
    public static byte[] fromFile(Path file) throws IOException {
        byte[] key = bytes(Files.readString(file, StandardCharsets.UTF_8));
        if (key.length == 0) {
            throw new IOException("audit key file " + file + " is empty");
        }
        return key;
    }

    /** The key kept in the store, if one was ever generated. */
    public static Optional<byte[]> stored(JdbcSettingStore settings) {
        return settings.get(SETTING).map(AuditKey::bytes);
    }

    /** The key kept in the store, generated (32 random bytes, base64) and kept now if there is none yet. */
    public static byte[] storedOrCreated(JdbcSettingStore settings) {
        return bytes(settings.getOrCreateRandomKey(SETTING));
    }
}
