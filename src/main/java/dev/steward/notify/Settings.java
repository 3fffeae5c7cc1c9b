package dev.steward.notify;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;

/**
 * What notifiers are built with: the shared HTTP client (HTTP/1.1, made by the composition root, see {@link
 * Notifiers#httpClient()}), wall time (for webhook signatures), how secrets resolve, the configuration file's name
 * (errors carry it), Steward's external URL (links back, Alertmanager's {@code externalURL}), the default timeout of
 * one delivery attempt, and the {@code global} defaults.
 */
public record Settings(
        HttpClient http,
        InstantSource clock,
        SecretResolver secrets,
        String source,
        String externalUrl,
        Duration timeout,
        Globals global) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public Settings {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(global, "global");
    }

    /** Alertmanager's global defaults, a 10 s timeout, no external URL, errors attributed to alertmanager.yml. */
    public static Settings of(HttpClient http, InstantSource clock, SecretResolver secrets) {
        return new Settings(http, clock, secrets, "alertmanager.yml", "", DEFAULT_TIMEOUT, Globals.DEFAULT);
    }

    /** These settings with the defaults of a {@code global} section, or its errors. */
    public Configured<Settings> withGlobal(Map<String, Object> raw) {
        return switch (Globals.read(raw, source, secrets)) {
            case Configured.Valid<Globals> v ->
                new Configured.Valid<>(new Settings(http, clock, secrets, source, externalUrl, timeout, v.value()));
            case Configured.Invalid<Globals> i -> new Configured.Invalid<>(i.errors());
        };
    }

    public Settings withSource(String name) {
        return new Settings(http, clock, secrets, name, externalUrl, timeout, global);
    }

    public Settings withExternalUrl(String url) {
        return new Settings(http, clock, secrets, source, url, timeout, global);
    }

    public Settings withTimeout(Duration d) {
        return new Settings(http, clock, secrets, source, externalUrl, d, global);
    }
}
