package dev.steward.notify.pagerduty;

import static dev.steward.notify.SampleMessages.firing;
import static dev.steward.notify.SampleMessages.message;
import static dev.steward.notify.SampleMessages.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.notify.Message;
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

class PagerDutyNotifierTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    final RecordingServer server = new RecordingServer()
            .answering(202, "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"inc-7\"}");

    PagerDutyNotifierTest() throws Exception {}

    @AfterEach
    void stop() {
        server.close();
    }

    Notifier pagerduty(Map<String, Object> extra) {
        Map<String, Object> config = new LinkedHashMap<>(Map.of(
                "routing_key", "${env:PD_KEY}", "url", server.url("/v2/enqueue").toString()));
        config.putAll(extra);
        Receiver r = new Receiver("oncall", Map.of("pagerduty_configs", List.of(config)));
        var built = Notifiers.forReceiver(r, SampleMessages.settings(Map.of("PD_KEY", "R0UT1NG")));
        assertThat(built.errors()).isEmpty();
        return ((Configured.Valid<List<Notifier>>) built).value().getFirst();
    }

    JsonNode send(Notifier n, Message m) {
        assertThat(n.deliver(m, "out-1")).isInstanceOf(Delivery.Delivered.class);
        List<RecordingServer.Request> requests = server.requests();
        return JSON.readTree(requests.getLast().body());
    }

    @Test
    void triggersWithTheIncidentAsDedupKeyAndAFullPayload() {
        JsonNode event = send(pagerduty(Map.of()), message(MessageKind.TRIGGERED, firing("a:80")));

        assertThat(server.only().path()).isEqualTo("/v2/enqueue");
        assertThat(event.get("routing_key").asString()).isEqualTo("R0UT1NG");
        assertThat(event.get("event_action").asString()).isEqualTo("trigger");
        assertThat(event.get("dedup_key").asString()).isEqualTo("inc-7");
        JsonNode payload = event.get("payload");
        assertThat(payload.get("summary").asString()).isEqualTo("[TRIGGERED] critical: API down (service=api)");
        assertThat(payload.get("source").asString()).isEqualTo("a:80");
        assertThat(payload.get("severity").asString()).isEqualTo("critical");
        assertThat(payload.get("timestamp").asString()).isEqualTo("2027-12-31T23:50:00Z");
        assertThat(payload.get("custom_details").get("firing").asInt()).isEqualTo(1);
        assertThat(event.get("client").asString()).isEqualTo("Steward");
        assertThat(event.get("client_url").asString()).isEqualTo("https://steward.example");
        assertThat(event.get("links").findValuesAsString("href"))
                .containsExactly("https://runbooks.example/api-down", "https://steward.example/ack/inc-7?sig=s1");
    }

    @Test
    void escalationsTriggerAgainOnTheSameIncident() {
        JsonNode event = send(pagerduty(Map.of()), message(MessageKind.ESCALATED, firing("a:80")));

        assertThat(event.get("event_action").asString()).isEqualTo("trigger");
        assertThat(event.get("dedup_key").asString()).isEqualTo("inc-7");
    }

    @Test
    void acknowledgementsAndResolutionsCarryOnlyTheActionAndDedupKey() {
        Notifier n = pagerduty(Map.of());

        JsonNode ack = send(n, message(MessageKind.ACKNOWLEDGED, firing("a:80")));
        JsonNode resolve = send(n, message(MessageKind.RESOLVED, resolved("a:80")));

        assertThat(ack.get("event_action").asString()).isEqualTo("acknowledge");
        assertThat(ack.get("dedup_key").asString()).isEqualTo("inc-7");
        assertThat(ack.has("payload")).isFalse();
        assertThat(resolve.get("event_action").asString()).isEqualTo("resolve");
        assertThat(resolve.get("dedup_key").asString()).isEqualTo("inc-7");
    }

    @Test
    void announcementsAreNotSentToPagerDuty() {
        Delivery d = pagerduty(Map.of()).deliver(message(MessageKind.ANNOUNCEMENT), "out-2");

        assertThat(d).isInstanceOf(Delivery.Delivered.class);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void configuredFieldsOverrideTheDerivedOnes() {
        Notifier n = pagerduty(Map.of(
                "severity", "warning",
                "source", "edge-proxy",
                "component", "nginx",
                "details", Map.of("team", "web"),
                "links", List.of(Map.of("href", "https://grafana.example/d/api", "text", "Dashboard"))));

        JsonNode event = send(n, message(MessageKind.TRIGGERED, firing("a:80")));

        assertThat(event.get("payload").get("severity").asString()).isEqualTo("warning");
        assertThat(event.get("payload").get("source").asString()).isEqualTo("edge-proxy");
        assertThat(event.get("payload").get("component").asString()).isEqualTo("nginx");
        assertThat(event.get("payload").get("custom_details").get("team").asString())
                .isEqualTo("web");
        assertThat(event.get("links").findValuesAsString("text")).contains("Dashboard");
    }

    @Test
    void severitiesMapOntoPagerDutysFour() {
        assertThat(PagerDutyEvent.severity("critical")).isEqualTo("critical");
        assertThat(PagerDutyEvent.severity("page")).isEqualTo("critical");
        assertThat(PagerDutyEvent.severity("warning")).isEqualTo("warning");
        assertThat(PagerDutyEvent.severity("info")).isEqualTo("info");
        assertThat(PagerDutyEvent.severity("")).isEqualTo("error");
        assertThat(PagerDutyEvent.severity("major")).isEqualTo("error");
    }

    @Test
    void aRejectedEventIsNotRetriedButRateLimitingIs() {
        Notifier n = pagerduty(Map.of());

        server.answering(400, "{\"status\":\"invalid event\",\"errors\":[\"'routing_key' is invalid\"]}");
        Delivery rejected = n.deliver(message(MessageKind.TRIGGERED, firing("a:80")), "out-3");
        server.answering(429, "");
        Delivery limited = n.deliver(message(MessageKind.TRIGGERED, firing("a:80")), "out-3");
        server.answering(500, "");
        Delivery broken = n.deliver(message(MessageKind.TRIGGERED, firing("a:80")), "out-3");

        assertThat(rejected).isInstanceOfSatisfying(Delivery.Failed.class, f -> {
            assertThat(f.retryable()).isFalse();
            assertThat(f.detail()).contains("routing_key");
        });
        assertThat(limited)
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.retryable()).isTrue());
        assertThat(broken)
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.retryable()).isTrue());
    }

    @Test
    void theRoutingKeyNeverShowsInToString() {
        assertThat(pagerduty(Map.of()).toString()).doesNotContain("R0UT1NG");
    }
}
