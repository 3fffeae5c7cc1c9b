package dev.steward.core.expect;

/** A parsed {@code expect} condition. Evaluation is pure and never throws: a missing fact is a failed verdict. */
public interface Condition {

    Verdict evaluate(Observation observation);

    /** The condition as the user wrote it (normalised whitespace), for messages. */
    String source();
}
