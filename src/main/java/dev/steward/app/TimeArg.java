package dev.steward.app;

import dev.steward.core.oncall.WallTime;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses command-line instants: {@code now}; RFC 3339 ({@code 2026-11-29T03:00:00Z}, {@code 2026-11-29T03:00+01:00},
 * seconds optional); or a local date-time and an IANA zone ({@code "2026-11-29T03:00 Europe/Berlin"}, resolved by
 * {@link WallTime#reach}: a time skipped by a spring-forward change means the instant the clocks jump, a time that
 * happens twice means the first one). A local time without a zone is refused rather than guessed.
 */
final class TimeArg {
    static final String EXPECTED = "now, an RFC 3339 time such as 2026-11-29T03:00:00Z or 2026-11-29T03:00+01:00,"
            + " or a local time and a zone such as \"2026-11-29T03:00 Europe/Berlin\"";

    private TimeArg() {}

    static Optional<Instant> parse(String text, InstantSource clock) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.strip().equals("now")) {
            return Optional.of(clock.instant());
        }
        return WallTime.parse(text, Optional.empty());
    }

    /** The zone to show times in: the one written, the offset written, or UTC. */
    static ZoneId zone(String text) {
        if (text == null) {
            return ZoneOffset.UTC;
        }
        String s = text.strip();
        int space = s.lastIndexOf(' ');
        if (space > 0) {
            Optional<ZoneId> z = WallTime.zone(s.substring(space + 1));
            if (z.isPresent()) {
                return z.get();
            }
        }
        try {
            return OffsetDateTime.parse(s.replaceFirst(" ", "T")).getOffset();
        } catch (DateTimeParseException e) {
            return ZoneOffset.UTC;
        }
    }
}
