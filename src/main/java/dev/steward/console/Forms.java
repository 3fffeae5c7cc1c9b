package dev.steward.console;

import dev.steward.api.AccessControl;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** What the console's forms share: reading fields, times typed by people, and telling htmx requests apart. */
final class Forms {
    private Forms() {}

    /** Whether htmx sent the request (it then wants the changed fragment, not a whole page or a redirect). */
    static boolean htmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request"));
    }

    /** The form field {@code name}, stripped; empty when absent. */
    static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }

    /** Who acts: the logged-in user's or the token's name (in open mode, {@code local}). */
    static String actor(Context ctx) {
        return AccessControl.principal(ctx).map(p -> p.name()).orElse("console");
    }

    /**
     * A time as a person types it: what a {@code datetime-local} input sends ({@code 2026-11-24T14:30}), read as UTC
     * like every time the console shows, or an RFC 3339 time with its offset.
     */
    static Optional<Instant> time(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    /** {@code t} as a {@code datetime-local} value in UTC, to the minute. */
    static String local(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC)
                .withSecond(0)
                .withNano(0)
                .toString();
    }

    /** {@code t} as people read it: {@code 2026-11-24 14:30 UTC}. */
    static String utc(Instant t) {
        return local(t).replace('T', ' ') + " UTC";
    }
}
