package dev.steward.probe.http;

import dev.steward.core.config.ProbeSpec.Tls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One {@link HttpClient} per distinct TLS configuration, created on first use and reused by every probe with that
 * configuration, so connections are kept alive across probes. Every client speaks HTTP/1.1 (no h2c upgrade dance with
 * simple targets, one connection per concurrent probe, like blackbox_exporter's default), never follows redirects
 * itself (the fetcher counts them) and runs its callbacks on virtual threads.
 */
final class HttpClientCache implements AutoCloseable {
    private final Map<Tls, HttpClient> clients = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /** The client for {@code tls}; fails when its CA file cannot be read or holds no certificate. */
    HttpClient forTls(Tls tls) throws IOException, GeneralSecurityException {
        try {
            return clients.computeIfAbsent(tls, this::create);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof GeneralSecurityException g) {
                throw g;
            }
            throw e;
        }
    }

    private HttpClient create(Tls tls) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor);
        try {
            if (tls.insecureSkipVerify()) {
                builder.sslContext(TlsContexts.insecure());
            } else if (tls.caFile().isPresent()) {
                builder.sslContext(TlsContexts.trusting(tls.caFile().get()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return builder.build();
    }

    @Override
    public void close() {
        clients.values().forEach(HttpClient::shutdownNow);
        clients.clear();
        executor.shutdownNow();
    }
}
