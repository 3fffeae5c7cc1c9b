package dev.steward.probe.health;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.expect.Observation;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.core.probe.Prober;
import dev.steward.probe.http.FetchOutcome;
import dev.steward.probe.http.FetchRequest;
import dev.steward.probe.http.HttpAnswer;
import dev.steward.probe.http.HttpFetcher;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code health} probe. Reports the HTTP facts of the fetch plus {@code health.status} (as written), {@code
 * health.healthy} and {@code health.format}, and one component status per component. A DOWN document (Actuator
 * answers it with 503) is an answer, not a probe failure; a body that is not a health document is a PROTOCOL failure
 * that still carries the HTTP facts.
 */
public final class HealthProber implements Prober<ProbeSpec.Health> {
    private final HttpFetcher fetcher;

    /** @param fetcher the shared fetcher; this prober does not close it */
    public HealthProber(HttpFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    @Override
    public ProbeObservation probe(ProbeSpec.Health spec, Duration timeout) {
        FetchRequest request = FetchRequest.get(spec.url(), spec.headers(), spec.tls(), spec.auth());
        return switch (fetcher.fetch(request, timeout)) {
            case FetchOutcome.Failed(Duration latency, var failure) -> ProbeObservation.failed(latency, failure);
            case FetchOutcome.Answered(HttpAnswer answer) -> judge(spec, answer);
        };
    }

    private static ProbeObservation judge(ProbeSpec.Health spec, HttpAnswer answer) {
        Observation.Builder facts = answer.facts();
        return switch (HealthDocument.read(answer.body())) {
            case HealthDocument.Reading.Unreadable(String reason) ->
                new ProbeObservation(
                        answer.latency(),
                        facts.build(),
                        Optional.of(Failure.of(
                                FailureKind.PROTOCOL,
                                HttpFetcher.display(spec.url()) + " answered " + answer.status()
                                        + " with no health document: " + reason)),
                        List.of());
            case HealthDocument.Reading.Read(HealthDocument doc) ->
                new ProbeObservation(
                        answer.latency(),
                        facts.fact("health.status", Value.text(doc.status()))
                                .fact("health.healthy", Value.bool(doc.healthy()))
                                .fact("health.format", Value.text(doc.format()))
                                .build(),
                        Optional.empty(),
                        doc.components());
        };
    }
}
