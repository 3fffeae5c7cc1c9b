package dev.steward.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that tests move by hand. Also a monotonic nano ticker that moves with it. */
public final class ManualClock implements InstantSource {
    private volatile Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public Instant advance(Duration d) {
        now = now.plus(d);
        return now;
    }

    public long nanos() {
        Instant n = now;
        return n.getEpochSecond() * 1_000_000_000L + n.getNano();
    }
}
