package dev.steward.engine;

import dev.steward.core.silence.Silence;
import dev.steward.core.silence.Silences;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which silences' creators are due a reminder that their silence ends soon, once per silence and end: a silence
 * extended after its reminder is reminded again before its new end. A silence shorter than the lead earns none (its
 * creator just set it). Not thread-safe: {@link RouteLoop} calls it under its lock.
 */
final class SilenceReminders {
    private final Duration lead;
    private Set<String> reminded = Set.of();

    SilenceReminders(Duration lead) {
        if (lead.isNegative() || lead.isZero()) {
            throw new IllegalArgumentException("the reminder lead must be positive, got " + lead);
        }
        this.lead = lead;
    }

    /** The reminders due at {@code now}; each is returned once. */
    List<SilenceEnding> due(Silences current, Instant now) {
        Set<String> next = new HashSet<>();
        List<SilenceEnding> out = new ArrayList<>();
        for (Silence s : current.endingWithin(now, lead)) {
            if (!remindable(s)) {
                continue;
            }
            String k = key(s);
            next.add(k);
            if (!reminded.contains(k)) {
                out.add(new SilenceEnding(s, Duration.between(now, s.endsAt()), now));
            }
        }
        reminded = next;
        return out;
    }

    /** When this silence's reminder is due, if it is still to come. */
    java.util.Optional<Instant> dueAt(Silence s) {
        return remindable(s) && !reminded.contains(key(s))
                ? java.util.Optional.of(s.endsAt().minus(lead))
                : java.util.Optional.empty();
    }

    private boolean remindable(Silence s) {
        return s.startsAt().isBefore(s.endsAt().minus(lead));
    }

    private static String key(Silence s) {
        return s.id() + "@" + s.endsAt();
    }
}
