package dev.steward.password;

import dev.steward.core.access.PasswordHasher;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Hashes new passwords with Argon2id (OWASP's minimum: 19 MiB of memory, 2 iterations, 1 lane) and checks both
 * Argon2 and bcrypt hashes. About 30 ms a check on a laptop core: that cost is the point, and why scripts should use
 * API tokens rather than HTTP Basic.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int LANES = 1;
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder argon2;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    public Argon2PasswordHasher() {
        this(MEMORY_KIB, ITERATIONS);
    }

    /** A cheaper hasher for tests that hash many passwords; production uses the defaults. */
    public Argon2PasswordHasher(int memoryKib, int iterations) {
        this.argon2 = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, LANES, memoryKib, iterations);
    }

    @Override
    public String hash(String password) {
        return argon2.encode(password);
    }

    @Override
    public boolean matches(String password, String hash) {
        if (!recognises(hash)) {
            return false;
        }
        try {
            return isBcrypt(hash) ? bcrypt.matches(password, hash) : argon2.matches(password, hash);
        } catch (RuntimeException e) {
            return false; // a malformed hash matches nothing
        }
    }

    @Override
    public boolean recognises(String hash) {
        return hash.startsWith("$argon2id$") || hash.startsWith("$argon2i$") || isBcrypt(hash);
    }

    private static boolean isBcrypt(String hash) {
        return hash.matches("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    }
}
