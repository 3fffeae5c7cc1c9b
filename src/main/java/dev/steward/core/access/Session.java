package dev.steward.core.access;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A console login: the browser holds the session's secret in a cookie; Steward keeps only its SHA-256 ({@code id}),
 * so a copy of the database cannot be replayed as a login. Each session has its own CSRF token, which every change made
 * through it must send back.
 *
 * @param id the SHA-256 (hex) of the cookie's secret
 * @param user the user name the session acts for (its role is read from the user at each request)
 * @param lastSeenAt refreshed at most once a minute, see {@link #touchDue}
 * @param expiresAt the absolute end, whatever the activity
 */
public record Session(
        String id, String user, String csrf, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String address) {

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** How long a session lives: idle for at most {@code idle}, in all at most {@code absolute}. */
    public record Lifetime(Duration idle, Duration absolute) {
        public static final Lifetime DEFAULT = new Lifetime(Duration.ofHours(12), Duration.ofDays(7));

        public Lifetime {
            if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
                throw new IllegalArgumentException(
                        "session lifetime needs 0 < idle <= absolute, got idle " + idle + " and absolute " + absolute);
            }
        }
    }

    /** Why the session no longer authenticates at {@code now}, empty while it does. */
    public Optional<String> rejects(Instant now, Lifetime lifetime) {
        if (!now.isBefore(expiresAt)) {
            return Optional.of("session expired at " + expiresAt + "; log in again");
        }
        Instant idleEnd = lastSeenAt.plus(lifetime.idle());
        if (!now.isBefore(idleEnd)) {
            return Optional.of("session idle since " + lastSeenAt + "; log in again");
        }
        return Optional.empty();
    }

    /** Whether {@link #lastSeenAt} is old enough to be written again (one write a minute, not one per request). */
    public boolean touchDue(Instant now) {
        return !now.isBefore(lastSeenAt.plus(TOUCH_EVERY));
    }

    /** Whether {@code presented} is this session's CSRF token (compared in constant time). */
    public boolean csrfMatches(String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        csrf.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
