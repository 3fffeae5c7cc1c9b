package dev.steward.notify;

import dev.steward.core.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The credentials an HTTP notifier sends, from an {@code http_config} section as Alertmanager writes it ({@code
 * basic_auth}, {@code authorization}, {@code bearer_token}). The secrets print redacted.
 */
public sealed interface HttpAuth {
    HttpAuth NONE = new None();

    /** The {@code Authorization} header value, empty when none is sent. */
    Optional<String> header();

    record None() implements HttpAuth {
        @Override
        public Optional<String> header() {
            return Optional.empty();
        }
    }

    record Basic(String username, Secret password) implements HttpAuth {
        @Override
        public Optional<String> header() {
            String pair = username + ":" + password.reveal();
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** {@code Authorization: <type> <credentials>}, type {@code Bearer} unless configured. */
    record Credentials(String type, Secret credentials) implements HttpAuth {
        @Override
        public Optional<String> header() {
            return Optional.of(type + " " + credentials.reveal());
        }
    }
}
