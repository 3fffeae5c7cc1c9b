package dev.steward.notify.slack;

import static dev.steward.notify.SampleMessages.firing;
import static dev.steward.notify.SampleMessages.message;
import static dev.steward.notify.SampleMessages.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.notify.MessageKind;
import dev.steward.notify.Configured;
import dev.steward.notify.Notifier;
import dev.steward.notify.Notifier.Delivery;
import dev.steward.notify.Notifiers;
import dev.steward.notify.RecordingServer;
import dev.steward.notify.SampleMessages;
import dev.steward.routefile.Receiver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SlackNotifierTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    final RecordingServer server = new RecordingServer();

    SlackNotifierTest() throws Exception {}

    @AfterEach
    void stop() {
        server.close();
    }

    Notifier slack(Map<String, Object> extra) {
        Map<String, Object> config = new LinkedHashMap<>(
                Map.of("api_url", server.url("/services/T0/B0/secret").toString()));
        config.putAll(extra);
        Receiver r = new Receiver("chat", Map.of("slack_configs", List.of(config)));
        var built = Notifiers.forReceiver(r, SampleMessages.settings(Map.of()));
        assertThat(built.errors()).isEmpty();
        return ((Configured.Valid<List<Notifier>>) built).value().getFirst();
    }

    @Test
    void postsTheSubjectAsTextAndTheBodyInARedAttachmentWithButtons() {
        Notifier n = slack(Map.of("channel", "#ops", "username", "steward", "icon_emoji", ":rotating_light:"));

        assertThat(n.deliver(message(MessageKind.TRIGGERED, firing("a:80")), "out-1"))
                .isInstanceOf(Delivery.Delivered.class);

        JsonNode body = JSON.readTree(server.only().body());
        assertThat(server.only().path()).isEqualTo("/services/T0/B0/secret");
        assertThat(body.get("channel").asString()).isEqualTo("#ops");
        assertThat(body.get("username").asString()).isEqualTo("steward");
        assertThat(body.get("icon_emoji").asString()).isEqualTo(":rotating_light:");
        assertThat(body.get("text").asString()).isEqualTo("[TRIGGERED] critical: API down (service=api)");
        JsonNode attachment = body.get("attachments").get(0);
        assertThat(attachment.get("color").asString()).isEqualTo(SlackPayload.RED);
        JsonNode section = attachment.get("blocks").get(0);
        assertThat(section.get("text").get("type").asString()).isEqualTo("mrkdwn");
        assertThat(section.get("text").get("text").asString())
                .contains("*Where:* service=api")
                .contains("<https://runbooks.example/api-down|https://runbooks.example/api-down>");
        assertThat(attachment.get("blocks").get(1).get("elements").findValuesAsString("url"))
                .containsExactly("https://steward.example/ack/inc-7?sig=s1", "https://runbooks.example/api-down");
    }

    @Test
    void coloursFollowTheState() {
        assertThat(SlackPayload.color(message(MessageKind.RESOLVED))).isEqualTo(SlackPayload.GREEN);
        assertThat(SlackPayload.color(message(MessageKind.ACKNOWLEDGED))).isEqualTo(SlackPayload.BLUE);
        assertThat(SlackPayload.color(message(MessageKind.FLAPPING))).isEqualTo(SlackPayload.ORANGE);
    }

    @Test
    void resolvedMessagesAreSentOnlyWhenAskedForAsInAlertmanager() {
        slack(Map.of()).deliver(message(MessageKind.RESOLVED, resolved("a:80")), "out-2");
        assertThat(server.requests()).isEmpty();

        slack(Map.of("send_resolved", "true")).deliver(message(MessageKind.RESOLVED, resolved("a:80")), "out-3");
        assertThat(JSON.readTree(server.only().body())
                        .get("attachments")
                        .get(0)
                        .get("color")
                        .asString())
                .isEqualTo(SlackPayload.GREEN);
    }

    @Test
    void escapesSlacksControlCharactersButKeepsLinks() {
        assertThat(SlackPayload.escape("a < b & c > d <https://x.example/a?b=1&c=2|runbook>"))
                .isEqualTo("a &lt; b &amp; c &gt; d <https://x.example/a?b=1&c=2|runbook>");
    }

    @Test
    void aMissingWebhookAnswers404AndIsNotRetried() {
        server.answering(404, "no_service");

        Delivery d = slack(Map.of()).deliver(message(MessageKind.TRIGGERED, firing("a:80")), "out-4");

        assertThat(d).isInstanceOfSatisfying(Delivery.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo("status 404");
            assertThat(f.retryable()).isFalse();
            assertThat(f.detail()).doesNotContain("secret");
        });
    }
}
