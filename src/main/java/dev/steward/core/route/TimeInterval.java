package dev.steward.core.route;

import java.time.Instant;
import java.util.List;

/**
 * A named time interval ({@code time_intervals} in Alertmanager): the instant is inside when any of its periods
 * contains it. Used by routes' {@code mute_time_intervals} and {@code active_time_intervals}.
 */
public record TimeInterval(String name, List<TimePeriod> periods) {
    public TimeInterval {
        periods = List.copyOf(periods);
    }

    public boolean contains(Instant at) {
        for (TimePeriod p : periods) {
            if (p.contains(at)) {
                return true;
            }
        }
        return false;
    }
}
