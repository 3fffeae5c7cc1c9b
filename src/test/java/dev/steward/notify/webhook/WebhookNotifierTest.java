package dev.steward.notify.webhook;

import static dev.steward.notify.SampleMessages.AT;
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
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookNotifierTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    final RecordingServer server = new RecordingServer();

    WebhookNotifierTest() throws Exception {}

    @AfterEach
    void stop() {
        server.close();
    }

    Notifier webhook(Map<String, Object> extra) {
        Map<String, Object> config =
                new LinkedHashMap<>(Map.of("url", server.url("/hook").toString()));
        config.putAll(extra);
        Receiver r = new Receiver("ops", Map.of("webhook_configs", List.of(config)));
        var built = Notifiers.forReceiver(r, SampleMessages.settings(Map.of("HOOK_SECRET", "s3cret")));
        assertThat(built.errors()).isEmpty();
        return ((Configured.Valid<List<Notifier>>) built).value().getFirst();
    }

    @Test
    void postsStewardsShapeSignedWithTheSecretAndKeyedForIdempotency() {
        Notifier n = webhook(Map.of("hmac_secret", "${env:HOOK_SECRET}"));

        Delivery d = n.deliver(message(MessageKind.TRIGGERED, firing("a:80"), resolved("b:80")), "out-1");

        assertThat(d).isInstanceOf(Delivery.Delivered.class);
        RecordingServer.Request r = server.only();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.headers()).containsEntry("idempotency-key", "out-1");
        assertThat(r.headers()).containsEntry("x-steward-timestamp", Long.toString(AT.getEpochSecond()));
        assertThat(WebhookSignature.verify(
                        "s3cret",
                        r.headers().get("x-steward-timestamp"),
                        r.headers().get("x-steward-signature"),
                        r.body(),
                        AT.plusSeconds(30),
                        Duration.ofMinutes(5)))
                .isTrue();
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("version").asString()).isEqualTo("1");
        assertThat(body.get("kind").asString()).isEqualTo("triggered");
        assertThat(body.get("receiver").asString()).isEqualTo("ops");
        assertThat(body.get("incident").asString()).isEqualTo("inc-7");
        assertThat(body.get("severity").asString()).isEqualTo("critical");
        assertThat(body.get("status").asString()).isEqualTo("firing");
        assertThat(body.get("groupLabels").get("service").asString()).isEqualTo("api");
        assertThat(body.get("ackUrl").asString()).isEqualTo("https://steward.example/ack/inc-7?sig=s1");
        assertThat(body.get("alerts")).hasSize(2);
        assertThat(body.get("alerts").get(0).get("runbookUrl").asString())
                .isEqualTo("https://runbooks.example/api-down");
        assertThat(body.get("alerts").get(0).get("endsAt").isNull()).isTrue();
        assertThat(body.get("alerts").get(1).get("status").asString()).isEqualTo("resolved");
    }

    @Test
    void sendsNoSignatureWithoutASecret() {
        webhook(Map.of()).deliver(message(MessageKind.TRIGGERED, firing("a:80")), "out-2");

        assertThat(server.only().headers()).doesNotContainKeys("x-steward-signature", "authorization");
    }

    @Test
    void alertmanagerFormatHasAlertmanagersFields() {
        Notifier n = webhook(Map.of("format", "alertmanager", "max_alerts", "1"));

        n.deliver(message(MessageKind.TRIGGERED, firing("a:80"), firing("b:80")), "out-3");

        JsonNode body = JSON.readTree(server.only().body());
        assertThat(body.get("version").asString()).isEqualTo("4");
        assertThat(body.get("groupKey").asString()).isEqualTo("inc-7");
        assertThat(body.get("truncatedAlerts").asInt()).isEqualTo(1);
        assertThat(body.get("status").asString()).isEqualTo("firing");
        assertThat(body.get("receiver").asString()).isEqualTo("ops");
        assertThat(body.get("externalURL").asString()).isEqualTo("https://steward.example");
        assertThat(body.get("groupLabels").get("alertname").asString()).isEqualTo("ApiDown");
        assertThat(body.get("commonLabels").get("service").asString()).isEqualTo("api");
        assertThat(body.get("commonLabels").has("instance")).isFalse();
        assertThat(body.get("commonAnnotations").get("summary").asString()).isEqualTo("API does not answer");
        JsonNode alert = body.get("alerts").get(0);
        assertThat(alert.get("status").asString()).isEqualTo("firing");
        assertThat(alert.get("labels").get("instance").asString()).isEqualTo("a:80");
        assertThat(alert.get("annotations").get("summary").asString()).isEqualTo("API does not answer");
        assertThat(alert.get("startsAt").asString()).isEqualTo("2027-12-31T23:50:00Z");
        assertThat(alert.get("endsAt").asString()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(alert.get("generatorURL").asString()).isEqualTo("http://steward.example/graph?g0.expr=up");
        assertThat(alert.get("fingerprint").asString()).matches("[0-9a-f]{16}");
    }

    @Test
    void resolvedGroupsHaveStatusResolvedAndAnEnd() {
        webhook(Map.of("format", "alertmanager")).deliver(message(MessageKind.RESOLVED, resolved("a:80")), "out-4");

        JsonNode body = JSON.readTree(server.only().body());
        assertThat(body.get("status").asString()).isEqualTo("resolved");
        assertThat(body.get("alerts").get(0).get("endsAt").asString()).isEqualTo("2028-01-01T00:02:00Z");
    }

    @Test
    void sendsBasicAuthFromHttpConfig() {
        Notifier n = webhook(Map.of("http_config", Map.of("basic_auth", Map.of("username", "u", "password", "p"))));

        n.deliver(message(MessageKind.TRIGGERED, firing("a:80")), "out-5");

        String expected = "Basic " + Base64.getEncoder().encodeToString("u:p".getBytes());
        assertThat(server.only().headers()).containsEntry("authorization", expected);
    }

    @Test
    void sendsABearerTokenFromAuthorization() {
        Notifier n =
                webhook(Map.of("http_config", Map.of("authorization", Map.of("credentials", "${env:HOOK_SECRET}"))));

        n.deliver(message(MessageKind.TRIGGERED, firing("a:80")), "out-6");

        assertThat(server.only().headers()).containsEntry("authorization", "Bearer s3cret");
    }

    @Test
    void skipsResolvedMessagesWhenSendResolvedIsFalse() {
        Delivery d = webhook(Map.of("send_resolved", "false"))
                .deliver(message(MessageKind.RESOLVED, resolved("a:80")), "out-7");

        assertThat(d).isEqualTo(new Delivery.Delivered("not sent: send_resolved is false"));
        assertThat(server.requests()).isEmpty();
    }
}
