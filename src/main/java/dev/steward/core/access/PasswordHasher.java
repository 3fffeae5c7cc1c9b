package dev.steward.core.access;

/** A slow, salted password hash; the adapter picks the algorithm and its cost. */
public interface PasswordHasher {
    /** A self-describing hash of {@code password} with a fresh salt. */
    String hash(String password);

    /** Whether {@code password} matches {@code hash}; false, never an exception, for a malformed hash. */
    boolean matches(String password, String hash);

    /** Whether {@code hash} has a form this hasher can check (for the stack file's {@code password_hash}). */
    boolean recognises(String hash);
}
