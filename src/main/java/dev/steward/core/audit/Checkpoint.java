package dev.steward.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A signed statement "the record at {@code seq} has hash {@code hash}", made at {@code at}. Since every hash covers
 * the one before it, a checkpoint vouches for the whole log up to {@code seq}: records cannot be rewritten or cut off
 * up to there without the key. Records after the last checkpoint are covered by the chain only, so deleting the tail
 * after it cannot be told from a log that simply ended there.
 *
 * @param signature lowercase hex HMAC-SHA256 of {@link AuditEncoding#checkpoint} under the audit key
 */
public record Checkpoint(long seq, String hash, Instant at, String signature) {
    public Checkpoint {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(signature, "signature");
    }

    /** A checkpoint of {@code record}, made at {@code at} (to the millisecond) and signed with {@code key}. */
    public static Checkpoint sign(AuditRecord record, Instant at, byte[] key) {
        Instant ms = at.truncatedTo(ChronoUnit.MILLIS);
        return new Checkpoint(record.seq(), record.hash(), ms, signatureOf(record.seq(), record.hash(), ms, key));
    }

    /** Whether the signature is the one {@code key} gives, compared in constant time. */
    public boolean isSignedWith(byte[] key) {
        return java.security.MessageDigest.isEqual(
                signatureOf(seq, hash, at, key).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String signatureOf(long seq, String hash, Instant at, byte[] key) {
        return AuditEncoding.hmacSha256(key, AuditEncoding.checkpoint(seq, hash, at));
    }
}
