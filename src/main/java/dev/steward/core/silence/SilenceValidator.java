package dev.steward.core.silence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a silence request the way Alertmanager's API does (at least one matcher, valid label names and regular
 * expressions, not every matcher matching the empty string, an end after the start and not in the past) plus
 * Steward's own rules: a creator and a comment are required, and a silence lasts at most {@link
 * SilenceLimits#maxDuration()}. Every problem is reported, not only the first.
 */
public final class SilenceValidator {
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private SilenceValidator() {}

    /** The problems of {@code request} at {@code now}; empty when it may be applied. */
    public static List<SilenceError> validate(SilenceRequest request, Instant now, SilenceLimits limits) {
        List<SilenceError> errors = new ArrayList<>();
        checkMatchers(request.matchers(), errors);
        checkText("createdBy", request.createdBy(), "the name of whoever creates the silence", errors);
        checkText("comment", request.comment(), "a comment saying why the alerts are silenced", errors);
        checkTimes(request, now, limits, errors);
        return List.copyOf(errors);
    }

    private static void checkMatchers(List<SilenceMatcher> matchers, List<SilenceError> errors) {
        if (matchers.isEmpty()) {
            errors.add(new SilenceError("matchers", "[]", "at least one matcher"));
            return;
        }
        boolean allMatchEmpty = true;
        for (int i = 0; i < matchers.size(); i++) {
            SilenceMatcher m = matchers.get(i);
            String path = "matchers[" + i + "]";
            if (!LABEL_NAME.matcher(m.name()).matches()) {
                errors.add(new SilenceError(
                        path + ".name", quote(m.name()), "a label name matching [a-zA-Z_][a-zA-Z0-9_]*"));
                continue;
            }
            try {
                allMatchEmpty &= m.compile().matchesEmpty();
            } catch (IllegalArgumentException e) {
                errors.add(new SilenceError(
                        path + ".value", quote(m.value()), "a valid regular expression (" + e.getMessage() + ")"));
            }
        }
        if (allMatchEmpty && errors.isEmpty()) {
            errors.add(new SilenceError(
                    "matchers",
                    matchers.toString(),
                    "at least one matcher that does not match the empty string (these would silence every alert)"));
        }
    }

    private static void checkText(String field, String value, String expected, List<SilenceError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new SilenceError(field, value == null ? "nothing" : quote(value), expected));
        }
    }

    private static void checkTimes(
            SilenceRequest request, Instant now, SilenceLimits limits, List<SilenceError> errors) {
        Instant endsAt = request.endsAt();
        if (endsAt == null) {
            errors.add(new SilenceError("endsAt", "nothing", "the instant the silence ends"));
            return;
        }
        Instant startsAt = request.startsAt() == null ? now : request.startsAt();
        if (!endsAt.isAfter(startsAt)) {
            errors.add(new SilenceError("endsAt", endsAt.toString(), "an instant after startsAt " + startsAt));
        }
        if (endsAt.isBefore(now)) {
            errors.add(
                    new SilenceError("endsAt", endsAt.toString(), "an instant not in the past (now is " + now + ")"));
        }
        Instant effectiveStart = startsAt.isBefore(now) ? now : startsAt;
        Duration length = Duration.between(effectiveStart, endsAt);
        if (length.compareTo(limits.maxDuration()) > 0) {
            errors.add(new SilenceError(
                    "endsAt",
                    endsAt.toString(),
                    "at most " + limits.maxDuration() + " after " + effectiveStart + " (the maximum length of a"
                            + " silence; the silence asked for " + length + ")"));
        }
    }

    private static String quote(String s) {
        return '"' + s + '"';
    }
}
