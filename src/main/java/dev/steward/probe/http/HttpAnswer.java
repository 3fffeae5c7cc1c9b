package dev.steward.probe.http;

import dev.steward.core.expect.Observation;
import dev.steward.core.expect.Value;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The final answer of an HTTP exchange, after redirects.
 *
 * @param body the body decoded with the charset of {@code Content-Type} (UTF-8 if none), at most {@link
 *     HttpFetcher#BODY_CAP} bytes of it
 * @param bodyBytes how many bytes of body were read
 * @param truncated whether the body was longer than the cap (the rest was not read)
 * @param redirects how many redirects were followed to get here
 */
public record HttpAnswer(
        int status,
        String httpVersion,
        Map<String, List<String>> headers,
        String body,
        long bodyBytes,
        boolean truncated,
        int redirects,
        Optional<TlsFacts> tls,
        Duration latency) {

    /**
     * The facts every HTTP-based probe reports: {@code status}, {@code latency}, {@code body} (document and text),
     * every header, {@code content_length}, {@code body_truncated}, {@code redirects}, {@code http_version} and, for
     * HTTPS, {@code cert_expiry}, {@code cert_not_after} and {@code tls_version}.
     */
    public Observation.Builder facts() {
        Observation.Builder b = Observation.builder()
                .fact("status", Value.num(status))
                .fact("latency", Value.dur(latency))
                .document("body", body)
                .fact("content_length", Value.num(bodyBytes))
                .fact("body_truncated", Value.bool(truncated))
                .fact("redirects", Value.num(redirects))
                .fact("http_version", Value.text(httpVersion));
        headers.forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        tls.ifPresent(t -> b.fact("cert_expiry", Value.dur(t.expiry()))
                .fact("cert_not_after", Value.num(t.earliestNotAfter().getEpochSecond()))
                .fact("tls_version", Value.text(t.protocol())));
        return b;
    }
}
