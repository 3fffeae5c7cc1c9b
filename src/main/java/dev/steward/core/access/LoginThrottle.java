package dev.steward.core.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: after {@code freeFailures} failed attempts for a key (a user name, a remote address),
 * each further failure blocks that key for twice as long as the previous one, up to {@code maxDelay}. A success clears
 * the key. Memory is bounded: keys quiet for longer than {@code maxDelay} are forgotten first. Not thread-safe; the
 * caller serialises access. Time comes from the caller.
 */
public final class LoginThrottle {
    /** The throttle's knobs. */
    public record Settings(int freeFailures, Duration firstDelay, Duration maxDelay, int maxKeys) {
        public static final Settings DEFAULT = new Settings(5, Duration.ofSeconds(1), Duration.ofMinutes(15), 10_000);
    }

    private record Failures(int count, Instant last, Instant blockedUntil) {}

    private final Settings settings;
    private final Map<String, Failures> keys = new HashMap<>();

    public LoginThrottle(Settings settings) {
        this.settings = settings;
    }

    /** Until when {@code key} is blocked, if it is at {@code now}. */
    public Optional<Instant> blockedUntil(String key, Instant now) {
        Failures f = keys.get(key);
        return f != null && now.isBefore(f.blockedUntil()) ? Optional.of(f.blockedUntil()) : Optional.empty();
    }

    /** Records a failed attempt for {@code key} at {@code now}. */
    public void failed(String key, Instant now) {
        Failures before = keys.get(key);
        if (before != null
                && !now.isBefore(before.last().plus(settings.maxDelay().multipliedBy(2)))) {
            before = null; // quiet long enough: start over
        }
        int count = before == null ? 1 : before.count() + 1;
        Instant until = now.plus(delay(count));
        if (before == null && keys.size() >= settings.maxKeys()) {
            evict(now);
        }
        keys.put(key, new Failures(count, now, until));
    }

    /** Clears {@code key} after a successful login. */
    public void succeeded(String key) {
        keys.remove(key);
    }

    /** The delay after the {@code count}-th failure: none for the free ones, then doubling up to the maximum. */
    Duration delay(int count) {
        int over = count - settings.freeFailures();
        if (over <= 0) {
            return Duration.ZERO;
        }
        Duration d = settings.firstDelay().multipliedBy(1L << Math.min(over - 1, 30));
        return d.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : d;
    }

    int size() {
        return keys.size();
    }

    private void evict(Instant now) {
        keys.values().removeIf(f -> !now.isBefore(f.last().plus(settings.maxDelay())));
        if (keys.size() >= settings.maxKeys()) {
            keys.entrySet().stream()
                    .min(Comparator.comparing(e -> e.getValue().last()))
                    .map(Map.Entry::getKey)
                    .ifPresent(keys::remove);
        }
    }
}
