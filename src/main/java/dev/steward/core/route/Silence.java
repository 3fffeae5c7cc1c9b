package dev.steward.core.route;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.List;

/**
 * A silence as in Alertmanager: while active (from {@code startsAt} inclusive to {@code endsAt} exclusive) it mutes
 * every alert its matchers all match. Whether it is active is computed from the instant, never stored.
 */
public record Silence(
        String id, Matchers matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
    public boolean active(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    public boolean mutes(Labels alert, Instant now) {
        return active(now) && matchers.matches(alert);
    }

    /** Whether any of {@code silences} mutes {@code alert} at {@code now}. */
    public static boolean silenced(Labels alert, List<Silence> silences, Instant now) {
        for (Silence s : silences) {
            if (s.mutes(alert, now)) {
                return true;
            }
        }
        return false;
    }
}
