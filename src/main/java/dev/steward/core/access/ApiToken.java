package dev.steward.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API token as stored: its secret only as a SHA-256 hash. Tokens carry 256 random bits, so a fast hash is enough
 * (a slow one is for passwords people choose); the id in the token text finds the row without scanning.
 *
 * @param hash hex SHA-256 of the whole token text
 */
public record ApiToken(
        String id,
        String name,
        Role role,
        String hash,
        Instant createdAt,
        Optional<Instant> expiresAt,
        Optional<Instant> lastUsedAt) {
    public static final String PREFIX = "stw_";
    private static final Pattern ID = Pattern.compile("[a-z0-9]{8,32}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{32,128}");
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._:@-]{0,63}");

    /** A token just made: the stored record and the text shown once to whoever created it. */
    public record Issued(ApiToken token, String text) {}

    /**
     * Makes a token from random parts the caller drew ({@code id}: lower-case letters and digits; {@code secret}:
     * base64url), valid for {@code validFor} from {@code now}, or forever when empty.
     */
    public static Issued issue(
            String id, String secret, String name, Role role, Instant now, Optional<Duration> validFor) {
        if (!ID.matcher(id).matches() || !SECRET.matcher(secret).matches()) {
            throw new IllegalArgumentException("token id or secret has the wrong form");
        }
        String text = PREFIX + id + "_" + secret;
        return new Issued(
                new ApiToken(id, name, role, sha256(text), now, validFor.map(now::plus), Optional.empty()), text);
    }

    /** The id in a presented token text, if it has the token form at all. */
    public static Optional<String> idOf(String text) {
        if (!text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int end = text.indexOf('_', PREFIX.length());
        if (end < 0) {
            return Optional.empty();
        }
        String id = text.substring(PREFIX.length(), end);
        String secret = text.substring(end + 1);
        return ID.matcher(id).matches() && SECRET.matcher(secret).matches() ? Optional.of(id) : Optional.empty();
    }

    /** Whether {@code text} is this token and it has not expired at {@code now}; compared in constant time. */
    public Optional<String> rejects(String text, Instant now) {
        byte[] presented = sha256(text).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(presented, hash.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("invalid token");
        }
        if (expiresAt.isPresent() && !now.isBefore(expiresAt.get())) {
            return Optional.of("token " + name + " expired at " + expiresAt.get());
        }
        return Optional.empty();
    }

    public ApiToken usedAt(Instant at) {
        return new ApiToken(id, name, role, hash, createdAt, expiresAt, Optional.of(at));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
