package dev.steward.core.deploy;

import java.time.Instant;

/**
 * The running tally of an analysis in one step or validation window: measurements taken, those with enough data,
 * failed, inconclusive and insufficient ones, query errors in a row, and when the next measurement is due.
 */
public record AnalysisRun(
        int measurements,
        int withData,
        int failures,
        int inconclusive,
        int insufficient,
        int errorsInARow,
        Instant nextAt) {

    public static AnalysisRun startingAt(Instant first) {
        return new AnalysisRun(0, 0, 0, 0, 0, 0, first);
    }

    /** The tally after {@code verdict}, with the next measurement at {@code next}. */
    public AnalysisRun after(GateVerdict verdict, Instant next) {
        return switch (verdict) {
            case GateVerdict.Passed p ->
                new AnalysisRun(measurements + 1, withData + 1, failures, inconclusive, insufficient, 0, next);
            case GateVerdict.Failed f ->
                new AnalysisRun(measurements + 1, withData + 1, failures + 1, inconclusive, insufficient, 0, next);
            case GateVerdict.Inconclusive i ->
                new AnalysisRun(measurements + 1, withData + 1, failures, inconclusive + 1, insufficient, 0, next);
            case GateVerdict.InsufficientData d ->
                new AnalysisRun(measurements + 1, withData, failures, inconclusive, insufficient + 1, 0, next);
            case GateVerdict.QueryError e ->
                new AnalysisRun(
                        measurements + 1, withData, failures, inconclusive, insufficient, errorsInARow + 1, next);
        };
    }
}
