package dev.steward.engine;

import dev.steward.core.check.CheckState;
import dev.steward.core.check.CheckStatusChanged;
import dev.steward.core.check.ProbeResult;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.history.CheckEvent;
import dev.steward.core.history.CheckEventStore;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import java.util.Locale;
import java.util.Optional;

/** Records every status change of a check in the event store (the check's timeline), and restores states from it. */
public final class HistorySink implements ResultSink {
    private final CheckEventStore events;

    public HistorySink(CheckEventStore events) {
        this.events = events;
    }

    @Override
    public void accept(CheckConfig check, ProbeResult result, CheckState state, Optional<CheckStatusChanged> change) {
        change.ifPresent(
                c -> events.append(new CheckEvent(c.at(), c.check(), c.from().name(), c.to().name(), c.reason())));
    }

    /** The state a check was last known to be in, from its latest recorded change. */
    public static Optional<CheckState> restore(CheckEvent latest) {
        return switch (latest.toState()) {
            case "UP" -> Optional.of(new CheckState.Up(latest.at(), 0, Optional.empty()));
            case "DOWN" -> Optional.of(new CheckState.Down(latest.at(), failureOf(latest.reason()), 0));
            default -> Optional.empty();
        };
    }

    /** Reasons are written as {@code kind: message} by {@link Failure#describe()}. */
    static Failure failureOf(String reason) {
        int colon = reason.indexOf(':');
        if (colon > 0) {
            try {
                FailureKind kind =
                        FailureKind.valueOf(reason.substring(0, colon).toUpperCase(Locale.ROOT));
                return Failure.of(kind, reason.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                // not a kind: keep the whole reason below
            }
        }
        return Failure.of(FailureKind.PROTOCOL, reason);
    }
}
