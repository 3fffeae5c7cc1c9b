package dev.steward.engine;

import dev.steward.core.check.CheckState;
import dev.steward.core.check.CheckStatusChanged;
import dev.steward.core.check.ProbeResult;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.CheckId;
import dev.steward.core.flap.FlapEvent;
import dev.steward.core.flap.FlapPolicy;
import dev.steward.core.flap.FlapState;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Flap detection of the checks that ask for it ({@code flapping:} in the stack file): each result counts as a change
 * when its verdict (passed or failed) differs from the previous one, as Icinga compares consecutive results; the pure
 * {@link FlapPolicy} decides, and its transitions go to {@code events}. Called on the probes' threads, in order per
 * check; the state of a check is kept while it exists and restarts empty after a restart (20 results rebuild it).
 */
public final class FlapSink implements ResultSink {
    private final BiConsumer<CheckConfig, FlapEvent> events;
    private final Map<CheckId, Entry> states = new HashMap<>();

    private record Entry(FlapState state, boolean lastPassed) {}

    public FlapSink(BiConsumer<CheckConfig, FlapEvent> events) {
        this.events = events;
    }

    @Override
    public void accept(CheckConfig check, ProbeResult result, CheckState state, Optional<CheckStatusChanged> change) {
        Optional<FlapEvent> event;
        synchronized (states) {
            Entry before = states.get(check.id());
            if (!check.flapping().enabled() && (before == null || !(before.state() instanceof FlapState.Flapping))) {
                states.remove(check.id());
                return;
            }
            boolean changed = before != null && before.lastPassed() != result.success();
            FlapPolicy.Step step = FlapPolicy.next(
                    check.flapping(), before == null ? FlapState.INITIAL : before.state(), changed, result.at());
            states.put(check.id(), new Entry(step.state(), result.success()));
            event = step.event();
        }
        event.ifPresent(e -> events.accept(check, e));
    }

    /** Whether the check is flapping now. */
    public boolean flapping(CheckId check) {
        synchronized (states) {
            Entry e = states.get(check);
            return e != null && e.state() instanceof FlapState.Flapping;
        }
    }
}
