package dev.steward.engine;

import dev.steward.core.silence.Silence;
import java.time.Duration;
import java.time.Instant;

/** A reminder to a silence's creator that it ends soon: "silence S by alice expires in 15m (comment)". */
public record SilenceEnding(Silence silence, Duration left, Instant at) {
    public String message() {
        long minutes = Math.max(0, (left.toSeconds() + 59) / 60);
        return "silence " + silence.id() + " by " + silence.createdBy() + " expires in " + minutes + "m ("
                + silence.comment() + ")";
    }
}
