package dev.steward.notify.email;

import dev.steward.core.config.Secret;
import dev.steward.notify.ConfigMap;
import dev.steward.notify.Globals;
import dev.steward.notify.Settings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code email_configs} entry: {@code to} (required, comma-separated addresses), {@code from}, {@code smarthost}
 * ({@code host:port}), {@code hello}, {@code auth_username}, {@code auth_password}/{@code auth_password_file}, {@code
 * require_tls} (STARTTLS), {@code force_implicit_tls} (TLS from the first byte; default: when the port is 465), {@code
 * headers}, {@code send_resolved} (default false), and Steward's {@code timeout}. Each defaults to its {@code
 * global.smtp_*} counterpart. Alertmanager's templated {@code html}/{@code text}, {@code auth_secret} (CRAM-MD5) and
 * {@code tls_config} are not supported.
 */
public record EmailConfig(
        List<InternetAddress> to,
        InternetAddress from,
        String host,
        int port,
        String hello,
        Optional<String> authUsername,
        Optional<Secret> authPassword,
        boolean requireTls,
        boolean implicitTls,
        Map<String, String> headers,
        Duration timeout,
        boolean sendResolved) {
    public static final List<String> KEYS = List.of(
            "to",
            "from",
            "smarthost",
            "hello",
            "auth_username",
            "auth_password",
            "auth_password_file",
            "require_tls",
            "force_implicit_tls",
            "headers",
            "send_resolved",
            "timeout");

    public EmailConfig {
        to = List.copyOf(to);
        headers = Map.copyOf(headers);
    }

    public static Optional<EmailConfig> read(ConfigMap m, Settings settings) {
        m.allow(KEYS);
        Globals g = settings.global();
        List<InternetAddress> to = m.text("to").map(t -> addresses(m, "to", t)).orElse(List.of());
        if (!m.has("to")) {
            m.missing("to", "the recipients' addresses");
        }
        Optional<InternetAddress> from = m.text("from").or(g::smtpFrom).flatMap(f -> address(m, "from", f));
        if (!m.has("from") && g.smtpFrom().isEmpty()) {
            m.missing("from", "the sender's address (or global.smtp_from)");
        }
        String hostPort = m.hostPort("smarthost").or(g::smtpSmarthost).orElse("");
        if (!m.has("smarthost") && g.smtpSmarthost().isEmpty()) {
            m.missing("smarthost", "host:port of the SMTP server (or global.smtp_smarthost)");
        }
        int colon = hostPort.lastIndexOf(':');
        String host = colon > 0 ? hostPort.substring(0, colon) : hostPort;
        int port = colon > 0 && hostPort.substring(colon + 1).matches("[0-9]{1,5}")
                ? Integer.parseInt(hostPort.substring(colon + 1))
                : 25;
        Optional<String> user = m.text("auth_username").or(g::smtpAuthUsername);
        Optional<Secret> password = m.secret("auth_password").or(g::smtpAuthPassword);
        EmailConfig c = new EmailConfig(
                to,
                from.orElse(null),
                host,
                port,
                m.text("hello").orElse(g.smtpHello()),
                user,
                password,
                m.bool("require_tls").orElse(g.smtpRequireTls()),
                m.bool("force_implicit_tls").orElse(port == 465),
                m.texts("headers"),
                m.duration("timeout").orElse(settings.timeout()),
                m.bool("send_resolved").orElse(false));
        return from.isPresent() && !to.isEmpty() && !hostPort.isEmpty() ? Optional.of(c) : Optional.empty();
    }

    static List<InternetAddress> addresses(ConfigMap m, String key, String text) {
        try {
            return List.of(InternetAddress.parse(text, true));
        } catch (AddressException e) {
            m.error(key, "invalid e-mail address", '"' + text + '"', "addresses such as ops@example.org, a@b.org");
            return List.of();
        }
    }

    static Optional<InternetAddress> address(ConfigMap m, String key, String text) {
        List<InternetAddress> list = addresses(m, key, text);
        if (list.size() > 1) {
            m.error(key, "more than one address", '"' + text + '"', "one address");
        }
        return list.stream().findFirst();
    }
}
