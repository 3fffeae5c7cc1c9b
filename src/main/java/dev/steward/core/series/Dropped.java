package dev.steward.core.series;

/** What one retention or budget pass removed. */
public record Dropped(long chunks, long samples, long series) {
    public static final Dropped NOTHING = new Dropped(0, 0, 0);
}
