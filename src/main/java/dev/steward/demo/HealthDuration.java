package dev.steward.demo;

/** Formats a duration as .NET's {@code TimeSpan} does in ASP.NET Core health JSON: {@code 00:00:00.0123456}. */
final class HealthDuration {
    private static final long NANOS_PER_TICK = 100;
    private static final long TICKS_PER_SECOND = 10_000_000;

    private HealthDuration() {}

    static String format(long nanos) {
        long ticks = nanos / NANOS_PER_TICK;
        long seconds = ticks / TICKS_PER_SECOND;
        long fraction = ticks % TICKS_PER_SECOND;
        return String.format("%02d:%02d:%02d.%07d", seconds / 3600, (seconds / 60) % 60, seconds % 60, fraction);
    }
}
