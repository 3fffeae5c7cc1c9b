package dev.steward.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of Steward's webhooks, for receivers to check that a request comes from Steward and is fresh. Steward
 * sends {@code X-Steward-Timestamp: <unix seconds>} and {@code X-Steward-Signature: sha256=<hex>}, where hex is the
 * lower-case HMAC-SHA256, keyed with the configured secret, of the timestamp, a dot, and the raw request body (the
 * bytes as received, before any JSON parsing). Signing the timestamp lets a receiver refuse replays: it checks the
 * signature, then that the timestamp is within a few minutes of its own clock.
 */
public final class WebhookSignature {
    public static final String TIMESTAMP_HEADER = "X-Steward-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Steward-Signature";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    /** {@code sha256=<hex>} for {@code body} sent at {@code epochSeconds}. */
    public static String sign(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * Whether {@code signature} is the signature of {@code body} at {@code timestamp} (the two header values as
     * received) and the timestamp is no further than {@code tolerance} from {@code now}. Compares in constant time.
     */
    public static boolean verify(
            String secret, String timestamp, String signature, byte[] body, Instant now, Duration tolerance) {
        if (timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")) {
            return false;
        }
        long seconds = Long.parseLong(timestamp);
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] expected = sign(secret, seconds, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
