package dev.steward.engine;

import dev.steward.core.check.CheckState;
import dev.steward.core.check.CheckStatusChanged;
import dev.steward.core.check.ProbeResult;
import dev.steward.core.config.CheckConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Feeds the status page policy: a check's change of state (heard as a {@link ResultSink}) makes the next {@link
 * #runDue} evaluate the page's components at once; without changes it evaluates every {@link #EVERY} anyway, so that
 * maintenance windows opening and closing (which change no check) reach the page too. Evaluation runs on the
 * caller's thread (the daemon's alerting thread, or a test's tick), never on a probe's.
 */
public final class StatusPageLoop implements ResultSink {
    public static final Duration EVERY = Duration.ofSeconds(15);

    /** One evaluation of the page at {@code now}: component statuses to the policy, its decisions to the store. */
    @FunctionalInterface
    public interface Evaluation {
        void run(Instant now);
    }

    private final Evaluation evaluation;
    private final AtomicBoolean changed = new AtomicBoolean(true);
    private Instant last;

    public StatusPageLoop(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public void accept(CheckConfig check, ProbeResult result, CheckState state, Optional<CheckStatusChanged> change) {
        if (change.isPresent()) {
            changed.set(true);
        }
    }

    /** Something else changed what the page shows (a reload): evaluate at the next {@link #runDue}. */
    public void changed() {
        changed.set(true);
    }

    /** Evaluates when a check changed since the last run, or {@link #EVERY} after it; returns whether it did. */
    public synchronized boolean runDue(Instant now) {
        boolean due = last == null || !now.isBefore(last.plus(EVERY));
        if (!changed.getAndSet(false) && !due) {
            return false;
        }
        last = now;
        evaluation.run(now);
        return true;
    }
}
