package dev.steward.probe.http;

import dev.steward.core.probe.Failure;
import java.time.Duration;

/** What {@link HttpFetcher#fetch} gives: an answer to judge, or the reason there is none. */
public sealed interface FetchOutcome {

    record Answered(HttpAnswer answer) implements FetchOutcome {}

    record Failed(Duration latency, Failure failure) implements FetchOutcome {}
}
