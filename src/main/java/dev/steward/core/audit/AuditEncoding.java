package dev.steward.core.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The canonical bytes that are hashed and signed, so that any implementation (or a script) can recompute them: a
 * version tag, then each field as a 4-byte big-endian length followed by its UTF-8 bytes. Numbers (sequence, epoch
 * milliseconds) are written as decimal ASCII. Length prefixes make the encoding unambiguous: no choice of field
 * contents can make two different records encode alike.
 *
 * <ul>
 *   <li>record: {@code "steward-audit-record/1"}, seq, at (epoch ms), actor, source, action, target, before, after,
 *       prevHash; hash = lowercase hex SHA-256 of those bytes.
 *   <li>checkpoint: {@code "steward-audit-checkpoint/1"}, seq, hash, at (epoch ms); signature = lowercase hex
 *       HMAC-SHA256 of those bytes under the audit key.
 * </ul>
 */
public final class AuditEncoding {
    static final String RECORD_TAG = "steward-audit-record/1";
    static final String CHECKPOINT_TAG = "steward-audit-checkpoint/1";
    private static final HexFormat HEX = HexFormat.of();

    private AuditEncoding() {}

    /** The bytes {@code hash} is computed over: every field of the record but the hash itself. */
    public static byte[] record(
            long seq,
            Instant at,
            String actor,
            String source,
            String action,
            String target,
            String before,
            String after,
            String prevHash) {
        return encode(
                RECORD_TAG,
                Long.toString(seq),
                Long.toString(at.toEpochMilli()),
                actor,
                source,
                action,
                target,
                before,
                after,
                prevHash);
    }

    /** The bytes a checkpoint's signature is computed over. */
    public static byte[] checkpoint(long seq, String hash, Instant at) {
        return encode(CHECKPOINT_TAG, Long.toString(seq), hash, Long.toString(at.toEpochMilli()));
    }

    /** The hash a record with these fields must carry. */
    static String hash(long seq, AuditDraft d, String prevHash) {
        return sha256(
                record(seq, d.at(), d.actor(), d.source(), d.action(), d.target(), d.before(), d.after(), prevHash));
    }

    static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String hmacSha256(byte[] key, byte[] bytes) {
        if (key.length == 0) {
            throw new IllegalArgumentException("the audit key is empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(bytes));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256: " + e, e);
        }
    }

    private static byte[] encode(String... fields) {
        byte[][] utf8 = new byte[fields.length][];
        int size = 0;
        for (int i = 0; i < fields.length; i++) {
            utf8[i] = fields[i].getBytes(StandardCharsets.UTF_8);
            size += Integer.BYTES + utf8[i].length;
        }
        ByteBuffer out = ByteBuffer.allocate(size); // big-endian, as documented
        for (byte[] b : utf8) {
            out.putInt(b.length).put(b);
        }
        return out.array();
    }
}
