package dev.steward.core.flap;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether flap detection is on for a check and its thresholds, in percent of weighted state changes: a check starts
 * flapping above {@code high} and stops at or below {@code low}. Icinga 2's defaults (30 and 25); off unless asked
 * for, as in Icinga 2.
 */
public record FlapSettings(boolean enabled, double high, double low) {
    public static final double DEFAULT_HIGH = 30;
    public static final double DEFAULT_LOW = 25;
    public static final FlapSettings OFF = new FlapSettings(false, DEFAULT_HIGH, DEFAULT_LOW);
    public static final FlapSettings ON = new FlapSettings(true, DEFAULT_HIGH, DEFAULT_LOW);

    public FlapSettings {
        List<String> errors = problems(high, low);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
    }

    /** What is wrong with these thresholds, every problem at once (for a configuration reader); empty when valid. */
    public static List<String> problems(double high, double low) {
        List<String> out = new ArrayList<>();
        if (!(high > 0 && high <= 100)) {
            out.add("high: got " + high + ", expected a percentage above 0 and at most 100");
        }
        if (!(low >= 0 && low <= 100)) {
            out.add("low: got " + low + ", expected a percentage from 0 to 100");
        }
        if (out.isEmpty() && low > high) {
            out.add("low: got " + low + ", expected at most high (" + high + ")");
        }
        return out;
    }
}
