package dev.steward.notify.email;

import dev.steward.core.notify.Message;
import dev.steward.core.notify.MessageKind;
import dev.steward.core.notify.MessageText;
import dev.steward.notify.Notifier;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends a plain-text mail over SMTP (Angus Mail): the subject and body of {@link MessageText}. The idempotency key
 * becomes the {@code Message-ID} (and an {@code X-Steward-Idempotency-Key} header), so a retried delivery that did
 * reach the server is recognisable as the same mail; every mail of one incident names the same root in {@code
 * References}, so mail clients thread them.
 */
public final class EmailNotifier implements Notifier {
    public static final String IDEMPOTENCY_HEADER = "X-Steward-Idempotency-Key";

    private final String channel;
    private final EmailConfig config;

    public EmailNotifier(String channel, EmailConfig config) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public Delivery deliver(Message message, String idempotencyKey) {
        if (message.kind() == MessageKind.RESOLVED && !config.sendResolved()) {
            return new Delivery.Delivered("not sent: send_resolved is false");
        }
        String protocol = config.implicitTls() ? "smtps" : "smtp";
        Session session = Session.getInstance(properties(protocol));
        try {
            MimeMessage mail = mail(session, message, idempotencyKey);
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect(
                        config.host(),
                        config.port(),
                        config.authUsername().orElse(null),
                        config.authPassword().map(s -> s.reveal()).orElse(null));
                transport.sendMessage(mail, mail.getAllRecipients());
            }
            return new Delivery.Delivered("accepted by " + config.host() + ":" + config.port() + " for "
                    + config.to().size() + " recipient(s)");
        } catch (MessagingException e) {
            return SmtpFailures.classify(e, config.host() + ":" + config.port());
        }
    }

    private MimeMessage mail(Session session, Message message, String idempotencyKey) throws MessagingException {
        MimeMessage mail = new KeyedMimeMessage(session, MessageIds.of(idempotencyKey));
        mail.setFrom(config.from());
        mail.setRecipients(jakarta.mail.Message.RecipientType.TO, config.to().toArray(InternetAddress[]::new));
        mail.setSubject(MessageText.subject(message), StandardCharsets.UTF_8.name());
        mail.setText(MessageText.body(message, MessageText.Style.PLAIN), StandardCharsets.UTF_8.name());
        mail.setSentDate(Date.from(message.at()));
        mail.setHeader(IDEMPOTENCY_HEADER, idempotencyKey);
        mail.setHeader("References", MessageIds.of("incident-" + message.incidentId()));
        mail.setHeader("X-Steward-Incident", message.incidentId());
        for (var h : config.headers().entrySet()) {
            mail.setHeader(h.getKey(), h.getValue());
        }
        return mail;
    }

    private Properties properties(String protocol) {
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        String millis = Long.toString(config.timeout().toMillis());
        p.setProperty(prefix + "connectiontimeout", millis);
        p.setProperty(prefix + "timeout", millis);
        p.setProperty(prefix + "writetimeout", millis);
        p.setProperty(prefix + "localhost", config.hello());
        p.setProperty(prefix + "auth", Boolean.toString(config.authUsername().isPresent()));
        if (!config.implicitTls()) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", Boolean.toString(config.requireTls()));
        } else {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return p;
    }

    @Override
    public String toString() {
        return "EmailNotifier[" + channel + "]";
    }

    /** A message whose {@code Message-ID} is ours rather than one Angus Mail makes up on saving. */
    private static final class KeyedMimeMessage extends MimeMessage {
        private final String messageId;

        KeyedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
