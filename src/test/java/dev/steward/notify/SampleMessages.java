package dev.steward.notify;

import dev.steward.core.notify.Message;
import dev.steward.core.notify.Message.AlertLine;
import dev.steward.core.notify.MessageKind;
import dev.steward.testing.ManualClock;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Messages and settings for notifier tests. */
public final class SampleMessages {
    public static final Instant SINCE = Instant.parse("2027-12-31T23:50:00Z");
    public static final Instant AT = Instant.parse("2028-01-01T00:02:00Z");
    public static final HttpClient HTTP = Notifiers.httpClient();

    private SampleMessages() {}

    public static AlertLine firing(String instance) {
        return new AlertLine(
                Map.of("alertname", "ApiDown", "service", "api", "instance", instance, "severity", "critical"),
                Map.of("summary", "API does not answer", "runbook_url", "https://runbooks.example/api-down"),
                true,
                SINCE,
                Optional.empty(),
                Optional.of("0"),
                Optional.of("http://steward.example/graph?g0.expr=up"));
    }

    public static AlertLine resolved(String instance) {
        return new AlertLine(
                Map.of("alertname", "ApiDown", "service", "api", "instance", instance, "severity", "critical"),
                Map.of("summary", "API does not answer"),
                false,
                SINCE,
                Optional.of(AT),
                Optional.empty(),
                Optional.empty());
    }

    public static Message message(MessageKind kind, AlertLine... alerts) {
        return new Message(
                kind,
                "inc-7",
                "API down",
                "critical",
                Map.of("alertname", "ApiDown", "service", "api"),
                SINCE,
                AT,
                List.of(alerts),
                Optional.of("https://steward.example/ack/inc-7?sig=s1"),
                Optional.empty());
    }

    /** Settings with the given environment, no secret files, a manual clock at {@link #AT}. */
    public static Settings settings(Map<String, String> env) {
        SecretResolver secrets = SecretResolver.of(
                name -> Optional.ofNullable(env.get(name)),
                path -> {
                    throw new java.io.IOException("no such file");
                },
                Path.of("/etc/steward"));
        return Settings.of(HTTP, new ManualClock(AT), secrets).withExternalUrl("https://steward.example");
    }
}
