package dev.steward.probe.http;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.core.probe.Prober;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code http} probe: one request (plus the redirects it follows), reported as facts ({@code status}, {@code
 * latency}, {@code body}, headers, {@code cert_expiry}...). A bad status is not a failure here: the core judges it.
 */
public final class HttpProber implements Prober<ProbeSpec.Http> {
    private final HttpFetcher fetcher;

    /** @param fetcher the shared fetcher; this prober does not close it */
    public HttpProber(HttpFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    @Override
    public ProbeObservation probe(ProbeSpec.Http spec, Duration timeout) {
        FetchRequest request = new FetchRequest(
                spec.method(),
                spec.url(),
                spec.headers(),
                spec.body(),
                spec.followRedirects(),
                spec.tls(),
                spec.auth());
        return switch (fetcher.fetch(request, timeout)) {
            case FetchOutcome.Answered(HttpAnswer answer) ->
                ProbeObservation.answered(answer.latency(), answer.facts().build());
            case FetchOutcome.Failed(Duration latency, var failure) -> ProbeObservation.failed(latency, failure);
        };
    }
}
