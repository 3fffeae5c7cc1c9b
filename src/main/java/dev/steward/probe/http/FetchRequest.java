package dev.steward.probe.http;

import dev.steward.core.config.ProbeSpec.Auth;
import dev.steward.core.config.ProbeSpec.Tls;
import dev.steward.core.config.Secret;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** One HTTP request as the HTTP-based probes describe it. Header values and credentials stay {@link Secret}s. */
public record FetchRequest(
        String method,
        URI url,
        Map<String, Secret> headers,
        Optional<String> body,
        boolean followRedirects,
        Tls tls,
        Optional<Auth> auth) {

    /** A GET that follows redirects, as the health and Elasticsearch probes make. */
    public static FetchRequest get(URI url, Map<String, Secret> headers, Tls tls, Optional<Auth> auth) {
        return new FetchRequest("GET", url, headers, Optional.empty(), true, tls, auth);
    }
}
