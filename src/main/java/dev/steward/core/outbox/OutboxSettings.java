package dev.steward.core.outbox;

import java.time.Duration;
import java.util.Optional;

/**
 * How the outbox retries and gives up. An entry is abandoned on a failure that is not retryable, after {@code
 * maxAttempts} attempts, or once it is {@code maxAge} old (one last attempt is made at that age). After {@code
 * fallbackAfter} failed attempts, or when abandoned before that, a copy goes to {@code fallbackChannel} when one is
 * set. Final entries are pruned {@code retention} after they became final.
 */
public record OutboxSettings(
        Backoff backoff,
        int maxAttempts,
        Duration maxAge,
        Optional<String> fallbackChannel,
        int fallbackAfter,
        Duration retention) {
    public static final OutboxSettings DEFAULT =
            new OutboxSettings(Backoff.DEFAULT, 1000, Duration.ofHours(24), Optional.empty(), 3, Duration.ofDays(7));

    public OutboxSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1, got " + maxAttempts);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("max age must be positive, got " + maxAge);
        }
        if (fallbackAfter < 1) {
            throw new IllegalArgumentException(
                    "fallback after must be at least 1 failed attempt, got " + fallbackAfter);
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative, got " + retention);
        }
    }

    public OutboxSettings withFallback(String channel, int afterFailures) {
        return new OutboxSettings(backoff, maxAttempts, maxAge, Optional.of(channel), afterFailures, retention);
    }

    public OutboxSettings withBackoff(Backoff next) {
        return new OutboxSettings(next, maxAttempts, maxAge, fallbackChannel, fallbackAfter, retention);
    }

    public OutboxSettings withLimits(int attempts, Duration age) {
        return new OutboxSettings(backoff, attempts, age, fallbackChannel, fallbackAfter, retention);
    }
}
