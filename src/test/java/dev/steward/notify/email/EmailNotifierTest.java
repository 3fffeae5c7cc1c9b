package dev.steward.notify.email;

import static dev.steward.notify.SampleMessages.firing;
import static dev.steward.notify.SampleMessages.message;
import static dev.steward.notify.SampleMessages.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.steward.core.notify.MessageKind;
import dev.steward.notify.Configured;
import dev.steward.notify.Notifier;
import dev.steward.notify.Notifier.Delivery;
import dev.steward.notify.Notifiers;
import dev.steward.notify.SampleMessages;
import dev.steward.routefile.Receiver;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailNotifierTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("steward", "pw"));

    Notifier email(Map<String, Object> extra) {
        Map<String, Object> config = new LinkedHashMap<>(Map.of(
                "to", "ops@example.org, lead@example.org",
                "from", "steward@example.org",
                "smarthost", "127.0.0.1:" + MAIL.getSmtp().getPort(),
                "require_tls", "false"));
        config.putAll(extra);
        Receiver r = new Receiver("mail", Map.of("email_configs", List.of(config)));
        var built = Notifiers.forReceiver(r, SampleMessages.settings(Map.of("SMTP_PASSWORD", "pw")));
        assertThat(built.errors()).isEmpty();
        return ((Configured.Valid<List<Notifier>>) built).value().getFirst();
    }

    @Test
    void sendsSubjectBodyAndRecipientsWithTheKeyAsMessageId() throws Exception {
        Delivery d = email(Map.of()).deliver(message(MessageKind.TRIGGERED, firing("a:80")), "outbox-17/1");

        assertThat(d).isInstanceOf(Delivery.Delivered.class);
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient mailbox
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("[TRIGGERED] critical: API down (service=api)");
        assertThat(mail.getContent().toString())
                .contains("Since: 2027-12-31T23:50:00Z (for 12m)")
                .contains("Acknowledge: https://steward.example/ack/inc-7?sig=s1")
                .contains("Runbook: https://runbooks.example/api-down");
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString))
                .containsExactly("ops@example.org", "lead@example.org");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("steward@example.org");
        assertThat(mail.getMessageID()).isEqualTo("<outbox-17/1@steward>");
        assertThat(mail.getHeader(EmailNotifier.IDEMPOTENCY_HEADER, null)).isEqualTo("outbox-17/1");
        assertThat(mail.getHeader("References", null)).isEqualTo("<incident-inc-7@steward>");
    }

    @Test
    void logsInWithTheConfiguredCredentials() {
        Notifier n = email(Map.of("auth_username", "steward", "auth_password", "${env:SMTP_PASSWORD}"));

        assertThat(n.deliver(message(MessageKind.TRIGGERED, firing("a:80")), "k"))
                .isInstanceOf(Delivery.Delivered.class);
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
    }

    @Test
    void configuredHeadersAreAdded() throws Exception {
        email(Map.of("headers", Map.of("X-Team", "platform")))
                .deliver(message(MessageKind.TRIGGERED, firing("a:80")), "k");

        assertThat(MAIL.getReceivedMessages()[0].getHeader("X-Team", null)).isEqualTo("platform");
    }

    @Test
    void resolvedMessagesAreSentOnlyWhenAskedFor() throws Exception {
        email(Map.of()).deliver(message(MessageKind.RESOLVED, resolved("a:80")), "k1");
        assertThat(MAIL.getReceivedMessages()).isEmpty();

        email(Map.of("send_resolved", "true")).deliver(message(MessageKind.RESOLVED, resolved("a:80")), "k2");
        assertThat(MAIL.getReceivedMessages()[0].getSubject()).startsWith("[RESOLVED]");
    }

    @Test
    void aServerWithoutStartTlsIsRefusedWhenTlsIsRequired() {
        Delivery d = email(Map.of("require_tls", "true")).deliver(message(MessageKind.TRIGGERED, firing("a:80")), "k");

        assertThat(d).isInstanceOfSatisfying(Delivery.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo("tls");
            assertThat(f.retryable()).isFalse();
        });
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerMayBeRetried() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        Delivery d = email(Map.of("smarthost", "127.0.0.1:" + port))
                .deliver(message(MessageKind.TRIGGERED, firing("a:80")), "k");

        assertThat(d).isInstanceOfSatisfying(Delivery.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo("connect");
            assertThat(f.retryable()).isTrue();
        });
    }

    @Test
    void messageIdsKeepOnlyAtomCharacters() {
        assertThat(MessageIds.of("a b<c>@d")).isEqualTo("<a-b-c--d@steward>");
    }
}
