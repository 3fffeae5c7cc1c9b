package dev.steward.core.oncall;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * Local wall-clock times turned into instants by one rule, used for hand-offs, restrictions, overrides and the
 * command line: a local time stands for <em>the first instant at which the clocks of the zone show that time or a
 * later one</em>. So 02:30 on a spring-forward night, a time that does not exist, is the instant the clocks jump
 * (03:00 new time in Europe/Berlin); 02:30 on a fall-back night, which happens twice, is the first of the two.
 */
public final class WallTime {
    private WallTime() {}

    public static Instant reach(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return local.atZone(zone).toInstant(); // in an overlap: the earlier offset, i.e. the first occurrence
    }

    /**
     * Parses an instant written as RFC 3339 ({@code 2026-11-29T03:00:00Z}, {@code 2026-11-29T03:00+01:00}, seconds
     * optional, {@code T} or a space), or as a local date-time and a zone ({@code 2026-11-29T03:00 Europe/Berlin}),
     * or as a local date-time alone ({@code T} or a space) when {@code defaultZone} is given.
     */
    public static Optional<Instant> parse(String text, Optional<ZoneId> defaultZone) {
        String s = text.strip();
        Optional<Instant> rfc = offsetDateTime(s).or(() -> offsetDateTime(s.replaceFirst(" ", "T")));
        if (rfc.isPresent()) {
            return rfc;
        }
        int space = s.lastIndexOf(' ');
        if (space > 0) {
            Optional<ZoneId> zone = zone(s.substring(space + 1));
            Optional<LocalDateTime> local = localDateTime(s.substring(0, space).strip());
            if (zone.isPresent()) {
                return local.map(l -> reach(l, zone.get()));
            }
        }
        return defaultZone.flatMap(z -> localDateTime(s).map(l -> reach(l, z)));
    }

    public static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> offsetDateTime(String s) {
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDateTime> localDateTime(String s) {
        try {
            return Optional.of(LocalDateTime.parse(s.replace(' ', 'T')));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
