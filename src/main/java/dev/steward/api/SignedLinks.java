package dev.steward.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links in notifications that act on an incident without logging in ("acknowledge"): the link carries the incident,
 * the action and an expiry, signed with HMAC-SHA256 under a key only the daemon knows. Opening the link shows a page
 * with a button; only the button's POST acts, so mail scanners that prefetch links acknowledge nothing.
 */
public final class SignedLinks {
    /** How long a link in a notification works. */
    public static final Duration VALIDITY = Duration.ofDays(7);

    private final byte[] key;
    private final String baseUrl;

    public SignedLinks(byte[] key, String baseUrl) {
        if (key.length < 16) {
            throw new IllegalArgumentException("link key of " + key.length + " bytes; expected at least 16");
        }
        this.key = key.clone();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** What a valid token allows. */
    public record Grant(String incidentId, String action, Instant expires) {}

    public String token(String incidentId, String action, Instant expires) {
        String payload = incidentId + "|" + action + "|" + expires.getEpochSecond();
        String encoded =
                Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + sign(payload);
    }

    /** The link that performs {@code action} on the incident, valid until {@code now + VALIDITY}. */
    public String link(String incidentId, String action, Instant now) {
        return baseUrl + "/act/" + token(incidentId, action, now.plus(VALIDITY));
    }

    /** The grant a token carries, empty when it is malformed, forged or expired at {@code now}. */
    public Optional<Grant> verify(String token, Instant now) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return now.isBefore(expires) ? Optional.of(new Grant(parts[0], parts[1], expires)) : Optional.empty();
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
